import { many, run, type ReadDb, type WriteDb } from '../db/query';
import type { MeetingMode, ShiftChange, ShiftScope } from '../../../shared/meetings/contract';
import { addDays } from '../util/json';
import { getMeetingPlan } from '../plan';
import { recordChange } from './repository';

/**
 * Contingency: the remaining meetings of a pair or of the whole scheme moved by some days and/or
 * switched online. Only what really changes is listed. A meeting that goes online leaves its room
 * behind: it takes the plan's online link, or none (to be added), never the old room as its "link".
 */
export function planShift(db: ReadDb, pilotId: number, scope: ShiftScope, from: string, shiftDays: number, switchToOnline: boolean): ShiftChange[] {
  const where = 'pilotId' in scope ? 'm.pilot_id = ?' : 'm.pair_id = ?';
  const rows = many<{ id: number; pair_id: number; sequence: number; date: string; mode: MeetingMode; location: string; mentor_name: string; mentee_name: string }>(
    db,
    `SELECT m.id, m.pair_id, m.sequence, m.date, m.mode, m.location, a.name AS mentor_name, b.name AS mentee_name FROM meetings m
     JOIN pairs x ON x.id = m.pair_id JOIN participants a ON a.id = x.mentor_id JOIN participants b ON b.id = x.mentee_id
     WHERE ${where} AND m.status = 'scheduled' AND m.date >= ? AND x.ended_at IS NULL
     ORDER BY m.date, b.name COLLATE NOCASE, m.sequence`,
    ['pilotId' in scope ? scope.pilotId : scope.pairId, from],
  );
  const onlineLink = getMeetingPlan(db, pilotId).onlineLink;
  return rows
    .map((r) => {
      const goesOnline = switchToOnline && r.mode !== 'online';
      return {
        meetingId: r.id,
        pairId: r.pair_id,
        mentorName: r.mentor_name,
        menteeName: r.mentee_name,
        sequence: r.sequence,
        fromDate: r.date,
        toDate: addDays(r.date, shiftDays),
        fromMode: r.mode,
        toMode: goesOnline ? 'online' : r.mode,
        toLocation: goesOnline ? onlineLink : r.location,
      } satisfies ShiftChange;
    })
    .filter((c) => c.toDate !== c.fromDate || c.toMode !== c.fromMode);
}

/** Applies a planned shift: each meeting keeps its own history entry and its number in the plan. */
export function applyShift(db: WriteDb, changes: ShiftChange[], note: string, now: string): void {
  for (const c of changes) {
    run(db, 'UPDATE meetings SET date = ?, mode = ?, location = ?, reschedule_count = reschedule_count + 1, calendar_sequence = calendar_sequence + 1, updated_at = ? WHERE id = ?', [
      c.toDate,
      c.toMode,
      c.toLocation,
      now,
      c.meetingId,
    ]);
    recordChange(db, c.meetingId, { at: now, kind: 'schedule-change', fromDate: c.fromDate, toDate: c.toDate, fromMode: c.fromMode, toMode: c.toMode, note });
  }
}
