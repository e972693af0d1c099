import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveAssignment, solveScoreAssignment } from '../../../electron/core/matching/assignment';
import { seededRandom } from '../../../electron/core/util/random';
import { hungarianMinimum, minCostFlow } from './reference-flow';

/** Medium sizes, where the row-reduction and maximum-matching phases have room to matter. */
describe('assignment solver against independent references', () => {
  const sparseProblems = fc.record({
    rows: fc.integer({ min: 1, max: 40 }),
    cols: fc.integer({ min: 1, max: 40 }),
    density: fc.double({ min: 0.05, max: 1, noNaN: true }),
    range: fc.constantFrom(3, 1000),
    seed: fc.nat(),
  });

  function build({ rows, cols, density, range, seed }: { rows: number; cols: number; density: number; range: number; seed: number }) {
    const random = seededRandom(seed);
    const costs = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(random() * range) - Math.floor(range / 3)));
    const forbidden: [number, number][] = [];
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (random() > density) forbidden.push([i, j]);
    const isForbidden = new Set(forbidden.map(([i, j]) => `${i},${j}`));
    const usable = (i: number, j: number) => !isForbidden.has(`${i},${j}`);
    return { costs, forbidden, usable };
  }

  it('most pairs then cheapest (and dearest) equals min-cost maximum flow on sparse masks', () => {
    fc.assert(
      fc.property(sparseProblems, fc.boolean(), (shape, maximize) => {
        const { costs, forbidden, usable } = build(shape);
        const sign = maximize ? -1 : 1;
        const reference = minCostFlow(shape.rows, shape.cols, (i, j) => (usable(i, j) ? sign * costs[i]![j]! : undefined), false);
        const result = solveAssignment({ costs, forbidden, maximize });
        expect(result.assignment.filter((col) => col !== null)).toHaveLength(reference.flow);
        expect(result.total).toBe(sign * reference.cost + 0); // + 0: compare -0 as 0
      }),
      { numRuns: 150 },
    );
  });

  it("'best-fit' equals min-cost flow of any size on sparse masks", () => {
    fc.assert(
      fc.property(sparseProblems, (shape) => {
        const { costs: scores, forbidden, usable } = build(shape);
        const { rows, cols } = shape;
        const allowed = new Uint8Array(rows * cols).fill(1);
        for (const [i, j] of forbidden) allowed[i * cols + j] = 0;
        const reference = minCostFlow(rows, cols, (i, j) => (usable(i, j) ? -scores[i]![j]! : undefined), true);
        const result = solveScoreAssignment({ scores: Float64Array.from(scores.flat()), rows, cols, allowed }, 'best-fit');
        expect(result.total).toBe(-reference.cost + 0);
      }),
      { numRuns: 150 },
    );
  });

  it('equals a textbook Hungarian algorithm on dense matrices up to 120 × 160, integer and float', () => {
    for (const [rows, cols, seed] of [
      [60, 60, 1],
      [120, 120, 2],
      [80, 160, 3],
      [160, 90, 4],
    ] as const) {
      for (const integer of [true, false]) {
        const random = seededRandom(seed);
        const costs = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (integer ? Math.floor(random() * 50) : random() * 1e4)));
        const transposed = rows > cols ? costs[0]!.map((_, j) => costs.map((row) => row[j]!)) : costs;
        const expected = hungarianMinimum(transposed);
        const { assignment, total } = solveAssignment({ costs });
        expect(assignment.filter((col) => col !== null)).toHaveLength(Math.min(rows, cols));
        if (integer) expect(total).toBe(expected);
        else expect(Math.abs(total - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
      }
    }
  });
});
