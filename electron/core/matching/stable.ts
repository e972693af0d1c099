/**
 * Stable matching of mentees (staff) with mentors (students) by mentee-proposing deferred acceptance
 * (Gale–Shapley, many-to-many with capacities on both sides, Roth 1984).
 *
 * Preferences come from scores (higher = better). Every allowed partner is acceptable and better than
 * an empty slot. Equal scores are broken by index (the lower index is preferred), which makes the
 * result deterministic and, because that only refines the scores' order, stable for the scores too.
 */
import { allowedMask, checkedPair, toDenseMatrix } from './matrix';

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
  const { mentees, mentors, mentorPrefs, menteeCapacity, mentorCapacity } = p;
  const choices = preferenceLists(p);
  const nextChoice = choices.start.slice(0, mentees);
  const partnerCount = new Int32Array(mentees);
  const held = new HeldProposals(mentorCapacity, mentees, (mentor, a, b) => mentorPrefers(mentorPrefs, mentors, mentor, a, b));

  const proposers: number[] = [];
  for (let i = mentees - 1; i >= 0; i--) proposers.push(i);
  while (proposers.length > 0) {
    const mentee = proposers.pop()!;
    while (partnerCount[mentee]! < menteeCapacity[mentee]! && nextChoice[mentee]! < choices.start[mentee + 1]!) {
      const mentor = choices.mentors[nextChoice[mentee]!]!;
      nextChoice[mentee] = nextChoice[mentee]! + 1;
      const outcome = held.propose(mentor, mentee);
      if (outcome === REJECTED) continue;
      partnerCount[mentee] = partnerCount[mentee]! + 1;
      if (outcome !== ACCEPTED) {
        partnerCount[outcome] = partnerCount[outcome]! - 1;
        proposers.push(outcome);
      }
    }
  }
  return { pairs: held.pairs() };
}

/**
 * Pairs (i, j) not matched together, allowed, where each side either has a free slot or strictly
 * prefers the other to its worst current partner. Works for any matching that respects the problem's
 * capacities and forbidden pairs (e.g. one from the assignment solver); throws RangeError otherwise.
 */
export function countBlockingPairs(problem: StableMatchingProblem, pairs: readonly (readonly [number, number])[]): number {
  const p = prepare(problem);
  const { mentees, mentors, menteePrefs, mentorPrefs, allowed } = p;
  const matched = checkedMatching(p, pairs);
  // For each side: the score of its least-wanted current partner, or -Infinity when a slot is free.
  const menteeWorst = new Float64Array(mentees).fill(Infinity);
  const mentorWorst = new Float64Array(mentors).fill(Infinity);
  const menteeLoad = new Int32Array(mentees);
  const mentorLoad = new Int32Array(mentors);
  for (const [i, j] of pairs) {
    const cell = i * mentors + j;
    menteeWorst[i] = Math.min(menteeWorst[i]!, menteePrefs[cell]!);
    mentorWorst[j] = Math.min(mentorWorst[j]!, mentorPrefs[cell]!);
    menteeLoad[i] = menteeLoad[i]! + 1;
    mentorLoad[j] = mentorLoad[j]! + 1;
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
  const scores = toDenseMatrix('scores', problem.scores);
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
  if (values.length !== count) throw new RangeError(`${name} has ${values.length} values, expected ${count}.`);
  return Int32Array.from(values, (value: unknown, k) => {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 2 ** 31 - 1) {
      throw new RangeError(`${name}${Array.isArray(capacity) ? `[${k}]` : ''} must be a whole number ≥ 0, got ${String(value)}.`);
    }
    return value as number;
  });
}

/** Validates a matching against the problem; returns its cells as a mask. */
function checkedMatching(p: Prepared, pairs: readonly (readonly [number, number])[]): Uint8Array {
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
  return matched;
}

