import { describe, expect, it } from 'vitest';
import { isoDate } from '../../shared/contract/common';
import { addDays } from '../../electron/core/util/json';
import { defaultMilestones } from '../../electron/core/plan/milestone-template';

describe('dates stay within the years Reciprocal works with', () => {
  it('accepts real dates from 1900 to 2199 and refuses others with a plain message', () => {
    expect(isoDate.safeParse('1900-01-01').success).toBe(true);
    expect(isoDate.safeParse('2199-12-31').success).toBe(true);
    expect(isoDate.safeParse('1899-12-31').error?.issues[0]?.message).toBe('Use a date between 1900 and 2199');
    expect(isoDate.safeParse('9999-12-01').error?.issues[0]?.message).toBe('Use a date between 1900 and 2199');
    expect(isoDate.safeParse('2026-02-30').error?.issues.map((issue) => issue.message)).toEqual(['This date does not exist']);
  });

  it('refuses to move a date out of that range instead of writing a five-digit year', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(() => addDays('2199-12-31', 365)).toThrow(/would leave the dates Reciprocal works with \(1900 to 2199\)/);
    expect(() => addDays('1900-01-01', -1)).toThrow(/nothing was changed/);
  });

  it('fits the default timeline into a pilot at either end of the range', () => {
    for (const [start, end] of [['1900-01-01', '1900-06-30'], ['2199-09-01', '2199-12-31']] as const) {
      const milestones = defaultMilestones(start, end);
      expect(milestones).toHaveLength(10);
      for (const milestone of milestones) expect(milestone.dueOn >= start && milestone.dueOn <= end).toBe(true);
    }
  });
});
