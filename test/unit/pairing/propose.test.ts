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
  return { settings, mentors: [...c.mentors], mentees: [...c.mentees], excluded: [], chemistry, conflicts: new Map(), rules: new Map(), current: new Set() };
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

/* ---- small worlds, one case each ------------------------------------------------------------ */

interface Who {
  topics?: string[];
  capacity?: number;
  preferences?: number[];
}
const mentor = (id: number, name: string, w: Who = {}): Person => ({
  id,
  name,
  role: 'mentor',
  department: `Department ${id}`,
  characteristics: [],
  topics: w.topics ?? [],
  availability: [],
  freeCapacity: w.capacity ?? 1,
  preferences: w.preferences ?? [],
});
const mentee = (id: number, name: string, w: Who = {}): Person => ({ ...mentor(id, name, w), role: 'mentee' });

function world(mode: MatchingSettings['mode'], mentors: Person[], mentees: Person[], extra: Partial<Pick<PairingInput, 'rules' | 'conflicts' | 'chemistry' | 'excluded'>> = {}): PairingInput {
  return { settings: { ...DEFAULT_MATCHING_SETTINGS, mode }, mentors, mentees, excluded: [], chemistry: new Map(), conflicts: new Map(), rules: new Map(), current: new Set(), ...extra };
}
const pairsOf = (input: PairingInput) => propose(input).pairs.map((p) => `${p.menteeName}–${p.mentorName}`);
const reasonOf = (input: PairingInput, name: string) => propose(input).unpaired.find((u) => u.name === name);

