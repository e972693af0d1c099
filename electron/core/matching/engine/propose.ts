import type { Proposal, ProposedPair } from '../../../../shared/matching/contract';
import { solveScoreAssignment, type PairingMode } from '../assignment';
import { countBlockingPairs, stableMatching, type StableMatchingProblem } from '../stable';
import { solveBMatching } from './b-matching';
import { evaluatePair } from './scoring';
import { explainUnpaired } from './unpaired';
import { pairKey, type Cohort, type Excluded, type PairingInput, type Person } from './types';
import type { Unpaired } from '../../../../shared/matching/contract';

/** A sub-problem of the cohort: some mentees and mentors (indices into the cohort) with their places. */
interface Grid {
  rows: number[];
  cols: number[];
  scores: Float64Array;
  allowed: Uint8Array;
  rowCapacity: Int32Array;
  colCapacity: Int32Array;
}

// Preference keys compare lexicographically: a stated preference (by rank) first, then the answer
// after a chemistry meeting, then the pair score (0…500 with weights of at most 100 each).
const STATED = 1e6;
const CHEMISTRY = 1e4;
const answerValue = { yes: 2, maybe: 1, no: 0 } as const;

/** How much `who` wants `other`: their own ranking and chemistry answer, then the shared pair score. */
function preferenceKey(who: Person, other: Person, answer: 'yes' | 'maybe' | 'no' | null | undefined, score: number): number {
  const index = who.preferences.indexOf(other.id);
  const stated = index === -1 ? 0 : who.preferences.length - index;
  return stated * STATED + (answer ? answerValue[answer] : 0) * CHEMISTRY + score;
}

function evaluateCohort(input: PairingInput): Cohort {
  const { mentees, mentors } = input;
  const size = mentees.length * mentors.length;
  const cohort: Cohort = {
    mentees,
    mentors,
    evaluation: (cell) => evaluatePair(input, mentors[cell % mentors.length]!, mentees[Math.floor(cell / mentors.length)]!),
    scores: new Float64Array(size),
    allowed: new Uint8Array(size),
    menteePrefs: new Float64Array(size),
    mentorPrefs: new Float64Array(size),
  };
  mentees.forEach((mentee, i) =>
    mentors.forEach((mentor, j) => {
      const cell = i * mentors.length + j;
      const e = evaluatePair(input, mentor, mentee);
      const answer = input.chemistry.get(pairKey(mentor.id, mentee.id));
      const met = answer?.happened === true;
      cohort.scores[cell] = e.score;
      cohort.allowed[cell] = e.forbiddenBy ? 0 : 1;
      cohort.menteePrefs[cell] = preferenceKey(mentee, mentor, met ? answer.mentee : null, e.score);
      cohort.mentorPrefs[cell] = preferenceKey(mentor, mentee, met ? answer.mentor : null, e.score);
    }),
  );
  return cohort;
}

/** The people with places left after the pins; a pinned pair is not made a second time. */
function subGrid(c: Cohort, rows: number[], cols: number[], rowFree: Int32Array, colFree: Int32Array, pinned: [number, number][]): Grid {
  const scores = new Float64Array(rows.length * cols.length);
  const allowed = new Uint8Array(rows.length * cols.length);
  const pinnedCells = new Set(pinned.map(([i, j]) => i * c.mentors.length + j));
  rows.forEach((i, r) =>
    cols.forEach((j, k) => {
      const cell = i * c.mentors.length + j;
      scores[r * cols.length + k] = c.scores[cell]!;
      allowed[r * cols.length + k] = pinnedCells.has(cell) ? 0 : c.allowed[cell]!;
    }),
  );
  return { rows, cols, scores, allowed, rowCapacity: Int32Array.from(rows, (i) => rowFree[i]!), colCapacity: Int32Array.from(cols, (j) => colFree[j]!) };
}

