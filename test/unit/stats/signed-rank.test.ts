import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, doubledMidRanks, normalUpperTail, signedRankTest } from '../../../electron/core/stats/signed-rank';
import { seededRandom } from '../../../electron/core/util/random';

/**
 * The p-value by brute force: every one of the 2^n sign assignments of the observed mid-ranks,
 * equally likely under the null, counted — the definition the subset sum must reproduce exactly.
 */
function bruteForcePValue(differences: number[]): number {
  const nonZero = differences.filter((d) => d !== 0);
  const absolute = nonZero.map(Math.abs);
  // Mid-ranks the slow, obvious way: 1 + how many are smaller + half of the others equal to it.
  const ranks = absolute.map((a) => 1 + absolute.filter((b) => b < a).length + (absolute.filter((b) => b === a).length - 1) / 2);
  const observed = nonZero.reduce((sum, d, i) => sum + (d > 0 ? ranks[i]! : 0), 0);
  let atMost = 0;
  let atLeast = 0;
  const n = nonZero.length;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let rPlus = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) rPlus += ranks[i]!;
    if (rPlus <= observed) atMost += 1;
    if (rPlus >= observed) atLeast += 1;
  }
  return Math.min(1, (2 * Math.min(atMost, atLeast)) / 2 ** n);
}

/** Normal approximation written out from its textbook formula, for the cases above EXACT_LIMIT. */
function normalApproximation(differences: number[]) {
  const nonZero = differences.filter((d) => d !== 0);
  const n = nonZero.length;
  const absolute = nonZero.map(Math.abs);
  const ranks = absolute.map((a) => 1 + absolute.filter((b) => b < a).length + (absolute.filter((b) => b === a).length - 1) / 2);
  const rPlus = nonZero.reduce((sum, d, i) => sum + (d > 0 ? ranks[i]! : 0), 0);
  const ties = new Map<number, number>();
  for (const a of absolute) ties.set(a, (ties.get(a) ?? 0) + 1);
  const correction = [...ties.values()].reduce((sum, t) => sum + t ** 3 - t, 0) / 48;
  const z = (rPlus - (n * (n + 1)) / 4) / Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - correction);
  return { z, p: 2 * normalUpperTail(Math.abs(z)) };
}

const likertDifferences = (random: () => number, n: number, spread: number) => Array.from({ length: n }, () => Math.round((random() * 2 - 1) * spread));

