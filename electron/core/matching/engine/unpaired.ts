import type { PairingModeChoice, Unpaired } from '../../../../shared/matching/contract';
import { listInWords } from '../../../../shared/matching/words';
import type { Cohort, HardRule, PairEvaluation, Person } from './types';

export interface Outcome {
  cohort: Cohort;
  mode: PairingModeChoice;
  /** [mentee, mentor] indices into the cohort. */
  pinned: [number, number][];
  solved: [number, number][];
  /** Places each person had left once the pins were kept. */
  menteeFree: Int32Array;
  mentorFree: Int32Array;
}

type Side = 'mentee' | 'mentor';
type Reason = Pick<Unpaired, 'reason' | 'detail'>;
interface Partner {
  other: number;
  pinned: boolean;
}
interface Option {
  other: Person;
  index: number;
  e: PairEvaluation;
}

const ruleWords: Record<HardRule, string> = {
  'chemistry-no': 'a "no" after a chemistry meeting',
  conflict: 'a conflict of interest',
  forbidden: 'forbidden by you',
  'same-department': 'same department',
  'no-shared-availability': 'no shared availability',
  'already-paired': 'already paired',
};

const MAX_NAMED = 4;
/** At most four names: "Ana, Ben, Chen and 2 more". */
function namesInWords(names: string[]): string {
  return listInWords(names.length > MAX_NAMED ? [...names.slice(0, MAX_NAMED - 1), `${names.length - MAX_NAMED + 1} more`] : names);
}

const best = (options: Option[]) => options.reduce((a, b) => (b.e.score > a.e.score ? b : a));

/**
 * A reason for everyone with a free place left without any partner, by what actually kept them out:
 * every pair with them is forbidden; no place is left with anyone they may be paired with; others
 * took those places; or (best total fit) no pair with them scores above 0.
 */
