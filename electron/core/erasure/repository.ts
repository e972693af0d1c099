/**
 * Erasure's own table (its certificates) and what it reads from the audit trail: the entry it just
 * wrote (its number and hash go on the certificate).
 */
import { one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { notFound } from '../errors';
import { certificateSchema, type ErasureCertificate } from '../../../shared/erasure/contract';

type CertificateBody = Omit<ErasureCertificate, 'id' | 'scope' | 'erasedAt' | 'actor' | 'audit'>;

interface CertificateRow {
  id: number;
  scope: 'person' | 'pilot';
  erased_at: string;
  actor: string;
  audit_seq: number;
  audit_hash: string;
  body: string;
}

export function auditHead(db: ReadDb): { seq: number; hash: string } {
  const head = one<{ seq: number; hash: string }>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  if (!head) throw new Error('The erasure wrote no audit entry');
  return head;
}

export function insertCertificate(
  db: WriteDb,
  c: { scope: 'person' | 'pilot'; pilotId: number; subjectRef: number; erasedAt: string; actor: string; audit: { seq: number; hash: string }; body: CertificateBody },
): number {
  return run(
    db,
    `INSERT INTO erasure_certificates (scope, pilot_id, subject_ref, erased_at, actor, audit_seq, audit_hash, body)
     VALUES (@scope, @pilotId, @subjectRef, @erasedAt, @actor, @seq, @hash, @body)`,
    { scope: c.scope, pilotId: c.pilotId, subjectRef: c.subjectRef, erasedAt: c.erasedAt, actor: c.actor, seq: c.audit.seq, hash: c.audit.hash, body: JSON.stringify(c.body) },
  ).lastInsertRowid;
}

export function updateCertificateBody(db: WriteDb, id: number, body: CertificateBody): void {
  run(db, 'UPDATE erasure_certificates SET body = ? WHERE id = ?', [JSON.stringify(body), id]);
}

export function getCertificate(db: ReadDb, id: number): ErasureCertificate {
  const row = one<CertificateRow>(db, 'SELECT * FROM erasure_certificates WHERE id = ?', [id]);
  if (!row) throw notFound('Erasure certificate', id);
  return certificateSchema.parse({ ...(JSON.parse(row.body) as CertificateBody), id: row.id, scope: row.scope, erasedAt: row.erased_at, actor: row.actor, audit: { seq: row.audit_seq, hash: row.audit_hash } });
}

export function pilotErasureCertificate(db: ReadDb, pilotId: number): number | null {
  return one<{ id: number }>(db, "SELECT id FROM erasure_certificates WHERE scope = 'pilot' AND pilot_id = ? ORDER BY id DESC LIMIT 1", [pilotId])?.id ?? null;
}

/** When the latest erasure (of a person or a pilot) was made, or null: backups made before it still hold what it erased. */
export const lastErasureAt = (db: ReadDb): string | null => value<string | null>(db, 'SELECT max(erased_at) FROM erasure_certificates') ?? null;
