import { addDays, format, parseISO } from 'date-fns';
import type { Db } from '../db/types';
import { AppError, notFound } from '../errors';
import { parseJsonArray } from '../util/json';
import type { LogState, Meeting, MeetingDue, MeetingMode, MeetingStatus, MeetingsOverview, ShiftChange } from '../../../shared/meetings/contract';
import { getMeetingPlan, listThemes } from '../plan/repository';
import { planMeetings } from './schedule';

interface MeetingRow {
  id: number;
  pilot_id: number;
  pair_id: number;
  mentor_id: number;
  mentor_name: string;
  mentee_id: number;
  mentee_name: string;
  sequence: number;
  of: number;
  theme_title: string;
  ice_breakers: string;
  date: string;
  start_time: string;
  duration_min: number;
  mode: MeetingMode;
  location: string;
  status: MeetingStatus;
  held_on: string | null;
  actual_duration_min: number | null;
  note: string;
  reschedule_count: number;
  updated_at: string;
  mentor_log: Exclude<LogState, 'missing'> | null;
  mentee_log: Exclude<LogState, 'missing'> | null;
}

const DUE_SOON_DAYS = 7;

/** Meetings with the pair's names, the meeting count of the pair, and both people's log state. */
const meetingSelect = `SELECT m.*, x.mentor_id, x.mentee_id, a.name AS mentor_name, b.name AS mentee_name,
    (SELECT max(n.sequence) FROM meetings n WHERE n.pair_id = m.pair_id) AS of,
    (SELECT state FROM reflective_logs l WHERE l.meeting_id = m.id AND l.author_id = x.mentor_id) AS mentor_log,
    (SELECT state FROM reflective_logs l WHERE l.meeting_id = m.id AND l.author_id = x.mentee_id) AS mentee_log
  FROM meetings m JOIN pairs x ON x.id = m.pair_id JOIN participants a ON a.id = x.mentor_id JOIN participants b ON b.id = x.mentee_id`;

export function dueOf(status: MeetingStatus, date: string, today: string): MeetingDue {
  if (status === 'held') return 'done';
  if (status === 'cancelled') return 'cancelled';
  if (date < today) return 'overdue';
  if (date <= format(addDays(parseISO(today), DUE_SOON_DAYS), 'yyyy-MM-dd')) return 'due-soon';
  return 'upcoming';
}

function toMeeting(r: MeetingRow, today: string): Meeting {
  // A log is owed only once the meeting was held; before that there is nothing to reflect on.
  const logState = (state: MeetingRow['mentor_log']): LogState => state ?? 'missing';
  return {
    id: r.id,
    pilotId: r.pilot_id,
    pairId: r.pair_id,
    mentorId: r.mentor_id,
    mentorName: r.mentor_name,
    menteeId: r.mentee_id,
    menteeName: r.mentee_name,
    sequence: r.sequence,
    of: r.of,
    themeTitle: r.theme_title,
    iceBreakers: parseJsonArray(r.ice_breakers),
    date: r.date,
    startTime: r.start_time,
    durationMin: r.duration_min,
    mode: r.mode,
    location: r.location,
    status: r.status,
    due: dueOf(r.status, r.date, today),
    heldOn: r.held_on,
    actualDurationMin: r.actual_duration_min,
    note: r.note,
    rescheduleCount: r.reschedule_count,
    logs:
      r.status === 'held'
        ? [
            { authorId: r.mentor_id, authorName: r.mentor_name, role: 'mentor', state: logState(r.mentor_log) },
            { authorId: r.mentee_id, authorName: r.mentee_name, role: 'mentee', state: logState(r.mentee_log) },
          ]
        : [],
    updatedAt: r.updated_at,
  };
}

