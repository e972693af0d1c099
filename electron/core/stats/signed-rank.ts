/**
 * The Wilcoxon signed-rank test on paired differences, as SciPy's `scipy.stats.wilcoxon` defines it
 * with `zero_method='wilcox'` (zero differences dropped), two-sided, mid-ranks for ties:
 * - the statistic is the smaller of R+ and R− (the sums of the ranks of |d| for positive and negative d);
 * - the p-value is exact up to EXACT_LIMIT non-zero differences: the conditional null distribution of
 *   R+ given the observed mid-ranks, each sign + or − with probability ½ (what SciPy computes with
 *   `method=PermutationMethod(n_resamples=inf)`, and its exact test when there are no ties), counted
 *   by a subset sum over the doubled ranks, which are whole numbers even with ties;
 * - above that, the normal approximation with the tie correction and no continuity correction
 *   (SciPy's `method='asymptotic'`, `correction=False`).
 * Two-sided p = min(1, 2·min(P(R+ ≤ r), P(R+ ≥ r))), as SciPy's permutation test reports it.
 */

/** Up to this many non-zero differences the p-value is exact (a subset sum of at most n·(n+1) cells per step). */
export const EXACT_LIMIT = 200;

export type SignedRankMethod = 'exact' | 'normal-approximation' | 'none';

export interface SignedRankResult {
  /** Differences that are not zero: the ones ranked. */
  n: number;
  /** Zero differences, dropped before ranking. */
  zeros: number;
  rPlus: number;
  rMinus: number;
  /** min(R+, R−); null when there is no test. */
  statistic: number | null;
  pvalue: number | null;
  method: SignedRankMethod;
  /** The standardised statistic of the normal approximation (R+ − mean) / sd, when that was used. */
  z: number | null;
}

/** Mid-ranks of the absolute values, doubled so that ties stay whole numbers (ranks 2 and 3 tied → 5 and 5). */
export function doubledMidRanks(absolute: readonly number[]): { doubled: Int32Array; tieSizes: number[] } {
  return smallWholeNumberRanks(absolute) ?? sortedRanks(absolute);
}

/** Differences of scores on a scale are small whole numbers: counted, with one rank per value, in two passes. */
const COUNTING_LIMIT = 64;

function smallWholeNumberRanks(absolute: readonly number[]): { doubled: Int32Array; tieSizes: number[] } | undefined {
  const counts = new Int32Array(COUNTING_LIMIT + 1);
  for (const v of absolute) {
    if (!Number.isInteger(v) || v < 0 || v > COUNTING_LIMIT) return undefined;
    counts[v]! += 1;
  }
  const rankOf = new Int32Array(COUNTING_LIMIT + 1);
  const tieSizes: number[] = [];
  let below = 0;
  for (let v = 0; v <= COUNTING_LIMIT; v++) {
    const ties = counts[v]!;
    if (ties === 0) continue;
    // Positions below+1 … below+ties share the mean rank, doubled: 2·below + ties + 1.
    rankOf[v] = 2 * below + ties + 1;
    tieSizes.push(ties);
    below += ties;
  }
  const doubled = new Int32Array(absolute.length);
  for (let i = 0; i < absolute.length; i++) doubled[i] = rankOf[absolute[i]!]!;
  return { doubled, tieSizes };
}

/** Any other values: a typed sort, then one doubled mid-rank per distinct value (no per-element objects). */
function sortedRanks(absolute: readonly number[]): { doubled: Int32Array; tieSizes: number[] } {
  const sorted = Float64Array.from(absolute).sort();
  const rankOf = new Map<number, number>();
  const tieSizes: number[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end += 1;
    // Positions start+1 … end share the mean rank (start+1+end)/2, doubled: start+1+end.
    rankOf.set(sorted[start]!, start + 1 + end);
    tieSizes.push(end - start);
    start = end;
  }
  return { doubled: Int32Array.from(absolute, (value) => rankOf.get(value)!), tieSizes };
}

/**
 * P(2·R+ ≤ limit) under the null, given the doubled ranks: each rank joins R+ with probability ½,
 * so the distribution is a subset sum, kept as probabilities (halved at each step, never overflowing).
 * Only sums up to `limit` are needed, which keeps the work to n·limit.
 */
export function lowerTailProbability(doubled: ArrayLike<number>, limit: number): number {
  if (limit < 0) return 0;
  let cells = new Float64Array(limit + 1);
  cells[0] = 1;
  let next = new Float64Array(limit + 1);
  let reach = 0;
  for (let i = 0; i < doubled.length; i++) {
    const rank = doubled[i]!;
    const top = Math.min(limit, reach + rank);
    for (let s = 0; s <= top; s++) {
      const without = s <= reach ? cells[s]! : 0;
      const withIt = s >= rank && s - rank <= reach ? cells[s - rank]! : 0;
      next[s] = 0.5 * without + 0.5 * withIt;
    }
    reach = top;
    [cells, next] = [next, cells];
  }
  let total = 0;
  for (let s = 0; s <= reach; s++) total += cells[s]!;
  return total;
}

/** The standard normal's upper tail, P(Z > z). */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * The complementary error function, from Numerical Recipes' erfc with Chebyshev coefficients
 * (3rd ed., §6.2.2), accurate to about 1.2e-16 relative: enough for any p-value worth printing.
 */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COEFFICIENTS.length - 1; j > 0; j--) {
    const previous = d;
    d = ty * d - dd + ERFC_COEFFICIENTS[j]!;
    dd = previous;
  }
  return t * Math.exp(-x * x + 0.5 * (ERFC_COEFFICIENTS[0]! + ty * d) - dd);
}

const ERFC_COEFFICIENTS = [
  -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
  -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12,
  8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

/** The test on differences (after − before, say). Non-finite differences are a caller's bug. */
export function signedRankTest(differences: readonly number[]): SignedRankResult {
  if (differences.some((d) => !Number.isFinite(d))) throw new RangeError('signedRankTest: every difference must be a finite number');
  const nonZero = differences.filter((d) => d !== 0);
  const zeros = differences.length - nonZero.length;
  const n = nonZero.length;
  if (n === 0) return { n, zeros, rPlus: 0, rMinus: 0, statistic: null, pvalue: null, method: 'none', z: null };

  const { doubled, tieSizes } = doubledMidRanks(nonZero.map(Math.abs));
  let doubledPlus = 0;
  for (let i = 0; i < n; i++) if (nonZero[i]! > 0) doubledPlus += doubled[i]!;
  const doubledTotal = n * (n + 1); // 2 · n(n+1)/2
  const doubledMinus = doubledTotal - doubledPlus;
  const rPlus = doubledPlus / 2;
  const rMinus = doubledMinus / 2;
  const statistic = Math.min(rPlus, rMinus);

  if (n <= EXACT_LIMIT) {
    // The null distribution of R+ is symmetric about its mean (flip every sign), so
    // min(P(R+ ≤ r), P(R+ ≥ r)) = P(R+ ≤ min(R+, R−)).
    const tail = lowerTailProbability(doubled, Math.min(doubledPlus, doubledMinus));
    return { n, zeros, rPlus, rMinus, statistic, pvalue: Math.min(1, 2 * tail), method: 'exact', z: null };
  }
  const mean = (n * (n + 1)) / 4;
  const tieCorrection = tieSizes.reduce((sum, t) => sum + (t * t * t - t), 0) / 48;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieCorrection;
  const z = (rPlus - mean) / Math.sqrt(variance);
  return { n, zeros, rPlus, rMinus, statistic, pvalue: Math.min(1, 2 * normalUpperTail(Math.abs(z))), method: 'normal-approximation', z };
}