describe('Wilcoxon signed-rank test (zero_method wilcox, two-sided)', () => {
  it('equals the brute-force enumeration of all 2^n sign assignments, exactly, with and without ties', () => {
    const random = seededRandom(12);
    let compared = 0;
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 16);
      // Likert differences (−4 … 4, many ties and zeros) and, now and then, untied real numbers.
      const differences = round % 5 === 0 ? Array.from({ length: n }, () => Math.round((random() - 0.4) * 1000) / 10) : likertDifferences(random, n, 1 + Math.floor(random() * 4));
      const result = signedRankTest(differences);
      if (result.method === 'none') continue;
      expect(result.method).toBe('exact');
      expect(result.pvalue, JSON.stringify(differences)).toBe(bruteForcePValue(differences));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(250);
  });

  it('matches SciPy’s documented example (Darwin’s Zea mays differences, Fisher 1935): statistic 24, p = 0.041259765625', () => {
    // docs.scipy.org, scipy.stats.wilcoxon, Examples: `wilcoxon(d)` → statistic 24.0, pvalue 0.041259765625 (exact).
    const d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
    const result = signedRankTest(d);
    expect(result).toMatchObject({ n: 15, zeros: 0, rPlus: 96, rMinus: 24, statistic: 24, method: 'exact' });
    expect(result.pvalue).toBe(0.041259765625);
  });

  it('matches the NAG Library’s g08agc example: statistic 32 (R+), two-tail probability 0.0547', () => {
    // NAG C Library, nag_wilcoxon_test (g08agc), example results: the 16 data values are two samples of 8,
    // "Test statistic = 32.0000, Normalized test statistic = 1.8904 (with continuity correction), Two tail probability = 0.0547".
    const first = [82, 69, 73, 43, 58, 56, 76, 65];
    const second = [63, 42, 74, 37, 51, 43, 80, 62];
    const result = signedRankTest(first.map((x, i) => x - second[i]!));
    expect(result).toMatchObject({ rPlus: 32, rMinus: 4, statistic: 4, method: 'exact' });
    expect(result.pvalue).toBe(7 / 128); // 0.0546875: 7 of the 256 sign patterns have R− ≤ 4, doubled
    // NAG's normalised statistic uses a continuity correction: (32 − 18 − 0.5) / √51.
    expect((result.rPlus - 18 - 0.5) / Math.sqrt(51)).toBeCloseTo(1.8904, 4);
  });

  it('says there is no test when every difference is zero', () => {
    expect(signedRankTest([0, 0, 0, 0])).toEqual({ n: 0, zeros: 4, rPlus: 0, rMinus: 0, statistic: null, pvalue: null, method: 'none', z: null });
    expect(signedRankTest([]).method).toBe('none');
  });

  it('gives p = 1 for a single non-zero difference (one of two equally likely signs)', () => {
    expect(signedRankTest([0, 3, 0])).toMatchObject({ n: 1, zeros: 2, rPlus: 1, rMinus: 0, statistic: 0, pvalue: 1, method: 'exact' });
    expect(signedRankTest([-2]).pvalue).toBe(1);
  });

  it('handles all differences tied: six people each one point higher → p = 2/64, by hand', () => {
    // Every |d| ties at mid-rank 3.5, so R+ = 21 only when all six signs are +: P(R+ ≥ 21) = 1/64.
    expect(signedRankTest([1, 1, 1, 1, 1, 1])).toMatchObject({ rPlus: 21, rMinus: 0, statistic: 0, pvalue: 2 / 64, method: 'exact' });
    // Ties and zeros by hand: d = [0, 1, 1, −1, 2] → ranks of |d| 1,1,1,2 are 2,2,2,4; R+ = 2+2+4 = 8, R− = 2.
    // Doubled ranks 4,4,4,8 (total 20): P(2R− ≤ 4) counts the sign patterns with 2R− ∈ {0, 4}: 1 + 3 = 4 of 16.
    expect(signedRankTest([0, 1, 1, -1, 2])).toMatchObject({ n: 4, zeros: 1, rPlus: 8, rMinus: 2, statistic: 2, pvalue: 2 * (4 / 16), method: 'exact' });
  });

  it('a Likert case where the normal approximation is far off: 14 pairs, 8 unchanged, 4 up a point, 2 down', () => {
    // The issue quotes SciPy's default giving 0.41 where the exact value is 0.75. We could not reproduce that
    // exact pair of figures under these definitions (searching every set of Likert differences ±1…±4 up to 20
    // pairs); this is the closest: SciPy's default ('auto' → asymptotic with ties or zeros) gives 0.414, the exact
    // conditional p-value (a sign test here: all changes tie at one point) is 2·P(X ≤ 2 | 6 fair coins) = 0.6875.
    const d = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, -1, -1];
    expect(signedRankTest(d)).toMatchObject({ n: 6, zeros: 8, pvalue: 0.6875, method: 'exact' });
    expect(normalApproximation(d).p).toBeCloseTo(0.4142, 4);
    // And ten changes, six up and four down: exact 0.754 where the approximation says 0.527.
    const ten = [1, 1, 1, 1, 1, 1, -1, -1, -1, -1];
    expect(signedRankTest(ten).pvalue).toBeCloseTo(0.75390625, 10);
    expect(normalApproximation(ten).p).toBeCloseTo(0.5271, 4);
  });

  it(`is exact up to ${EXACT_LIMIT} non-zero differences and uses the normal approximation with tie correction above`, () => {
    const random = seededRandom(3);
    const atLimit = likertDifferences(random, EXACT_LIMIT * 2, 3).filter((d) => d !== 0).slice(0, EXACT_LIMIT);
    expect(atLimit).toHaveLength(EXACT_LIMIT);
    const exact = signedRankTest(atLimit);
    expect(exact.method).toBe('exact');
    // With this many changes the exact and approximate p-values agree closely.
    expect(exact.pvalue!).toBeCloseTo(normalApproximation(atLimit).p, 2);

    const above = [...atLimit, 2];
    const approximate = signedRankTest(above);
    expect(approximate.method).toBe('normal-approximation');
    const expected = normalApproximation(above);
    expect(approximate.z!).toBeCloseTo(expected.z, 12);
    expect(approximate.pvalue!).toBeCloseTo(expected.p, 12);
  });

  it('is symmetric: swapping before and after keeps the p-value and swaps R+ and R−', () => {
    const random = seededRandom(8);
    const d = likertDifferences(random, 25, 3);
    const forward = signedRankTest(d);
    const backward = signedRankTest(d.map((x) => -x));
    expect(backward.pvalue).toBe(forward.pvalue);
    expect([backward.rPlus, backward.rMinus]).toEqual([forward.rMinus, forward.rPlus]);
  });

  it('doubles mid-ranks into whole numbers and reports the tie sizes', () => {
    const { doubled, tieSizes } = doubledMidRanks([3, 1, 3, 2, 3]);
    expect([...doubled]).toEqual([8, 2, 8, 4, 8]); // ranks 4, 1, 4, 2, 4
    expect(tieSizes).toEqual([1, 1, 3]);
  });

  it('refuses a difference that is not a finite number (a caller’s bug, not data)', () => {
    expect(() => signedRankTest([1, Number.NaN])).toThrow(RangeError);
  });

  it('normal tail agrees with known values of the standard normal', () => {
    expect(2 * normalUpperTail(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 15);
    expect(2 * normalUpperTail(3)).toBeCloseTo(0.0026997960632601913, 16);
    expect(normalUpperTail(-1)).toBeCloseTo(0.8413447460685429, 15);
  });
});
