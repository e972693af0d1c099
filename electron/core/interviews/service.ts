/**
 * The rules of closing interviews, shared by the handlers and by other features' calls (index.ts).
 * Interview data is in the interview database, attached to the session's connection as
 * `interviews`: writes here join the caller's transaction and append to the interview trail.
 */
import type { ReadDb, WriteDb } from '../db/query';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { hasInterviewDatabase } from '../db/interview-database';
import { currentConsent, person } from '../participants';
import type { VaultSession } from '../session';
import type { InterviewDetail } from '../../../shared/interviews/contract';
import { appendInterviewAudit, type InterviewAuditEvent } from './trail';
import { consentOf, getInterview, guideById, interviewerBySlot, notesOf, scheduledInterviewsOf, setStatus, snapshotPeople, writePersonSnapshot } from './repository';

/** Refused plainly where the interview database is not open (a damaged vault opened before its upgrade). */
export function requireInterviewDatabase(db: Db): void {
  if (!hasInterviewDatabase(db)) {
    throw new AppError('CONFLICT', 'The interview database is not open in this session (the vault opened read-only before it was added). Restore the vault from a backup, then unlock it again.');
  }
}

/** Who acts, as the interview trail names them: `coordinator` (or `cli`), or `interviewer:<id>`. */
export function trailActor(db: ReadDb, session: VaultSession, actor: string): string {
  const slot = session.interviewerSlot;
  if (!slot) return actor;
  const me = interviewerBySlot(db, slot);
  return me ? `interviewer:${me.id}` : actor;
}

export const audit = (db: WriteDb, actor: string, now: string, event: InterviewAuditEvent) => appendInterviewAudit(db, actor, now, event);

/**
 * The interviewer a session belongs to, or undefined for the coordinator. An interviewer removed
 * while their session was open is refused from then on.
 */
export function sessionInterviewer(db: ReadDb, session: VaultSession): number | undefined {
  const slot = session.interviewerSlot;
  if (!slot) return undefined;
  const me = interviewerBySlot(db, slot);
  if (!me) throw new AppError('FORBIDDEN', 'Your interviewer access was removed by the coordinator. Lock the vault; nothing was changed.');
  return me.id;
}

/** An interview the session may see: any for the coordinator, only their own for an interviewer (others do not exist for them). */
export function visibleInterview(db: ReadDb, session: VaultSession, interviewId: number) {
  const interview = getInterview(db, interviewId);
  const me = sessionInterviewer(db, session);
  if (me !== undefined && interview.interviewerId !== me) throw new AppError('NOT_FOUND', `Interview ${interviewId} does not exist.`);
  return interview;
}

/**
 * Why this interview cannot be recorded now, with what to do; null when it can. The one rule for
 * the screen (detail) and for the recording commands, which refuse with the same words.
 */
export function whyNotRecordable(interview: { personName: string; status: string; consentCheckedAt: string | null }, consent: { audioRecording: boolean; withdrawn: boolean }): string | null {
  const name = interview.personName;
  if (consent.withdrawn) return `${name} has withdrawn from the pilot, so this interview cannot be recorded.`;
  if (interview.status === 'cancelled') return 'This interview was cancelled, so it cannot be recorded.';
  if (!consent.audioRecording) {
    return `${name} has not consented to audio recording, so this interview cannot be recorded: take notes under the guide’s questions instead. If they want to be recorded, the coordinator records their consent in the register first.`;
  }
  if (interview.consentCheckedAt === null) return `Check the consents with ${name} first: recording starts only after the consent check.`;
  return null;
}

export function detailOf(db: ReadDb, session: VaultSession, interviewId: number): InterviewDetail {
  const { guideId, ...row } = visibleInterview(db, session, interviewId);
  const consent = consentOf(db, row.participantId);
  return { ...row, consent, guide: guideId === null ? null : guideById(db, guideId), notes: notesOf(db, interviewId), recordingUnavailable: whyNotRecordable(row, consent) };
}

/**
 * Copies a person's display name, role and current consents into the interview database: all an
 * interviewer will ever see of them. Written when they are scheduled, when the coordinator's
 * session opens, and on withdrawal — the coordinator's register stays the source.
 */
export function copyPerson(db: WriteDb, participantId: number, now: string): void {
  const who = person(db, participantId);
  const consent = currentConsent(db, participantId);
  writePersonSnapshot(
    db,
    {
      participantId,
      pilotId: who.pilotId,
      displayName: who.name,
      role: who.role,
      consent: {
        takePart: consent?.choices.takePart ?? false,
        audioRecording: consent?.choices.audioRecording ?? false,
        directQuotes: consent?.choices.directQuotes ?? false,
        archiving: consent?.choices.archiving ?? false,
        withdrawn: consent?.withdrawnOn != null || who.status === 'withdrawn',
      },
    },
    now,
  );
}

/** Refreshes every copied person from the register (at the coordinator's unlock): consent changed since is seen by interviewers. */
export function refreshPeople(db: WriteDb, now: string): void {
  if (!hasInterviewDatabase(db)) return;
  for (const participantId of snapshotPeople(db)) {
    try {
      copyPerson(db, participantId, now);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error; // erased from the register: kept as copied
    }
  }
}

/**
 * A consent recorded, corrected or withdrawn reaches the interviewer's copy in the same transaction
 * (people not yet copied are copied when they are scheduled).
 */
export function refreshPersonCopy(db: WriteDb, participantId: number, now: string): void {
  if (hasInterviewDatabase(db) && snapshotPeople(db).includes(participantId)) copyPerson(db, participantId, now);
}

/** A withdrawal cancels the person's scheduled interviews (kept, with the reason) and updates their consents for the interviewer. */
export function cancelInterviewsOfWithdrawn(db: WriteDb, participantId: number, reason: string, actor: string, now: string): number[] {
  if (!hasInterviewDatabase(db)) return [];
  const cancelled = scheduledInterviewsOf(db, participantId);
  for (const id of cancelled) {
    setStatus(db, id, 'cancelled', reason, now);
    audit(db, actor, now, { action: 'interviews.cancel', entityType: 'interview', entityId: id });
  }
  if (cancelled.length > 0 || snapshotPeople(db).includes(participantId)) copyPerson(db, participantId, now);
  return cancelled;
}
