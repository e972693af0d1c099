import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveBMatching } from '../../../electron/core/matching/engine/b-matching';

interface Small {
  rows: number;
  cols: number;
  scores: number[];
  allowed: boolean[];
  rowCap: number[];
  colCap: number[];
}

/** Every set of allowed cells that respects the capacities: the reference the solver must match. */
function bruteForce(p: Small, mode: 'best-fit' | 'most-paired'): { pairs: number; total: number } {
  const cells = p.allowed.flatMap((a, k) => (a ? [k] : []));
  let best = { pairs: -1, total: -Infinity };
  for (let mask = 0; mask < 1 << cells.length; mask++) {
    const rowLoad = new Array(p.rows).fill(0);
    const colLoad = new Array(p.cols).fill(0);
    let total = 0;
    let pairs = 0;
    let fits = true;
    for (let b = 0; b < cells.length && fits; b++) {
      if (!(mask & (1 << b))) continue;
      const k = cells[b]!;
      const i = Math.floor(k / p.cols);
      const j = k % p.cols;
      rowLoad[i] += 1;
      colLoad[j] += 1;
      if (rowLoad[i] > p.rowCap[i]! || colLoad[j] > p.colCap[j]!) fits = false;
      total += p.scores[k]!;
      pairs += 1;
    }
    if (!fits) continue;
    const better = mode === 'best-fit' ? total > best.total + 1e-9 : pairs > best.pairs || (pairs === best.pairs && total > best.total + 1e-9);
    if (better) best = { pairs, total };
  }
  return best;
}

const smallProblem = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      scores: fc.array(fc.integer({ min: -3, max: 6 }), { minLength: rows * cols, maxLength: rows * cols }),
      allowed: fc.array(fc.boolean(), { minLength: rows * cols, maxLength: rows * cols }),
      rowCap: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: rows, maxLength: rows }),
      colCap: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: cols, maxLength: cols }),
    }),
  )
  .filter((p) => p.allowed.filter(Boolean).length <= 12);

function solve(p: Small, mode: 'best-fit' | 'most-paired') {
  return solveBMatching(
    { scores: Float64Array.from(p.scores), rows: p.rows, cols: p.cols, allowed: Uint8Array.from(p.allowed, Number), rowCapacity: Int32Array.from(p.rowCap), colCapacity: Int32Array.from(p.colCap) },
    mode,
  );
}

describe('b-matching with capacities on both sides (min-cost flow)', () => {
  for (const mode of ['most-paired', 'best-fit'] as const) {
    it(`equals brute force (${mode}), respects capacities and forbidden cells, never pairs two people twice`, () => {
      fc.assert(
        fc.property(smallProblem, (p) => {
          const pairs = solve(p, mode);
          const keys = pairs.map(([i, j]) => `${i}:${j}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const [i, j] of pairs) expect(p.allowed[i * p.cols + j]).toBe(true);
          for (let i = 0; i < p.rows; i++) expect(pairs.filter(([r]) => r === i).length).toBeLessThanOrEqual(p.rowCap[i]!);
          for (let j = 0; j < p.cols; j++) expect(pairs.filter(([, c]) => c === j).length).toBeLessThanOrEqual(p.colCap[j]!);
          const total = pairs.reduce((s, [i, j]) => s + p.scores[i * p.cols + j]!, 0);
          const best = bruteForce(p, mode);
          if (mode === 'most-paired') expect(pairs.length).toBe(best.pairs);
          expect(total).toBeCloseTo(best.total, 9);
          expect(solve(p, mode)).toEqual(pairs);
        }),
        { numRuns: 400 },
      );
    });
  }
});
