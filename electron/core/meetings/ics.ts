import ical, { ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { TZDate } from '@date-fns/tz';
import { many, type ReadDb } from '../db/query';
import type { MeetingMode, MeetingStatus } from '../../../shared/meetings/contract';

/** What a calendar needs of a meeting, and nothing more. */
export interface CalendarMeeting {
  id: number;
  date: string;
  startTime: string;
  durationMin: number;
  status: MeetingStatus;
  heldOn: string | null;
  actualDurationMin: number | null;
  themeTitle: string;
  mode: MeetingMode;
  location: string;
  /** Grows with every change the calendar must pick up (stored, so it never goes back). */
  calendarSequence: number;
}

const calendarColumns = `m.id, m.date, m.start_time AS startTime, m.duration_min AS durationMin, m.status, m.held_on AS heldOn,
  m.actual_duration_min AS actualDurationMin, m.theme_title AS themeTitle, m.mode, m.location, m.calendar_sequence AS calendarSequence`;

export function calendarMeetings(db: ReadDb, who: { pairId: number } | { participantId: number }): CalendarMeeting[] {
  if ('pairId' in who) return many<CalendarMeeting>(db, `SELECT ${calendarColumns} FROM meetings m WHERE m.pair_id = ? ORDER BY m.sequence`, [who.pairId]);
  return many<CalendarMeeting>(
    db,
    `SELECT ${calendarColumns} FROM meetings m JOIN pairs x ON x.id = m.pair_id WHERE x.mentor_id = @id OR x.mentee_id = @id ORDER BY coalesce(m.held_on, m.date), m.start_time, m.id`,
    { id: who.participantId },
  );
}

/** Zones whose every instant is UTC: written as UTC times (…Z), which every calendar reads the same way. */
const UTC_IDS = new Set(['Etc/UTC', 'Etc/GMT']);

/**
 * The one name the calendar uses for the coordinator's zone, with its VTIMEZONE: the name under
 * which the rules are published (Asia/Calcutta → Asia/Kolkata, US/Eastern → America/New_York),
 * so every TZID in the file has its VTIMEZONE (RFC 5545 §3.2.19). Null: write UTC instead — for
 * UTC itself, and for a zone the rules library does not know (the instants stay right).
 */
function calendarZone(timeZone: string): { tzid: string; vtimezone: string } | null {
  const found = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(found) || !found[0] || !found[1]?.startsWith('TZID=')) return null;
  const tzid = found[1].slice('TZID='.length);
  return UTC_IDS.has(tzid) ? null : { tzid, vtimezone: found[0] };
}

/**
 * An RFC 5545 calendar of meetings, in the coordinator's time zone (with its VTIMEZONE rules, so a
 * meeting after the clocks change keeps its wall-clock time). Only what a calendar needs leaves the
 * vault: date, time, place or link, and the theme title — no names, no notes. UIDs are stable per
 * meeting and SEQUENCE only grows, so importing again updates instead of duplicating. A held
 * meeting appears when and for as long as it was held.
 */
export function meetingsCalendar(meetings: CalendarMeeting[], timeZone: string, vaultId: string, now: Date): string {
  const zone = calendarZone(timeZone);
  const calendar = ical({
    name: 'Reverse mentoring meetings',
    prodId: { company: 'Reciprocal', product: 'Reciprocal', language: 'EN' },
    // No calendar-wide zone name: the library would write a non-standard TIMEZONE-ID line. Each
    // event names its zone, and the generator adds that zone's VTIMEZONE once.
    timezone: { name: null, generator: (tzid) => (zone && tzid === zone.tzid ? zone.vtimezone : null) },
  });
  if (zone) calendar.x('X-WR-TIMEZONE', zone.tzid);
  for (const m of meetings) {
    const held = m.status === 'held' && m.heldOn !== null;
    const [y, mo, d] = (held ? m.heldOn! : m.date).split('-').map(Number) as [number, number, number];
    const [h, mi] = m.startTime.split(':').map(Number) as [number, number];
    // The wall-clock time in the coordinator's zone, as an instant (an alias has the same rules).
    const start = new TZDate(y, mo - 1, d, h, mi, timeZone);
    const minutes = (held ? m.actualDurationMin : null) ?? m.durationMin;
    calendar.createEvent({
      id: `reciprocal-${vaultId}-meeting-${m.id}`,
      sequence: m.calendarSequence,
      stamp: now,
      // With a zone, the library writes the wall-clock time under its TZID; without, UTC with Z.
      start: zone ? start : new Date(start.getTime()),
      end: zone ? new TZDate(start.getTime() + minutes * 60_000, timeZone) : new Date(start.getTime() + minutes * 60_000),
      ...(zone ? { timezone: zone.tzid } : {}),
      summary: `Reverse mentoring: ${m.themeTitle}`,
      location: m.location || (m.mode === 'online' ? 'Online' : null),
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 §3.8.7.2: DTSTAMP is always UTC; the library writes it in the event's zone.
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`);
}
