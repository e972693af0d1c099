import type { Proposal, ProposedPair, Unpaired } from '../../../../shared/matching/contract';
import { solveScoreAssignment } from '../assignment';
import { countBlockingPairs, stableMatching } from '../stable';
import { solveBMatching } from './b-matching';
import { evaluatePair } from './scoring';
import type { PairEvaluation, PairingInput, Person } from './types';

interface Grid {
  mentees: Person[];
  mentors: Person[];
  evaluations: PairEvaluation[]; // mentee-major
  scores: Float64Array;
  allowed: Uint8Array;
  menteeCap: Int32Array;
  mentorCap: Int32Array;
}

function grid(input: PairingInput, mentees: Person[], mentors: Person[], menteeFree: Map<number, number>, mentorFree: Map<number, number>): Grid {
  const evaluations: PairEvaluation[] = [];
  const scores = new Float64Array(mentees.length * mentors.length);
  const allowed = new Uint8Array(mentees.length * mentors.length);
  mentees.forEach((mentee, i) =>
    mentors.forEach((mentor, j) => {
      const e = evaluatePair(input, mentor, mentee);
      evaluations.push(e);
      scores[i * mentors.length + j] = e.score;
      allowed[i * mentors.length + j] = e.forbiddenBy ? 0 : 1;
    }),
  );
  return {
    mentees,
    mentors,
    evaluations,
    scores,
    allowed,
    menteeCap: Int32Array.from(mentees, (m) => menteeFree.get(m.id)!),
    mentorCap: Int32Array.from(mentors, (m) => mentorFree.get(m.id)!),
  };
}

/** Repeated slots are exact when no allowed pair has spare capacity on both sides; otherwise the flow solver. */
function solveOptimal(g: Grid, mode: 'best-fit' | 'most-paired'): [number, number][] {
  const cols = g.mentors.length;
  let bothMulti = false;
  for (let i = 0; i < g.mentees.length && !bothMulti; i++) {
    for (let j = 0; j < cols; j++) {
      if (g.allowed[i * cols + j] && g.menteeCap[i]! > 1 && g.mentorCap[j]! > 1) {
        bothMulti = true;
        break;
      }
    }
  }
  if (bothMulti) {
    return solveBMatching({ scores: g.scores, rows: g.mentees.length, cols, allowed: g.allowed, rowCapacity: g.menteeCap, colCapacity: g.mentorCap }, mode);
  }
  const rowOf = [...g.menteeCap].flatMap((c, i) => Array<number>(c).fill(i));
  const colOf = [...g.mentorCap].flatMap((c, j) => Array<number>(c).fill(j));
  const scores = new Float64Array(rowOf.length * colOf.length);
  const allowed = new Uint8Array(rowOf.length * colOf.length);
  rowOf.forEach((i, r) =>
    colOf.forEach((j, c) => {
      scores[r * colOf.length + c] = g.scores[i * cols + j]!;
      allowed[r * colOf.length + c] = g.allowed[i * cols + j]!;
    }),
  );
  const { colForRow } = solveScoreAssignment({ scores, rows: rowOf.length, cols: colOf.length, allowed }, mode);
  const pairs: [number, number][] = [];
  colForRow.forEach((c, r) => {
    if (c !== -1) pairs.push([rowOf[r]!, colOf[c]!]);
  });
  return pairs;
}

const toMatrix = (values: Float64Array | Uint8Array, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, i) => Array.from(values.subarray(i * cols, (i + 1) * cols), Number));

const ruleWords: Record<string, string> = {
  'chemistry-no': 'a "no" after a chemistry meeting',
  conflict: 'a conflict of interest',
  forbidden: 'forbidden by you',
  'same-department': 'same department',
  'no-shared-availability': 'no shared availability',
  'already-paired': 'already paired',
};

/**
 * Proposes pairs for the whole cohort: pins first, then an optimal solution of the rest in the
 * chosen mode, every pair explained, every unpaired person given a reason. Pure and deterministic.
 */
