import { describe, expect, it } from 'vitest';
import { percentOf, suppressBreakdown, type Cell } from '../../../electron/core/stats/suppression';

/** What someone reading the table could work out: each hidden cell's value when it is the only unknown. */
function recoverable(counts: number[], cells: Cell[], threshold: number): boolean {
  const total = counts.reduce((a, b) => a + b, 0);
  const hidden = cells.map((c, i) => ('hidden' in c ? i : -1)).filter((i) => i >= 0);
  const shownSum = cells.reduce((sum, c) => sum + ('count' in c ? c.count : 0), 0);
  if (hidden.length === 1) return true; // total − the shown cells
  return hidden.length > 1 && total - shownSum < threshold;
}

describe('small-cell suppression', () => {
  it('hides every cell of 1 to threshold−1 people, and shows zeros and larger cells', () => {
    expect(suppressBreakdown([0, 7, 2, 3, 9], 5)).toEqual([{ count: 0 }, { count: 7 }, { hidden: 'small' }, { hidden: 'small' }, { count: 9 }]);
  });

  it('hides a second cell when one small cell could be worked out from the total', () => {
    // 12 improved, 3 stayed the same, 8 went down, total 23 shown: 3 = 23 − 12 − 8, so the 8 goes too.
    expect(suppressBreakdown([12, 3, 8], 5)).toEqual([{ count: 12 }, { hidden: 'small' }, { hidden: 'complement' }]);
  });

  it('keeps hiding while the hidden cells add up to fewer than the threshold', () => {
    // 1 and 2 hidden: together 3 < 5, so "fewer than 5" each would still pin them down; the 6 joins them.
    expect(suppressBreakdown([1, 2, 6, 10], 5)).toEqual([{ hidden: 'small' }, { hidden: 'small' }, { hidden: 'complement' }, { count: 10 }]);
  });

  it('with two groups (mentors and mentees) under a shown total, a small group hides the other', () => {
    expect(suppressBreakdown([20, 3], 5)).toEqual([{ hidden: 'complement' }, { hidden: 'small' }]);
    expect(suppressBreakdown([20, 0], 5)).toEqual([{ count: 20 }, { count: 0 }]);
  });

  it('never leaves a hidden cell recoverable, over many random breakdowns and thresholds', () => {
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 2000; round++) {
      const threshold = 3 + Math.floor(next() * 8);
      const counts = Array.from({ length: 2 + Math.floor(next() * 5) }, () => Math.floor(next() * 14));
      const cells = suppressBreakdown(counts, threshold);
      // Every small non-zero cell is hidden; every shown cell is as counted.
      counts.forEach((n, i) => {
        if (n > 0 && n < threshold) expect(cells[i]).toEqual({ hidden: 'small' });
        if ('count' in cells[i]!) expect((cells[i] as { count: number }).count).toBe(n);
      });
      const total = counts.reduce((a, b) => a + b, 0);
      const hiddenSum = counts.filter((_, i) => 'hidden' in cells[i]!).reduce((a, b) => a + b, 0);
      // Either nothing could be worked out, or everything non-zero is hidden already (then the total itself is all one learns).
      if (recoverable(counts, cells, threshold)) expect(hiddenSum).toBe(total);
    }
  });

  it('percentages only for shown cells', () => {
    expect(percentOf({ count: 5 }, 20)).toBe(25);
    expect(percentOf({ hidden: 'small' }, 20)).toBeNull();
    expect(percentOf({ count: 0 }, 0)).toBeNull();
  });
});
