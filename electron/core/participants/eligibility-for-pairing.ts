/**
 * Who may enter the pairing pool: the one rule, used by the matcher's candidates, pins, confirming
 * a pair and the "Not paired" reasons. Only people who consented to take part and who are at the
 * stage the scheme requires before pairing (met at chemistry where the scheme holds chemistry
 * meetings; trained where it requires training first) may be paired.
 */
import type { ConsentState, ParticipantStatus } from '../../../shared/participants/contract';

/** What the plan asks before pairing (shared/plan/contract.ts, the meeting plan). */
export interface PairingGate {
  chemistryBeforePairing: boolean;
  trainingBeforePairing: boolean;
}

export type PairingBlockReason = 'no-consent' | 'consent-declined' | 'consent-withdrawn' | 'withdrawn' | 'completed' | 'not-met-at-chemistry' | 'not-trained';

export interface PairingBlock {
  reason: PairingBlockReason;
  /** In words, for the coordinator: "No consent to take part". */
  words: string;
}

const blockWords: Record<PairingBlockReason, string> = {
  'no-consent': 'No consent to take part',
  'consent-declined': 'No consent to take part (declined on the form)',
  'consent-withdrawn': 'Consent withdrawn',
  withdrawn: 'Withdrawn from the scheme',
  completed: 'Completed the scheme',
  'not-met-at-chemistry': 'Not yet met at chemistry',
  'not-trained': 'Not yet trained',
};

const block = (reason: PairingBlockReason): PairingBlock => ({ reason, words: blockWords[reason] });

/** Stages from which someone may be paired, by what the plan requires. Already paired or active people (a second place) have passed them all. */
function stageAllows(status: ParticipantStatus, gate: PairingGate): boolean {
  if (status === 'paired' || status === 'active' || status === 'trained') return true;
  if (gate.trainingBeforePairing) return false;
  if (status === 'chemistry') return true;
  return status === 'interested' && !gate.chemistryBeforePairing;
}

/** Why this person may not be paired now, or null when they may. Status first (withdrawn says more than consent), then consent, then stage. */
export function pairingBlock(who: { status: ParticipantStatus; consent: ConsentState }, gate: PairingGate): PairingBlock | null {
  if (who.status === 'withdrawn') return block('withdrawn');
  if (who.status === 'completed') return block('completed');
  if (who.consent === 'withdrawn') return block('consent-withdrawn');
  if (who.consent === 'declined') return block('consent-declined');
  if (who.consent !== 'given') return block('no-consent');
  if (stageAllows(who.status, gate)) return null;
  return block(who.status === 'interested' && gate.chemistryBeforePairing ? 'not-met-at-chemistry' : 'not-trained');
}