export function propose(input: PairingInput): Proposal {
  const warnings: string[] = [];
  const mentorFree = new Map(input.mentors.map((m) => [m.id, m.freeCapacity]));
  const menteeFree = new Map(input.mentees.map((m) => [m.id, m.freeCapacity]));
  const byId = new Map([...input.mentors, ...input.mentees].map((p) => [p.id, p]));
  const proposed: ProposedPair[] = [];
  const toPair = (mentor: Person, mentee: Person, e: PairEvaluation, pinned: boolean): ProposedPair => ({
    mentorId: mentor.id,
    mentorName: mentor.name,
    menteeId: mentee.id,
    menteeName: mentee.name,
    score: e.score,
    pinned,
    explanation: e.explanation,
  });

  for (const [key, rule] of [...input.rules.entries()].sort()) {
    if (rule !== 'pin') continue;
    const [mentorId, menteeId] = key.split(':').map(Number) as [number, number];
    const mentor = byId.get(mentorId);
    const mentee = byId.get(menteeId);
    if (!mentor || !mentee) {
      warnings.push('A pinned pair was not kept: one of the two is no longer available for pairing.');
      continue;
    }
    const e = evaluatePair(input, mentor, mentee);
    if (e.forbiddenBy) {
      warnings.push(`The pin ${mentee.name} – ${mentor.name} was not kept: ${e.forbiddenDetail}.`);
      continue;
    }
    if (!mentorFree.get(mentorId) || !menteeFree.get(menteeId)) {
      warnings.push(`The pin ${mentee.name} – ${mentor.name} was not kept: one of them has no free place left.`);
      continue;
    }
    mentorFree.set(mentorId, mentorFree.get(mentorId)! - 1);
    menteeFree.set(menteeId, menteeFree.get(menteeId)! - 1);
    proposed.push(toPair(mentor, mentee, e, true));
  }

  const mentees = input.mentees.filter((m) => menteeFree.get(m.id)! > 0);
  const mentors = input.mentors.filter((m) => mentorFree.get(m.id)! > 0);
  const g = grid(input, mentees, mentors, menteeFree, mentorFree);
  const cols = mentors.length;
  const mode = input.settings.mode;
  const solved =
    mode === 'stable'
      ? stableMatching({
          scores: toMatrix(g.scores, mentees.length, cols),
          allowed: toMatrix(g.allowed, mentees.length, cols).map((r) => r.map(Boolean)),
          menteeCapacity: [...g.menteeCap],
          mentorCapacity: [...g.mentorCap],
        }).pairs.map(([i, j]) => [i, j] as [number, number])
      : solveOptimal(g, mode);
  for (const [i, j] of solved) proposed.push(toPair(mentors[j]!, mentees[i]!, g.evaluations[i * cols + j]!, false));

  const blockingPairs =
    mentees.length && cols
      ? countBlockingPairs(
          {
            scores: toMatrix(g.scores, mentees.length, cols),
            allowed: toMatrix(g.allowed, mentees.length, cols).map((r) => r.map(Boolean)),
            menteeCapacity: [...g.menteeCap],
            mentorCapacity: [...g.mentorCap],
          },
          solved,
        )
      : 0;

  const unpaired = explainUnpaired(input, proposed, g);
  proposed.sort((a, b) => a.menteeName.localeCompare(b.menteeName) || a.mentorName.localeCompare(b.mentorName) || a.menteeId - b.menteeId || a.mentorId - b.mentorId);
  return {
    mode,
    pairs: proposed,
    unpaired,
    totalScore: Math.round(proposed.reduce((s, p) => s + p.score, 0) * 10) / 10,
    blockingPairs,
    mentors: input.mentors.length,
    mentees: input.mentees.length,
    warnings,
  };
}

