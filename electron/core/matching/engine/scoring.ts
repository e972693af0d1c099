import { slotLabel } from '../../../../shared/participants/availability';
import type { Explanation } from '../../../../shared/matching/contract';
import { ordinal } from '../../../../shared/matching/words';
import type { ChemistryAnswer, PairEvaluation, PairingInput, Person } from './types';
import { pairKey } from './types';

const round = (n: number) => Math.round(n * 10) / 10;
const lower = (values: string[]) => new Set(values.map((v) => v.toLowerCase()));

/** yes+yes is the best start; a "no" from either side forbids the pair outright (handled as a hard rule). */
const chemistryValue: Record<string, number> = { 'yes:yes': 1, 'yes:maybe': 0.6, 'maybe:yes': 0.6, 'maybe:maybe': 0.3 };

function chemistry(answer: ChemistryAnswer | undefined, mentor: Person, mentee: Person): { value: number; detail: string } {
  if (!answer) return { value: 0, detail: 'no chemistry meeting between them' };
  if (!answer.happened) return { value: 0, detail: 'their chemistry meeting did not take place' };
  const m = answer.mentor ?? 'maybe';
  const e = answer.mentee ?? 'maybe';
  const said = (who: Person, w: string | null) => (w ? `${who.name} said ${w}` : `${who.name} has not answered`);
  const detail = answer.mentor === 'yes' && answer.mentee === 'yes' ? 'both said yes' : `${said(mentor, answer.mentor)}; ${said(mentee, answer.mentee)}`;
  return { value: chemistryValue[`${m}:${e}`] ?? 0, detail };
}

/** A preference ranked 1st is worth 1, each rank below it less; the mentee's choice counts most. */
function rankValue(rank: number): number {
  return rank <= 0 ? 0 : Math.max(0.2, 1 - 0.2 * (rank - 1));
}

function preferences(mentor: Person, mentee: Person): { value: number; detail: string } {
  const menteeRank = mentee.preferences.indexOf(mentor.id) + 1;
  const mentorRank = mentor.preferences.indexOf(mentee.id) + 1;
  // "One-to-one mentoring works when mentees choose their mentors" (Leeds review): 60/40.
  const value = 0.6 * rankValue(menteeRank) + 0.4 * rankValue(mentorRank);
  if (!menteeRank && !mentorRank) return { value, detail: 'neither listed the other' };
  const parts = [
    menteeRank ? `${mentee.name} ranked ${mentor.name} ${ordinal(menteeRank)}` : `${mentee.name} did not list ${mentor.name}`,
    mentorRank ? `${mentor.name} ranked ${mentee.name} ${ordinal(mentorRank)}` : `${mentor.name} did not list ${mentee.name}`,
  ];
  return { value, detail: parts.join('; ') };
}

/** "First in family to university" → "first in family to university"; "LGBTQ+" stays as it is. */
const inSentence = (characteristic: string) => (/^\p{Lu}\p{Ll}/u.test(characteristic) ? characteristic[0]!.toLowerCase() + characteristic.slice(1) : characteristic);

function difference(chosen: string[], mentor: Person, mentee: Person): { value: number; detail: string } {
  const a = lower(mentor.characteristics);
  const b = lower(mentee.characteristics);
  const differ = chosen.filter((c) => a.has(c.toLowerCase()) !== b.has(c.toLowerCase()));
  const alike = chosen.filter((c) => !differ.includes(c));
  // Say who has it: "Amara is first in family to university, Helen is not".
  const who = differ.map((c) => {
    const [has, hasNot] = a.has(c.toLowerCase()) ? [mentor, mentee] : [mentee, mentor];
    return `${has.name} is ${inSentence(c)}, ${hasNot.name} is not`;
  });
  const parts = [...who, alike.length ? `alike on ${alike.join(', ')}` : ''].filter(Boolean);
  return { value: differ.length / chosen.length, detail: parts.join('; ') };
}

