/**
 * Stable matching of mentees (staff) with mentors (students) by mentee-proposing deferred acceptance
 * (Gale–Shapley, many-to-many with capacities on both sides, Roth 1984).
 *
 * Preferences come from scores (higher = better). Every allowed partner is acceptable and better than
 * an empty slot. Equal scores are broken by index (the lower index is preferred), which makes the
 * result deterministic and, because that only refines the scores' order, stable for the scores too.
 */
import { allowedMask, checkedPair, toDenseMatrix } from './matrix';
import { plural } from '../../../shared/words';
import { SegmentedHeaps } from './segmented-heaps';

/** [mentee, mentor], both counted from 0. */
export type Pair = [mentee: number, mentor: number];

type Matrix = readonly (readonly number[])[];

export interface StableMatchingProblem {
  /** mentees × mentors, higher = better: the pair's value, and both sides' preferences by default. */
  readonly scores: Matrix;
  /** mentees × mentors: menteePrefs[i][j] = how much mentee i wants mentor j. Default: scores. */
  readonly menteePrefs?: Matrix;
  /** mentees × mentors (same orientation): mentorPrefs[i][j] = how much mentor j wants mentee i. Default: scores. */
  readonly mentorPrefs?: Matrix;
  /** mentees × mentors, false = never pair them. Default: all allowed. */
  readonly allowed?: readonly (readonly boolean[])[];
  /** [mentee, mentor] pairs that must never be matched (on top of `allowed`). */
  readonly forbidden?: readonly (readonly [number, number])[];
  /** How many mentors each mentee takes at most: one number for all, or one per mentee. Default 1. */
  readonly menteeCapacity?: number | readonly number[];
  /** How many mentees each mentor takes at most: one number for all, or one per mentor. Default 1. */
  readonly mentorCapacity?: number | readonly number[];
}

interface Prepared {
  readonly mentees: number;
  readonly mentors: number;
  /** All matrices are mentees × mentors, row-major. */
  readonly scores: Float64Array;
  readonly menteePrefs: Float64Array;
  readonly mentorPrefs: Float64Array;
  readonly allowed: Uint8Array;
  readonly menteeCapacity: Int32Array;
  readonly mentorCapacity: Int32Array;
}

/** The mentee-optimal stable matching; pairs sorted by mentee, then mentor. */
export function stableMatching(problem: StableMatchingProblem): { pairs: Pair[] } {
  const p = prepare(problem);
  const { mentees, mentors, menteePrefs, mentorPrefs, allowed, menteeCapacity, mentorCapacity } = p;
  // Each mentee's untried mentors, best on top: a heap, because most mentees stop after a few proposals.
  const untried = new SegmentedHeaps(
    Array.from({ length: mentees }, (_, i) => allowed.subarray(i * mentors, (i + 1) * mentors).reduce((n, a) => n + a, 0)),
    (mentee, a, b) => prefers(menteePrefs[mentee * mentors + a]!, a, menteePrefs[mentee * mentors + b]!, b),
  );
  for (let i = 0; i < mentees; i++) {
    const candidates: number[] = [];
    for (let j = 0; j < mentors; j++) if (allowed[i * mentors + j] === 1) candidates.push(j);
    untried.fill(i, candidates);
  }
  const mentorPrefers = (mentor: number, a: number, b: number) => prefers(mentorPrefs[a * mentors + mentor]!, a, mentorPrefs[b * mentors + mentor]!, b);
  // Each mentor's held proposals, least wanted on top so that it is the one displaced.
  const held = new SegmentedHeaps(
    Array.from(mentorCapacity, (cap) => Math.min(cap, mentees)),
    (mentor, a, b) => mentorPrefers(mentor, b, a),
  );
  const partnerCount = new Int32Array(mentees);

  const proposers: number[] = [];
  for (let i = mentees - 1; i >= 0; i--) proposers.push(i);
  while (proposers.length > 0) {
    const mentee = proposers.pop()!;
    while (partnerCount[mentee]! < menteeCapacity[mentee]! && untried.size(mentee) > 0) {
      const mentor = untried.pop(mentee);
      if (held.size(mentor) < mentorCapacity[mentor]!) {
        held.push(mentor, mentee);
      } else if (held.size(mentor) > 0 && mentorPrefers(mentor, mentee, held.top(mentor))) {
        const displaced = held.replaceTop(mentor, mentee);
        partnerCount[displaced] = partnerCount[displaced]! - 1;
        proposers.push(displaced);
      } else {
        continue;
      }
      partnerCount[mentee] = partnerCount[mentee]! + 1;
    }
  }

  const pairs: Pair[] = [];
  for (let j = 0; j < mentors; j++) for (const i of held.items(j)) pairs.push([i, j]);
  return { pairs: pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]) };
}

/** Strict preference between two candidates by score; equal scores: the lower index wins. */
function prefers(scoreA: number, a: number, scoreB: number, b: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && a < b);
}

/**
 * Pairs (i, j) not matched together, allowed, where each side either has a free slot or strictly
 * prefers the other to its worst current partner. Works for any matching that respects the problem's
 * capacities and forbidden pairs (e.g. one from the assignment solver); throws RangeError otherwise.
 */
