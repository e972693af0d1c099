import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countBlockingPairs, pairsFromAssignment, stableMatching, totalScore } from '../../../electron/core/matching/stable';
import type { Pair, StableMatchingProblem } from '../../../electron/core/matching/stable';
import { solveAssignment } from '../../../electron/core/matching/assignment';

interface Problem {
  scores: number[][];
  menteePrefs?: number[][];
  mentorPrefs?: number[][];
  forbidden: [number, number][];
  menteeCapacity: number[];
  mentorCapacity: number[];
}

const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** Up to 7 × 7 with small score ranges (many ties), optional separate preferences, capacities 0..3. */
const problems: fc.Arbitrary<Problem> = fc
  .record({ mentees: fc.integer({ min: 0, max: 7 }), mentors: fc.integer({ min: 0, max: 7 }) })
  .chain(({ mentees, mentors }) =>
    fc.record(
      {
        scores: matrix(mentees, mentors),
        menteePrefs: matrix(mentees, mentors),
        mentorPrefs: matrix(mentees, mentors),
        forbidden:
          mentees === 0 || mentors === 0
            ? fc.constant<[number, number][]>([])
            : fc.array(fc.tuple(fc.nat(mentees - 1), fc.nat(mentors - 1)), { maxLength: mentees * mentors }),
        menteeCapacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: mentees, maxLength: mentees }),
        mentorCapacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: mentors, maxLength: mentors }),
      },
      { requiredKeys: ['scores', 'forbidden', 'menteeCapacity', 'mentorCapacity'] },
    ),
  );

/** The definition, written out directly: an allowed unmatched pair where both sides would gain. */
function bruteForceBlockingPairs(problem: Problem, pairs: Pair[]): number {
  const mentees = problem.scores.length;
  const mentors = problem.scores[0]?.length ?? 0;
  const menteePref = (i: number, j: number) => (problem.menteePrefs ?? problem.scores)[i]![j]!;
  const mentorPref = (i: number, j: number) => (problem.mentorPrefs ?? problem.scores)[i]![j]!;
  const forbidden = (i: number, j: number) => problem.forbidden.some(([a, b]) => a === i && b === j);
  let count = 0;
  for (let i = 0; i < mentees; i++) {
    for (let j = 0; j < mentors; j++) {
      if (forbidden(i, j) || pairs.some(([a, b]) => a === i && b === j)) continue;
      const mentorsOfI = pairs.filter(([a]) => a === i).map(([, b]) => b);
      const menteesOfJ = pairs.filter(([, b]) => b === j).map(([a]) => a);
      const iWants = mentorsOfI.length < problem.menteeCapacity[i]! || mentorsOfI.some((b) => menteePref(i, j) > menteePref(i, b));
      const jWants = menteesOfJ.length < problem.mentorCapacity[j]! || menteesOfJ.some((a) => mentorPref(i, j) > mentorPref(a, j));
      if (iWants && jWants) count++;
    }
  }
  return count;
}

