/** All SQL of transcripts: in the attached interview database (`interviews.`). */
import { many, one, run, type ReadDb, type WriteDb } from '../../db/query';
import type { TranscriptFormat } from '../../../../shared/interviews/transcripts-contract';

export interface StoredTranscript {
  body: string;
  version: number;
  source: TranscriptFormat;
  updatedAt: string;
}

export function transcriptOf(db: ReadDb, interviewId: number): StoredTranscript | undefined {
  return one<StoredTranscript>(db, 'SELECT body, version, source, updated_at AS updatedAt FROM interviews.transcripts WHERE interview_id = ?', [interviewId]);
}

export function writeTranscript(db: WriteDb, interviewId: number, body: string, source: TranscriptFormat, actor: string, now: string): void {
  run(
    db,
    `INSERT INTO interviews.transcripts (interview_id, body, version, source, created_at, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?)
     ON CONFLICT (interview_id) DO UPDATE SET body = excluded.body, version = version + 1, source = excluded.source, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [interviewId, body, source, now, now, actor],
  );
}

/** The coded stretches of an interview's transcript, in text order. */
export function codedRanges(db: ReadDb, interviewId: number): { id: number; start: number; end: number }[] {
  return many(db, 'SELECT id, start_cp AS start, end_cp AS "end" FROM interviews.excerpts WHERE interview_id = ? ORDER BY start_cp, id', [interviewId]);
}

export function moveExcerpt(db: WriteDb, id: number, start: number, end: number): void {
  run(db, 'UPDATE interviews.excerpts SET start_cp = ?, end_cp = ? WHERE id = ?', [start, end, id]);
}
