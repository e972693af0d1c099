import { describe, expect, it } from 'vitest';
import { comparePairs, effectSizeClass, effectWords, median, rankBiserial } from '../../../electron/core/stats/paired';

describe('paired comparison', () => {
  it('counts who improved, stayed the same and went down, with the medians before and after', () => {
    const result = comparePairs([
      [2, 4],
      [3, 3],
      [4, 3],
      [1, 3],
      [3, 4],
    ]);
    expect(result).toMatchObject({ pairs: 5, improved: 3, same: 1, worse: 1, medianBefore: 3, medianAfter: 3 });
    // d = 2, 0, −1, 2, 1 → non-zero |d| 2,1,2,1 → ranks 3.5,1.5,3.5,1.5; R+ = 3.5+3.5+1.5 = 8.5, R− = 1.5.
    expect(result.test).toMatchObject({ rPlus: 8.5, rMinus: 1.5, statistic: 1.5 });
    expect(result.effectSize).toBeCloseTo((8.5 - 1.5) / 10, 12);
  });

  it('medians of an even count are the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('rank-biserial is 1 when everyone went up, −1 when everyone went down, null when nobody changed', () => {
    expect(rankBiserial({ rPlus: 21, rMinus: 0 })).toBe(1);
    expect(rankBiserial({ rPlus: 0, rMinus: 10 })).toBe(-1);
    expect(comparePairs([[3, 3], [2, 2]]).effectSize).toBeNull();
  });

  it('names the size of an effect by Cohen’s thresholds (0.1, 0.3, 0.5) and its direction', () => {
    expect([0.05, 0.1, 0.29, 0.3, 0.49, 0.5, -0.8].map(effectSizeClass)).toEqual(['negligible', 'small', 'small', 'medium', 'medium', 'large', 'large']);
    expect(effectWords(0.42)).toBe('a medium effect: answers were higher after');
    expect(effectWords(-0.12)).toBe('a small effect: answers were lower after');
    expect(effectWords(null)).toContain('nobody’s answer changed');
  });
});

describe('median', () => {
  it('counts small whole numbers and sorts anything else, with the same answers', () => {
    let state = 5;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: 1 + Math.floor(next() * 40) }, () => Math.floor(next() * 7) + 1);
      const sorted = [...values].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      const expected = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      expect(median(values)).toBe(expected);
      expect(median(values.map((v) => v + 0.5))).toBe(expected + 0.5);
    }
  });
});
