/**
 * Someone still taking part is withdrawn before they are erased, rather than the erasure being
 * refused: a right-to-erasure request should not need two separate steps, and their partner must
 * be looked after exactly as after any withdrawal — so this is the withdrawal's own cascade (status,
 * pairs and their meetings, owed logs, partners flagged, interviews cancelled). The reason written
 * into the partner's records names the person, and the erasure then replaces that name with
 * "[removed]" like any other.
 */
import type { ActionContext } from '../registry/types';
import { erasureSubject } from '../participants';
import { withdrawWithCascade } from '../withdrawal';

/** True when they were withdrawn now; nothing for someone who has withdrawn or completed already. */
export function withdrawBeforeErasure(ctx: ActionContext, participantId: number): boolean {
  const subject = erasureSubject(ctx.db, participantId);
  if (subject.status === 'withdrawn' || subject.status === 'completed') return false;
  withdrawWithCascade(ctx, { participantId, reason: 'erasure requested', note: 'Erasure requested', cause: 'withdrawn', fingerprint: undefined });
  return true;
}