/** A reason for everyone left without a partner, with the numbers behind it. */
function explainUnpaired(input: PairingInput, proposed: ProposedPair[], g: Grid): Unpaired[] {
  const taken = new Map<number, number>();
  for (const p of proposed) {
    taken.set(p.mentorId, (taken.get(p.mentorId) ?? 0) + 1);
    taken.set(p.menteeId, (taken.get(p.menteeId) ?? 0) + 1);
  }
  const pairScoreOf = new Map<number, number>(); // weakest pair score per person in the proposal
  for (const p of proposed) for (const id of [p.mentorId, p.menteeId]) pairScoreOf.set(id, Math.min(pairScoreOf.get(id) ?? Infinity, p.score));
  const cols = g.mentors.length;
  const out: Unpaired[] = [];

  const consider = (person: Person, index: number, side: 'mentee' | 'mentor') => {
    if ((taken.get(person.id) ?? 0) > 0 || person.freeCapacity === 0) return;
    const others = side === 'mentee' ? g.mentors : g.mentees;
    const evals = others.map((_, k) => (side === 'mentee' ? g.evaluations[index * cols + k]! : g.evaluations[k * cols + index]!));
    const allowed = others.map((o, k) => ({ other: o, e: evals[k]! })).filter((x) => !x.e.forbiddenBy);
    const role = side;
    const otherRole = side === 'mentee' ? 'mentor' : 'mentee';
    if (allowed.length === 0) {
      const counts = new Map<string, number>();
      for (const e of evals) counts.set(e.forbiddenBy!, (counts.get(e.forbiddenBy!) ?? 0) + 1);
      const why = [...counts.entries()].map(([rule, n]) => `${ruleWords[rule]} (${n})`).join(', ');
      out.push({
        participantId: person.id,
        name: person.name,
        role,
        reason: 'no-allowed-partner',
        detail: others.length === 0 ? `There is no ${otherRole} with a free place.` : `No ${otherRole} may be paired with ${person.name}: ${why}.`,
      });
      return;
    }
    const best = allowed.reduce((a, b) => (b.e.score > a.e.score ? b : a));
    const free = allowed.filter((x) => (taken.get(x.other.id) ?? 0) < x.other.freeCapacity);
    if (free.length > 0 && input.settings.mode === 'best-fit') {
      out.push({
        participantId: person.id,
        name: person.name,
        role,
        reason: 'not-worth-it',
        detail: `${free.length} allowed ${otherRole}${free.length === 1 ? ' has' : 's have'} a free place, but none scores above 0 with ${person.name} (best: ${best.other.name}, ${best.e.score}). Choose “Most people paired” to pair them anyway.`,
      });
      return;
    }
    const placesOther = others.reduce((s, o) => s + o.freeCapacity, 0);
    const demand = (side === 'mentee' ? g.mentees : g.mentors).reduce((s, p) => s + p.freeCapacity, 0);
    if (demand > placesOther) {
      out.push({
        participantId: person.id,
        name: person.name,
        role,
        reason: 'capacity',
        detail: `All ${placesOther} ${otherRole} places are taken: ${demand} ${role} places compete for them. Their best allowed partner, ${best.other.name} (score ${best.e.score}), is paired with someone else.`,
      });
      return;
    }
    out.push({
      participantId: person.id,
      name: person.name,
      role,
      reason: 'outscored',
      detail:
        input.settings.mode === 'stable'
          ? `Every allowed ${otherRole} is held by someone they prefer; the closest, ${best.other.name} (score ${best.e.score}), is paired with a partner scoring ${pairScoreOf.get(best.other.id) ?? 0}.`
          : `Their best allowed partner, ${best.other.name} (score ${best.e.score}), is paired elsewhere (score ${pairScoreOf.get(best.other.id) ?? 0}) because that gives the whole cohort a higher total.`,
    });
  };
  g.mentees.forEach((m, i) => consider(m, i, 'mentee'));
  g.mentors.forEach((m, j) => consider(m, j, 'mentor'));
  // People with no free place at all were filtered out before solving; say so for those with none left.
  return out.sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name));
}