export function getMeeting(db: Db, id: number, today: string): Meeting {
  const row = db.prepare(`${meetingSelect} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  if (!row) throw notFound('Meeting', id);
  return toMeeting(row, today);
}

export function meetingsForPair(db: Db, pairId: number, today: string): Meeting[] {
  const exists = db.prepare('SELECT 1 FROM pairs WHERE id = ?').get(pairId);
  if (!exists) throw notFound('Pair', pairId);
  return (db.prepare(`${meetingSelect} WHERE m.pair_id = ? ORDER BY m.sequence`).all(pairId) as MeetingRow[]).map((r) => toMeeting(r, today));
}

export function meetingsForParticipant(db: Db, participantId: number, today: string): Meeting[] {
  return (db.prepare(`${meetingSelect} WHERE x.mentor_id = ? OR x.mentee_id = ? ORDER BY m.date, m.start_time, m.id`).all(participantId, participantId) as MeetingRow[]).map((r) =>
    toMeeting(r, today),
  );
}

/** Generates a newly confirmed pair's meetings from the scheme's plan. */
export function generateMeetings(db: Db, pairId: number, now: string): number {
  const pair = db.prepare('SELECT x.pilot_id, x.mentor_id, x.mentee_id, x.confirmed_at, p.start_date FROM pairs x JOIN pilots p ON p.id = x.pilot_id WHERE x.id = ?').get(pairId) as
    | { pilot_id: number; mentor_id: number; mentee_id: number; confirmed_at: string; start_date: string }
    | undefined;
  if (!pair) throw notFound('Pair', pairId);
  const availability = (id: number) => parseJsonArray((db.prepare('SELECT availability FROM participants WHERE id = ?').get(id) as { availability: string }).availability);
  const theirs = new Set(availability(pair.mentee_id));
  const planned = planMeetings({
    plan: getMeetingPlan(db, pair.pilot_id),
    themes: listThemes(db, pair.pilot_id),
    confirmedOn: pair.confirmed_at.slice(0, 10),
    pilotStart: pair.start_date,
    sharedSlots: availability(pair.mentor_id).filter((s) => theirs.has(s)),
  });
  const insert = db.prepare(
    `INSERT INTO meetings (pilot_id, pair_id, sequence, theme_id, theme_title, ice_breakers, date, start_time, duration_min, mode, status, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'in-person', 'scheduled', ?)`,
  );
  for (const m of planned) insert.run(pair.pilot_id, pairId, m.sequence, m.themeId, m.themeTitle, JSON.stringify(m.iceBreakers), m.date, m.startTime, m.durationMin, now);
  return planned.length;
}

/** When a pair ends, its meetings still to come are cancelled (kept, with the reason). */
export function cancelRemaining(db: Db, pairId: number, reason: string, now: string): void {
  db.prepare("UPDATE meetings SET status = 'cancelled', note = ?, updated_at = ? WHERE pair_id = ? AND status = 'scheduled'").run(`Pair ended: ${reason}`, now, pairId);
}

function assertScheduled(meeting: Meeting, action: string): void {
  if (meeting.status !== 'scheduled') throw new AppError('INVALID_TRANSITION', `Meeting ${meeting.sequence} is already ${meeting.status}; it cannot be ${action}.`);
}

export function markHeld(db: Db, id: number, heldOn: string, minutes: number, note: string, now: string, today: string): Meeting {
  const meeting = getMeeting(db, id, today);
  if (meeting.status === 'held') throw new AppError('INVALID_TRANSITION', `Meeting ${meeting.sequence} is already marked held.`);
  if (heldOn > today) {
    const message = 'A meeting cannot be marked held on a date still to come.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['heldOn'], message }]);
  }
  db.prepare("UPDATE meetings SET status = 'held', held_on = ?, actual_duration_min = ?, note = ?, updated_at = ? WHERE id = ?").run(heldOn, minutes, note, now, id);
  // The first held meeting makes both people active in the scheme.
  for (const personId of [meeting.mentorId, meeting.menteeId]) {
    const p = db.prepare('SELECT status FROM participants WHERE id = ?').get(personId) as { status: string };
    if (p.status === 'paired') {
      db.prepare("UPDATE participants SET status = 'active', updated_at = ? WHERE id = ?").run(now, personId);
      db.prepare("INSERT INTO participant_status_history (participant_id, from_status, to_status, reason, at) VALUES (?, 'paired', 'active', 'First meeting held', ?)").run(personId, now);
    }
  }
  return getMeeting(db, id, today);
}

export function cancelMeeting(db: Db, id: number, note: string, now: string, today: string): Meeting {
  assertScheduled(getMeeting(db, id, today), 'cancelled');
  db.prepare("UPDATE meetings SET status = 'cancelled', note = ?, updated_at = ? WHERE id = ?").run(note, now, id);
  return getMeeting(db, id, today);
}

export function reschedule(
  db: Db,
  id: number,
  m: { date: string; startTime: string; durationMin: number; mode: MeetingMode; location: string; note: string },
  now: string,
  today: string,
): Meeting {
  assertScheduled(getMeeting(db, id, today), 'rescheduled');
  db.prepare('UPDATE meetings SET date = ?, start_time = ?, duration_min = ?, mode = ?, location = ?, note = ?, reschedule_count = reschedule_count + 1, updated_at = ? WHERE id = ?').run(
    m.date,
    m.startTime,
    m.durationMin,
    m.mode,
    m.location,
    m.note,
    now,
    id,
  );
  return getMeeting(db, id, today);
}

// ---- contingency --------------------------------------------------------------------------

export function planShift(db: Db, scope: { pilotId: number } | { pairId: number }, from: string, shiftDays: number, switchToOnline: boolean): ShiftChange[] {
  const where = 'pilotId' in scope ? 'm.pilot_id = ?' : 'm.pair_id = ?';
  const rows = db
    .prepare(
      `SELECT m.id, m.pair_id, m.sequence, m.date, m.mode, a.name AS mentor_name, b.name AS mentee_name FROM meetings m
       JOIN pairs x ON x.id = m.pair_id JOIN participants a ON a.id = x.mentor_id JOIN participants b ON b.id = x.mentee_id
       WHERE ${where} AND m.status = 'scheduled' AND m.date >= ? AND x.ended_at IS NULL
       ORDER BY m.date, b.name COLLATE NOCASE, m.sequence`,
    )
    .all('pilotId' in scope ? scope.pilotId : scope.pairId, from) as { id: number; pair_id: number; sequence: number; date: string; mode: MeetingMode; mentor_name: string; mentee_name: string }[];
  return rows.map((r) => ({
    meetingId: r.id,
    pairId: r.pair_id,
    mentorName: r.mentor_name,
    menteeName: r.mentee_name,
    sequence: r.sequence,
    fromDate: r.date,
    toDate: format(addDays(parseISO(r.date), shiftDays), 'yyyy-MM-dd'),
    fromMode: r.mode,
    toMode: switchToOnline ? 'online' : r.mode,
  }));
}

export function applyShift(db: Db, changes: ShiftChange[], note: string, now: string): void {
  const update = db.prepare('UPDATE meetings SET date = ?, mode = ?, note = ?, reschedule_count = reschedule_count + 1, updated_at = ? WHERE id = ?');
  for (const c of changes) update.run(c.toDate, c.toMode, note || 'Moved by a schedule change', now, c.meetingId);
}

// ---- overview -----------------------------------------------------------------------------

const LIST_LIMIT = 100;

export function overview(db: Db, pilotId: number, today: string): MeetingsOverview {
  const soon = format(addDays(parseISO(today), DUE_SOON_DAYS), 'yyyy-MM-dd');
  const counts = db
    .prepare(
      `SELECT
         sum(status = 'scheduled') AS scheduled,
         sum(status = 'scheduled' AND date < @today) AS overdue,
         sum(status = 'scheduled' AND date >= @today AND date <= @soon) AS dueSoon,
         sum(status = 'held') AS held,
         sum(status = 'cancelled') AS cancelled
       FROM meetings WHERE pilot_id = @pilotId`,
    )
    .get({ pilotId, today, soon }) as Record<string, number | null>;
  const list = (condition: string) =>
    (db.prepare(`${meetingSelect} WHERE m.pilot_id = @pilotId AND m.status = 'scheduled' AND ${condition} ORDER BY m.date, m.start_time, m.id LIMIT ${LIST_LIMIT}`).all({ pilotId, today, soon }) as MeetingRow[]).map(
      (r) => toMeeting(r, today),
    );
  // Two grouped passes instead of a subquery per meeting: thousands of pairs stay quick.
  const pairs = db
    .prepare(
      `SELECT x.id AS pairId, a.name AS mentorName, b.name AS menteeName,
         count(m.id) AS total,
         coalesce(sum(m.status = 'held'), 0) AS held,
         coalesce(sum(m.status = 'cancelled'), 0) AS cancelled,
         coalesce(sum(m.status = 'scheduled' AND m.date < @today), 0) AS overdue,
         min(CASE WHEN m.status = 'scheduled' AND m.date >= @today THEN m.date END) AS nextDate
       FROM pairs x JOIN participants a ON a.id = x.mentor_id JOIN participants b ON b.id = x.mentee_id
       LEFT JOIN meetings m ON m.pair_id = x.id
       WHERE x.pilot_id = @pilotId AND x.ended_at IS NULL
       GROUP BY x.id ORDER BY b.name COLLATE NOCASE, a.name COLLATE NOCASE`,
    )
    .all({ pilotId, today }) as Omit<MeetingsOverview['pairs'][number], 'logsOwed'>[];
  const logsDone = new Map(
    (db
      .prepare(
        `SELECT m.pair_id AS pairId, count(*) AS done FROM meetings m JOIN reflective_logs l ON l.meeting_id = m.id
         WHERE m.pilot_id = ? AND m.status = 'held' AND l.state IN ('submitted', 'not-provided') GROUP BY m.pair_id`,
      )
      .all(pilotId) as { pairId: number; done: number }[]).map((r) => [r.pairId, r.done]),
  );
  const n = (k: string) => counts[k] ?? 0;
  return {
    today,
    counts: { scheduled: n('scheduled'), overdue: n('overdue'), dueSoon: n('dueSoon'), held: n('held'), cancelled: n('cancelled') },
    overdue: list('m.date < @today'),
    dueSoon: list('m.date >= @today AND m.date <= @soon'),
    pairs: pairs.map((p) => ({ ...p, logsOwed: 2 * p.held - (logsDone.get(p.pairId) ?? 0) })),
  };
}
