import { z } from 'zod';

export const empty = z.object({}).strict();
export const nothing = z.null();

export const entityId = z.number().int().positive();
export const byId = z.object({ id: entityId }).strict();
export const byPilot = z.object({ pilotId: entityId }).strict();

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The dates Reciprocal works with: wide enough for any pilot, narrow enough that date arithmetic stays in four-digit years. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';
export const isWithinDateRange = (value: string) => value >= EARLIEST_DATE && value <= LATEST_DATE;

/** A calendar date as YYYY-MM-DD that really exists (no 31 February). */
export const isoDate = z
  .string()
  .regex(isoDatePattern, { error: 'Enter the date: day, month and year', abort: true })
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, { error: 'This date does not exist', abort: true })
  .refine(isWithinDateRange, 'Use a date between 1900 and 2199');

export const timestamp = z.string();

/** Trimmed text with a friendly message when it is missing or too long. */
export const requiredText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`);