describe('why someone is left unpaired', () => {
  it('a place held by a pin is a matter of capacity, not of “no allowed partner”', () => {
    const input = world('most-paired', [mentor(1, 'Mo')], [mentee(10, 'Ann'), mentee(11, 'Ben')], { rules: new Map([[pairKey(1, 10), 'pin']]) });
    expect(pairsOf(input)).toEqual(['Ann–Mo']);
    expect(reasonOf(input, 'Ben')).toMatchObject({ reason: 'capacity', detail: 'No place is left with any mentor Ben may be paired with: Mo (pinned to Ann).' });
  });

  it('counts the places left after pins against the people still to pair', () => {
    const input = world('most-paired', [mentor(1, 'Mo', { capacity: 2 }), mentor(2, 'Nia')], [mentee(10, 'Ann'), mentee(11, 'Ben'), mentee(12, 'Cy'), mentee(13, 'Dee')], {
      rules: new Map([[pairKey(1, 10), 'pin']]),
    });
    const proposal = propose(input);
    expect(proposal.pairs).toHaveLength(3);
    expect(proposal.unpaired).toHaveLength(1);
    expect(proposal.unpaired[0]!.reason).toBe('capacity');
    expect(proposal.unpaired[0]!.detail).toMatch(/^After pins, 2 mentor places are left for 3 mentees, so not everyone can be paired\./);
  });

  it('a tie is called a tie, in every mode, and never “a higher total”', () => {
    for (const mode of ['best-fit', 'most-paired', 'stable'] as const) {
      const input = world(mode, [mentor(1, 'Mo', { topics: ['Careers'] })], [mentee(10, 'Ann', { topics: ['Careers'] }), mentee(11, 'Ben', { topics: ['Careers'] })]);
      expect(pairsOf(input)).toHaveLength(1);
      const left = propose(input).unpaired.find((u) => u.role === 'mentee')!;
      expect(left.detail).not.toMatch(/higher total/);
      expect(left.detail).toMatch(/the same/);
      expect(left.detail).toContain(`Pin ${left.name} – Mo to choose ${left.name} instead.`);
    }
  });

  it('outscored: the only allowed partner scores higher with someone else (best total fit and stable)', () => {
    const mentors = [mentor(1, 'Mo', { topics: ['Careers', 'Belonging'] }), mentor(2, 'Nia', { topics: ['Voice', 'Sport'] })];
    const mentees = [mentee(10, 'Ann', { topics: ['Careers', 'Belonging'] }), mentee(11, 'Ben', { topics: ['Careers', 'Art'] })];
    const conflicts = new Map([[pairKey(2, 11), 'teaches']]);
    const bestFit = world('best-fit', mentors, mentees, { conflicts });
    expect(pairsOf(bestFit)).toEqual(['Ann–Mo']);
    expect(reasonOf(bestFit, 'Ben')).toEqual({
      participantId: 11,
      name: 'Ben',
      role: 'mentee',
      reason: 'outscored',
      detail: 'Ben’s best allowed partner, Mo (score 5 with Ben), is paired with Ann, who scores higher with Mo (10).',
    });
    // Nia scores 0 with Ann: best total fit does not pair for nothing, and says so.
    expect(reasonOf(bestFit, 'Nia')).toMatchObject({ reason: 'not-worth-it', detail: 'No pair with Nia scores above 0 under these weights (best: Ann, 0). Choose “Most people paired” to pair them anyway.' });
    const stable = world('stable', mentors, mentees, { conflicts });
    expect(reasonOf(stable, 'Ben')).toMatchObject({ reason: 'outscored' });
    expect(reasonOf(stable, 'Ben')!.detail).toMatch(/^Every mentor Ben may be paired with has filled their places with people they rank higher/);
  });

  it('most people paired includes everyone it can, and marks the pairs made only for that', () => {
    const input = world('most-paired', [mentor(1, 'Mo', { topics: ['Careers', 'Belonging'] }), mentor(2, 'Nia', { topics: ['Voice', 'Sport'] })], [
      mentee(10, 'Ann', { topics: ['Careers', 'Belonging'] }),
      mentee(11, 'Ben', { topics: ['Careers', 'Art'] }),
    ], { conflicts: new Map([[pairKey(2, 11), 'teaches']]) });
    const proposal = propose(input);
    expect(proposal.unpaired).toEqual([]);
    expect(proposal.pairs.map((p) => [p.menteeName, p.mentorName, p.score, p.onlyToIncludeEveryone])).toEqual([
      ['Ann', 'Nia', 0, true],
      ['Ben', 'Mo', 5, false],
    ]);
    // The same pairs in best total fit are never marked: a 0 there is never proposed.
    expect(propose({ ...input, settings: { ...input.settings, mode: 'best-fit' } }).pairs.every((p) => !p.onlyToIncludeEveryone)).toBe(true);
  });

  it('best total fit: someone whose every pair scores 0 is told so, even when places are short', () => {
    const input = world('best-fit', [mentor(1, 'Mo', { topics: ['Careers'] })], [mentee(10, 'Ann', { topics: ['Careers'] }), mentee(11, 'Ben', { topics: ['Art'] })]);
    expect(pairsOf(input)).toEqual(['Ann–Mo']);
    expect(reasonOf(input, 'Ben')).toMatchObject({ reason: 'not-worth-it', detail: 'No pair with Ben scores above 0 under these weights (best: Mo, 0). Choose “Most people paired” to pair them anyway.' });
  });

  it('no allowed partner names the rules that forbid each pair', () => {
    const input = world('most-paired', [mentor(1, 'Mo'), mentor(2, 'Nia')], [mentee(10, 'Ann')], {
      conflicts: new Map([[pairKey(1, 10), 'assesses']]),
      rules: new Map([[pairKey(2, 10), 'forbid']]),
    });
    expect(reasonOf(input, 'Ann')).toMatchObject({ reason: 'no-allowed-partner', detail: 'No mentor may be paired with Ann: a conflict of interest (1), forbidden by you (1).' });
  });
});

describe('blocking pairs of the whole result', () => {
  it('counts a blocking pair made by a pin', () => {
    // Mo is pinned to Ann (score 0) while Ben, who scores 10 with Mo, stays unpaired: both would rather.
    const input = world('best-fit', [mentor(1, 'Mo', { topics: ['Careers'] })], [mentee(10, 'Ann', { topics: ['Art'] }), mentee(11, 'Ben', { topics: ['Careers'] })], {
      rules: new Map([[pairKey(1, 10), 'pin']]),
    });
    const proposal = propose(input);
    expect(proposal.pairs.map((p) => [p.menteeName, p.pinned])).toEqual([['Ann', true]]);
    expect(proposal.blockingPairs).toBe(1);
    expect(propose({ ...input, rules: new Map() }).blockingPairs).toBe(0);
  });
});

