import { many, value, type ReadDb } from '../db/query';

/** For the dashboard: meetings scheduled between two dates (inclusive), e.g. this week. */
export function meetingsBetween(db: ReadDb, pilotId: number, from: string, to: string): number {
  return value<number>(db, "SELECT count(*) FROM meetings WHERE pilot_id = ? AND status = 'scheduled' AND date BETWEEN ? AND ?", [pilotId, from, to])!;
}

/** The people of current pairs that have not held a meeting yet: whose training must be in place before the first one. */
export function peopleBeforeFirstMeeting(db: ReadDb, pilotId: number): number[] {
  return many<{ id: number }>(
    db,
    `WITH waiting AS (
       SELECT x.mentor_id, x.mentee_id FROM pairs x
       WHERE x.pilot_id = @pilotId AND x.ended_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.pair_id = x.id AND m.status = 'held'))
     SELECT mentor_id AS id FROM waiting UNION SELECT mentee_id FROM waiting`,
    { pilotId },
  ).map((row) => row.id);
}

/** For the sponsor report: meetings held per theme title (as planned at the time). */
export function heldByTheme(db: ReadDb, pilotId: number): { title: string; held: number }[] {
  return many<{ title: string; held: number }>(db, "SELECT theme_title AS title, count(*) AS held FROM meetings WHERE pilot_id = ? AND status = 'held' GROUP BY theme_title ORDER BY min(sequence), theme_title", [pilotId]);
}
