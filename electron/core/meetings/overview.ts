import { many, one, value, type ReadDb } from '../db/query';
import type { Meeting, MeetingListKind, MeetingsOverview, Page, PairProgress } from '../../../shared/meetings/contract';
import { dueSoonUntil, meetingSelect, toMeeting, type MeetingRow } from './repository';

const currentPairs = (db: ReadDb, pilotId: number) => value<number>(db, 'SELECT count(*) FROM pairs WHERE pilot_id = ? AND ended_at IS NULL', [pilotId])!;

/** Counts only: each list is read a page at a time, so a scheme of thousands of pairs stays quick. */
export function overview(db: ReadDb, pilotId: number, today: string): MeetingsOverview {
  const counts = one<Record<string, number | null>>(
    db,
    `SELECT
       sum(status = 'scheduled') AS scheduled,
       sum(status = 'scheduled' AND date < @today) AS overdue,
       sum(status = 'scheduled' AND date >= @today AND date <= @soon) AS dueSoon,
       sum(status = 'held') AS held,
       sum(status = 'cancelled') AS cancelled
     FROM meetings WHERE pilot_id = @pilotId`,
    { pilotId, today, soon: dueSoonUntil(today) },
  )!;
  const n = (k: string) => counts[k] ?? 0;
  return { today, counts: { scheduled: n('scheduled'), overdue: n('overdue'), dueSoon: n('dueSoon'), held: n('held'), cancelled: n('cancelled') }, pairs: currentPairs(db, pilotId) };
}

/** What each list holds and in which order: what needs doing oldest first, what is done newest first. */
const lists: Record<MeetingListKind, { where: string; order: string }> = {
  overdue: { where: "m.status = 'scheduled' AND m.date < @today", order: 'm.date, m.start_time, m.id' },
  'due-soon': { where: "m.status = 'scheduled' AND m.date >= @today AND m.date <= @soon", order: 'm.date, m.start_time, m.id' },
  upcoming: { where: "m.status = 'scheduled' AND m.date > @soon", order: 'm.date, m.start_time, m.id' },
  done: { where: "m.status = 'held'", order: 'm.held_on DESC, m.start_time DESC, m.id DESC' },
  cancelled: { where: "m.status = 'cancelled'", order: 'm.date DESC, m.id DESC' },
};

export function listMeetings(db: ReadDb, pilotId: number, kind: MeetingListKind, offset: number, limit: number, today: string): Page<Meeting> {
  const { where, order } = lists[kind];
  const params = { pilotId, today, soon: dueSoonUntil(today), limit, offset };
  const total = value<number>(db, `SELECT count(*) FROM meetings m WHERE m.pilot_id = @pilotId AND ${where}`, params)!;
  // The page's ids first, from the index; only those 100 meetings then get their names and log states.
  const rows = many<MeetingRow>(
    db,
    `WITH page AS MATERIALIZED (SELECT m.id FROM meetings m WHERE m.pilot_id = @pilotId AND ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset)
      ${meetingSelect} JOIN page ON page.id = m.id ORDER BY ${order}`,
    params,
  );
  return { total, offset, rows: rows.map((r) => toMeeting(r, today)) };
}

/**
 * One page of the current pairs with their progress. The page of pairs is chosen first, then only
 * its meetings and logs are counted, from indexes alone (migration 005; named, because the planner
 * would otherwise read each log's wide row through the UNIQUE index to learn its state).
 */
export function pairProgress(db: ReadDb, pilotId: number, offset: number, limit: number, today: string): Page<PairProgress> {
  const total = currentPairs(db, pilotId);
  const rows = many<PairProgress>(
    db,
    `WITH page AS MATERIALIZED (
         SELECT x.id, x.mentor_id AS mentorId, x.mentee_id AS menteeId, a.name AS mentorName, b.name AS menteeName, row_number() OVER (ORDER BY b.name COLLATE NOCASE, a.name COLLATE NOCASE, x.id) AS position
         FROM pairs x JOIN participants a ON a.id = x.mentor_id JOIN participants b ON b.id = x.mentee_id
         WHERE x.pilot_id = @pilotId AND x.ended_at IS NULL
         ORDER BY position LIMIT @limit OFFSET @offset)
       SELECT p.id AS pairId, p.mentorId, p.mentorName, p.menteeId, p.menteeName,
         count(m.id) AS total,
         coalesce(sum(m.status = 'held'), 0) AS held,
         coalesce(sum(m.status = 'cancelled'), 0) AS cancelled,
         coalesce(sum(m.status = 'scheduled' AND m.date < @today), 0) AS overdue,
         min(CASE WHEN m.status = 'scheduled' AND m.date >= @today THEN m.date END) AS nextDate,
         2 * coalesce(sum(m.status = 'held'), 0) - coalesce(sum(
           CASE WHEN m.status = 'held' THEN (SELECT count(*) FROM reflective_logs l INDEXED BY logs_by_meeting_author_state WHERE l.meeting_id = m.id AND l.state IN ('submitted', 'not-provided')) END), 0) AS logsOwed
       FROM page p LEFT JOIN meetings m INDEXED BY meetings_by_pair_status_date ON m.pair_id = p.id
       GROUP BY p.id ORDER BY p.position`,
    { pilotId, today, limit, offset },
  );
  return { total, offset, rows };
}