describe('stable mode: each side by its own preferences', () => {
  // Ann and Ben each put one mentor first; those mentors each put the other mentee first. The pair
  // scores (shared topics) favour the mentors' choices. Mentees propose, so the mentees' choices win.
  const ann = mentee(10, 'Ann', { preferences: [1, 2], topics: ['Voice'] });
  const ben = mentee(11, 'Ben', { preferences: [2, 1], topics: ['Careers'] });
  const xia = mentor(1, 'Xia', { preferences: [11, 10], topics: ['Careers'] });
  const yan = mentor(2, 'Yan', { preferences: [10, 11], topics: ['Voice'] });

  it('gives the mentees their own first choices where the sides disagree, with no blocking pair', () => {
    const proposal = propose(world('stable', [xia, yan], [ann, ben]));
    expect(proposal.pairs.map((p) => `${p.menteeName}–${p.mentorName}`)).toEqual(['Ann–Xia', 'Ben–Yan']);
    expect(proposal.blockingPairs).toBe(0);
    // Best total fit follows the scores instead; that result is stable too under these preferences.
    expect(pairsOf(world('best-fit', [xia, yan], [ann, ben]))).toEqual(['Ann–Yan', 'Ben–Xia']);
  });

  it('a mentee’s "yes" after a chemistry meeting counts before the score for that mentee', () => {
    const chemistry = new Map([[pairKey(1, 10), { happened: true, mentor: 'maybe' as const, mentee: 'yes' as const }]]);
    const plain = (m: Person) => ({ ...m, preferences: [] });
    const proposal = propose(world('stable', [plain(xia), plain(yan)], [plain(ann), plain(ben)], { chemistry }));
    expect(proposal.pairs.find((p) => p.menteeName === 'Ann')!.mentorName).toBe('Xia');
  });

  /** The order the spec gives each side: stated rank, then chemistry answer, then score; ties by list order. */
  function specRank(input: PairingInput, side: 'mentee' | 'mentor', who: Person, other: Person, otherIndex: number): number[] {
    const [m, e] = side === 'mentee' ? [other, who] : [who, other];
    const answer = input.chemistry.get(pairKey(m.id, e.id));
    const said = answer?.happened ? (side === 'mentee' ? answer.mentee : answer.mentor) : null;
    const listed = who.preferences.indexOf(other.id);
    return [listed === -1 ? 0 : who.preferences.length - listed, said === 'yes' ? 2 : said === 'maybe' ? 1 : 0, evaluatePair(input, m, e).score, -otherIndex];
  }
  const better = (a: number[], b: number[]) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]!;
    return false;
  };

  const prefsCohort = cohortArb.chain((c) =>
    fc.record({
      cohort: fc.constant({ ...c, mentors: c.mentors.map((m) => ({ ...m, freeCapacity: 1 })), mentees: c.mentees.map((m) => ({ ...m, freeCapacity: 1 })) }),
      menteeLists: fc.tuple(...c.mentees.map(() => fc.shuffledSubarray(c.mentors.map((m) => m.id)))),
      mentorLists: fc.tuple(...c.mentors.map(() => fc.shuffledSubarray(c.mentees.map((m) => m.id)))),
    }),
  );

  it('is stable and mentee-optimal for the sides’ own orders (brute force over every one-to-one matching)', () => {
    fc.assert(
      fc.property(prefsCohort, ({ cohort, menteeLists, mentorLists }) => {
        const base = inputOf(cohort, 'stable');
        const input = { ...base, mentees: base.mentees.map((m, i) => ({ ...m, preferences: menteeLists[i]! })), mentors: base.mentors.map((m, j) => ({ ...m, preferences: mentorLists[j]! })) };
        const allowed = (i: number, j: number) => !evaluatePair(input, input.mentors[j]!, input.mentees[i]!).forbiddenBy;
        const rankOfMentee = (i: number, j: number | undefined) => (j === undefined ? [-Infinity] : specRank(input, 'mentee', input.mentees[i]!, input.mentors[j]!, j));
        const rankOfMentor = (j: number, i: number | undefined) => (i === undefined ? [-Infinity] : specRank(input, 'mentor', input.mentors[j]!, input.mentees[i]!, i));
        const stableOne = (partnerOf: (number | undefined)[]) => {
          const mentorPartner = input.mentors.map((_, j) => partnerOf.indexOf(j));
          return input.mentees.every((_, i) =>
            input.mentors.every((_, j) => partnerOf[i] === j || !allowed(i, j) || !better(rankOfMentee(i, j), rankOfMentee(i, partnerOf[i])) || !better(rankOfMentor(j, i), rankOfMentor(j, mentorPartner[j] === -1 ? undefined : mentorPartner[j]))),
          );
        };
        const proposal = propose(input);
        const got = input.mentees.map((m) => {
          const p = proposal.pairs.find((x) => x.menteeId === m.id);
          return p ? input.mentors.findIndex((x) => x.id === p.mentorId) : undefined;
        });
        expect(stableOne(got)).toBe(true);
        expect(proposal.blockingPairs).toBe(0);
        // Every one-to-one matching of allowed pairs; none that is stable may give a mentee someone they rank higher.
        const all: (number | undefined)[][] = [];
        const build = (i: number, used: Set<number>, acc: (number | undefined)[]) => {
          if (i === input.mentees.length) return void all.push([...acc]);
          build(i + 1, used, [...acc, undefined]);
          input.mentors.forEach((_, j) => {
            if (!used.has(j) && allowed(i, j)) build(i + 1, new Set([...used, j]), [...acc, j]);
          });
        };
        build(0, new Set(), []);
        for (const other of all.filter(stableOne)) input.mentees.forEach((_, i) => expect(better(rankOfMentee(i, other[i]), rankOfMentee(i, got[i]))).toBe(false));
      }),
      { numRuns: 200 },
    );
  });
});

