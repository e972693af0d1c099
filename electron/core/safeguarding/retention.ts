import { LATEST_DATE } from '../../../shared/contract/common';

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date `months` later, on the same day or the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const moved = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, daysInMonth(y, m))).padStart(2, '0')}`;
  return moved > LATEST_DATE ? LATEST_DATE : moved;
}

export interface Retention {
  keepUntil: string | null;
  pastRetention: boolean;
}

/**
 * How long a closed concern is kept: the pilot's concern retention period after closure (separate
 * from the research data's). Open concerns, and pilots that have not decided, have no end date.
 * Nothing is deleted automatically: the register shows what is past its date.
 */
export function retentionOf(closedOn: string | null, retentionMonths: number | null, today: string): Retention {
  if (closedOn === null || retentionMonths === null) return { keepUntil: null, pastRetention: false };
  const keepUntil = addMonths(closedOn, retentionMonths);
  return { keepUntil, pastRetention: keepUntil < today };
}
