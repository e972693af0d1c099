/**
 * The interview database's own audit trail: what happened to which record and who did it (the
 * coordinator, or `interviewer:<key slot>`), never content. Hash-chained exactly like the main
 * trail, by the same code (audit's `appendToChain`/`verifyChain`), so the same reasoning and the
 * same tools apply; an interviewer's session can write it without the main database.
 */
import { iterate, type ReadDb, type WriteDb } from '../db/query';
import { appendToChain, verifyChain } from '../audit';
import type { AuditVerification } from '../../../shared/audit/contract';

export interface InterviewAuditEvent {
  action: string;
  entityType: 'interview' | 'interviewer' | 'guide';
  entityId: number;
}

/** Appends one entry, inside the transaction of the change it records. */
export function appendInterviewAudit(db: WriteDb, actor: string, at: string, event: InterviewAuditEvent): void {
  appendToChain(db, 'interviews.audit_log', actor, at, event);
}

/** Walks the whole interview trail, as `verifyAudit` does the main one. */
export function verifyInterviewAudit(db: ReadDb): AuditVerification {
  return verifyChain(db, 'interviews.audit_log');
}

/** The actors of the interview trail, as written: for tests and `vault check`. */
export function interviewTrailActors(db: ReadDb): { action: string; actor: string }[] {
  return [...iterate<{ action: string; actor: string }>(db, 'SELECT action, actor FROM interviews.audit_log ORDER BY seq')];
}
