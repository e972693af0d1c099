import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveAssignment, solveScoreAssignment } from '../../../electron/core/matching/assignment';
import type { AssignmentResult } from '../../../electron/core/matching/assignment';
import { bruteBestFit, bruteMostPaired } from './brute-force';

interface Case {
  costs: number[][];
  cols: number;
  forbidden: [number, number][];
  maximize: boolean;
}

/** Up to 8 × 8, rectangular included, few distinct values so that ties are everywhere. */
const problems = (value: fc.Arbitrary<number>): fc.Arbitrary<Case> =>
  fc
    .record({ rows: fc.integer({ min: 0, max: 8 }), cols: fc.integer({ min: 0, max: 8 }), maximize: fc.boolean() })
    .chain(({ rows, cols, maximize }) =>
      fc.record({
        costs: fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        cols: fc.constant(cols),
        forbidden:
          rows === 0 || cols === 0
            ? fc.constant<[number, number][]>([])
            : fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1)), { maxLength: rows * cols }),
        maximize: fc.constant(maximize),
      }),
    );

const keys = (pairs: [number, number][]) => new Set(pairs.map(([i, j]) => `${i},${j}`));

function expectValidAssignment(result: AssignmentResult, problem: Case): number {
  const forbidden = keys(problem.forbidden);
  expect(result.assignment).toHaveLength(problem.costs.length);
  const used = result.assignment.filter((col): col is number => col !== null);
  expect(new Set(used).size).toBe(used.length); // injective
  let total = 0;
  result.assignment.forEach((col, row) => {
    if (col === null) return;
    expect(col).toBeGreaterThanOrEqual(0);
    expect(col).toBeLessThan(problem.cols);
    expect(forbidden.has(`${row},${col}`)).toBe(false);
    total += problem.costs[row]![col]!;
  });
  expect(result.total).toBe(total);
  return used.length;
}

describe('solveAssignment against brute force', () => {
  it('finds the most pairs, then the best integer total, never using a forbidden cell', () => {
    fc.assert(
      fc.property(problems(fc.integer({ min: -3, max: 3 })), (problem) => {
        const result = solveAssignment(problem);
        const pairs = expectValidAssignment(result, problem);
        const best = bruteMostPaired(problem.costs, problem.cols, keys(problem.forbidden), problem.maximize);
        expect(pairs).toBe(best.pairs);
        expect(result.total).toBe(best.total);
      }),
      { numRuns: 600 },
    );
  });

  it('matches brute force on float costs to 1e-9 relative', () => {
    fc.assert(
      fc.property(problems(fc.double({ min: -1000, max: 1000, noNaN: true })), (problem) => {
        const result = solveAssignment(problem);
        const pairs = expectValidAssignment(result, problem);
        const best = bruteMostPaired(problem.costs, problem.cols, keys(problem.forbidden), problem.maximize);
        expect(pairs).toBe(best.pairs);
        expect(Math.abs(result.total - best.total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(best.total)));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same assignment', () => {
    fc.assert(
      fc.property(problems(fc.integer({ min: 0, max: 2 })), (problem) => {
        const copy = structuredClone(problem);
        expect(solveAssignment(copy)).toEqual(solveAssignment(problem));
      }),
      { numRuns: 200 },
    );
  });
});

describe("solveScoreAssignment 'best-fit'", () => {
  it('reaches the brute-force best total and never uses a cell scoring ≤ 0', () => {
    fc.assert(
      fc.property(problems(fc.integer({ min: -4, max: 4 })), ({ costs: scores, cols, forbidden }) => {
        const rows = scores.length;
        const allowed = new Uint8Array(rows * cols).fill(1);
        for (const [i, j] of forbidden) allowed[i * cols + j] = 0;
        const result = solveScoreAssignment({ scores: Float64Array.from(scores.flat()), rows, cols, allowed }, 'best-fit');
        let total = 0;
        const used = new Set<number>();
        result.colForRow.forEach((col, row) => {
          if (col === -1) return;
          expect(allowed[row * cols + col]).toBe(1);
          expect(scores[row]![col]!).toBeGreaterThan(0);
          used.add(col);
          total += scores[row]![col]!;
        });
        expect(used.size).toBe(result.pairs);
        expect(result.total).toBe(total);
        expect(total).toBe(bruteBestFit(scores, cols, keys(forbidden)));
      }),
      { numRuns: 400 },
    );
  });
});