/** Repeated slots are exact when no allowed pair has spare capacity on both sides; otherwise the flow solver. */
function solveOptimal(g: Grid, mode: PairingMode): [number, number][] {
  const cols = g.cols.length;
  let bothMulti = false;
  for (let r = 0; r < g.rows.length && !bothMulti; r++) {
    for (let k = 0; k < cols; k++) {
      if (g.allowed[r * cols + k] && g.rowCapacity[r]! > 1 && g.colCapacity[k]! > 1) {
        bothMulti = true;
        break;
      }
    }
  }
  if (bothMulti) return solveBMatching({ scores: g.scores, rows: g.rows.length, cols, allowed: g.allowed, rowCapacity: g.rowCapacity, colCapacity: g.colCapacity }, mode);
  const rowOf = [...g.rowCapacity].flatMap((c, r) => Array<number>(c).fill(r));
  const colOf = [...g.colCapacity].flatMap((c, k) => Array<number>(c).fill(k));
  const scores = new Float64Array(rowOf.length * colOf.length);
  const allowed = new Uint8Array(rowOf.length * colOf.length);
  rowOf.forEach((r, a) =>
    colOf.forEach((k, b) => {
      scores[a * colOf.length + b] = g.scores[r * cols + k]!;
      allowed[a * colOf.length + b] = g.allowed[r * cols + k]!;
    }),
  );
  const { colForRow } = solveScoreAssignment({ scores, rows: rowOf.length, cols: colOf.length, allowed }, mode);
  const pairs: [number, number][] = [];
  colForRow.forEach((b, a) => {
    if (b !== -1) pairs.push([rowOf[a]!, colOf[b]!]);
  });
  return pairs;
}

/**
 * The stable-matching view of some mentees (rows) and mentors (cols) of the cohort: each side by its
 * own preferences, with the pair score as the shared value.
 */
function stableProblem(c: Cohort, rows: number[], cols: number[], allowed: (r: number, k: number) => boolean, menteeCapacity: number[], mentorCapacity: number[]): StableMatchingProblem {
  const matrix = (values: Float64Array) => rows.map((i) => cols.map((j) => values[i * c.mentors.length + j]!));
  return {
    scores: matrix(c.scores),
    menteePrefs: matrix(c.menteePrefs),
    mentorPrefs: matrix(c.mentorPrefs),
    allowed: rows.map((_, r) => cols.map((_, k) => allowed(r, k))),
    menteeCapacity,
    mentorCapacity,
  };
}

function solveStable(c: Cohort, g: Grid): [number, number][] {
  return stableMatching(stableProblem(c, g.rows, g.cols, (r, k) => g.allowed[r * g.cols.length + k] === 1, [...g.rowCapacity], [...g.colCapacity])).pairs;
}

/** Blocking pairs of the whole result (pins included), by each side's own preferences. */
function blockingPairsOf(c: Cohort, pairs: [number, number][]): number {
  if (c.mentees.length === 0 || c.mentors.length === 0) return 0;
  const everyone = (people: Person[]) => people.map((_, index) => index);
  const problem = stableProblem(
    c,
    everyone(c.mentees),
    everyone(c.mentors),
    (i, j) => c.allowed[i * c.mentors.length + j] === 1,
    c.mentees.map((m) => m.freeCapacity),
    c.mentors.map((m) => m.freeCapacity),
  );
  return countBlockingPairs(problem, pairs);
}

const exclusionReason = {
  'no-consent': 'no-consent',
  'consent-declined': 'no-consent',
  'consent-withdrawn': 'consent-withdrawn',
  'not-met-at-chemistry': 'not-met-at-chemistry',
  'not-trained': 'not-trained',
} as const;

/** Someone outside the pool is "Not paired" for the real reason, not for anything the matcher did. */
function notInPool(x: Excluded): Unpaired {
  const reason = x.block.reason === 'withdrawn' || x.block.reason === 'completed' ? 'no-allowed-partner' : exclusionReason[x.block.reason];
  return { participantId: x.id, name: x.name, role: x.role, reason, detail: `${x.block.words}: ${x.name} cannot be paired until that changes.` };
}

/**
 * Proposes pairs for the whole cohort: pins first, then an optimal (or stable) solution of the rest
 * in the chosen mode, every pair explained, every unpaired person given a reason. Pure and deterministic.
 */
