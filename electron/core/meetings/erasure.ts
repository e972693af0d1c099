/**
 * What erasing a person means for meetings: their pairs' meetings stay (they are their partner's
 * too); a name in a meeting's note or place, in its change history or in a pair's schedule note
 * becomes "[removed]".
 */
import { value, type ReadDb, type WriteDb } from '../db/query';
import { redactRows } from '../db/redact-rows';

export function redactNamesInMeetings(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  return (
    redactRows(db, "SELECT id, note, location FROM meetings WHERE pilot_id = ? AND (note <> '' OR location <> '')", [pilotId], ['note', 'location'], 'UPDATE meetings SET note = @note, location = @location WHERE id = @id', pattern) +
    redactRows(db, "SELECT c.id, c.note FROM meeting_changes c JOIN meetings m ON m.id = c.meeting_id WHERE m.pilot_id = ? AND c.note <> ''", [pilotId], ['note'], 'UPDATE meeting_changes SET note = @note WHERE id = @id', pattern) +
    // A schedule note is keyed by its pair: the pair's id stands in as the row id.
    redactRows(db, 'SELECT n.pair_id AS id, n.note FROM pair_schedule_notes n JOIN pairs p ON p.id = n.pair_id WHERE p.pilot_id = ?', [pilotId], ['note'], 'UPDATE pair_schedule_notes SET note = @note WHERE pair_id = @id', pattern)
  );
}

export function countMeetingsInPilot(db: ReadDb, pilotId: number): number {
  return value<number>(db, 'SELECT count(*) FROM meetings WHERE pilot_id = ?', [pilotId])!;
}
