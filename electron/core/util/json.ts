import { AppError } from '../errors';
import { EARLIEST_DATE, LATEST_DATE, isWithinDateRange } from '../../../shared/contract/common';
import { formatDate } from '../../../shared/dates';

/** Columns holding JSON lists are written only by the core, so a parse failure means damage: fail loudly. */
export function parseJsonArray<T = string>(text: string): T[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error('expected a JSON array in the database');
  return value as T[];
}

/** A date moved by whole days; refused (not silently wrapped into five-digit years) if it leaves the dates Reciprocal handles. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const moved = date.toISOString().slice(0, 10);
  if (Number.isNaN(date.getTime()) || !isWithinDateRange(moved)) {
    throw new AppError('INVALID_INPUT', `Moving ${formatDate(isoDate)} by ${days} days would leave the dates Reciprocal works with (${EARLIEST_DATE.slice(0, 4)} to ${LATEST_DATE.slice(0, 4)}); nothing was changed.`);
  }
  return moved;
}

/** Drops later repeats that differ only in case, keeping the first spelling. */
export function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
