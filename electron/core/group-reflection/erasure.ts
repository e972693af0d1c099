/**
 * What erasing a person means for group reflections: their named attendance goes (the event stays);
 * their name in an event's place, notes and findings becomes "[removed]".
 */
import { many, run, value, type ReadDb, type WriteDb } from '../db/query';
import { redactRow } from '../../../shared/erasure/redact';

export function countReflectionAttendanceOf(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM group_reflection_attendees WHERE participant_id = ?', [participantId])!;
}

export function eraseReflectionAttendanceOf(db: WriteDb, participantId: number): number {
  return run(db, 'DELETE FROM group_reflection_attendees WHERE participant_id = ?', [participantId]).changes;
}

export function redactNamesInGroupReflections(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  let replaced = 0;
  for (const row of many<{ id: number; place: string; notes: string }>(db, 'SELECT id, place, notes FROM group_reflections WHERE pilot_id = ?', [pilotId])) {
    const result = redactRow(row, ['place', 'notes'], pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, 'UPDATE group_reflections SET place = @place, notes = @notes WHERE id = @id', result.changed);
  }
  for (const row of many<{ id: number; text: string }>(
    db,
    'SELECT f.id, f.text FROM group_reflection_findings f JOIN group_reflections g ON g.id = f.group_reflection_id WHERE g.pilot_id = ?',
    [pilotId],
  )) {
    const result = redactRow(row, ['text'], pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, 'UPDATE group_reflection_findings SET text = @text WHERE id = @id', result.changed);
  }
  return replaced;
}

/** The events a person attended (named), for their subject access document. */
export function reflectionsAttendedBy(db: ReadDb, participantId: number): { heldOn: string; place: string }[] {
  return many<{ heldOn: string; place: string }>(
    db,
    `SELECT g.held_on AS heldOn, g.place FROM group_reflection_attendees a JOIN group_reflections g ON g.id = a.group_reflection_id
     WHERE a.participant_id = ? ORDER BY g.held_on, g.id`,
    [participantId],
  );
}