export function countBlockingPairs(problem: StableMatchingProblem, pairs: readonly (readonly [number, number])[]): number {
  const p = prepare(problem);
  const { mentees, mentors, menteePrefs, mentorPrefs, allowed } = p;
  const { matched, menteeLoad, mentorLoad } = checkedMatching(p, pairs);
  // For each side: the score of its least-wanted current partner, or -Infinity when a slot is free.
  const menteeWorst = new Float64Array(mentees).fill(Infinity);
  const mentorWorst = new Float64Array(mentors).fill(Infinity);
  for (const [i, j] of pairs) {
    const cell = i * mentors + j;
    menteeWorst[i] = Math.min(menteeWorst[i]!, menteePrefs[cell]!);
    mentorWorst[j] = Math.min(mentorWorst[j]!, mentorPrefs[cell]!);
  }
  for (let i = 0; i < mentees; i++) if (menteeLoad[i]! < p.menteeCapacity[i]!) menteeWorst[i] = -Infinity;
  for (let j = 0; j < mentors; j++) if (mentorLoad[j]! < p.mentorCapacity[j]!) mentorWorst[j] = -Infinity;

  let blocking = 0;
  for (let i = 0; i < mentees; i++) {
    for (let j = 0; j < mentors; j++) {
      const cell = i * mentors + j;
      if (allowed[cell] === 1 && matched[cell] === 0 && menteePrefs[cell]! > menteeWorst[i]! && mentorPrefs[cell]! > mentorWorst[j]!) blocking++;
    }
  }
  return blocking;
}

/** Sum of `scores` over the pairs of a matching (which must respect capacities and forbidden pairs). */
export function totalScore(problem: StableMatchingProblem, pairs: readonly (readonly [number, number])[]): number {
  const p = prepare(problem);
  checkedMatching(p, pairs);
  return pairs.reduce((sum, [i, j]) => sum + p.scores[i * p.mentors + j]!, 0);
}

/** Turns an assignment solver result (row = mentee, column = mentor) into pairs. */
export function pairsFromAssignment(assignment: readonly (number | null)[]): Pair[] {
  const pairs: Pair[] = [];
  assignment.forEach((mentor, mentee) => {
    if (mentor !== null) pairs.push([mentee, mentor]);
  });
  return pairs;
}

function prepare(problem: StableMatchingProblem): Prepared {
  // With no mentees, scores cannot say how many mentors there are; a capacity list can.
  const noMentees = Array.isArray(problem.scores) && problem.scores.length === 0;
  const scores = toDenseMatrix('scores', problem.scores, noMentees && Array.isArray(problem.mentorCapacity) ? { rows: 0, cols: problem.mentorCapacity.length } : undefined);
  const size = { rows: scores.rows, cols: scores.cols };
  const allowed = allowedMask(size.rows, size.cols, problem.forbidden);
  if (problem.allowed !== undefined) {
    const mask = toBooleanMask(problem.allowed, size);
    for (let k = 0; k < allowed.length; k++) allowed[k] = allowed[k]! & mask[k]!;
  }
  return {
    mentees: size.rows,
    mentors: size.cols,
    scores: scores.values,
    menteePrefs: problem.menteePrefs ? toDenseMatrix('menteePrefs', problem.menteePrefs, size).values : scores.values,
    mentorPrefs: problem.mentorPrefs ? toDenseMatrix('mentorPrefs', problem.mentorPrefs, size).values : scores.values,
    allowed,
    menteeCapacity: capacities('menteeCapacity', problem.menteeCapacity, size.rows),
    mentorCapacity: capacities('mentorCapacity', problem.mentorCapacity, size.cols),
  };
}

function toBooleanMask(mask: unknown, { rows, cols }: { rows: number; cols: number }): Uint8Array {
  const out = new Uint8Array(rows * cols);
  if (!Array.isArray(mask) || mask.length !== rows) throw new RangeError(`allowed must have ${rows} rows, like scores.`);
  mask.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== cols) throw new RangeError(`allowed row ${i} must have ${cols} true/false values.`);
    row.forEach((value: unknown, j) => {
      if (typeof value !== 'boolean') throw new TypeError(`allowed row ${i}, column ${j} must be true or false.`);
      out[i * cols + j] = value ? 1 : 0;
    });
  });
  return out;
}

function capacities(name: string, capacity: unknown, count: number): Int32Array {
  const values = Array.isArray(capacity) ? capacity : new Array<unknown>(count).fill(capacity ?? 1);
  if (values.length !== count) throw new RangeError(`${name} has ${plural(values.length, 'value')}, expected ${count}.`);
  return Int32Array.from(values, (value: unknown, k) => {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 2 ** 31 - 1) {
      throw new RangeError(`${name}${Array.isArray(capacity) ? `[${k}]` : ''} must be a whole number ≥ 0, got ${String(value)}.`);
    }
    return value as number;
  });
}

/** Validates a matching against the problem; returns its cells as a mask and each side's partner counts. */
function checkedMatching(p: Prepared, pairs: readonly (readonly [number, number])[]) {
  const matched = new Uint8Array(p.mentees * p.mentors);
  const menteeLoad = new Int32Array(p.mentees);
  const mentorLoad = new Int32Array(p.mentors);
  pairs.forEach((pair, k) => {
    const [i, j] = checkedPair(`pairs[${k}]`, pair, p.mentees, p.mentors);
    const cell = i * p.mentors + j;
    if (matched[cell] === 1) throw new RangeError(`pairs[${k}] = [${i}, ${j}] appears twice.`);
    if (p.allowed[cell] === 0) throw new RangeError(`pairs[${k}] = [${i}, ${j}] is a forbidden pair.`);
    matched[cell] = 1;
    menteeLoad[i] = menteeLoad[i]! + 1;
    mentorLoad[j] = mentorLoad[j]! + 1;
    if (menteeLoad[i]! > p.menteeCapacity[i]!) throw new RangeError(`Mentee ${i} has more partners than its capacity ${p.menteeCapacity[i]}.`);
    if (mentorLoad[j]! > p.mentorCapacity[j]!) throw new RangeError(`Mentor ${j} has more partners than its capacity ${p.mentorCapacity[j]}.`);
  });
  return { matched, menteeLoad, mentorLoad };
}