/** Each mentee's allowed mentors, best first (ties: lower mentor index first), in one flat list. */
function preferenceLists({ mentees, mentors, menteePrefs, allowed }: Prepared): { start: Int32Array; mentors: Int32Array } {
  const start = new Int32Array(mentees + 1);
  const list: number[] = [];
  for (let i = 0; i < mentees; i++) {
    const base = i * mentors;
    const row: number[] = [];
    for (let j = 0; j < mentors; j++) if (allowed[base + j] === 1) row.push(j);
    row.sort((a, b) => menteePrefs[base + b]! - menteePrefs[base + a]! || a - b);
    list.push(...row);
    start[i + 1] = list.length;
  }
  return { start, mentors: Int32Array.from(list) };
}

/** Does `mentor` strictly prefer mentee a to mentee b? Equal scores: the lower index wins. */
function mentorPrefers(mentorPrefs: Float64Array, mentors: number, mentor: number, a: number, b: number): boolean {
  const sa = mentorPrefs[a * mentors + mentor]!;
  const sb = mentorPrefs[b * mentors + mentor]!;
  return sa > sb || (sa === sb && a < b);
}

const ACCEPTED = -1;
const REJECTED = -2;

/**
 * The proposals each mentor currently holds, as one binary heap per mentor with its least-preferred
 * mentee on top, so that a full mentor compares and displaces in O(log capacity).
 */
class HeldProposals {
  private readonly offset: Int32Array;
  private readonly size: Int32Array;
  private readonly slots: Int32Array;

  constructor(
    private readonly capacity: Int32Array,
    mentees: number,
    private readonly prefers: (mentor: number, a: number, b: number) => boolean,
  ) {
    this.offset = new Int32Array(capacity.length + 1);
    capacity.forEach((cap, j) => (this.offset[j + 1] = this.offset[j]! + Math.min(cap, mentees)));
    this.size = new Int32Array(capacity.length);
    this.slots = new Int32Array(this.offset[capacity.length]!);
  }

  /** ACCEPTED, REJECTED, or the mentee displaced to make room. */
  propose(mentor: number, mentee: number): number {
    const base = this.offset[mentor]!;
    const size = this.size[mentor]!;
    if (size < this.capacity[mentor]!) {
      this.slots[base + size] = mentee;
      this.size[mentor] = size + 1;
      this.siftUp(mentor, size);
      return ACCEPTED;
    }
    if (size === 0) return REJECTED;
    const worst = this.slots[base]!;
    if (!this.prefers(mentor, mentee, worst)) return REJECTED;
    this.slots[base] = mentee;
    this.siftDown(mentor, 0);
    return worst;
  }

  pairs(): Pair[] {
    const pairs: Pair[] = [];
    this.size.forEach((size, mentor) => {
      for (let k = 0; k < size; k++) pairs.push([this.slots[this.offset[mentor]! + k]!, mentor]);
    });
    return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  /** Is the mentee at heap position x less wanted than the one at y (so it belongs nearer the top)? */
  private worse(mentor: number, x: number, y: number): boolean {
    const base = this.offset[mentor]!;
    return this.prefers(mentor, this.slots[base + y]!, this.slots[base + x]!);
  }

  private swap(mentor: number, x: number, y: number): void {
    const base = this.offset[mentor]!;
    const t = this.slots[base + x]!;
    this.slots[base + x] = this.slots[base + y]!;
    this.slots[base + y] = t;
  }

  private siftUp(mentor: number, position: number): void {
    let k = position;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.worse(mentor, k, parent)) return;
      this.swap(mentor, k, parent);
      k = parent;
    }
  }

  private siftDown(mentor: number, position: number): void {
    const size = this.size[mentor]!;
    let k = position;
    for (;;) {
      let worst = k;
      for (const child of [2 * k + 1, 2 * k + 2]) if (child < size && this.worse(mentor, child, worst)) worst = child;
      if (worst === k) return;
      this.swap(mentor, k, worst);
      k = worst;
    }
  }
}
