import { many, one, value, type ReadDb, type WriteDb } from '../db/query';
import { appendToChain, verifyChain, type AuditEvent, type ChainRow } from './chain';
import type { AuditAnchor, AuditEntry, AuditPage, AuditVerification } from '../../../shared/audit/contract';
import { nameRecords } from './record-names';

export type { AuditEvent };

type AuditRow = ChainRow;

/** Appends one entry to the main trail, chained to the previous one. Call inside the transaction of the change it records. */
export function appendAudit(db: WriteDb, actor: string, at: string, event: AuditEvent): void {
  appendToChain(db, 'audit_log', actor, at, event);
}

/** Walks the main trail's whole chain (see `verifyChain`), checking the auditor's anchor if given. */
export function verifyAudit(db: ReadDb, anchor?: AuditAnchor): AuditVerification {
  return verifyChain(db, 'audit_log', anchor);
}

export function listAudit(db: ReadDb, limit: number, beforeSeq?: number): AuditEntry[] {
  const rows = many<AuditRow>(db, 'SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?', [beforeSeq ?? Number.MAX_SAFE_INTEGER, limit]);
  return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, entityType: r.entity_type, entityId: r.entity_id, hash: r.hash }));
}

const toEntry = (r: AuditRow): AuditEntry => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, entityType: r.entity_type, entityId: r.entity_id, hash: r.hash });

/**
 * One page of the whole trail, newest first: by feature ("meetings": every meetings.* action) or by
 * one action ("meetings.applyShift" includes its counted form "meetings.applyShift(12)"), and by
 * UTC day. Records are named for the page in one query per record type.
 */
export function pageAudit(db: ReadDb, q: { offset: number; limit: number; action: string; from?: string | undefined; to?: string | undefined }): AuditPage {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.action.includes('.')) {
    // The action, its counted form "action(12)" and its sub-actions "action.detail", as index ranges.
    where.push("(action = @action OR (action >= @action || '(' AND action < @action || ')') OR (action >= @action || '.' AND action < @action || '/'))");
    params.action = q.action;
  } else if (q.action) {
    // Every action of a feature: "meetings." up to (not including) "meetings/", the next character.
    where.push("action >= @action || '.' AND action < @action || '/'");
    params.action = q.action;
  }
  if (q.from) {
    where.push('at >= @from');
    params.from = q.from;
  }
  if (q.to) {
    // Up to the end of that day: timestamps are ISO, so the next day's start bounds it.
    where.push('at < @until');
    params.until = new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = value<number>(db, `SELECT count(*) FROM audit_log ${clause}`, params) ?? 0;
  const rows = many<AuditRow>(db, `SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`, { ...params, limit: q.limit, offset: q.offset }).map(toEntry);
  const records = nameRecords(db, rows);
  return { total, offset: q.offset, rows: rows.map((r, i) => ({ ...r, record: records[i] ?? null })) };
}

/** When a record's latest entry was written and what it was: a draft's autosaves are audited once per editing session. */
export function latestAuditOf(db: ReadDb, entityType: string, entityId: number): { action: string; at: string } | undefined {
  return one<{ action: string; at: string }>(db, 'SELECT action, at FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1', [entityType, String(entityId)]);
}
