import ical, { ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { TZDate } from '@date-fns/tz';
import type { Meeting } from '../../../shared/meetings/contract';

/**
 * An RFC 5545 calendar of meetings, in the coordinator's time zone (with its VTIMEZONE rules, so a
 * meeting after the clocks change keeps its wall-clock time). Only what a calendar needs leaves the
 * vault: date, time, place or link, and the theme title — no names, no notes. UIDs are stable per
 * meeting and SEQUENCE grows with each reschedule, so importing again updates instead of duplicating.
 */
export function meetingsCalendar(meetings: Meeting[], timeZone: string, vaultId: string, now: Date): string {
  const calendar = ical({
    name: 'Reverse mentoring meetings',
    prodId: { company: 'Reciprocal', product: 'Reciprocal', language: 'EN' },
    timezone: { name: timeZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
  });
  for (const m of meetings) {
    const [y, mo, d] = m.date.split('-').map(Number) as [number, number, number];
    const [h, mi] = m.startTime.split(':').map(Number) as [number, number];
    const start = new TZDate(y, mo - 1, d, h, mi, timeZone);
    calendar.createEvent({
      id: `reciprocal-${vaultId}-meeting-${m.id}`,
      sequence: m.rescheduleCount + (m.status === 'cancelled' ? 1 : 0),
      stamp: now,
      // TZDate carries its zone: the library then writes the wall-clock time in that zone.
      start,
      end: new TZDate(start.getTime() + m.durationMin * 60_000, timeZone),
      timezone: timeZone,
      summary: `Reverse mentoring: ${m.themeTitle}`,
      location: m.location || (m.mode === 'online' ? 'Online' : null),
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 §3.8.7.2: DTSTAMP is always UTC; the library writes it in the calendar's zone.
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`);
}
