/** What erasing a person means for training: their attendance goes; their name in session notes becomes "[removed]". */
import { many, run, value, type ReadDb, type WriteDb } from '../db/query';
import { redactRow } from '../../../shared/erasure/redact';

export function countTrainingAttendanceOf(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM training_attendance WHERE participant_id = ?', [participantId])!;
}

export function eraseTrainingAttendanceOf(db: WriteDb, participantId: number): number {
  return run(db, 'DELETE FROM training_attendance WHERE participant_id = ?', [participantId]).changes;
}

export function redactNamesInTraining(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  let replaced = 0;
  for (const row of many<{ id: number; notes: string }>(db, "SELECT id, notes FROM training_sessions WHERE pilot_id = ? AND notes <> ''", [pilotId])) {
    const result = redactRow(row, ['notes'], pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, 'UPDATE training_sessions SET notes = @notes WHERE id = @id', result.changed);
  }
  return replaced;
}
