/** All SQL of closing interviews: every table lives in the attached interview database (`interviews.`). */
import { many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import type { ConsentSnapshot, Guide, GuideAudience, GuideQuestionDraft, InterviewRow, InterviewStatus, Interviewer, PersonInterviewRow } from '../../../shared/interviews/contract';

// ---- interviewers ----

export function listInterviewers(db: ReadDb): Interviewer[] {
  return many<Interviewer>(
    db,
    `SELECT i.id, i.name, i.email, (SELECT count(*) FROM interviews.interviews v WHERE v.interviewer_id = i.id AND v.status = 'scheduled') AS scheduled
     FROM interviews.interviewers i WHERE i.removed_at IS NULL ORDER BY i.name COLLATE NOCASE, i.id`,
  );
}

export function getInterviewer(db: ReadDb, id: number): Interviewer & { slotId: string } {
  const row = one<Interviewer & { slotId: string }>(
    db,
    `SELECT i.id, i.name, i.email, i.slot_id AS slotId, (SELECT count(*) FROM interviews.interviews v WHERE v.interviewer_id = i.id AND v.status = 'scheduled') AS scheduled
     FROM interviews.interviewers i WHERE i.id = ? AND i.removed_at IS NULL`,
    [id],
  );
  if (!row) throw notFound('Interviewer', id);
  return row;
}

/** The current interviewer holding a key slot (undefined once removed). */
export function interviewerBySlot(db: ReadDb, slotId: string): { id: number; name: string } | undefined {
  return one<{ id: number; name: string }>(db, 'SELECT id, name FROM interviews.interviewers WHERE slot_id = ? AND removed_at IS NULL', [slotId]);
}

export function insertInterviewer(db: WriteDb, name: string, email: string, slotId: string, now: string): number {
  if (value<number>(db, 'SELECT 1 FROM interviews.interviewers WHERE lower(email) = lower(?) AND removed_at IS NULL', [email])) {
    throw new AppError('CONFLICT', 'An interviewer with this email already exists. Nothing was changed.', [{ path: ['email'], message: 'Already an interviewer' }]);
  }
  return run(db, 'INSERT INTO interviews.interviewers (name, email, slot_id, created_at) VALUES (?, ?, ?, ?)', [name, email, slotId, now]).lastInsertRowid;
}

export function markInterviewerRemoved(db: WriteDb, id: number, now: string): void {
  run(db, 'UPDATE interviews.interviewers SET removed_at = ? WHERE id = ?', [now, id]);
}

// ---- guides ----

interface GuideRow {
  id: number;
  audience: GuideAudience;
  title: string;
  version: number;
  used: number;
}

const guideSelect = `SELECT g.id, g.audience, g.title, g.version,
  EXISTS (SELECT 1 FROM interviews.interviews v WHERE v.guide_id = g.id AND (v.consent_checked_at IS NOT NULL OR v.status = 'done')) AS used
  FROM interviews.guides g`;

function withQuestions(db: ReadDb, row: GuideRow): Guide {
  const questions = many<{ id: number; position: number; question: string; prompts: string }>(
    db,
    'SELECT id, position, question, prompts FROM interviews.guide_questions WHERE guide_id = ? ORDER BY position',
    [row.id],
  ).map((q) => ({ ...q, prompts: JSON.parse(q.prompts) as string[] }));
  return { id: row.id, audience: row.audience, title: row.title, version: row.version, used: row.used === 1, questions };
}

export function currentGuides(db: ReadDb, pilotId: number): Guide[] {
  return many<GuideRow>(db, `${guideSelect} WHERE g.pilot_id = ? AND g.retired_at IS NULL ORDER BY g.audience`, [pilotId]).map((row) => withQuestions(db, row));
}

export function guideById(db: ReadDb, id: number): Guide | null {
  const row = one<GuideRow>(db, `${guideSelect} WHERE g.id = ?`, [id]);
  return row ? withQuestions(db, row) : null;
}

/** The guide an interview with this person uses: the one for their role, else the one for everyone. */
export function guideFor(db: ReadDb, pilotId: number, role: 'mentor' | 'mentee'): number | null {
  return (
    value<number>(db, `SELECT id FROM interviews.guides WHERE pilot_id = ? AND retired_at IS NULL AND audience IN (?, 'everyone') ORDER BY audience = 'everyone' LIMIT 1`, [pilotId, role]) ?? null
  );
}

/**
 * Saves a guide. An unused current guide is edited in place; a used one is retired and a new
 * version replaces it, so an interview already held keeps the questions it was held with. Interviews
 * not yet started move to the new version.
 */
export function saveGuide(db: WriteDb, pilotId: number, audience: GuideAudience, title: string, questions: GuideQuestionDraft[], now: string): number {
  const current = one<GuideRow>(db, `${guideSelect} WHERE g.pilot_id = ? AND g.audience = ? AND g.retired_at IS NULL`, [pilotId, audience]);
  let guideId: number;
  if (current && current.used === 0) {
    guideId = current.id;
    run(db, 'UPDATE interviews.guides SET title = ? WHERE id = ?', [title, guideId]);
    run(db, 'DELETE FROM interviews.guide_questions WHERE guide_id = ?', [guideId]);
  } else {
    if (current) run(db, 'UPDATE interviews.guides SET retired_at = ? WHERE id = ?', [now, current.id]);
    guideId = run(db, 'INSERT INTO interviews.guides (pilot_id, audience, title, version, replaces_id, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      pilotId,
      audience,
      title,
      (current?.version ?? 0) + 1,
      current?.id ?? null,
      now,
    ]).lastInsertRowid;
    if (current) {
      run(db, "UPDATE interviews.interviews SET guide_id = ? WHERE guide_id = ? AND status = 'scheduled' AND consent_checked_at IS NULL", [guideId, current.id]);
    }
  }
  questions.forEach((q, index) => {
    run(db, 'INSERT INTO interviews.guide_questions (guide_id, position, question, prompts) VALUES (?, ?, ?, ?)', [guideId, index + 1, q.question, JSON.stringify(q.prompts ?? [])]);
  });
  // Scheduled interviews without a guide (none existed when they were booked) take this one where it fits.
  const roles = audience === 'everyone' ? ['mentor', 'mentee'] : [audience];
  run(
    db,
    `UPDATE interviews.interviews SET guide_id = ? WHERE pilot_id = ? AND guide_id IS NULL AND status = 'scheduled'
       AND participant_id IN (SELECT participant_id FROM interviews.people WHERE role IN (SELECT value FROM json_each(?)))`,
    [guideId, pilotId, JSON.stringify(roles)],
  );
  return guideId;
}

