/** What erasing a person means for training: their attendance goes; their name in session notes becomes "[removed]". */
import { run, value, type ReadDb, type WriteDb } from '../db/query';
import { redactRows } from '../db/redact-rows';

export function countTrainingAttendanceOf(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM training_attendance WHERE participant_id = ?', [participantId])!;
}

export function eraseTrainingAttendanceOf(db: WriteDb, participantId: number): number {
  return run(db, 'DELETE FROM training_attendance WHERE participant_id = ?', [participantId]).changes;
}

export function redactNamesInTraining(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  return redactRows(db, "SELECT id, notes FROM training_sessions WHERE pilot_id = ? AND notes <> ''", [pilotId], ['notes'], 'UPDATE training_sessions SET notes = @notes WHERE id = @id', pattern);
}
