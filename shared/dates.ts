/** Dates in words, the same in every message of the core and on every screen. */
import { plural } from './words';

/**
 * The app's one date locale: dates in words ("1 Oct 2026") and the order of the date inputs'
 * day/month/year. A locale setting later changes it here, in this one line.
 */
export const APP_LOCALE = 'en-GB';

const shortDate = new Intl.DateTimeFormat(APP_LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat(APP_LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Read as UTC midnight and written in UTC: a calendar date never drifts to the day before.
const utcMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** "1 Oct 2026" from "2026-10-01". */
export const formatDate = (isoDate: string): string => shortDate.format(utcMidnight(isoDate));

/** "1 October 2026" from "2026-10-01", for documents (a log book). */
export const formatLongDate = (isoDate: string): string => longDate.format(utcMidnight(isoDate));

/** The calendar date (YYYY-MM-DD) at `now` in an IANA time zone. */
export const dateIn = (timeZone: string, now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/** Today (YYYY-MM-DD) in the given IANA time zone when there is one and it is known, else this computer's. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  if (timeZone) {
    try {
      return dateIn(timeZone, now);
    } catch {
      // An unknown zone: fall back to this computer's own.
    }
  }
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

const weekdayDate = new Intl.DateTimeFormat(APP_LOCALE, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Thu 1 Oct 2026" from "2026-10-01": meetings, where the weekday matters. */
export const formatDay = (isoDate: string): string => weekdayDate.format(utcMidnight(isoDate));

/** Whole days from one calendar date to another (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => Math.round((utcMidnight(to).getTime() - utcMidnight(from).getTime()) / 86_400_000);

// Timestamps (an ISO instant) are shown in this computer's own time.
const localDate = new Intl.DateTimeFormat(APP_LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
const localDateTime = new Intl.DateTimeFormat(APP_LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const localClock = new Intl.DateTimeFormat(APP_LOCALE, { hour: '2-digit', minute: '2-digit' });

/** "1 Dec 2026": the day of a timestamp on this computer's calendar. */
export const formatTimestampDay = (timestamp: string): string => localDate.format(new Date(timestamp));

/** "1 Dec 2026, 14:02": a timestamp in this computer's time. */
export const formatDateTime = (timestamp: string): string => localDateTime.format(new Date(timestamp));

/** "14:02": the time of a timestamp in this computer's time. */
export const formatClock = (timestamp: string): string => localClock.format(new Date(timestamp));

/** "1 minute", "45 minutes", "1 hour", "1 hour 30 minutes", "4 hours". */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return plural(minutes, 'minute');
  return minutes === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
}