// ---- people (the snapshot an interviewer sees) ----

export interface PersonSnapshot {
  participantId: number;
  pilotId: number;
  displayName: string;
  role: 'mentor' | 'mentee';
  consent: Omit<ConsentSnapshot, 'copiedAt'>;
}

export function writePersonSnapshot(db: WriteDb, person: PersonSnapshot, now: string): void {
  const c = person.consent;
  run(
    db,
    `INSERT INTO interviews.people (participant_id, pilot_id, display_name, role, take_part, audio_recording, direct_quotes, archiving, consent_withdrawn, copied_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (participant_id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, take_part = excluded.take_part,
       audio_recording = excluded.audio_recording, direct_quotes = excluded.direct_quotes, archiving = excluded.archiving,
       consent_withdrawn = excluded.consent_withdrawn, copied_at = excluded.copied_at`,
    [person.participantId, person.pilotId, person.displayName, person.role, +c.takePart, +c.audioRecording, +c.directQuotes, +c.archiving, +c.withdrawn, now],
  );
}

/** The people copied so far (to refresh their snapshot from the register). */
export function snapshotPeople(db: ReadDb): number[] {
  return many<{ id: number }>(db, 'SELECT participant_id AS id FROM interviews.people').map((row) => row.id);
}

export function consentOf(db: ReadDb, participantId: number): ConsentSnapshot {
  const row = one<{ take_part: number; audio_recording: number; direct_quotes: number; archiving: number; consent_withdrawn: number; copied_at: string }>(
    db,
    'SELECT take_part, audio_recording, direct_quotes, archiving, consent_withdrawn, copied_at FROM interviews.people WHERE participant_id = ?',
    [participantId],
  );
  if (!row) throw notFound('Person', participantId);
  return {
    takePart: row.take_part === 1 && row.consent_withdrawn === 0,
    audioRecording: row.audio_recording === 1 && row.consent_withdrawn === 0,
    directQuotes: row.direct_quotes === 1 && row.consent_withdrawn === 0,
    archiving: row.archiving === 1 && row.consent_withdrawn === 0,
    withdrawn: row.consent_withdrawn === 1,
    copiedAt: row.copied_at,
  };
}