export function propose(input: PairingInput): Proposal {
  const warnings: string[] = [];
  const c = evaluateCohort(input);
  const menteeIndex = new Map(c.mentees.map((m, i) => [m.id, i]));
  const mentorIndex = new Map(c.mentors.map((m, j) => [m.id, j]));
  const menteeFree = Int32Array.from(c.mentees, (m) => m.freeCapacity);
  const mentorFree = Int32Array.from(c.mentors, (m) => m.freeCapacity);
  const pinned: [number, number][] = [];

  for (const [key, rule] of [...input.rules.entries()].sort()) {
    if (rule !== 'pin') continue;
    const [mentorId, menteeId] = key.split(':').map(Number) as [number, number];
    const i = menteeIndex.get(menteeId);
    const j = mentorIndex.get(mentorId);
    if (i === undefined || j === undefined) {
      const out = input.excluded.filter((x) => x.id === mentorId || x.id === menteeId);
      warnings.push(
        out.length > 0
          ? `A pinned pair was not kept: ${out.map((x) => `${x.name} (${x.block.words.toLowerCase()})`).join(' and ')} cannot be paired now.`
          : 'A pinned pair was not kept: one of the two is no longer available for pairing.',
      );
      continue;
    }
    const mentee = c.mentees[i]!;
    const mentor = c.mentors[j]!;
    const e = c.evaluation(i * c.mentors.length + j);
    if (e.forbiddenBy) {
      warnings.push(`The pin ${mentee.name} – ${mentor.name} was not kept: ${e.forbiddenDetail}.`);
      continue;
    }
    if (!mentorFree[j] || !menteeFree[i]) {
      warnings.push(`The pin ${mentee.name} – ${mentor.name} was not kept: ${!menteeFree[i] ? mentee.name : mentor.name} has no free place left.`);
      continue;
    }
    mentorFree[j] = mentorFree[j]! - 1;
    menteeFree[i] = menteeFree[i]! - 1;
    pinned.push([i, j]);
  }

  // The rest of the cohort, with the places the pins left.
  const rows = c.mentees.flatMap((_, i) => (menteeFree[i]! > 0 ? [i] : []));
  const cols = c.mentors.flatMap((_, j) => (mentorFree[j]! > 0 ? [j] : []));
  const g = subGrid(c, rows, cols, menteeFree, mentorFree, pinned);
  const mode = input.settings.mode;
  const solvedLocal = mode === 'stable' ? solveStable(c, g) : solveOptimal(g, mode);
  const solved = solvedLocal.map(([r, k]) => [rows[r]!, cols[k]!] as [number, number]);

  const toPair = ([i, j]: [number, number], isPinned: boolean): ProposedPair => {
    const e = c.evaluation(i * c.mentors.length + j);
    return {
      mentorId: c.mentors[j]!.id,
      mentorName: c.mentors[j]!.name,
      menteeId: c.mentees[i]!.id,
      menteeName: c.mentees[i]!.name,
      score: e.score,
      pinned: isPinned,
      onlyToIncludeEveryone: mode === 'most-paired' && !isPinned && e.score <= 0,
      explanation: e.explanation,
    };
  };
  const proposed = [...pinned.map((p) => toPair(p, true)), ...solved.map((p) => toPair(p, false))];
  proposed.sort((a, b) => a.menteeName.localeCompare(b.menteeName) || a.mentorName.localeCompare(b.mentorName) || a.menteeId - b.menteeId || a.mentorId - b.mentorId);
  return {
    mode,
    pairs: proposed,
    unpaired: [...explainUnpaired({ cohort: c, mode, pinned, solved, menteeFree, mentorFree }), ...input.excluded.map(notInPool)].sort(
      (a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name),
    ),
    totalScore: Math.round(proposed.reduce((s, p) => s + p.score, 0) * 10) / 10,
    blockingPairs: blockingPairsOf(c, [...pinned, ...solved]),
    mentors: c.mentors.filter((m) => m.freeCapacity > 0).length,
    mentees: c.mentees.filter((m) => m.freeCapacity > 0).length,
    warnings,
  };
}
