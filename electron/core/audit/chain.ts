import { createHash } from 'node:crypto';
import { iterate, one, run, type ReadDb, type WriteDb } from '../db/query';
import type { AuditAnchor, AuditVerification } from '../../../shared/audit/contract';

/**
 * The hash chain behind every audit trail (the main one and the interview database's): each entry
 * is SHA-256 over [seq, at, actor, action, entity_type, entity_id, prev_hash], so altering,
 * removing, inserting or reordering an entry breaks the chain from there on. One implementation,
 * so both trails are appended and verified by the same rules.
 */

/** The tables that hold a chain, each with the columns seq, at, actor, action, entity_type, entity_id, prev_hash, hash. */
export type ChainTable = 'audit_log' | 'interviews.audit_log';

/** What happened to which record. Deliberately no content: the trail must be safe to show an auditor. */
export interface AuditEvent {
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
}

export interface ChainRow {
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

function entryHash(row: Omit<ChainRow, 'hash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.actor, row.action, row.entity_type, row.entity_id, row.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry chained to the previous one. Call inside the transaction of the change it records. */
export function appendToChain(db: WriteDb, table: ChainTable, actor: string, at: string, event: AuditEvent): void {
  const last = one<{ seq: number; hash: string }>(db, `SELECT seq, hash FROM ${table} ORDER BY seq DESC LIMIT 1`);
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
    `INSERT INTO ${table} (seq, at, actor, action, entity_type, entity_id, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @entity_type, @entity_id, @prev_hash, @hash)`,
    { ...row, hash: entryHash(row) },
  );
}

/**
 * Walks the whole chain: every hash must match its content and link to the entry before it. This
 * finds an altered, removed, inserted or reordered entry, but not a rewrite of the whole chain (or
 * of its newest entries) by someone holding the database key: for that, an auditor notes `entries`
 * and `headHash` and later passes them back as `anchor`, which must still match.
 */
export function verifyChain(db: ReadDb, table: ChainTable, anchor?: AuditAnchor): AuditVerification {
  let prev = GENESIS;
  let entries = 0;
  let anchorMatches: boolean | null = anchor ? false : null;
  for (const row of iterate<ChainRow>(db, `SELECT * FROM ${table} ORDER BY seq`)) {
    const broken = row.seq !== entries + 1 || row.prev_hash !== prev || entryHash(row) !== row.hash;
    if (broken) return { ok: false, entries: entries + 1, brokenAt: row.seq, headHash: null, anchorMatches: anchor && anchor.seq < row.seq ? anchorMatches : null };
    if (anchor && row.seq === anchor.seq) anchorMatches = row.hash === anchor.hash;
    prev = row.hash;
    entries += 1;
  }
  return { ok: true, entries, brokenAt: null, headHash: entries > 0 ? prev : null, anchorMatches };
}
