import { signedRankTest, type SignedRankMethod, type SignedRankResult } from './signed-rank';

/**
 * A paired before/after comparison on an ordinal scale (Likert scores): what changed for how many
 * people, the medians, the Wilcoxon signed-rank test on after − before, and the matched-pairs
 * rank-biserial correlation as its effect size. The screens, the CLI (`stats signed-rank`) and the
 * sponsor report all use this one function.
 */
export interface PairedComparison {
  /** Pairs compared (people who answered both times). */
  pairs: number;
  improved: number;
  same: number;
  worse: number;
  medianBefore: number | null;
  medianAfter: number | null;
  test: SignedRankResult;
  /** (R+ − R−)/(R+ + R−), from −1 (everyone lower after) to 1 (everyone higher); null without a test. */
  effectSize: number | null;
}

/** Scores on a scale are small whole numbers: counted rather than sorted. */
const COUNTING_LIMIT = 100;

export function median(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  const middle = values.length >> 1;
  let countable = true;
  for (let i = 0; i < values.length && countable; i++) countable = Number.isInteger(values[i]) && values[i]! >= 0 && values[i]! <= COUNTING_LIMIT;
  if (countable) {
    const counts = new Uint32Array(COUNTING_LIMIT + 1);
    for (let i = 0; i < values.length; i++) counts[values[i]!]! += 1;
    // The values at sorted positions middle−1 and middle.
    const at = (position: number) => {
      let seen = 0;
      for (let v = 0; v <= COUNTING_LIMIT; v++) {
        seen += counts[v]!;
        if (seen > position) return v;
      }
      return COUNTING_LIMIT;
    };
    return values.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  }
  const sorted = Float64Array.from(values).sort();
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Kerby (2014), "The simple difference formula": the share of favourable minus unfavourable rank sums. */
export function rankBiserial(test: Pick<SignedRankResult, 'rPlus' | 'rMinus'>): number | null {
  const total = test.rPlus + test.rMinus;
  return total === 0 ? null : (test.rPlus - test.rMinus) / total;
}

/** [before, after] pairs, as the command line reads them. */
export function comparePairs(pairs: readonly (readonly [number, number])[]): PairedComparison {
  return compareScores(
    pairs.map(([before]) => before),
    pairs.map(([, after]) => after),
  );
}

/** The same comparison over two parallel lists (the analysis keeps its scores in typed arrays). */
export function compareScores(before: ArrayLike<number>, after: ArrayLike<number>): PairedComparison {
  if (before.length !== after.length) throw new RangeError('compareScores: before and after must pair up');
  const differences = new Array<number>(before.length);
  let improved = 0;
  let worse = 0;
  for (let i = 0; i < before.length; i++) {
    const d = after[i]! - before[i]!;
    differences[i] = d;
    if (d > 0) improved += 1;
    else if (d < 0) worse += 1;
  }
  const test = signedRankTest(differences);
  return {
    pairs: before.length,
    improved,
    same: before.length - improved - worse,
    worse,
    medianBefore: median(before),
    medianAfter: median(after),
    test,
    effectSize: rankBiserial(test),
  };
}

/**
 * Plain words for the size of a rank-biserial correlation, by Cohen's conventions for a correlation
 * r (Cohen 1988, Statistical Power Analysis for the Behavioral Sciences, 2nd ed., §3.2): 0.1 small,
 * 0.3 medium, 0.5 large; below 0.1 we say "negligible".
 */
export const EFFECT_THRESHOLDS = { small: 0.1, medium: 0.3, large: 0.5 } as const;
export type EffectSize = 'negligible' | 'small' | 'medium' | 'large';

export function effectSizeClass(r: number): EffectSize {
  const size = Math.abs(r);
  if (size >= EFFECT_THRESHOLDS.large) return 'large';
  if (size >= EFFECT_THRESHOLDS.medium) return 'medium';
  if (size >= EFFECT_THRESHOLDS.small) return 'small';
  return 'negligible';
}

/** "a medium effect: answers were higher after", or why there is no effect to describe. */
export function effectWords(r: number | null): string {
  if (r === null) return 'no effect to describe: nobody’s answer changed';
  const size = effectSizeClass(r);
  if (size === 'negligible') return 'a negligible effect: about as many answers went down as up';
  return `a ${size} effect: answers were ${r > 0 ? 'higher' : 'lower'} after`;
}

export const methodWords: Record<SignedRankMethod, string> = {
  exact: 'exact p-value (the exact distribution of the signed ranks, ties included)',
  'normal-approximation': 'normal approximation with the tie correction (over 200 changed answers)',
  none: 'no test: nobody’s answer changed',
};
