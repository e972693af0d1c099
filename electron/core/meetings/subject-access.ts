import { many, type ReadDb } from '../db/query';

/** The meetings of the given pairs, in date order (subject access). */
export function meetingsOfPairs(db: ReadDb, pairIds: number[]) {
  return many<{ id: number; pairId: number; sequence: number; theme: string; date: string; startTime: string; durationMin: number; mode: string; location: string; status: string; heldOn: string | null; note: string }>(
    db,
    `SELECT id, pair_id AS pairId, sequence, theme_title AS theme, date, start_time AS startTime, duration_min AS durationMin, mode, location, status, held_on AS heldOn, note
       FROM meetings WHERE pair_id IN (SELECT value FROM json_each(?)) ORDER BY date, start_time, id`,
    [JSON.stringify(pairIds)],
  );
}
