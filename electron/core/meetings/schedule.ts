import { addDays, getISODay, parseISO, format } from 'date-fns';
import type { MeetingPlan } from '../../../shared/plan/contract';

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

const dayNumber: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5 };
const partTime: Record<string, string> = { am: '10:00', pm: '14:00', eve: '17:30' };
/** A week's notice before the first meeting, so both can plan it. */
const LEAD_DAYS = 7;

/**
 * A pair's meetings from the scheme's plan: the count and cadence of the meeting plan, starting a
 * week after confirmation (not before the pilot starts) on the first weekday-and-time both said they
 * are free, and the themes in their planned order (repeating if there are fewer themes than meetings).
 */
export function planMeetings(args: {
  plan: MeetingPlan;
  themes: ThemeForMeeting[];
  confirmedOn: string;
  pilotStart: string;
  sharedSlots: string[];
}): PlannedMeeting[] {
  const { plan, themes } = args;
  const earliest = [format(addDays(parseISO(args.confirmedOn), LEAD_DAYS), 'yyyy-MM-dd'), args.pilotStart].sort().at(-1)!;
  const [slotDay, slotPart] = (args.sharedSlots[0] ?? '').split('-') as [string | undefined, string | undefined];
  let first = parseISO(earliest);
  const wantedDay = slotDay ? dayNumber[slotDay] : undefined;
  if (wantedDay) while (getISODay(first) !== wantedDay) first = addDays(first, 1);
  else while (getISODay(first) > 5) first = addDays(first, 1); // no shared slot: the next weekday
  const startTime = (slotPart && partTime[slotPart]) || '10:00';
  return Array.from({ length: plan.meetingCount }, (_, k) => {
    const theme = themes.length > 0 ? themes[k % themes.length]! : undefined;
    return {
      sequence: k + 1,
      date: format(addDays(first, k * plan.cadenceDays), 'yyyy-MM-dd'),
      startTime,
      durationMin: plan.durationMin,
      themeId: theme?.id ?? null,
      themeTitle: theme?.title ?? `Meeting ${k + 1}`,
      iceBreakers: theme?.iceBreakers ?? [],
    };
  });
}
