import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { iterate, many, value, type ReadDb } from '../db/query';

/**
 * What the REFI-QDA export reads from the interview database (attached as `interviews`): interviews,
 * transcripts, the codebook, coded excerpts and complete recordings of one pilot. Read-only; the
 * tables of later interview migrations are checked for, so an older interview database exports
 * what it has.
 */

export interface InterviewRow {
  id: number;
  participantId: number;
  interviewerId: number;
  scheduledOn: string;
  status: string;
}

export interface TranscriptRow {
  interviewId: number;
  body: string;
  updatedAt: string;
}

export interface CodeRow {
  id: number;
  name: string;
  colour: string;
  description: string;
  memo: string;
}

export interface ExcerptRow {
  id: number;
  interviewId: number;
  startCp: number;
  endCp: number;
  memo: string;
  /** Comma-separated code ids, in id order (empty: a memo without a code). */
  codeIds: string | null;
}

export interface RecordingRow {
  id: number;
  interviewId: number;
  mimeType: string;
  durationMs: number | null;
  bytes: number;
}

export interface NoteRow {
  interviewId: number;
  questionId: number;
  question: string | null;
  body: string;
}

const hasTable = (db: ReadDb, name: string): boolean => value<number>(db, "SELECT 1 FROM interviews.sqlite_master WHERE type = 'table' AND name = ?", [name]) === 1;

/** Which parts of stage 11 this interview database holds. */
export function storedParts(db: ReadDb): { transcripts: boolean; coding: boolean; recordings: boolean } {
  return { transcripts: hasTable(db, 'transcripts'), coding: hasTable(db, 'excerpts') && hasTable(db, 'codes'), recordings: hasTable(db, 'recordings') };
}

export const pilotInterviews = (db: ReadDb, pilotId: number) =>
  many<InterviewRow>(
    db,
    `SELECT id, participant_id AS participantId, interviewer_id AS interviewerId, scheduled_on AS scheduledOn, status
       FROM interviews.interviews WHERE pilot_id = ? AND status <> 'cancelled' ORDER BY scheduled_on, id`,
    [pilotId],
  );

export const pilotTranscripts = (db: ReadDb, pilotId: number) =>
  many<TranscriptRow>(
    db,
    `SELECT t.interview_id AS interviewId, t.body, t.updated_at AS updatedAt
       FROM interviews.transcripts t JOIN interviews.interviews v ON v.id = t.interview_id WHERE v.pilot_id = ? ORDER BY t.interview_id`,
    [pilotId],
  );

export const pilotCodes = (db: ReadDb, pilotId: number) =>
  many<CodeRow>(db, 'SELECT id, name, colour, description, memo FROM interviews.codes WHERE pilot_id = ? ORDER BY lower(name), id', [pilotId]);

export const pilotExcerpts = (db: ReadDb, pilotId: number) =>
  many<ExcerptRow>(
    db,
    `SELECT e.id, e.interview_id AS interviewId, e.start_cp AS startCp, e.end_cp AS endCp, e.memo,
            (SELECT group_concat(code_id, ',') FROM (SELECT ec.code_id FROM interviews.excerpt_codes ec WHERE ec.excerpt_id = e.id ORDER BY ec.code_id)) AS codeIds
       FROM interviews.excerpts e JOIN interviews.interviews v ON v.id = e.interview_id
      WHERE v.pilot_id = ? ORDER BY e.interview_id, e.start_cp, e.id`,
    [pilotId],
  );

export const pilotRecordings = (db: ReadDb, pilotId: number) =>
  many<RecordingRow>(
    db,
    `SELECT r.id, r.interview_id AS interviewId, r.mime_type AS mimeType, r.duration_ms AS durationMs, r.bytes
       FROM interviews.recordings r JOIN interviews.interviews v ON v.id = r.interview_id
      WHERE v.pilot_id = ? AND r.status = 'complete' ORDER BY r.interview_id, r.id`,
    [pilotId],
  );

/** Interview notes with the guide question they belong to (question 0: general notes). */
export const pilotNotes = (db: ReadDb, pilotId: number) =>
  many<NoteRow>(
    db,
    `SELECT n.interview_id AS interviewId, n.question_id AS questionId, q.question, n.body
       FROM interviews.interview_notes n JOIN interviews.interviews v ON v.id = n.interview_id
       LEFT JOIN interviews.guide_questions q ON q.id = n.question_id
      WHERE v.pilot_id = ? AND trim(n.body) <> '' ORDER BY n.interview_id, coalesce(q.position, -1), n.question_id`,
    [pilotId],
  );

/** The interviewers' names, only to find them in free text and replace them (never exported). */
export const interviewerNames = (db: ReadDb) => many<{ id: number; name: string }>(db, 'SELECT id, name FROM interviews.interviewers ORDER BY id');

/** A recording's bytes in order, every chunk's checksum verified: a damaged recording is reported, never exported silently. */
export function recordingBytes(db: ReadDb, recordingId: number): Uint8Array {
  const parts: Buffer[] = [];
  for (const chunk of iterate<{ position: number; sha256: string; data: Buffer }>(db, 'SELECT position, sha256, data FROM interviews.recording_chunks WHERE recording_id = ? ORDER BY position', [recordingId])) {
    if (createHash('sha256').update(chunk.data).digest('hex') !== chunk.sha256) {
      throw new AppError('CONFLICT', `Part ${chunk.position + 1} of recording ${recordingId} is damaged (its checksum does not match), so nothing was exported. Restore the vault from a backup, or export without audio.`);
    }
    parts.push(chunk.data);
  }
  return Buffer.concat(parts);
}
