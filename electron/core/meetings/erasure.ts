/**
 * What erasing a person means for meetings: their pairs' meetings stay (they are their partner's
 * too); a name in a meeting's note or place, in its change history or in a pair's schedule note
 * becomes "[removed]".
 */
import { many, run, value, type ReadDb, type WriteDb } from '../db/query';
import { redactRow } from '../../../shared/erasure/redact';

export function redactNamesInMeetings(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  let replaced = 0;
  for (const row of many<{ id: number; note: string; location: string }>(db, "SELECT id, note, location FROM meetings WHERE pilot_id = ? AND (note <> '' OR location <> '')", [pilotId])) {
    const result = redactRow(row, ['note', 'location'], pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, 'UPDATE meetings SET note = @note, location = @location WHERE id = @id', result.changed);
  }
  for (const row of many<{ id: number; note: string }>(db, "SELECT c.id, c.note FROM meeting_changes c JOIN meetings m ON m.id = c.meeting_id WHERE m.pilot_id = ? AND c.note <> ''", [pilotId])) {
    const result = redactRow(row, ['note'], pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, 'UPDATE meeting_changes SET note = @note WHERE id = @id', result.changed);
  }
  for (const row of many<{ pair_id: number; note: string }>(db, 'SELECT n.pair_id, n.note FROM pair_schedule_notes n JOIN pairs p ON p.id = n.pair_id WHERE p.pilot_id = ?', [pilotId])) {
    const result = redactRow(row, ['note'], pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, 'UPDATE pair_schedule_notes SET note = @note WHERE pair_id = @pair_id', result.changed);
  }
  return replaced;
}

export function countMeetingsInPilot(db: ReadDb, pilotId: number): number {
  return value<number>(db, 'SELECT count(*) FROM meetings WHERE pilot_id = ?', [pilotId])!;
}