// ---- interviews ----

const interviewSelect = `SELECT v.id, v.pilot_id AS pilotId, v.participant_id AS participantId, p.display_name AS personName, p.role AS personRole,
  v.interviewer_id AS interviewerId, i.name AS interviewerName, v.scheduled_on AS scheduledOn, v.starts_at AS startsAt, v.place, v.online_link AS onlineLink,
  v.status, v.cancel_reason AS cancelReason, v.consent_checked_at AS consentCheckedAt, v.guide_id AS guideId
  FROM interviews.interviews v JOIN interviews.people p ON p.participant_id = v.participant_id JOIN interviews.interviewers i ON i.id = v.interviewer_id`;

type StoredInterview = InterviewRow & { guideId: number | null };
const toRow = ({ guideId: _guide, ...row }: StoredInterview): InterviewRow => row;

export function getInterview(db: ReadDb, id: number): StoredInterview {
  const row = one<StoredInterview>(db, `${interviewSelect} WHERE v.id = ?`, [id]);
  if (!row) throw notFound('Interview', id);
  return row;
}

export const interviewRowOf = (db: ReadDb, id: number): InterviewRow => toRow(getInterview(db, id));

export function pageInterviews(db: ReadDb, pilotId: number, status: InterviewStatus | 'all', offset: number, limit: number): { total: number; rows: InterviewRow[] } {
  const filter = status === 'all' ? '' : 'AND v.status = @status';
  const params = { pilotId, status, offset, limit };
  const total = value<number>(db, `SELECT count(*) FROM interviews.interviews v WHERE v.pilot_id = @pilotId ${filter}`, params) ?? 0;
  // Scheduled soonest first, then the rest newest first.
  const rows = many<StoredInterview>(
    db,
    `${interviewSelect} WHERE v.pilot_id = @pilotId ${filter}
     ORDER BY v.status <> 'scheduled', CASE WHEN v.status = 'scheduled' THEN v.scheduled_on || v.starts_at END, v.scheduled_on DESC, v.id LIMIT @limit OFFSET @offset`,
    params,
  );
  return { total, rows: rows.map(toRow) };
}

export function interviewsOf(db: ReadDb, interviewerId: number): InterviewRow[] {
  return many<StoredInterview>(
    db,
    `${interviewSelect} WHERE v.interviewer_id = ? AND v.status <> 'cancelled' ORDER BY v.status <> 'scheduled', v.scheduled_on, v.starts_at, v.id`,
    [interviewerId],
  ).map(toRow);
}

export interface ScheduleFields {
  interviewerId: number;
  scheduledOn: string;
  startsAt: string;
  place: string;
  onlineLink: string;
}

