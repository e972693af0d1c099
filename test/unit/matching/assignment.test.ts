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

describe('solveAssignment on hand-made cases', () => {
  it('prefers more pairs to a cheaper total', () => {
    // Row 1 can only use column 0, so both rows are paired only if row 0 takes the dear column 1.
    expect(solveAssignment({ costs: [[1, 9], [1, 5]], forbidden: [[1, 1]] })).toEqual({ assignment: [1, 0], total: 10 });
  });

  it('handles empty and one-sided matrices', () => {
    expect(solveAssignment({ costs: [] })).toEqual({ assignment: [], total: 0 });
    expect(solveAssignment({ costs: [[], [], []] })).toEqual({ assignment: [null, null, null], total: 0 });
    expect(solveAssignment({ costs: [[7, 3, 5]], maximize: true })).toEqual({ assignment: [0], total: 7 });
    expect(solveAssignment({ costs: [[1], [2]], forbidden: [[0, 0], [1, 0]] })).toEqual({ assignment: [null, null], total: 0 });
  });

  it('rejects malformed input with a TypeError or RangeError naming the problem', () => {
    const reject = (problem: unknown, error: typeof TypeError, message: string | RegExp) =>
      expect(() => solveAssignment(problem as Parameters<typeof solveAssignment>[0])).toThrow(expect.objectContaining({ constructor: error, message: expect.stringMatching(message) }));
    reject({ costs: [[1, 2], [3]] }, RangeError, /^costs row 1 has 1 value, expected 2\.$/);
    reject({ costs: [[1, Number.NaN]] }, RangeError, /costs row 0, column 1 must be a finite number, got NaN/);
    reject({ costs: [[Infinity]] }, RangeError, /finite number, got Infinity/);
    reject({ costs: [['1']] }, TypeError, /costs row 0, column 0 must be a number, got "1"/);
    reject({ costs: 'x' }, TypeError, /costs must be an array of rows/);
    reject({ costs: [1, 2] }, TypeError, /costs row 0 must be an array of numbers/);
    reject({ costs: [[1]], forbidden: [[0, 1]] }, RangeError, /forbidden pair 0 = \[0, 1\] is outside the 1 × 1 matrix/);
    reject({ costs: [[1]], forbidden: [[0, 0.5]] }, TypeError, /forbidden pair 0 must be a pair of integer indices/);
    reject({ costs: [[1]], maximize: 1 }, TypeError, /maximize must be true or false/);
    reject(null, TypeError, /must be an object/);
  });
});

describe('solveScoreAssignment modes', () => {
  const scores = { scores: Float64Array.of(3, 1, 1, -5), rows: 2, cols: 2 };

  it("'most-paired' pairs everyone even at a loss; 'best-fit' only pairs what adds value", () => {
    const mostPaired = solveScoreAssignment(scores, 'most-paired');
    expect([...mostPaired.colForRow]).toEqual([1, 0]);
    expect(mostPaired).toMatchObject({ pairs: 2, total: 2 });
    const bestFit = solveScoreAssignment(scores, 'best-fit');
    expect([...bestFit.colForRow]).toEqual([0, -1]);
    expect(bestFit).toMatchObject({ pairs: 1, total: 3 });
  });

  it("'best-fit' never uses a zero or negative score, 'most-paired' does", () => {
    const zero = { scores: Float64Array.of(0, -1), rows: 1, cols: 2 };
    expect(solveScoreAssignment(zero, 'best-fit')).toMatchObject({ pairs: 0, total: 0 });
    expect(solveScoreAssignment(zero, 'most-paired')).toMatchObject({ pairs: 1, total: 0 });
  });

  it('rejects inconsistent typed input', () => {
    expect(() => solveScoreAssignment({ scores: new Float64Array(5), rows: 2, cols: 3 }, 'best-fit')).toThrow(/scores has 5 values, expected 2 × 3 = 6/);
    expect(() => solveScoreAssignment({ ...scores, allowed: new Uint8Array(3) }, 'best-fit')).toThrow(/allowed has 3 cells, expected 4/);
    expect(() => solveScoreAssignment({ ...scores, scores: Float64Array.of(1, Number.NaN, 1, 1) }, 'best-fit')).toThrow(/row 0, column 1 must be a finite number/);
    expect(() => solveScoreAssignment({ ...scores, rows: 1.5 }, 'best-fit')).toThrow(RangeError);
    expect(() => solveScoreAssignment(scores, 'fastest' as never)).toThrow(/Unknown pairing mode "fastest"/);
  });
});