describe('pins', () => {
  const pinned = cohortArb.chain((c) =>
    fc.record({ cohort: fc.constant(c), pins: fc.array(fc.tuple(fc.integer({ min: 0, max: c.mentors.length - 1 }), fc.integer({ min: 0, max: c.mentees.length - 1 })), { maxLength: 3 }) }),
  );

  it('keeps every pin the rules and places allow, never makes a pinned pair twice, and solves the rest to the optimum', () => {
    fc.assert(
      fc.property(pinned, ({ cohort, pins }) => {
        for (const mode of ['most-paired', 'best-fit'] as const) {
          const base = inputOf(cohort, mode);
          const rules = new Map(pins.map(([m, e]) => [pairKey(cohort.mentors[m]!.id, cohort.mentees[e]!.id), 'pin' as const]));
          const input = { ...base, rules };
          // The pins that can be kept, in the engine's documented order (by rule key).
          const free = new Map([...input.mentors, ...input.mentees].map((p) => [p.id, p.freeCapacity]));
          const kept: [Person, Person][] = [];
          for (const key of [...rules.keys()].sort()) {
            const [mentorId, menteeId] = key.split(':').map(Number) as [number, number];
            const m = input.mentors.find((x) => x.id === mentorId)!;
            const e = input.mentees.find((x) => x.id === menteeId)!;
            if (evaluatePair(input, m, e).forbiddenBy || !free.get(mentorId) || !free.get(menteeId)) continue;
            free.set(mentorId, free.get(mentorId)! - 1);
            free.set(menteeId, free.get(menteeId)! - 1);
            kept.push([m, e]);
          }
          const proposal = propose(input);
          for (const [m, e] of kept) expect(proposal.pairs.find((p) => p.mentorId === m.id && p.menteeId === e.id)?.pinned).toBe(true);
          expect(proposal.pairs.filter((p) => p.pinned)).toHaveLength(kept.length);
          // The rest, by brute force over the places the pins left.
          const rest = { ...input, rules: new Map(), mentors: input.mentors.map((m) => ({ ...m, freeCapacity: free.get(m.id)! })), mentees: input.mentees.map((m) => ({ ...m, freeCapacity: free.get(m.id)! })) };
          rest.current = new Set(kept.map(([m, e]) => pairKey(m.id, e.id)));
          const reference = bruteForce(rest);
          const pinnedScore = kept.reduce((s, [m, e]) => s + evaluatePair(input, m, e).score, 0);
          const unpinned = proposal.pairs.filter((p) => !p.pinned);
          if (mode === 'most-paired') expect(unpinned).toHaveLength(reference.mostPaired.pairs);
          expect(proposal.totalScore).toBeCloseTo(pinnedScore + (mode === 'most-paired' ? reference.mostPaired.total : reference.bestFit), 6);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('explanations in words', () => {
  it('says who has a characteristic the pair differs on, and when neither listed the other', () => {
    const amara = { ...mentor(1, 'Amara'), characteristics: ['First in family to university'] };
    const helen = { ...mentee(10, 'Helen'), characteristics: ['LGBTQ+'] };
    const input = world('best-fit', [amara], [helen]);
    input.settings = { ...input.settings, differenceCharacteristics: ['First in family to university', 'LGBTQ+', 'Disabled'] };
    const why = new Map(evaluatePair(input, amara, helen).explanation.map((e) => [e.criterion, e.detail]));
    expect(why.get('difference')).toBe('Amara is first in family to university, Helen is not; Helen is LGBTQ+, Amara is not; alike on Disabled');
    expect(why.get('preferences')).toBe('neither listed the other');
    const listed = { ...helen, preferences: [1] };
    expect(evaluatePair({ ...input, mentees: [listed] }, amara, listed).explanation.find((e) => e.criterion === 'preferences')!.detail).toBe('Helen ranked Amara 1st; Amara did not list Helen');
  });
});
