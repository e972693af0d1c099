/**
 * Small-cell suppression, as UK statistics producers practise it (Ofqual, NHS Digital, HESA): a
 * number describing fewer people than the threshold could identify them, so it is shown as
 * "fewer than 5" with no statistic or percentage; and where a total is shown, a second cell is
 * hidden too, so the first cannot be worked out by subtraction. Used for every count the surveys,
 * the sponsor report and the exports show.
 */

/** A pilot's threshold starts here, and can be raised; it can never go below MIN_THRESHOLD. */
export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 50;

/** A count as it may be shown: the number, or why it is hidden. */
export type Cell =
  /** Shown as it is. */
  | { count: number }
  /** Hidden: describes 1 to threshold−1 people ("small"), or hidden so a small one cannot be worked out ("complement"). */
  | { hidden: 'small' | 'complement' };

export const isShown = (cell: Cell): cell is { count: number } => 'count' in cell;

/** A group of `n` people too small to describe (zero people describe nobody). */
export const isSmall = (n: number, threshold: number) => n > 0 && n < threshold;

/** "fewer than 5". */
export const fewerThan = (threshold: number) => `fewer than ${threshold}`;

/**
 * The cells of a breakdown whose total is shown (answers per point of a scale; improved, same and
 * worse; mentors and mentees). Every small cell is hidden (primary suppression). Then, while the
 * hidden cells could be worked out from the total — one hidden cell alone, or hidden cells adding
 * up to fewer than the threshold — the smallest shown non-zero cell is hidden too (secondary
 * suppression). Zeros stay shown: they describe nobody, and hiding them would not protect a cell.
 */
export function suppressBreakdown(counts: readonly number[], threshold: number): Cell[] {
  const hidden = counts.map((n) => isSmall(n, threshold));
  const exposed = () => {
    const hiddenCounts = counts.filter((_, i) => hidden[i]);
    const sum = hiddenCounts.reduce((a, b) => a + b, 0);
    return hiddenCounts.length === 1 || (hiddenCounts.length > 1 && sum < threshold);
  };
  const primary = [...hidden];
  while (exposed()) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (smallest < 0 || n < counts[smallest]!)) smallest = i;
    });
    if (smallest < 0) break; // nothing left to hide: the hidden cells are all there is besides zeros
    hidden[smallest] = true;
  }
  return counts.map((n, i) => (hidden[i] ? { hidden: primary[i] ? 'small' : 'complement' } : { count: n }));
}

/** The share of a shown cell in a total, as a whole percentage; null for a hidden cell or an empty total. */
export function percentOf(cell: Cell, total: number): number | null {
  return isShown(cell) && total > 0 ? Math.round((cell.count / total) * 100) : null;
}
