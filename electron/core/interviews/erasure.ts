import { run, value, type ReadDb, type WriteDb } from '../db/query';
import { eraseTranscriptsOf } from './coding/repository';
import { deleteRecordingsOfPerson } from './recordings/repository';

/**
 * Erasure of one person's closing interviews (the interview database, attached to the coordinator's
 * session as `interviews`): their recordings (every audio chunk), their transcripts and coded excerpts, their notes, the interviews and the copy of their name and consents.
 * The interview trail keeps its entries, which hold ids, never content.
 */
export function countInterviewsOf(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM interviews.interviews WHERE participant_id = ?', [participantId])!;
}

export function eraseInterviewsOf(db: WriteDb, participantId: number): number {
  deleteRecordingsOfPerson(db, participantId);
  eraseTranscriptsOf(db, participantId);
  run(db, 'DELETE FROM interviews.interview_notes WHERE interview_id IN (SELECT id FROM interviews.interviews WHERE participant_id = ?)', [participantId]);
  const interviews = run(db, 'DELETE FROM interviews.interviews WHERE participant_id = ?', [participantId]).changes;
  run(db, 'DELETE FROM interviews.people WHERE participant_id = ?', [participantId]);
  return interviews;
}
