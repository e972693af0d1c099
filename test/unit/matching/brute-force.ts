/** Reference answers by exhaustive enumeration: slow, obviously correct, independent of the solvers. */

export interface Best {
  pairs: number;
  total: number;
}

/**
 * Visits every partial injective assignment of rows to columns over cells where `usable(i, j)`,
 * calling `visit(pairs, total)` with the summed `value`s.
 */
export function forEachPartialAssignment(
  rows: number,
  cols: number,
  usable: (row: number, col: number) => boolean,
  value: (row: number, col: number) => number,
  visit: (pairs: number, total: number) => void,
): void {
  const taken = new Array<boolean>(cols).fill(false);
  const walk = (row: number, pairs: number, total: number): void => {
    if (row === rows) {
      visit(pairs, total);
      return;
    }
    walk(row + 1, pairs, total);
    for (let col = 0; col < cols; col++) {
      if (taken[col] || !usable(row, col)) continue;
      taken[col] = true;
      walk(row + 1, pairs + 1, total + value(row, col));
      taken[col] = false;
    }
  };
  walk(0, 0, 0);
}

/** Most pairs first, then the lowest total (or highest with `maximize`). */
export function bruteMostPaired(costs: number[][], cols: number, forbidden: Set<string>, maximize: boolean): Best {
  let best: Best = { pairs: -1, total: 0 };
  const better = (a: number, b: number) => (maximize ? a > b : a < b);
  forEachPartialAssignment(
    costs.length,
    cols,
    (i, j) => !forbidden.has(`${i},${j}`),
    (i, j) => costs[i]![j]!,
    (pairs, total) => {
      if (pairs > best.pairs || (pairs === best.pairs && better(total, best.total))) best = { pairs, total };
    },
  );
  return best;
}

/** The highest total score over matchings of any size (the empty matching scores 0). */
export function bruteBestFit(scores: number[][], cols: number, forbidden: Set<string>): number {
  let best = 0;
  forEachPartialAssignment(
    scores.length,
    cols,
    (i, j) => !forbidden.has(`${i},${j}`),
    (i, j) => scores[i]![j]!,
    (_pairs, total) => {
      if (total > best) best = total;
    },
  );
  return best;
}
