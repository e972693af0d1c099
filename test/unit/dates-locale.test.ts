import { describe, expect, it } from 'vitest';
import { APP_LOCALE, formatDate, formatDay } from '../../shared/dates';
import { isoDate } from '../../shared/contract/common';

describe('one date format everywhere', () => {
  it('writes dates in words, day first, in the app’s one locale', () => {
    expect(APP_LOCALE).toBe('en-GB');
    expect(formatDate('2026-10-01')).toBe('1 Oct 2026');
    expect(formatDay('2026-10-01')).toMatch(/^Thu,? 1 Oct 2026$/);
  });

  it('asks for a missing or malformed date by its parts, never for an ISO pattern', () => {
    for (const bad of ['', '1/10/2026', 'next june']) {
      const result = isoDate.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Enter the date: day, month and year');
    }
    expect(isoDate.safeParse('2026-02-30').error?.issues[0]?.message).toBe('This date does not exist');
  });
});
