/**
 * What erasing a person means for chemistry meetings: every meeting they were in goes, with both
 * sides' willingness and notes (each answer is about the two of them); their name in the notes of
 * other chemistry meetings becomes "[removed]". Nobody's status changes: the partner did meet
 * someone, and their status history keeps that.
 */
import { run, value, type ReadDb, type WriteDb } from '../db/query';
import { redactRows } from '../db/redact-rows';

export function countChemistryMeetingsOf(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM chemistry_meetings WHERE mentor_id = @id OR mentee_id = @id', { id: participantId })!;
}

export function eraseChemistryMeetingsOf(db: WriteDb, participantId: number): number {
  return run(db, 'DELETE FROM chemistry_meetings WHERE mentor_id = @id OR mentee_id = @id', { id: participantId }).changes;
}

export function redactNamesInChemistry(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  return redactRows(
    db,
    "SELECT id, mentor_note, mentee_note FROM chemistry_meetings WHERE pilot_id = ? AND (mentor_note <> '' OR mentee_note <> '')",
    [pilotId],
    ['mentor_note', 'mentee_note'],
    'UPDATE chemistry_meetings SET mentor_note = @mentor_note, mentee_note = @mentee_note WHERE id = @id',
    pattern,
  );
}
