/**
 * What erasing a person means for focus groups: their named attendance goes (the session's counts
 * stay); their name in a session's facilitator, notes and findings becomes "[removed]".
 */
import { many, run, value, type ReadDb, type WriteDb } from '../db/query';
import { redactRow } from '../../../shared/erasure/redact';

export function countFocusGroupAttendanceOf(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM focus_group_attendees WHERE participant_id = ?', [participantId])!;
}

export function eraseFocusGroupAttendanceOf(db: WriteDb, participantId: number): number {
  return run(db, 'DELETE FROM focus_group_attendees WHERE participant_id = ?', [participantId]).changes;
}

export function redactNamesInFocusGroups(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  let replaced = 0;
  for (const row of many<{ id: number; facilitator: string; notes: string }>(db, 'SELECT id, facilitator, notes FROM focus_groups WHERE pilot_id = ?', [pilotId])) {
    const result = redactRow(row, ['facilitator', 'notes'], pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, 'UPDATE focus_groups SET facilitator = @facilitator, notes = @notes WHERE id = @id', result.changed);
  }
  for (const row of many<{ id: number; text: string }>(db, 'SELECT f.id, f.text FROM findings f JOIN focus_groups g ON g.id = f.focus_group_id WHERE g.pilot_id = ?', [pilotId])) {
    const result = redactRow(row, ['text'], pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, 'UPDATE findings SET text = @text WHERE id = @id', result.changed);
  }
  return replaced;
}
