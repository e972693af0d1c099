/** All SQL of interview recordings (the interview database, attached as `interviews`). */
import { createHash } from 'node:crypto';
import { iterate, many, one, run, value, type ReadDb, type WriteDb } from '../../db/query';
import { AppError } from '../../errors';
import type { Recording, RecordingStatus } from '../../../../shared/interviews/recordings-contract';

/** Stored chunks are at most this large: a recorder's 1 MB chunk is split, an import cut up. */
export const STORED_CHUNK_BYTES = 256 * 1024;

interface RecordingRow {
  id: number;
  interviewId: number;
  status: RecordingStatus;
  source: 'recorded' | 'imported';
  mimeType: string;
  fileName: string | null;
  durationMs: number | null;
  bytes: number;
  lastSequence: number;
  createdAt: string;
  finishedAt: string | null;
}

const COLUMNS = `id, interview_id AS interviewId, status, source, mime_type AS mimeType, file_name AS fileName, duration_ms AS durationMs,
  bytes, last_sequence AS lastSequence, created_at AS createdAt, finished_at AS finishedAt`;

export function recordingRow(db: ReadDb, recordingId: number): RecordingRow {
  const row = one<RecordingRow>(db, `SELECT ${COLUMNS} FROM interviews.recordings WHERE id = ?`, [recordingId]);
  if (!row) throw new AppError('NOT_FOUND', `Recording ${recordingId} does not exist.`);
  return row;
}

function view(db: ReadDb, row: RecordingRow): Recording {
  const { lastSequence: _lastSequence, ...rest } = row;
  return {
    ...rest,
    chunks: value<number>(db, 'SELECT count(*) FROM interviews.recording_chunks WHERE recording_id = ?', [row.id])!,
    markers: many<{ questionId: number; atMs: number }>(db, 'SELECT question_id AS questionId, at_ms AS atMs FROM interviews.recording_markers WHERE recording_id = ? ORDER BY at_ms, id', [row.id]),
  };
}

export const recordingOf = (db: ReadDb, recordingId: number): Recording => view(db, recordingRow(db, recordingId));

export const recordingsOfInterview = (db: ReadDb, interviewId: number): Recording[] =>
  many<RecordingRow>(db, `SELECT ${COLUMNS} FROM interviews.recordings WHERE interview_id = ? ORDER BY id`, [interviewId]).map((row) => view(db, row));

/** Recordings never finished, with the interviewer each belongs to (for scoping to the session). */
export const unfinishedRecordings = (db: ReadDb): (Recording & { interviewerId: number })[] =>
  many<RecordingRow & { interviewerId: number }>(
    db,
    `SELECT r.id, r.interview_id AS interviewId, r.status, r.source, r.mime_type AS mimeType, r.file_name AS fileName, r.duration_ms AS durationMs,
            r.bytes, r.last_sequence AS lastSequence, r.created_at AS createdAt, r.finished_at AS finishedAt, i.interviewer_id AS interviewerId
       FROM interviews.recordings r JOIN interviews.interviews i ON i.id = r.interview_id
      WHERE r.status <> 'complete' ORDER BY r.id`,
  ).map(({ interviewerId, ...row }) => ({ ...view(db, row), interviewerId }));

export function insertRecording(db: WriteDb, recording: { interviewId: number; mimeType: string; source: 'recorded' | 'imported'; fileName: string | null; createdBy: string; now: string }): number {
  return run(
    db,
    `INSERT INTO interviews.recordings (interview_id, mime_type, source, status, file_name, created_by, created_at)
     VALUES (@interviewId, @mimeType, @source, 'recording', @fileName, @createdBy, @now)`,
    recording,
  ).lastInsertRowid;
}

/** Appends bytes after what is stored, in pieces of at most STORED_CHUNK_BYTES, each with its SHA-256. */
export function appendBytes(db: WriteDb, recordingId: number, bytes: Uint8Array): void {
  const stored = one<{ position: number; end: number }>(
    db,
    'SELECT coalesce(max(position) + 1, 0) AS position, coalesce(max(byte_offset + length), 0) AS "end" FROM interviews.recording_chunks WHERE recording_id = ?',
    [recordingId],
  )!;
  let position = stored.position;
  for (let at = 0; at < bytes.length; at += STORED_CHUNK_BYTES) {
    const piece = bytes.subarray(at, Math.min(at + STORED_CHUNK_BYTES, bytes.length));
    run(db, 'INSERT INTO interviews.recording_chunks (recording_id, position, byte_offset, length, sha256, data) VALUES (?, ?, ?, ?, ?, ?)', [
      recordingId,
      position++,
      stored.end + at,
      piece.length,
      createHash('sha256').update(piece).digest('hex'),
      piece,
    ]);
  }
  run(db, 'UPDATE interviews.recordings SET bytes = bytes + ? WHERE id = ?', [bytes.length, recordingId]);
}

