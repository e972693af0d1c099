/**
 * A withdrawal reaches everything, in the command's one transaction: the person's status (through
 * the lifecycle), each current pair ended with the reason, its remaining meetings cancelled (kept in
 * history), the logs they owe recorded as not provided, and each partner flagged for re-pairing.
 * Their data stays: withdrawal is not erasure. The preview says exactly what will change, and the
 * command refuses when the situation changed since the coordinator saw it.
 */
import { createHash } from 'node:crypto';
import type { ReadDb } from '../db/query';
import { AppError } from '../errors';
import { formatDate } from '../../../shared/dates';
import type { CommandContext } from '../registry/types';
import type { StatusCause, WithdrawalPreview } from '../../../shared/participants/contract';
import { currentPairsOf, endPairWithReason } from '../matching';
import { remainingMeetings } from '../meetings';
import { excuseOwedLogs, owedLogsOf } from '../logs';
import { cancelInterviewsOfWithdrawn } from '../interviews';
import { pairingFacts, setRepairingNote, transition } from '../participants';

const leftAlready = new Set(['withdrawn', 'completed']);

export function previewWithdrawal(db: ReadDb, participantId: number): WithdrawalPreview {
  const who = pairingFacts(db, participantId);
  const pairs = currentPairsOf(db, participantId).map((p) => ({
    pairId: p.pairId,
    partnerId: p.partnerId,
    partnerName: p.partnerName,
    partnerFlagged: !leftAlready.has(p.partnerStatus),
    cancelledMeetings: remainingMeetings(db, p.pairId),
  }));
  const owedLogs = owedLogsOf(db, participantId).map(({ meetingId, sequence, heldOn }) => ({ meetingId, sequence, heldOn }));
  const facts = { participantId, status: who.status, pairs, owedLogs };
  return { ...facts, name: who.name, fingerprint: createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 32) };
}

interface Cascade {
  participantId: number;
  reason: string;
  /** The status change with it: a withdrawal (by hand or with consent), or none (consent withdrawn, status kept). */
  cause: Extract<StatusCause, 'withdrawn' | 'consent-withdrawn'> | null;
  /** The preview the coordinator confirmed; without one the cascade runs on the situation as it is. */
  fingerprint: string | undefined;
  /** What the history and the pairs keep as the reason ("Consent withdrawn: …"). */
  note: string;
}

/** Refuses, before anything changes, when the situation is no longer the one the coordinator confirmed. */
export function assertPreviewUnchanged(db: ReadDb, participantId: number, fingerprint: string | undefined): WithdrawalPreview {
  const preview = previewWithdrawal(db, participantId);
  if (fingerprint !== undefined && fingerprint !== preview.fingerprint) {
    throw new AppError(
      'CONFLICT',
      `What withdrawing ${preview.name} would change is no longer what the preview showed (a pair, a meeting, a log or their status changed since). Nothing was changed: look at the new preview and confirm again.`,
    );
  }
  return preview;
}

export function withdrawWithCascade(ctx: CommandContext, c: Cascade): void {
  const { db } = ctx;
  const preview = assertPreviewUnchanged(db, c.participantId, c.fingerprint);
  const now = ctx.now().toISOString();
  const today = ctx.today();
  if (c.cause) {
    transition(db, c.participantId, 'withdrawn', c.cause, now, c.note);
    ctx.audit({ action: 'participants.transition.withdrawn', entityType: 'participant', entityId: c.participantId });
  }
  setRepairingNote(db, c.participantId, null);
  for (const logId of excuseOwedLogs(db, c.participantId, `${preview.name} withdrew: ${c.reason}`, now)) {
    ctx.audit({ action: 'logs.markNotProvided', entityType: 'reflective_log', entityId: logId });
  }
  for (const pair of preview.pairs) {
    endPairWithReason(db, pair.pairId, `${preview.name} withdrew: ${c.reason}`, today, now);
    ctx.audit({ action: 'pairs.unpair', entityType: 'pair', entityId: pair.pairId });
    if (pair.partnerFlagged) setRepairingNote(db, pair.partnerId, `${preview.name} withdrew on ${formatDate(today)}; their pair ended. Needs a new partner.`);
  }
  cancelInterviewsOfWithdrawn(db, c.participantId, `${preview.name} withdrew: ${c.reason}`, ctx.actor, now);
}
