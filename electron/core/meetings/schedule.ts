import { addDays, differenceInCalendarDays, format, getISODay, parseISO } from 'date-fns';
import type { MeetingPlan } from '../../../shared/plan/contract';
import { formatDate as shown } from '../../../shared/dates';
import { plural } from '../../../shared/words';

export interface ThemeForMeeting {
  id: number;
  title: string;
  iceBreakers: string[];
}

export interface PlannedMeeting {
  sequence: number;
  date: string;
  startTime: string;
  durationMin: number;
  themeId: number | null;
  themeTitle: string;
  iceBreakers: string[];
}

export interface PlannedSchedule {
  meetings: PlannedMeeting[];
  /** Why the schedule differs from the plan (it would have run past the end of the scheme), or null. */
  note: string | null;
}

const dayNumber: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5 };
const partTime: Record<string, string> = { am: '10:00', pm: '14:00', eve: '17:30' };
/** A week's notice before the first meeting, so both can plan it. */
const LEAD_DAYS = 7;
/** Meetings are never squeezed closer than a week apart (or the plan's own gap, if shorter). */
const CLOSEST_DAYS = 7;

const day = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * The gap between meetings so that `count` of them fit between the first date and the end of the
 * scheme. A cadence in whole weeks is shortened in whole weeks, so meetings keep the weekday both
 * said they are free.
 */
function fittingCadence(plan: MeetingPlan, spanDays: number): { cadence: number; count: number } {
  if (plan.meetingCount === 1 || (plan.meetingCount - 1) * plan.cadenceDays <= spanDays) return { cadence: plan.cadenceDays, count: plan.meetingCount };
  const unit = plan.cadenceDays % 7 === 0 ? 7 : 1;
  const closest = Math.max(unit, Math.min(plan.cadenceDays, CLOSEST_DAYS));
  const squeezed = Math.floor(spanDays / (plan.meetingCount - 1) / unit) * unit;
  if (squeezed >= closest) return { cadence: squeezed, count: plan.meetingCount };
  return { cadence: closest, count: Math.floor(spanDays / closest) + 1 };
}

/**
 * A pair's meetings from the scheme's plan: the count and cadence of the meeting plan, starting a
 * week after confirmation (not before the pilot starts) on the first weekday-and-time both said they
 * are free, and the themes in their planned order (repeating if there are fewer themes than meetings).
 * Nothing is planned after the scheme ends: the meetings move closer together, down to a week
 * apart, and if even that does not fit, fewer are planned — and the note says so.
 */
export function planMeetings(args: {
  plan: MeetingPlan;
  themes: ThemeForMeeting[];
  confirmedOn: string;
  pilotStart: string;
  pilotEnd: string;
  sharedSlots: string[];
}): PlannedSchedule {
  const { plan, themes } = args;
  const earliest = [day(addDays(parseISO(args.confirmedOn), LEAD_DAYS)), args.pilotStart].sort().at(-1)!;
  const [slotDay, slotPart] = (args.sharedSlots[0] ?? '').split('-') as [string | undefined, string | undefined];
  let first = parseISO(earliest);
  const wantedDay = slotDay ? dayNumber[slotDay] : undefined;
  if (wantedDay) while (getISODay(first) !== wantedDay) first = addDays(first, 1);
  else while (getISODay(first) > 5) first = addDays(first, 1); // no shared slot: the next weekday
  const startTime = (slotPart && partTime[slotPart]) || '10:00';

  const spanDays = differenceInCalendarDays(parseISO(args.pilotEnd), first);
  if (spanDays < 0) {
    return { meetings: [], note: `No meetings were planned: the scheme ends on ${shown(args.pilotEnd)}, before the first meeting could take place (a week after the pair was confirmed).` };
  }
  const { cadence, count } = fittingCadence(plan, spanDays);
  const meetings = Array.from({ length: count }, (_, k) => {
    const theme = themes.length > 0 ? themes[k % themes.length]! : undefined;
    return {
      sequence: k + 1,
      date: day(addDays(first, k * cadence)),
      startTime,
      durationMin: plan.durationMin,
      themeId: theme?.id ?? null,
      themeTitle: theme?.title ?? `Meeting ${k + 1}`,
      iceBreakers: theme?.iceBreakers ?? [],
    };
  });
  const planned = `${plural(plan.meetingCount, 'meeting')} ${plural(plan.cadenceDays, 'day')} apart`;
  let note: string | null = null;
  if (count < plan.meetingCount) {
    note = `The plan’s ${planned} do not fit before the scheme ends on ${shown(args.pilotEnd)}, even ${plural(cadence, 'day')} apart: ${plural(count, 'meeting')} ${count === 1 ? 'is' : 'are'} planned.`;
  } else if (cadence !== plan.cadenceDays) {
    note = `The plan’s ${planned} would run past the end of the scheme on ${shown(args.pilotEnd)}, so they are ${plural(cadence, 'day')} apart instead.`;
  }
  return { meetings, note };
}
