/**
 * Statistics for outcomes: the Wilcoxon signed-rank test, the paired comparison built on it, and
 * small-cell suppression. Pure functions, no database: the surveys, the sponsor report, the exports
 * and the command line use the same code.
 */
export { signedRankTest, EXACT_LIMIT, type SignedRankResult, type SignedRankMethod } from './signed-rank';
export { comparePairs, compareScores, median, rankBiserial, effectSizeClass, effectWords, methodWords, EFFECT_THRESHOLDS, type PairedComparison, type EffectSize } from './paired';
export { suppressBreakdown, isSmall, isShown, fewerThan, percentOf, DEFAULT_THRESHOLD, MIN_THRESHOLD, MAX_THRESHOLD, type Cell } from './suppression';
