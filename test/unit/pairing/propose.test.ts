import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { propose } from '../../../electron/core/matching/engine/propose';
import { evaluatePair } from '../../../electron/core/matching/engine/scoring';
import { pairKey, type PairingInput, type Person } from '../../../electron/core/matching/engine/types';
import { DEFAULT_MATCHING_SETTINGS, type MatchingSettings } from '../../../shared/matching/contract';

const topics = ['Belonging', 'Careers', 'Voice'];
const slots = ['mon-am', 'tue-pm', 'wed-eve'];
const departments = ['Law', 'History', 'Computing'];

const personArb = (role: 'mentor' | 'mentee', id: number) =>
  fc.record({
    department: fc.constantFrom(...departments),
    topics: fc.subarray(topics),
    availability: fc.subarray(slots),
    characteristics: fc.subarray(['International', 'Mature (21+)']),
    freeCapacity: fc.integer({ min: 1, max: 2 }),
  }).map((p): Person => ({ ...p, id, name: `${role}${id}`, role, preferences: [] }));

const cohortArb = fc
  .record({ mentors: fc.integer({ min: 1, max: 3 }), mentees: fc.integer({ min: 1, max: 3 }) })
  .chain(({ mentors, mentees }) =>
    fc.record({
      mentors: fc.tuple(...Array.from({ length: mentors }, (_, k) => personArb('mentor', 100 + k))),
      mentees: fc.tuple(...Array.from({ length: mentees }, (_, k) => personArb('mentee', 200 + k))),
      answers: fc.array(fc.tuple(fc.integer({ min: 0, max: mentors - 1 }), fc.integer({ min: 0, max: mentees - 1 }), fc.constantFrom('yes', 'maybe', 'no'), fc.constantFrom('yes', 'maybe', 'no')), { maxLength: 4 }),
      sameDepartment: fc.boolean(),
      difference: fc.boolean(),
    }),
  );

type Cohort = typeof cohortArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(c: Cohort, mode: MatchingSettings['mode']): PairingInput {
  const settings: MatchingSettings = { ...DEFAULT_MATCHING_SETTINGS, mode, allowSameDepartment: c.sameDepartment, differenceCharacteristics: c.difference ? ['International'] : [] };
  const chemistry = new Map();
  for (const [m, e, a, b] of c.answers) chemistry.set(pairKey(c.mentors[m]!.id, c.mentees[e]!.id), { happened: true, mentor: a, mentee: b });
  return { settings, mentors: [...c.mentors], mentees: [...c.mentees], chemistry, conflicts: new Map(), rules: new Map(), current: new Set() };
}

/** Best (pairs, total) over every allowed set of pairs that respects capacities. */
function bruteForce(input: PairingInput) {
  const cells: { mentor: Person; mentee: Person; score: number }[] = [];
  for (const mentor of input.mentors) for (const mentee of input.mentees) {
    const e = evaluatePair(input, mentor, mentee);
    if (!e.forbiddenBy) cells.push({ mentor, mentee, score: e.score });
  }
  let best = { pairs: -1, total: -Infinity };
  let bestFit = -Infinity;
  for (let mask = 0; mask < 1 << cells.length; mask++) {
    const load = new Map<number, number>();
    let ok = true;
    let total = 0;
    let pairs = 0;
    cells.forEach((cell, b) => {
      if (!(mask & (1 << b))) return;
      for (const p of [cell.mentor, cell.mentee]) {
        load.set(p.id, (load.get(p.id) ?? 0) + 1);
        if (load.get(p.id)! > p.freeCapacity) ok = false;
      }
      total += cell.score;
      pairs += 1;
    });
    if (!ok) continue;
    if (pairs > best.pairs || (pairs === best.pairs && total > best.total + 1e-9)) best = { pairs, total };
    bestFit = Math.max(bestFit, total);
  }
  return { mostPaired: best, bestFit };
}

describe('propose (the pairing engine) against brute force', () => {
  it('most-paired and best-fit reach the optimum; stable leaves no blocking pair; nothing forbidden, nothing over capacity', () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        for (const mode of ['most-paired', 'best-fit', 'stable'] as const) {
          const input = inputOf(cohort, mode);
          const proposal = propose(input);
          const load = new Map<number, number>();
          for (const pair of proposal.pairs) {
            const mentor = input.mentors.find((m) => m.id === pair.mentorId)!;
            const mentee = input.mentees.find((m) => m.id === pair.menteeId)!;
            expect(evaluatePair(input, mentor, mentee).forbiddenBy).toBeNull();
            for (const id of [pair.mentorId, pair.menteeId]) load.set(id, (load.get(id) ?? 0) + 1);
          }
          for (const p of [...input.mentors, ...input.mentees]) expect(load.get(p.id) ?? 0).toBeLessThanOrEqual(p.freeCapacity);
          const keys = proposal.pairs.map((x) => pairKey(x.mentorId, x.menteeId));
          expect(new Set(keys).size).toBe(keys.length);
          const reference = bruteForce(input);
          if (mode === 'most-paired') {
            expect(proposal.pairs.length).toBe(reference.mostPaired.pairs);
            expect(proposal.totalScore).toBeCloseTo(reference.mostPaired.total, 6);
          }
          if (mode === 'best-fit') expect(proposal.totalScore).toBeCloseTo(reference.bestFit, 6);
          if (mode === 'stable') expect(proposal.blockingPairs).toBe(0);
          // Everyone with a free place who is not paired gets a reason.
          const paired = new Set(proposal.pairs.flatMap((x) => [x.mentorId, x.menteeId]));
          const unpaired = new Set(proposal.unpaired.map((u) => u.participantId));
          for (const p of [...input.mentors, ...input.mentees]) expect(paired.has(p.id) || unpaired.has(p.id)).toBe(true);
          expect(propose(input)).toEqual(proposal);
        }
      }),
      { numRuns: 300 },
    );
  });
});
