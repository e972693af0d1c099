import type { ReadDb } from '../db/query';
import { latestAuditOf } from '../audit';

/**
 * A draft saved as the coordinator types is audited once per editing session: the first save of a
 * draft audits; later saves of the same draft do not while the draft's latest audit entry is a
 * draft save less than DRAFT_SESSION_MINUTES old. Any other entry for the log in between (submitted,
 * not provided, imported) starts a new session. Entries are still hash-chained as before.
 */
export const DRAFT_SESSION_MINUTES = 30;

export function startsDraftSession(db: ReadDb, logId: number, now: Date): boolean {
  const latest = latestAuditOf(db, 'reflective_log', logId);
  if (!latest || latest.action !== 'logs.saveDraft') return true;
  return now.getTime() - Date.parse(latest.at) >= DRAFT_SESSION_MINUTES * 60_000;
}