function topics(mentor: Person, mentee: Person): { value: number; detail: string } {
  if (mentor.topics.length === 0 || mentee.topics.length === 0) return { value: 0, detail: 'topics not given by both' };
  const theirs = lower(mentee.topics);
  const shared = mentor.topics.filter((t) => theirs.has(t.toLowerCase()));
  // Overlap relative to the shorter list: one topic in common out of two matters as much as two of four.
  const value = shared.length / Math.min(mentor.topics.length, mentee.topics.length);
  return { value: Math.min(1, value), detail: shared.length ? `shared topics: ${shared.join(', ')}` : 'no topic in common' };
}

function availability(mentor: Person, mentee: Person): { value: number; detail: string; known: boolean; shared: number } {
  if (mentor.availability.length === 0 || mentee.availability.length === 0) return { value: 0, detail: 'availability not given by both', known: false, shared: 0 };
  const theirs = new Set(mentee.availability);
  const shared = mentor.availability.filter((s) => theirs.has(s));
  const value = Math.min(1, shared.length / Math.min(2, mentor.availability.length, mentee.availability.length));
  const detail = shared.length ? `free at the same time: ${shared.map(slotLabel).join(', ')}` : 'no time they are both free';
  return { value, detail, known: true, shared: shared.length };
}

/**
 * Scores one mentor–mentee pair under the scheme's weights and hard rules. Each criterion adds
 * weight × value (value in 0…1) and explains itself in words; a hard rule forbids the pair.
 */
export function evaluatePair(input: PairingInput, mentor: Person, mentee: Person): PairEvaluation {
  const { settings } = input;
  const key = pairKey(mentor.id, mentee.id);
  const answer = input.chemistry.get(key);
  const explanation: Explanation[] = [];
  const add = (criterion: Explanation['criterion'], max: number, value: number, detail: string) => {
    if (max > 0) explanation.push({ criterion, points: round(max * value), max, detail });
  };

  const chem = chemistry(answer, mentor, mentee);
  add('chemistry', settings.weights.chemistry, chem.value, chem.detail);
  const pref = preferences(mentor, mentee);
  add('preferences', settings.weights.preferences, pref.value, pref.detail);
  if (settings.differenceCharacteristics.length > 0) {
    const diff = difference(settings.differenceCharacteristics, mentor, mentee);
    add('difference', settings.weights.difference, diff.value, diff.detail);
  }
  const top = topics(mentor, mentee);
  add('topics', settings.weights.topics, top.value, top.detail);
  const avail = availability(mentor, mentee);
  add('availability', settings.weights.availability, avail.value, avail.detail);
  const score = round(explanation.reduce((sum, e) => sum + e.points, 0));

  const forbid = (rule: PairEvaluation['forbiddenBy'], detail: string): PairEvaluation => ({ forbiddenBy: rule, forbiddenDetail: detail, score, explanation });
  if (input.current.has(key)) return forbid('already-paired', 'already a confirmed pair');
  if (answer?.mentor === 'no' || answer?.mentee === 'no') return forbid('chemistry-no', `${answer.mentor === 'no' ? mentor.name : mentee.name} said no after their chemistry meeting`);
  const conflict = input.conflicts.get(key);
  if (conflict) return forbid('conflict', `conflict of interest: ${mentee.name} ${conflict} ${mentor.name}`);
  if (input.rules.get(key) === 'forbid') return forbid('forbidden', 'you forbade this pair');
  if (!settings.allowSameDepartment && mentor.department && mentor.department.toLowerCase() === mentee.department.toLowerCase()) {
    return forbid('same-department', `both in ${mentor.department}, and the scheme pairs across departments`);
  }
  if (settings.requireAvailabilityOverlap && avail.known && avail.shared === 0) return forbid('no-shared-availability', 'never free at the same time');
  return { forbiddenBy: null, forbiddenDetail: '', score, explanation };
}