export function insertInterview(db: WriteDb, pilotId: number, participantId: number, guideId: number | null, fields: ScheduleFields, now: string): number {
  return run(
    db,
    `INSERT INTO interviews.interviews (pilot_id, participant_id, interviewer_id, guide_id, scheduled_on, starts_at, place, online_link, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [pilotId, participantId, fields.interviewerId, guideId, fields.scheduledOn, fields.startsAt, fields.place, fields.onlineLink, now, now],
  ).lastInsertRowid;
}

export function updateSchedule(db: WriteDb, id: number, fields: ScheduleFields, now: string): void {
  run(db, 'UPDATE interviews.interviews SET interviewer_id = ?, scheduled_on = ?, starts_at = ?, place = ?, online_link = ?, updated_at = ? WHERE id = ?', [
    fields.interviewerId,
    fields.scheduledOn,
    fields.startsAt,
    fields.place,
    fields.onlineLink,
    now,
    id,
  ]);
}

export function setStatus(db: WriteDb, id: number, status: InterviewStatus, reason: string | null, now: string): void {
  run(db, 'UPDATE interviews.interviews SET status = ?, cancel_reason = ?, updated_at = ? WHERE id = ?', [status, reason, now, id]);
}

export function recordConsentCheck(db: WriteDb, id: number, actor: string, now: string): void {
  run(db, 'UPDATE interviews.interviews SET consent_checked_at = ?, consent_checked_by = ?, updated_at = ? WHERE id = ?', [now, actor, now, id]);
}

/** The person's scheduled interviews (for a withdrawal). */
export function scheduledInterviewsOf(db: ReadDb, participantId: number): number[] {
  return many<{ id: number }>(db, "SELECT id FROM interviews.interviews WHERE participant_id = ? AND status = 'scheduled'", [participantId]).map((row) => row.id);
}

export function hasOpenInterview(db: ReadDb, participantId: number): boolean {
  return value<number>(db, "SELECT 1 FROM interviews.interviews WHERE participant_id = ? AND status = 'scheduled'", [participantId]) === 1;
}

// ---- notes ----

export function notesOf(db: ReadDb, interviewId: number): { questionId: number; body: string; updatedAt: string }[] {
  return many(db, 'SELECT question_id AS questionId, body, updated_at AS updatedAt FROM interviews.interview_notes WHERE interview_id = ? ORDER BY question_id', [interviewId]);
}

export function saveNote(db: WriteDb, interviewId: number, questionId: number, body: string, now: string): void {
  run(
    db,
    `INSERT INTO interviews.interview_notes (interview_id, question_id, body, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (interview_id, question_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
    [interviewId, questionId, body, now],
  );
}

// ---- for other features (timeline, dashboard) ----

export function interviewCounts(db: ReadDb, pilotId: number): { scheduled: number; done: number; cancelled: number } {
  const rows = many<{ status: InterviewStatus; n: number }>(db, 'SELECT status, count(*) AS n FROM interviews.interviews WHERE pilot_id = ? GROUP BY status', [pilotId]);
  const count = (status: InterviewStatus) => rows.find((row) => row.status === status)?.n ?? 0;
  return { scheduled: count('scheduled'), done: count('done'), cancelled: count('cancelled') };
}

/** Interviews still scheduled between two dates (inclusive): the dashboard's week. */
export const scheduledInterviewsBetween = (db: ReadDb, pilotId: number, from: string, to: string): number =>
  value<number>(db, "SELECT count(*) FROM interviews.interviews WHERE pilot_id = ? AND status = 'scheduled' AND scheduled_on BETWEEN ? AND ?", [pilotId, from, to])!;

/** One person's interviews for their page, with how many recordings and whether a transcript was written. */
export const interviewsOfPerson = (db: ReadDb, participantId: number): PersonInterviewRow[] =>
  many<Omit<PersonInterviewRow, 'transcript'> & { transcript: number }>(
    db,
    `SELECT v.id, v.scheduled_on AS scheduledOn, v.starts_at AS startsAt, v.status, i.name AS interviewer,
            (SELECT count(*) FROM interviews.recordings r WHERE r.interview_id = v.id) AS recordings,
            EXISTS (SELECT 1 FROM interviews.transcripts t WHERE t.interview_id = v.id AND t.body <> '') AS transcript
       FROM interviews.interviews v JOIN interviews.interviewers i ON i.id = v.interviewer_id
      WHERE v.participant_id = ? ORDER BY v.scheduled_on, v.starts_at, v.id`,
    [participantId],
  ).map((row) => ({ ...row, transcript: row.transcript === 1 }));
