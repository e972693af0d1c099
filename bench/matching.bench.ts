import { solveAssignment } from '../electron/core/matching/assignment';
import type { AssignmentResult } from '../electron/core/matching/assignment';
import { countBlockingPairs, stableMatching } from '../electron/core/matching/stable';
import { solveBMatching } from '../electron/core/matching/engine/b-matching';
import { seededRandom } from '../electron/core/util/random';
import { median, report, timeMs } from './stats';

/** Uniform integers 0..9999, the same for the same seed on every machine. */
function randomMatrix(rows: number, cols: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(random() * 10_000)));
}

const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** Median seconds over `runs` solves of the same problem; throws if any run disagrees with the first. */
function medianSolveSeconds(problem: Parameters<typeof solveAssignment>[0], runs: number): number {
  let first: AssignmentResult | undefined;
  const times = Array.from({ length: runs }, () => {
    let result: AssignmentResult | undefined;
    const seconds = timeMs(() => (result = solveAssignment(problem))) / 1000;
    first ??= result;
    // Outside the timing: a solver that is fast but not deterministic would be no use.
    if (result!.total !== first!.total || result!.assignment.some((col, row) => col !== first!.assignment[row])) {
      throw new Error(`Two solves of the same problem disagree: total ${first!.total} vs ${result!.total}.`);
    }
    return seconds;
  });
  return median(times);
}

export async function run(): Promise<void> {
  const dense1000 = randomMatrix(1000, 1000, 101);
  solveAssignment({ costs: dense1000 }); // warm-up: let the JIT compile the hot loops

  // Memory first, while the process peak is still low: peak RSS during the solve above RSS just before it.
  const dense2000 = randomMatrix(2000, 2000, 3);
  const rssBefore = process.memoryUsage.rss();
  const seconds2000 = timeMs(() => solveAssignment({ costs: dense2000 })) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  report('assignment_dense_2000x2000', seconds2000, 's', 2);
  report('assignment_dense_2000x2000_peak_rss_delta', megabytes(Math.max(0, peakRss - rssBefore)), 'MB', 0);

  report('assignment_dense_1000x1000', medianSolveSeconds({ costs: dense1000 }, 5), 's', 3);
  const random = seededRandom(5);
  const forbidden: [number, number][] = [];
  for (let i = 0; i < 1000; i++) for (let j = 0; j < 1000; j++) if (random() < 0.3) forbidden.push([i, j]);
  report('assignment_masked30pct_1000x1000', medianSolveSeconds({ costs: dense1000, forbidden }, 3), 's', 3);
  // Additive costs (every permutation optimal) are the case column reduction exists for: O(n³) without it.
  const additive = Array.from({ length: 1000 }, (_, i) => Array.from({ length: 1000 }, (_, j) => i + j));
  report('assignment_additive_1000x1000', medianSolveSeconds({ costs: additive }, 3), 's', 3);

  const scores = randomMatrix(1000, 1000, 7);
  stableMatching({ scores: randomMatrix(200, 200, 8) });
  const stableTimes = [1, 2, 3].map(() => timeMs(() => stableMatching({ scores })) / 1000);
  report('stable_matching_1000x1000', median(stableTimes), 's', 3);
  // A sanity figure, not a timing: deferred acceptance must leave no blocking pair.
  report('stable_matching_1000x1000_blocking_pairs', countBlockingPairs({ scores }, stableMatching({ scores }).pairs), 'pairs', 0);

  // Capacities on both sides (1–3 partners each, 10% of pairs forbidden): the min-cost flow solver.
  const b = seededRandom(11);
  const side = 300;
  const bProblem = {
    scores: Float64Array.from({ length: side * side }, () => Math.floor(b() * 1000) / 10),
    rows: side,
    cols: side,
    allowed: Uint8Array.from({ length: side * side }, () => (b() < 0.9 ? 1 : 0)),
    rowCapacity: Int32Array.from({ length: side }, () => 1 + Math.floor(b() * 3)),
    colCapacity: Int32Array.from({ length: side }, () => 1 + Math.floor(b() * 3)),
  };
  solveBMatching(bProblem, 'most-paired');
  report('bmatching_capacities_300x300', median([1, 2, 3].map(() => timeMs(() => solveBMatching(bProblem, 'most-paired')) / 1000)), 's', 3);
}