export function explainUnpaired(o: Outcome): Unpaired[] {
  const { cohort: c } = o;
  const cols = c.mentors.length;
  const menteePartners: Partner[][] = c.mentees.map(() => []);
  const mentorPartners: Partner[][] = c.mentors.map(() => []);
  for (const [list, pinned] of [
    [o.pinned, true],
    [o.solved, false],
  ] as const) {
    for (const [i, j] of list) {
      menteePartners[i]!.push({ other: j, pinned });
      mentorPartners[j]!.push({ other: i, pinned });
    }
  }
  const sides = {
    mentee: { people: c.mentees, others: c.mentors, partners: menteePartners, otherPartners: mentorPartners, free: o.menteeFree, otherFree: o.mentorFree, cell: (x: number, y: number) => x * cols + y },
    mentor: { people: c.mentors, others: c.mentees, partners: mentorPartners, otherPartners: menteePartners, free: o.mentorFree, otherFree: o.menteeFree, cell: (x: number, y: number) => y * cols + x },
  };

  // Not enough places left on the other side for everyone on this side who could use them: the same
  // for everyone on a side, so counted once per side.
  const placesBySide = new Map<Side, { supply: number; demand: number; single: boolean }>();
  const placesOf = (side: Side) => {
    const known = placesBySide.get(side);
    if (known) return known;
    const v = sides[side];
    const counted = { supply: v.otherFree.reduce((sum, n) => sum + n, 0), demand: 0, single: true };
    v.people.forEach((_, k) => {
      if (v.free[k]! === 0 || !v.others.some((_, y) => v.otherFree[y]! > 0 && c.allowed[v.cell(k, y)] === 1)) return;
      counted.demand += v.free[k]!;
      if (v.free[k]! > 1) counted.single = false;
    });
    placesBySide.set(side, counted);
    return counted;
  };

  const reasonFor = (side: Side, x: number): Reason => {
    const v = sides[side];
    const person = v.people[x]!;
    const name = person.name;
    const otherRole = side === 'mentee' ? 'mentor' : 'mentee';
    if (v.others.length === 0) return { reason: 'no-allowed-partner', detail: `There is no ${otherRole} in this pilot to pair ${name} with.` };
    const options: Option[] = v.others.map((other, index) => ({ other, index, e: c.evaluation(v.cell(x, index)) }));
    const allowed = options.filter((a) => !a.e.forbiddenBy);
    if (allowed.length === 0) {
      const counts = new Map<HardRule, number>();
      for (const a of options) counts.set(a.e.forbiddenBy!, (counts.get(a.e.forbiddenBy!) ?? 0) + 1);
      const why = [...counts.entries()].map(([rule, n]) => `${ruleWords[rule]} (${n})`).join(', ');
      return { reason: 'no-allowed-partner', detail: `No ${otherRole} may be paired with ${name}: ${why}.` };
    }

    const top = best(allowed);
    if (o.mode === 'best-fit' && top.e.score <= 0) {
      return {
        reason: 'not-worth-it',
        detail: `No pair with ${name} scores above 0 under these weights (best: ${top.other.name}, ${top.e.score}). Choose “Most people paired” to pair them anyway.`,
      };
    }
    const placesLeft = (a: Option) => a.other.freeCapacity - v.otherPartners[a.index]!.length;
    const open = allowed.filter((a) => placesLeft(a) > 0);
    if (open.length > 0) {
      // Only "best total fit" leaves an allowed pair unmade while both have a place: it would not raise the total.
      const topOpen = best(open);
      return {
        reason: 'not-worth-it',
        detail: `${open.length === 1 ? `1 allowed ${otherRole} still has` : `${open.length} allowed ${otherRole}s still have`} a free place, but none scores above 0 with ${name} (best: ${topOpen.other.name}, ${topOpen.e.score}). Choose “Most people paired” to pair them anyway.`,
      };
    }

    // Every allowed partner is full. Were their places the matcher's to give?
    const given = allowed.filter((a) => v.otherPartners[a.index]!.some((p) => !p.pinned));
    if (given.length === 0) {
      const held = allowed.map((a) => {
        if (a.other.freeCapacity === 0) return `${a.other.name} (full with confirmed pairs)`;
        const pinnedTo = v.otherPartners[a.index]!.filter((p) => p.pinned).map((p) => v.people[p.other]!.name);
        return `${a.other.name} (pinned to ${namesInWords(pinnedTo)})`;
      });
      return { reason: 'capacity', detail: `No place is left with any ${otherRole} ${name} may be paired with: ${namesInWords(held)}.` };
    }

    const target = best(given);
    const s = target.e.score;
    const partnerWords = target === top ? `${name}’s best allowed partner` : `${name}’s best allowed partner not held by pins or confirmed pairs`;
    const rivals = v.otherPartners[target.index]!.filter((p) => !p.pinned).map((p) => p.other);
    const pin = side === 'mentee' ? `${name} – ${target.other.name}` : `${target.other.name} – ${name}`;
    const tie = (rival: number) =>
      `${partnerWords}, ${target.other.name}, scores ${s} with ${name} and the same with ${v.people[rival]!.name}, who was chosen: the total is equal either way. Pin ${pin} to choose ${name} instead.`;
    let why: string;
    if (o.mode === 'stable') {
      // The other side's own order decides: how much the target wants this person, and each rival.
      const wants = side === 'mentee' ? c.mentorPrefs : c.menteePrefs;
      const wanted = (p: number) => wants[v.cell(p, target.index)]!;
      const weakest = rivals.reduce((a, b) => (wanted(b) < wanted(a) ? b : a));
      if (wanted(weakest) === wanted(x)) {
        why = `${target.other.name} ranks ${name} and ${v.people[weakest]!.name} the same (no stated preference or chemistry answer between them, and the same score), and the tie went to ${v.people[weakest]!.name}. Pin ${pin} to choose ${name} instead.`;
      } else {
        const others = side === 'mentee' ? 'Every mentor' : 'Every mentee';
        why = `${others} ${name} may be paired with has filled their places with people they rank higher (their own stated preferences, chemistry answer, then score); the closest, ${target.other.name} (score ${s} with ${name}), is with ${namesInWords(rivals.map((r) => v.people[r]!.name))}.`;
      }
    } else {
      const scoreWith = (p: number) => c.scores[v.cell(p, target.index)]!;
      const weakest = rivals.reduce((a, b) => (scoreWith(b) < scoreWith(a) ? b : a));
      why =
        s < scoreWith(weakest) - 1e-9
          ? `${partnerWords}, ${target.other.name} (score ${s} with ${name}), is paired with ${v.people[weakest]!.name}, who scores higher with ${target.other.name} (${scoreWith(weakest)}).`
          : tie(weakest);
    }

    const { supply, demand, single } = placesOf(side);
    if (demand > supply) {
      const places = `${supply} ${otherRole} place${supply === 1 ? '' : 's'}`;
      const wanted = single ? `${demand} ${side}s` : `${demand} ${side} places`;
      const shortage = o.pinned.length > 0 ? `After pins, ${places} ${supply === 1 ? 'is' : 'are'} left for ${wanted}` : `There ${supply === 1 ? 'is' : 'are'} ${places} for ${wanted}`;
      return { reason: 'capacity', detail: `${shortage}, so not everyone can be paired. ${why}` };
    }
    return { reason: 'outscored', detail: why };
  };

  const out: Unpaired[] = [];
  for (const side of ['mentee', 'mentor'] as const) {
    sides[side].people.forEach((person, x) => {
      // Someone whose capacity is already filled by confirmed pairs, or who has a partner here, is not unpaired.
      if (person.freeCapacity === 0 || sides[side].partners[x]!.length > 0) return;
      out.push({ participantId: person.id, name: person.name, role: side, ...reasonFor(side, x) });
    });
  }
  return out.sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name));
}
