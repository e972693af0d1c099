/**
 * The interview database's own audit trail: what happened to which record and who did it (the
 * coordinator, or `interviewer:<key slot>`), never content. Hash-chained exactly like the main
 * trail (SHA-256 over [seq, at, actor, action, entity_type, entity_id, prev_hash]), so the same
 * reasoning and the same tools apply; an interviewer's session can write it without the main database.
 */
import { createHash } from 'node:crypto';
import { iterate, one, run, type ReadDb, type WriteDb } from '../db/query';
import type { AuditVerification } from '../../../shared/audit/contract';

export interface InterviewAuditEvent {
  action: string;
  entityType: 'interview' | 'interviewer' | 'guide';
  entityId: number;
}

interface TrailRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);
const entryHash = (row: Omit<TrailRow, 'hash'>) =>
  createHash('sha256').update(JSON.stringify([row.seq, row.at, row.actor, row.action, row.entity_type, row.entity_id, row.prev_hash])).digest('hex');

/** Appends one entry, inside the transaction of the change it records. */
export function appendInterviewAudit(db: WriteDb, actor: string, at: string, event: InterviewAuditEvent): void {
  const last = one<{ seq: number; hash: string }>(db, 'SELECT seq, hash FROM interviews.audit_log ORDER BY seq DESC LIMIT 1');
  const row = { seq: (last?.seq ?? 0) + 1, at, actor, action: event.action, entity_type: event.entityType, entity_id: String(event.entityId), prev_hash: last?.hash ?? GENESIS };
  run(db, 'INSERT INTO interviews.audit_log (seq, at, actor, action, entity_type, entity_id, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @entity_type, @entity_id, @prev_hash, @hash)', {
    ...row,
    hash: entryHash(row),
  });
}

/** Walks the whole interview trail, as `verifyAudit` does the main one. */
export function verifyInterviewAudit(db: ReadDb): AuditVerification {
  let prev = GENESIS;
  let entries = 0;
  for (const row of iterate<TrailRow>(db, 'SELECT * FROM interviews.audit_log ORDER BY seq')) {
    if (row.seq !== entries + 1 || row.prev_hash !== prev || entryHash(row) !== row.hash) return { ok: false, entries: entries + 1, brokenAt: row.seq, headHash: null, anchorMatches: null };
    prev = row.hash;
    entries += 1;
  }
  return { ok: true, entries, brokenAt: null, headHash: entries > 0 ? prev : null, anchorMatches: null };
}

/** The actors of the interview trail, as written: for tests and `vault check`. */
export function interviewTrailActors(db: ReadDb): { action: string; actor: string }[] {
  return [...iterate<{ action: string; actor: string }>(db, 'SELECT action, actor FROM interviews.audit_log ORDER BY seq')];
}