function expectFeasible(problem: Problem, pairs: Pair[]): void {
  const keys = pairs.map(([i, j]) => `${i},${j}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const [i, j] of problem.forbidden) expect(keys).not.toContain(`${i},${j}`);
  problem.menteeCapacity.forEach((cap, i) => expect(pairs.filter(([a]) => a === i).length).toBeLessThanOrEqual(cap));
  problem.mentorCapacity.forEach((cap, j) => expect(pairs.filter(([, b]) => b === j).length).toBeLessThanOrEqual(cap));
}

describe('stableMatching', () => {
  it('leaves no blocking pair (by countBlockingPairs and by brute force), within capacities and allowed pairs', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const { pairs } = stableMatching(problem);
        expectFeasible(problem, pairs);
        expect(bruteForceBlockingPairs(problem, pairs)).toBe(0);
        expect(countBlockingPairs(problem, pairs)).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('gives every mentee its best partner among all stable one-to-one matchings (ties broken by index)', () => {
    const oneToOne = problems.map((p) => ({ ...p, menteeCapacity: p.menteeCapacity.map(() => 1), mentorCapacity: p.mentorCapacity.map(() => 1) }));
    fc.assert(
      fc.property(oneToOne, (problem) => {
        const { pairs } = stableMatching(problem);
        const partner = new Map(pairs.map(([i, j]) => [i, j]));
        // Strict preferences as the solver uses them: higher score, then lower index.
        const menteeRank = (i: number, j: number | undefined) => (j === undefined ? [-Infinity, 0] : [(problem.menteePrefs ?? problem.scores)[i]![j]!, -j]);
        const better = (a: number[], b: number[]) => a[0]! > b[0]! || (a[0] === b[0] && a[1]! > b[1]!);
        for (const other of allMatchings(problem)) {
          if (!isStrictlyStable(problem, other)) continue;
          const otherPartner = new Map(other.map(([i, j]) => [i, j]));
          problem.scores.forEach((_, i) => expect(better(menteeRank(i, otherPartner.get(i)), menteeRank(i, partner.get(i)))).toBe(false));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic and sorts its pairs', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const first = stableMatching(problem).pairs;
        expect(stableMatching(structuredClone(problem)).pairs).toEqual(first);
        expect([...first].sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('respects separate preferences: mentees propose, so they get their first choices when possible', () => {
    const problem: StableMatchingProblem = {
      scores: [
        [0, 0],
        [0, 0],
      ],
      menteePrefs: [
        [1, 2],
        [2, 1],
      ],
      mentorPrefs: [
        [2, 1],
        [1, 2],
      ],
    };
    // Mentees want (0→1, 1→0); mentors want (0→0, 1→1). Both matchings are stable; mentees win.
    expect(stableMatching(problem).pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('fills capacities on both sides', () => {
    const { pairs } = stableMatching({ scores: [[3, 1], [2, 2], [1, 3]], menteeCapacity: [2, 1, 1], mentorCapacity: 2 });
    expect(pairs).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 1],
    ]);
  });
});

describe('countBlockingPairs', () => {
  const crossed = { scores: [[2, 1], [1, 2]] };

  it('counts pairs where both sides strictly prefer each other', () => {
    expect(countBlockingPairs(crossed, [[0, 1], [1, 0]])).toBe(2);
    expect(countBlockingPairs(crossed, [[0, 0], [1, 1]])).toBe(0);
  });

  it('counts free capacity as wanting any allowed partner, and skips forbidden pairs', () => {
    expect(countBlockingPairs(crossed, [])).toBe(4);
    expect(countBlockingPairs({ ...crossed, forbidden: [[0, 1]] }, [])).toBe(3);
    expect(countBlockingPairs({ ...crossed, allowed: [[true, false], [false, false]] }, [])).toBe(1);
    // Mentor 1 has a spare slot and mentee 0 prefers it to nobody: mentee 0 is full though.
    expect(countBlockingPairs({ ...crossed, mentorCapacity: [1, 2] }, [[0, 0], [1, 1]])).toBe(0);
    // With a second slot, mentee 0 would also take mentor 1, who has room.
    expect(countBlockingPairs({ ...crossed, menteeCapacity: 2, mentorCapacity: [1, 2] }, [[0, 0], [1, 1]])).toBe(1);
  });

  it('does not count ties as blocking', () => {
    expect(countBlockingPairs({ scores: [[1, 1], [1, 1]] }, [[0, 1], [1, 0]])).toBe(0);
  });

  it('uses each side’s own preferences when given', () => {
    const problem = { scores: [[0, 0], [0, 0]], menteePrefs: [[1, 2], [2, 1]], mentorPrefs: [[2, 1], [1, 2]] };
    expect(countBlockingPairs(problem, [[0, 0], [1, 1]])).toBe(0); // mentors' favourites: mentees envy, mentors don't
    expect(countBlockingPairs({ ...problem, mentorPrefs: problem.menteePrefs }, [[0, 0], [1, 1]])).toBe(2);
  });

  it('agrees with brute force on arbitrary feasible matchings', () => {
    const withMatching = problems.chain((problem) =>
      fc.shuffledSubarray(allCells(problem)).map((cells) => ({ problem, pairs: greedyFeasible(problem, cells) })),
    );
    fc.assert(
      fc.property(withMatching, ({ problem, pairs }) => {
        expect(countBlockingPairs(problem, pairs)).toBe(bruteForceBlockingPairs(problem, pairs));
      }),
      { numRuns: 400 },
    );
  });

  it('measures an optimal assignment, which need not be stable', () => {
    const scores = [
      [10, 9],
      [9, 1],
    ];
    const { assignment, total } = solveAssignment({ costs: scores, maximize: true });
    const pairs = pairsFromAssignment(assignment);
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(totalScore({ scores }, pairs)).toBe(total);
    expect(countBlockingPairs({ scores }, pairs)).toBe(1); // (0, 0): both would rather have each other
    expect(stableMatching({ scores }).pairs).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('rejects matchings the problem does not allow', () => {
    expect(() => countBlockingPairs(crossed, [[0, 0], [0, 0]])).toThrow(/appears twice/);
    expect(() => countBlockingPairs(crossed, [[0, 0], [0, 1]])).toThrow(/Mentee 0 has more partners than its capacity 1/);
    expect(() => countBlockingPairs({ ...crossed, forbidden: [[1, 1]] }, [[1, 1]])).toThrow(/forbidden/);
    expect(() => countBlockingPairs(crossed, [[2, 0]])).toThrow(RangeError);
    expect(() => totalScore(crossed, [[0, 0], [1, 0]])).toThrow(/Mentor 0 has more partners/);
  });

  it('rejects malformed problems with clear messages', () => {
    expect(() => stableMatching({ scores: [[1, 2], [3]] })).toThrow('scores row 1 has 1 value, expected 2.');
    expect(() => stableMatching({ ...crossed, mentorPrefs: [[1, 2]] })).toThrow('mentorPrefs has 1 row, expected 2.');
    expect(() => stableMatching({ ...crossed, menteeCapacity: -1 })).toThrow(/menteeCapacity must be a whole number ≥ 0/);
    expect(() => stableMatching({ ...crossed, mentorCapacity: [1] })).toThrow('mentorCapacity has 1 value, expected 2.');
  });
});

describe('totalScore', () => {
  it('sums the scores of the matched pairs', () => {
    expect(totalScore({ scores: [[1.5, 2], [3, 4]] }, [[0, 1], [1, 0]])).toBe(5);
    expect(totalScore({ scores: [[1.5, 2], [3, 4]] }, [])).toBe(0);
  });
});

function allCells(problem: Problem): Pair[] {
  return problem.scores.flatMap((row, i) => row.map((_, j): Pair => [i, j]));
}

/** Takes cells in the given order while they keep the matching feasible. */
function greedyFeasible(problem: Problem, cells: Pair[]): Pair[] {
  const pairs: Pair[] = [];
  for (const [i, j] of cells) {
    if (problem.forbidden.some(([a, b]) => a === i && b === j)) continue;
    if (pairs.filter(([a]) => a === i).length >= problem.menteeCapacity[i]!) continue;
    if (pairs.filter(([, b]) => b === j).length >= problem.mentorCapacity[j]!) continue;
    pairs.push([i, j]);
  }
  return pairs;
}

/** Every one-to-one matching over allowed pairs. */
function allMatchings(problem: Problem): Pair[][] {
  const mentors = problem.scores[0]?.length ?? 0;
  const result: Pair[][] = [];
  const walk = (i: number, used: Set<number>, pairs: Pair[]) => {
    if (i === problem.scores.length) {
      result.push([...pairs]);
      return;
    }
    walk(i + 1, used, pairs);
    for (let j = 0; j < mentors; j++) {
      if (used.has(j) || problem.forbidden.some(([a, b]) => a === i && b === j)) continue;
      used.add(j);
      pairs.push([i, j]);
      walk(i + 1, used, pairs);
      pairs.pop();
      used.delete(j);
    }
  };
  walk(0, new Set(), []);
  return result;
}

/** Stability under the index-tie-broken strict preferences (one-to-one). */
function isStrictlyStable(problem: Problem, pairs: Pair[]): boolean {
  const menteePref = problem.menteePrefs ?? problem.scores;
  const mentorPref = problem.mentorPrefs ?? problem.scores;
  const mentorOf = new Map(pairs.map(([i, j]) => [i, j]));
  const menteeOf = new Map(pairs.map(([i, j]) => [j, i]));
  const prefersMentor = (i: number, j: number, current: number | undefined) =>
    current === undefined || menteePref[i]![j]! > menteePref[i]![current]! || (menteePref[i]![j] === menteePref[i]![current] && j < current);
  const prefersMentee = (j: number, i: number, current: number | undefined) =>
    current === undefined || mentorPref[i]![j]! > mentorPref[current]![j]! || (mentorPref[i]![j] === mentorPref[current]![j] && i < current);
  for (let i = 0; i < problem.scores.length; i++) {
    for (let j = 0; j < (problem.scores[0]?.length ?? 0); j++) {
      if (mentorOf.get(i) === j || problem.forbidden.some(([a, b]) => a === i && b === j)) continue;
      if (prefersMentor(i, j, mentorOf.get(i)) && prefersMentee(j, i, menteeOf.get(j))) return false;
    }
  }
  return true;
}
