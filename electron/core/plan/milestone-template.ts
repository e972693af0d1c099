import { addDays } from '../util/json';

/**
 * The default timeline of a reverse-mentoring round on the UK academic calendar, as the Leeds and
 * Northumbria pilots ran it: call for interest in October, chemistry meetings and training before
 * meetings from November to June, then closing interviews and a group reflection.
 */
export function academicYearOf(startDate: string): number {
  const [year, month] = startDate.split('-').map(Number) as [number, number];
  return month >= 8 ? year : year - 1;
}

function academicCalendar(y: number): { title: string; dueOn: string }[] {
  const next = y + 1;
  return [
    { title: 'Call for expressions of interest', dueOn: `${y}-10-01` },
    { title: 'Expressions of interest close', dueOn: `${y}-10-21` },
    { title: 'Chemistry meetings held', dueOn: `${y}-10-31` },
    { title: 'Training sessions held', dueOn: `${y}-11-07` },
    { title: 'Pairs confirmed', dueOn: `${y}-11-14` },
    { title: 'First meetings', dueOn: `${y}-11-28` },
    { title: 'Mid-scheme check-in', dueOn: `${next}-02-27` },
    { title: 'Last meetings', dueOn: `${next}-06-12` },
    { title: 'Closing interviews done', dueOn: `${next}-06-26` },
    { title: 'Group reflection', dueOn: `${next}-07-03` },
  ];
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * The template fitted to the pilot's own dates: the academic-calendar dates when they all fall
 * between its start and end; otherwise the same steps spread over the pilot in the same proportions
 * (a February–May round gets its call for interest in February and its reflection by the end of May).
 * No milestone is ever before the start or after the end.
 */
export function defaultMilestones(startDate: string, endDate: string): { title: string; dueOn: string }[] {
  const calendar = academicCalendar(academicYearOf(startDate));
  if (calendar.every((m) => m.dueOn >= startDate && m.dueOn <= endDate)) return calendar;
  const first = dayNumber(calendar[0]!.dueOn);
  const span = dayNumber(calendar.at(-1)!.dueOn) - first;
  const length = dayNumber(endDate) - dayNumber(startDate);
  return calendar.map((m) => ({ title: m.title, dueOn: addDays(startDate, Math.floor(((dayNumber(m.dueOn) - first) / span) * length)) }));
}