export const setLastSequence = (db: WriteDb, recordingId: number, sequence: number) => run(db, 'UPDATE interviews.recordings SET last_sequence = ? WHERE id = ?', [sequence, recordingId]);

export const storedChunkCount = (db: ReadDb, recordingId: number) => value<number>(db, 'SELECT count(*) FROM interviews.recording_chunks WHERE recording_id = ?', [recordingId])!;

/** The whole recording, checksums verified: a damaged chunk is reported, never played or exported silently. */
export function readAll(db: ReadDb, recordingId: number): Buffer {
  const parts: Buffer[] = [];
  for (const chunk of iterate<{ position: number; sha256: string; data: Buffer }>(db, 'SELECT position, sha256, data FROM interviews.recording_chunks WHERE recording_id = ? ORDER BY position', [recordingId])) {
    if (createHash('sha256').update(chunk.data).digest('hex') !== chunk.sha256) {
      throw new AppError('CONFLICT', `Part ${chunk.position + 1} of recording ${recordingId} is damaged (its checksum does not match). Restore the vault from a backup.`);
    }
    parts.push(chunk.data);
  }
  return Buffer.concat(parts);
}

/** The stored pieces overlapping bytes [start, end] (inclusive), in order. */
export const chunksInRange = (db: ReadDb, recordingId: number, start: number, end: number) =>
  many<{ byteOffset: number; sha256: string; data: Buffer }>(
    db,
    `SELECT byte_offset AS byteOffset, sha256, data FROM interviews.recording_chunks
      WHERE recording_id = ? AND byte_offset <= ? AND byte_offset + length > ? ORDER BY byte_offset`,
    [recordingId, end, start],
  );

/** Replaces the stored audio (the seekable rewrite of a WebM), in the caller's transaction. */
export function replaceBytes(db: WriteDb, recordingId: number, bytes: Uint8Array): void {
  run(db, 'DELETE FROM interviews.recording_chunks WHERE recording_id = ?', [recordingId]);
  run(db, 'UPDATE interviews.recordings SET bytes = 0 WHERE id = ?', [recordingId]);
  appendBytes(db, recordingId, bytes);
}

export const markFinished = (db: WriteDb, recordingId: number, durationMs: number | null, now: string) =>
  run(db, "UPDATE interviews.recordings SET status = 'complete', duration_ms = ?, finished_at = ? WHERE id = ?", [durationMs, now, recordingId]);

/** At unlock: recordings still 'recording' were cut off by a lock or a crash. */
export const markInterrupted = (db: WriteDb) => run(db, "UPDATE interviews.recordings SET status = 'interrupted' WHERE status = 'recording'").changes;

export const insertMarker = (db: WriteDb, recordingId: number, questionId: number, atMs: number) =>
  run(db, 'INSERT INTO interviews.recording_markers (recording_id, question_id, at_ms) VALUES (?, ?, ?)', [recordingId, questionId, atMs]);

export function deleteRecording(db: WriteDb, recordingId: number): void {
  run(db, 'DELETE FROM interviews.recording_markers WHERE recording_id = ?', [recordingId]);
  run(db, 'DELETE FROM interviews.recording_chunks WHERE recording_id = ?', [recordingId]);
  run(db, 'DELETE FROM interviews.recordings WHERE id = ?', [recordingId]);
}

/** Erasure: every recording of a person's interviews, audio included. */
export function deleteRecordingsOfPerson(db: WriteDb, participantId: number): number {
  const ids = many<{ id: number }>(db, 'SELECT r.id FROM interviews.recordings r JOIN interviews.interviews i ON i.id = r.interview_id WHERE i.participant_id = ?', [participantId]);
  for (const { id } of ids) deleteRecording(db, id);
  return ids.length;
}

/** Subject access: that recordings exist, how long, when (not the audio). */
export const recordingsAboutPerson = (db: ReadDb, participantId: number) =>
  many<{ interviewId: number; source: string; status: string; durationMs: number | null; recordedAt: string }>(
    db,
    `SELECT r.interview_id AS interviewId, r.source, r.status, r.duration_ms AS durationMs, r.created_at AS recordedAt
       FROM interviews.recordings r JOIN interviews.interviews i ON i.id = r.interview_id
      WHERE i.participant_id = ? ORDER BY r.id`,
    [participantId],
  );
