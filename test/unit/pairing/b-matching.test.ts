import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveBMatching } from '../../../electron/core/matching/engine/b-matching';
import { minCostFlow } from '../matching/reference-flow';

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

/** No pair twice, none in a forbidden cell, nobody over their capacity. */
function expectWithinLimits(p: Small, pairs: [number, number][]) {
  const keys = pairs.map(([i, j]) => `${i}:${j}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const [i, j] of pairs) expect(p.allowed[i * p.cols + j]).toBe(true);
  for (let i = 0; i < p.rows; i++) expect(pairs.filter(([r]) => r === i).length).toBeLessThanOrEqual(p.rowCap[i]!);
  for (let j = 0; j < p.cols; j++) expect(pairs.filter(([, c]) => c === j).length).toBeLessThanOrEqual(p.colCap[j]!);
}

describe('b-matching with capacities on both sides (min-cost flow)', () => {
  for (const mode of ['most-paired', 'best-fit'] as const) {
    it(`equals brute force (${mode}), respects capacities and forbidden cells, never pairs two people twice`, () => {
      fc.assert(
        fc.property(smallProblem, (p) => {
          const pairs = solve(p, mode);
          expectWithinLimits(p, pairs);
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

/** Up to 8 a side, capacities 1–3, forbidden cells; integer scores in a narrow range give many ties. */
const mediumProblem = (score: fc.Arbitrary<number>) =>
  fc
    .record({ rows: fc.integer({ min: 1, max: 8 }), cols: fc.integer({ min: 1, max: 8 }) })
    .chain(({ rows, cols }) =>
      fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        scores: fc.array(score, { minLength: rows * cols, maxLength: rows * cols }),
        allowed: fc.array(fc.integer({ min: 0, max: 3 }).map((n) => n > 0), { minLength: rows * cols, maxLength: rows * cols }),
        rowCap: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: rows, maxLength: rows }),
        colCap: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: cols, maxLength: cols }),
      }),
    );

/**
 * The independent reference: successive shortest paths by Bellman–Ford, no potentials. It works in
 * tenths, exactly: in floating point its rounding could make a cycle look negative.
 */
function reference(p: Small, mode: 'best-fit' | 'most-paired') {
  const tenths = (i: number, j: number) => Math.round(p.scores[i * p.cols + j]! * 10);
  const flow = minCostFlow(p.rows, p.cols, (i, j) => (p.allowed[i * p.cols + j] ? -tenths(i, j) : undefined), mode === 'best-fit', { rows: p.rowCap, cols: p.colCap });
  return { pairs: flow.flow, total: -flow.cost / 10 };
}

function checkAgainstReference(p: Small, mode: 'best-fit' | 'most-paired') {
  const pairs = solve(p, mode);
  expectWithinLimits(p, pairs);
  const best = reference(p, mode);
  if (mode === 'most-paired') expect(pairs.length).toBe(best.pairs);
  expect(pairs.reduce((s, [i, j]) => s + p.scores[i * p.cols + j]!, 0)).toBeCloseTo(best.total, 6);
}

describe('b-matching against an independent min-cost flow, up to 8 a side', () => {
  for (const mode of ['most-paired', 'best-fit'] as const) {
    it(`reaches the optimum (${mode}) with ties, forbidden cells and capacities 1–3`, () => {
      fc.assert(
        fc.property(mediumProblem(fc.integer({ min: -3, max: 8 })), (p) => checkAgainstReference(p, mode)),
        { numRuns: 1500 },
      );
    });
    it(`reaches the optimum (${mode}) on scores with one decimal, as the pairing engine makes them`, () => {
      fc.assert(
        fc.property(mediumProblem(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10)), (p) => checkAgainstReference(p, mode)),
        { numRuns: 500 },
      );
    });
  }

  it('finds 23 on the audit’s counter-example (3 mentees × 10 mentors, most people paired), not 22', () => {
    const p: Small = {
      rows: 3,
      cols: 10,
      scores: [2, 5, 8, 7, 6, -1, 0, 6, 0, 7, 2, 6, 4, 7, 0, 3, -3, -1, -2, 4, 6, 2, 7, 1, 2, 8, -1, -2, 0, 1],
      allowed: [1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1].map(Boolean),
      rowCap: [1, 3, 1],
      colCap: [1, 1, 1, 3, 1, 1, 1, 2, 3, 2],
    };
    const pairs = solve(p, 'most-paired');
    expect(pairs).toHaveLength(5);
    expect(pairs.reduce((s, [i, j]) => s + p.scores[i * p.cols + j]!, 0)).toBe(23);
    expect(reference(p, 'most-paired')).toEqual({ pairs: 5, total: 23 });
  });
});
