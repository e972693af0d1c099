import { solveAssignment } from '../electron/core/matching/assignment';
import { countBlockingPairs, stableMatching } from '../electron/core/matching/stable';
import { seededRandom } from '../electron/core/util/random';
import { median, report, timeMs } from './stats';

/** Uniform integers 0..9999, the same for the same seed on every machine. */
function randomMatrix(rows: number, cols: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(random() * 10_000)));
}

const megabytes = (bytes: number) => bytes / 1024 / 1024;

export async function run(): Promise<void> {
  solveAssignment({ costs: randomMatrix(300, 300, 1) }); // warm-up: let the JIT compile the hot loops

  // Memory first, while the process peak is still low: peak RSS during the solve above RSS just before it.
  const big = randomMatrix(2000, 2000, 3);
  const rssBefore = process.memoryUsage.rss();
  const seconds2000 = timeMs(() => solveAssignment({ costs: big })) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  report('assignment_dense_2000x2000', seconds2000, 's', 2);
  report('assignment_dense_2000x2000_memory', megabytes(Math.max(0, peakRss - rssBefore)), 'MB', 0);

  const times1000 = [1, 2, 3, 4, 5].map((seed) => {
    const costs = randomMatrix(1000, 1000, 100 + seed);
    return timeMs(() => solveAssignment({ costs })) / 1000;
  });
  report('assignment_dense_1000x1000', median(times1000), 's', 3);

  const scores = randomMatrix(1000, 1000, 7);
  stableMatching({ scores: randomMatrix(200, 200, 8) });
  const stableTimes = [1, 2, 3].map(() => timeMs(() => stableMatching({ scores })) / 1000);
  report('stable_matching_1000x1000', median(stableTimes), 's', 3);
  // A sanity figure, not a timing: deferred acceptance must leave no blocking pair.
  report('stable_matching_1000x1000_blocking_pairs', countBlockingPairs({ scores }, stableMatching({ scores }).pairs), 'pairs', 0);
}
