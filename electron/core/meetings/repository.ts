import { many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { addDays, parseJsonArray } from '../util/json';
import {
  canDo,
  UNDO_HELD_MINUTES,
  type LogState,
  type RescheduleWarning,
  type Meeting,
  type MeetingAction,
  type MeetingChange,
  type MeetingDue,
  type MeetingMode,
  type MeetingStatus,
  type PairMeetings,
} from '../../../shared/meetings/contract';
import { getMeetingPlan, listThemes } from '../plan';
import { availabilityOf, statusOf, transition } from '../participants';
import { planMeetings } from './schedule';
import { formatDate } from '../../../shared/dates';
import type { Warning } from '../../../shared/contract/confirm';
import { outsidePilotWarning, requireConfirmation } from '../confirmation';
import { getPilot } from '../pilots';
import { todayFor } from '../settings';

export interface MeetingRow {
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
export const dueSoonUntil = (today: string) => addDays(today, DUE_SOON_DAYS);

/** Meetings with the pair's names, the meeting count of the pair, and both people's log state (from the index, not the log's text). */
export const meetingSelect = `SELECT m.*, x.mentor_id, x.mentee_id, a.name AS mentor_name, b.name AS mentee_name,
    (SELECT max(n.sequence) FROM meetings n WHERE n.pair_id = m.pair_id) AS of,
    (SELECT state FROM reflective_logs l INDEXED BY logs_by_meeting_author_state WHERE l.meeting_id = m.id AND l.author_id = x.mentor_id) AS mentor_log,
    (SELECT state FROM reflective_logs l INDEXED BY logs_by_meeting_author_state WHERE l.meeting_id = m.id AND l.author_id = x.mentee_id) AS mentee_log
  FROM meetings m JOIN pairs x ON x.id = m.pair_id JOIN participants a ON a.id = x.mentor_id JOIN participants b ON b.id = x.mentee_id`;

export function dueOf(status: MeetingStatus, date: string, today: string): MeetingDue {
  if (status === 'held') return 'done';
  if (status === 'cancelled') return 'cancelled';
  if (date < today) return 'overdue';
  if (date <= dueSoonUntil(today)) return 'due-soon';
  return 'upcoming';
}

export function toMeeting(r: MeetingRow, today: string): Meeting {
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

export function getMeeting(db: ReadDb, id: number, today: string): Meeting {
  const row = one<MeetingRow>(db, `${meetingSelect} WHERE m.id = ?`, [id]);
  if (!row) throw notFound('Meeting', id);
  return toMeeting(row, today);
}

export function meetingPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM meetings WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Meeting', id);
  return pilotId;
}

interface ChangeRow {
  meeting_id: number;
  at: string;
  kind: MeetingChange['kind'];
  from_date: string | null;
  to_date: string | null;
  from_mode: MeetingMode | null;
  to_mode: MeetingMode | null;
  note: string;
}

/** A pair's meetings by their number in the plan (a moved meeting keeps its number), each with its history. */
export function pairMeetings(db: ReadDb, pairId: number, today: string): PairMeetings {
  const pair = one<{ id: number; mentor_id: number; mentee_id: number; ended_at: string | null; mentor_name: string; mentee_name: string; schedule_note: string | null }>(
    db,
    `SELECT x.id, x.mentor_id, x.mentee_id, x.ended_at, a.name AS mentor_name, b.name AS mentee_name, n.note AS schedule_note
     FROM pairs x JOIN participants a ON a.id = x.mentor_id JOIN participants b ON b.id = x.mentee_id LEFT JOIN pair_schedule_notes n ON n.pair_id = x.id
     WHERE x.id = ?`,
    [pairId],
  );
  if (!pair) throw notFound('Pair', pairId);
  const changes = new Map<number, MeetingChange[]>();
  const changeRows = many<ChangeRow>(db, 'SELECT c.* FROM meeting_changes c JOIN meetings m ON m.id = c.meeting_id WHERE m.pair_id = ? ORDER BY c.id', [pairId]);
  for (const c of changeRows) {
    const list = changes.get(c.meeting_id) ?? [];
    list.push({ at: c.at, kind: c.kind, fromDate: c.from_date, toDate: c.to_date, fromMode: c.from_mode, toMode: c.to_mode, note: c.note });
    changes.set(c.meeting_id, list);
  }
  const meetings = many<MeetingRow>(db, `${meetingSelect} WHERE m.pair_id = ? ORDER BY m.sequence`, [pairId]).map((r) => ({
    ...toMeeting(r, today),
    changes: changes.get(r.id) ?? [],
  }));
  return {
    pairId,
    mentorId: pair.mentor_id,
    mentorName: pair.mentor_name,
    menteeId: pair.mentee_id,
    menteeName: pair.mentee_name,
    ended: pair.ended_at !== null,
    scheduleNote: pair.schedule_note,
    meetings,
  };
}

/** Generates a newly confirmed pair's meetings from the scheme's plan; the note says when the plan did not fit. */
export function generateMeetings(db: WriteDb, pairId: number, now: string): { count: number; note: string | null } {
  const pair = one<{ pilot_id: number; mentor_id: number; mentee_id: number; confirmed_at: string; start_date: string; end_date: string }>(
    db,
    'SELECT x.pilot_id, x.mentor_id, x.mentee_id, x.confirmed_at, p.start_date, p.end_date FROM pairs x JOIN pilots p ON p.id = x.pilot_id WHERE x.id = ?',
    [pairId],
  );
  if (!pair) throw notFound('Pair', pairId);
  const availability = (id: number) => availabilityOf(db, id);
  const theirs = new Set(availability(pair.mentee_id));
  const plan = getMeetingPlan(db, pair.pilot_id);
  const { meetings, note } = planMeetings({
    plan,
    themes: listThemes(db, pair.pilot_id),
    confirmedOn: pair.confirmed_at.slice(0, 10),
    pilotStart: pair.start_date,
    pilotEnd: pair.end_date,
    sharedSlots: availability(pair.mentor_id).filter((s) => theirs.has(s)),
  });
  const location = plan.mode === 'online' ? plan.onlineLink : plan.place;
  for (const m of meetings) {
    run(
      db,
      `INSERT INTO meetings (pilot_id, pair_id, sequence, theme_id, theme_title, ice_breakers, date, start_time, duration_min, mode, location, status, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?)`,
      [pair.pilot_id, pairId, m.sequence, m.themeId, m.themeTitle, JSON.stringify(m.iceBreakers), m.date, m.startTime, m.durationMin, plan.mode, location, now],
    );
  }
  if (note) run(db, 'INSERT INTO pair_schedule_notes (pair_id, note) VALUES (?, ?) ON CONFLICT (pair_id) DO UPDATE SET note = excluded.note', [pairId, note]);
  return { count: meetings.length, note };
}

type NewChange = Omit<MeetingChange, 'fromDate' | 'toDate' | 'fromMode' | 'toMode'> & Partial<MeetingChange>;

/** Adds an entry to a meeting's history. */
export function recordChange(db: WriteDb, meetingId: number, c: NewChange): void {
  run(db, 'INSERT INTO meeting_changes (meeting_id, at, kind, from_date, to_date, from_mode, to_mode, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    meetingId,
    c.at,
    c.kind,
    c.fromDate ?? null,
    c.toDate ?? null,
    c.fromMode ?? null,
    c.toMode ?? null,
    c.note,
  ]);
}

/** When a pair ends, its meetings still to come are cancelled (kept, with the reason in their history). */
export function cancelRemaining(db: WriteDb, pairId: number, reason: string, now: string): void {
  run(db, "INSERT INTO meeting_changes (meeting_id, at, kind, note) SELECT id, ?, 'cancelled', ? FROM meetings WHERE pair_id = ? AND status = 'scheduled' ORDER BY id", [
    now,
    `Pair ended: ${reason}`,
    pairId,
  ]);
  run(db, "UPDATE meetings SET status = 'cancelled', calendar_sequence = calendar_sequence + 1, updated_at = ? WHERE pair_id = ? AND status = 'scheduled'", [now, pairId]);
}

const actionWords: Record<MeetingAction, string> = { hold: 'marked held', cancel: 'cancelled', reschedule: 'moved', restore: 'restored' };
const statusWords: Record<MeetingStatus, string> = { scheduled: 'scheduled', held: 'held', cancelled: 'cancelled' };

/** Enforces the meeting's life (shared/meetings/contract.ts, canDo). */
function assertCan(meeting: Meeting, action: MeetingAction): void {
  if (canDo(meeting.status, action)) return;
  const hint = meeting.status === 'cancelled' && action !== 'restore' ? ' Restore it first if it is going ahead after all.' : '';
  throw new AppError('INVALID_TRANSITION', `Meeting ${meeting.sequence} is ${statusWords[meeting.status]}, so it cannot be ${actionWords[action]}.${hint}`);
}

export function markHeld(db: WriteDb, id: number, heldOn: string, minutes: number, note: string, now: string, today: string): Meeting {
  const meeting = getMeeting(db, id, today);
  assertCan(meeting, 'hold');
  if (heldOn > today) throw fieldError('heldOn', 'A meeting cannot be marked held on a date still to come.');
  const pairedOn = pairConfirmedOn(db, meeting.pairId);
  if (heldOn < pairedOn) throw fieldError('heldOn', `A meeting cannot have been held before the pair existed (confirmed on ${formatDate(pairedOn)}).`);
  run(db, "UPDATE meetings SET status = 'held', held_on = ?, actual_duration_min = ?, note = ?, calendar_sequence = calendar_sequence + 1, updated_at = ? WHERE id = ?", [
    heldOn,
    minutes,
    note,
    now,
    id,
  ]);
  // The first held meeting makes both people active in the scheme.
  for (const personId of [meeting.mentorId, meeting.menteeId]) {
    if (statusOf(db, personId).status === 'paired') transition(db, personId, 'active', 'meeting-held', now);
  }
  return getMeeting(db, id, today);
}

export function cancelMeeting(db: WriteDb, id: number, reason: string, now: string, today: string): Meeting {
  assertCan(getMeeting(db, id, today), 'cancel');
  run(db, "UPDATE meetings SET status = 'cancelled', calendar_sequence = calendar_sequence + 1, updated_at = ? WHERE id = ?", [now, id]);
  recordChange(db, id, { at: now, kind: 'cancelled', note: reason });
  return getMeeting(db, id, today);
}

/** A cancelled meeting goes ahead after all: scheduled again, with a newer calendar version than the cancellation. */
export function restoreMeeting(db: WriteDb, id: number, note: string, now: string, today: string): Meeting {
  const meeting = getMeeting(db, id, today);
  assertCan(meeting, 'restore');
  if (value<string | null>(db, 'SELECT ended_at FROM pairs WHERE id = ?', [meeting.pairId])) throw new AppError('INVALID_TRANSITION', 'This pair has ended, so its meetings cannot be restored.');
  run(db, "UPDATE meetings SET status = 'scheduled', calendar_sequence = calendar_sequence + 1, updated_at = ? WHERE id = ?", [now, id]);
  recordChange(db, id, { at: now, kind: 'restored', note });
  return getMeeting(db, id, today);
}

const fieldError = (field: string, message: string) => new AppError('INVALID_INPUT', message, [{ path: [field], message }]);

/** The day a pair was confirmed, in the vault's time zone: none of its meetings can have been held before it. */
function pairConfirmedOn(db: ReadDb, pairId: number): string {
  const confirmedAt = value<string>(db, 'SELECT confirmed_at FROM pairs WHERE id = ?', [pairId]);
  if (confirmedAt === undefined) throw notFound('Pair', pairId);
  return todayFor(db, new Date(confirmedAt));
}

/** What a move asks to confirm: a length outside the plan's range, a weekend, a date outside the pilot. */
function rescheduleWarnings(db: ReadDb, meeting: Meeting, m: { date: string; durationMin: number }): (Warning<RescheduleWarning> | null)[] {
  const plan = getMeetingPlan(db, meeting.pilotId);
  const weekday = new Date(`${m.date}T00:00:00Z`).getUTCDay();
  return [
    m.durationMin < plan.durationMin || m.durationMin > plan.durationMax
      ? { code: 'length', message: `${m.durationMin} minutes is outside the plan’s ${plan.durationMin}–${plan.durationMax} minutes.` }
      : null,
    weekday === 0 || weekday === 6 ? { code: 'weekend', message: `${formatDate(m.date)} is a ${weekday === 0 ? 'Sunday' : 'Saturday'}.` } : null,
    outsidePilotWarning(m.date, getPilot(db, meeting.pilotId), formatDate(m.date)),
  ];
}

/**
 * Moves a scheduled meeting. Its number stays: it is the meeting's place in the plan (its theme and
 * logs go with it), whatever order the dates end up in. Never into the past (a meeting that took
 * place is recorded as held); soft rules ask for confirmation.
 */
export function reschedule(
  db: WriteDb,
  id: number,
  m: { date: string; startTime: string; durationMin: number; mode: MeetingMode; location: string; note: string; confirmed: readonly string[] },
  now: string,
  today: string,
): Meeting {
  const before = getMeeting(db, id, today);
  assertCan(before, 'reschedule');
  if (m.date < today && m.date !== before.date) {
    throw fieldError('date', `A meeting cannot be moved into the past. If it took place on ${formatDate(m.date)}, mark it held instead.`);
  }
  requireConfirmation(rescheduleWarnings(db, before, m), m.confirmed);
  run(
    db,
    'UPDATE meetings SET date = ?, start_time = ?, duration_min = ?, mode = ?, location = ?, reschedule_count = reschedule_count + 1, calendar_sequence = calendar_sequence + 1, updated_at = ? WHERE id = ?',
    [m.date, m.startTime, m.durationMin, m.mode, m.location, now, id],
  );
  recordChange(db, id, { at: now, kind: 'rescheduled', fromDate: before.date, toDate: m.date, fromMode: before.mode, toMode: m.mode, note: m.note });
  return getMeeting(db, id, today);
}

/**
 * Takes back "mark held" (a wrong meeting ticked): only within UNDO_HELD_MINUTES of it and while
 * neither person has started a log for the meeting. The meeting is scheduled again on its planned
 * date; a held meeting changes in no other way, so `updated_at` is when it was marked held.
 * When it was the pair's only held meeting, the step to Active it made is taken back too (each
 * person who is still Active goes back to Paired, with its own cause in the history).
 */
export function undoHeld(db: WriteDb, id: number, now: string, today: string): Meeting {
  const meeting = getMeeting(db, id, today);
  if (meeting.status !== 'held') throw new AppError('INVALID_TRANSITION', `Meeting ${meeting.sequence} is ${statusWords[meeting.status]}, not held, so there is nothing to undo.`);
  const minutesSince = (Date.parse(now) - Date.parse(meeting.updatedAt)) / 60_000;
  if (!(minutesSince <= UNDO_HELD_MINUTES)) {
    throw new AppError('INVALID_TRANSITION', `Meeting ${meeting.sequence} was marked held more than ${UNDO_HELD_MINUTES} minutes ago, so it can no longer be undone.`);
  }
  if (value<number>(db, 'SELECT count(*) FROM reflective_logs WHERE meeting_id = ?', [id])) {
    throw new AppError('INVALID_TRANSITION', `A reflective log has been started for meeting ${meeting.sequence}, so "held" can no longer be undone.`);
  }
  run(db, "UPDATE meetings SET status = 'scheduled', held_on = NULL, actual_duration_min = NULL, calendar_sequence = calendar_sequence + 1, updated_at = ? WHERE id = ?", [now, id]);
  if (!value<number>(db, "SELECT count(*) FROM meetings WHERE pair_id = ? AND status = 'held'", [meeting.pairId])) {
    for (const personId of [meeting.mentorId, meeting.menteeId]) {
      if (statusOf(db, personId).status === 'active') transition(db, personId, 'paired', 'meeting-held-undone', now);
    }
  }
  return getMeeting(db, id, today);
}

/** A pair's meetings still to happen (scheduled), by date: what ending the pair will cancel. */
export function remainingMeetings(db: ReadDb, pairId: number): { id: number; sequence: number; date: string }[] {
  return many<{ id: number; sequence: number; date: string }>(db, "SELECT id, sequence, date FROM meetings WHERE pair_id = ? AND status = 'scheduled' ORDER BY date, sequence", [pairId]);
}
