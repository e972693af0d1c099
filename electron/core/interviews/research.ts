import { many, value, type ReadDb } from '../db/query';
import type { InterviewStatus } from '../../../shared/interviews/contract';

/** One closing interview as the research export sees it: metadata only, no notes, no names. */
export interface ResearchInterview {
  id: number;
  participantId: number;
  /** The interviewer's record number (the export turns it into a code, never a name). */
  interviewerId: number;
  scheduledOn: string;
  status: InterviewStatus;
  /** When the interview was marked done (its last change while done), as a timestamp. */
  doneAt: string | null;
  hasAudio: boolean;
  hasTranscript: boolean;
}

/** Whether the interview database holds a table (recordings and transcripts arrived in later steps). */
const hasTable = (db: ReadDb, name: string): boolean => value<number>(db, "SELECT 1 FROM interviews.sqlite_master WHERE type = 'table' AND name = ?", [name]) === 1;

/** Every interview of a pilot, oldest first, with whether a complete recording and a transcript exist. */
export function researchInterviews(db: ReadDb, pilotId: number): ResearchInterview[] {
  const audio = hasTable(db, 'recordings') ? "EXISTS (SELECT 1 FROM interviews.recordings r WHERE r.interview_id = v.id AND r.status = 'complete')" : '0';
  const transcript = hasTable(db, 'transcripts') ? 'EXISTS (SELECT 1 FROM interviews.transcripts t WHERE t.interview_id = v.id)' : '0';
  // The two expressions above are fixed text chosen here, never input.
  return many<Omit<ResearchInterview, 'hasAudio' | 'hasTranscript'> & { hasAudio: number; hasTranscript: number }>(
    db,
    `SELECT v.id, v.participant_id AS participantId, v.interviewer_id AS interviewerId, v.scheduled_on AS scheduledOn, v.status,
            CASE WHEN v.status = 'done' THEN v.updated_at END AS doneAt, ${audio} AS hasAudio, ${transcript} AS hasTranscript
       FROM interviews.interviews v WHERE v.pilot_id = ? ORDER BY v.scheduled_on, v.id`,
    [pilotId],
  ).map((row) => ({ ...row, hasAudio: row.hasAudio === 1, hasTranscript: row.hasTranscript === 1 }));
}
