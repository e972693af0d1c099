import { createHash } from 'node:crypto';
import { iterate, many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import type { AuditAnchor, AuditEntry, AuditPage, AuditVerification } from '../../../shared/audit/contract';
import { nameRecords } from './record-names';

/** What happened to which record. Deliberately no content: the trail must be safe to show an auditor. */
export interface AuditEvent {
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
}

const GENESIS = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  prev_hash: string;
  hash: string;
}

function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.actor, row.action, row.entity_type, row.entity_id, row.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry chained to the previous one. Call inside the transaction of the change it records. */
export function appendAudit(db: WriteDb, actor: string, at: string, event: AuditEvent): void {
  const last = one<{ seq: number; hash: string }>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at,
    actor,
    action: event.action,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId == null ? null : String(event.entityId),
    prev_hash: last?.hash ?? GENESIS,
  };
  run(
    db,
    'INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @entity_type, @entity_id, @prev_hash, @hash)',
    { ...row, hash: entryHash(row) },
  );
}

/**
 * Walks the whole chain: every hash must match its content and link to the entry before it. This
 * finds an altered, removed, inserted or reordered entry, but not a rewrite of the whole chain (or
 * of its newest entries) by someone holding the database key: for that, an auditor notes `entries`
 * and `headHash` and later passes them back as `anchor`, which must still match.
 */
export function verifyAudit(db: ReadDb, anchor?: AuditAnchor): AuditVerification {
  let prev = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  let anchorMatches: boolean | null = anchor ? false : null;
  for (const row of iterate<AuditRow>(db, 'SELECT * FROM audit_log ORDER BY seq')) {
    const broken = row.seq !== expectedSeq || row.prev_hash !== prev || entryHash(row) !== row.hash;
    if (broken) return { ok: false, entries: entries + 1, brokenAt: row.seq, headHash: null, anchorMatches: anchor && anchor.seq < row.seq ? anchorMatches : null };
    if (anchor && row.seq === anchor.seq) anchorMatches = row.hash === anchor.hash;
    prev = row.hash;
    expectedSeq += 1;
    entries += 1;
  }
  return { ok: true, entries, brokenAt: null, headHash: entries > 0 ? prev : null, anchorMatches };
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
