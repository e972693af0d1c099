import type { WriteDb } from '../../db/query';
import { preparationStages, stageBeforePairing, statusOf, transition } from '../../participants';
import { cancelRemaining } from '../../meetings';
import * as repo from './repository';

/**
 * Ends a pair with its reason: its remaining meetings are cancelled (kept in history), and each
 * person still "paired" returns to their stage before pairing, unless they have another partner.
 */
export function endPairWithReason(db: WriteDb, id: number, reason: string, today: string, now: string) {
  const { pair, row } = repo.endPair(db, id, reason, today, now);
  cancelRemaining(db, id, reason, now);
  for (const [personId, before] of [
    [row.mentor_id, row.mentor_status_before],
    [row.mentee_id, row.mentee_status_before],
  ] as const) {
    if (statusOf(db, personId).status !== 'paired' || repo.currentPairCount(db, personId) > 0) continue;
    // Someone confirmed into a second pair while already paired was "paired" before it: back to where their first pair found them.
    const back = preparationStages.includes(before) ? before : stageBeforePairing(db, personId);
    transition(db, personId, back, 'unpaired', now, `Pair ended: ${reason}`);
  }
  return pair;
}
