import { addDays, format, parseISO } from 'date-fns';

/**
 * The demo's clock. The demo pilot is laid out relative to a "today" so that, whatever day it is
 * run, meetings are partly held, partly overdue and partly to come. Each call moves time on ten
 * seconds so that timestamps stay ordered; `jumpTo` and `jumpToDate` move on to a later day of the
 * story (never back), so every record and audit entry is stamped on the day its story says.
 */
export class DemoClock {
  private time: number;

  constructor(readonly today: string) {
    this.time = Date.parse(`${this.day(-80)}T09:00:00Z`);
  }

  /** A date `offset` days from today, as YYYY-MM-DD. */
  day(offset: number): string {
    return format(addDays(parseISO(this.today), offset), 'yyyy-MM-dd');
  }

  now = (): Date => {
    this.time += 10_000;
    return new Date(this.time);
  };

  jumpTo(offset: number): void {
    this.jumpToDate(this.day(offset));
  }

  /** Moves to 09:00 (UTC) on a day of the story, unless time is already past it. */
  jumpToDate(date: string): void {
    this.time = Math.max(this.time, Date.parse(`${date}T09:00:00Z`));
  }
}
