import type { ReadDb } from '../db/query';
import { AppError } from '../errors';
import { compareScores, effectWords, methodWords, suppressBreakdown, isSmall, type Cell } from '../stats';
import type { GroupAnalysis, GroupKey, ItemAnalysis, SurveyAnalysis, Wave } from '../../../shared/surveys/contract';
import type { ParticipantRole } from '../../../shared/participants/contract';
import { currentVersion, itemsOfVersions, versionItems, type VersionItem } from './instruments';
import { researchStandings, rolesOf, type SurveyPerson } from './people';
import { waveScores, waveVersions, type ScoredResponse } from './responses';

const isPoint = (score: unknown, points: number): score is number => Number.isInteger(score) && (score as number) >= 1 && (score as number) <= points;

/**
 * The paired comparison of two waves of one questionnaire, item by item: who answered the item in
 * both, their scores flipped where the item is reverse-scored (so higher is always better), the
 * signed-rank test on after − before, and every count passed through small-cell suppression.
 * Only people whose consent covers research use are counted; the others are counted by reason.
 */

/** The default comparison: the first "before" wave and the first "after" wave of the same questionnaire. */
function defaultPair(waves: Wave[]): [Wave, Wave] | undefined {
  for (const before of waves.filter((w) => w.kind === 'pre')) {
    const after = waves.find((w) => w.kind === 'post' && w.instrumentId === before.instrumentId);
    if (after) return [before, after];
  }
  for (const before of waves) {
    const after = waves.find((w) => w.id !== before.id && w.instrumentId === before.instrumentId && w.opensOn >= before.opensOn);
    if (after) return [before, after];
  }
  return undefined;
}

function chosenPair(waves: Wave[], beforeId: number | undefined, afterId: number | undefined): [Wave, Wave] | undefined {
  if (beforeId === undefined && afterId === undefined) return defaultPair(waves);
  const find = (id: number | undefined, field: string) => {
    const wave = waves.find((w) => w.id === id);
    if (!wave) {
      const message = id === undefined ? 'Choose both waves to compare.' : `Wave ${id} is not a wave of this pilot.`;
      throw new AppError('INVALID_INPUT', message, [{ path: [field], message }]);
    }
    return wave;
  };
  const before = find(beforeId, 'beforeWaveId');
  const after = find(afterId, 'afterWaveId');
  if (before.id === after.id) throw new AppError('INVALID_INPUT', 'Choose two different waves to compare.', [{ path: ['afterWaveId'], message: 'Choose a different wave' }]);
  if (before.instrumentId !== after.instrumentId) {
    throw new AppError('INVALID_INPUT', `“${before.title}” and “${after.title}” use different questionnaires, so their answers do not pair up. Choose two waves of the same questionnaire.`, [
      { path: ['afterWaveId'], message: 'Choose a wave of the same questionnaire' },
    ]);
  }
  return [before, after];
}

/** One item's paired scores, in parallel typed arrays (a whole university's answers without an object each). */
interface PairedScores {
  /** Oriented: flipped where reverse-scored, so higher is always better. */
  before: Uint8Array;
  after: Uint8Array;
  /** As answered, on the scale as presented: for the distributions. */
  beforeRaw: Uint8Array;
  afterRaw: Uint8Array;
  /** 1 for a mentor, 0 for a mentee. */
  mentor: Uint8Array;
}

/** The first `n` pairs, without copying. */
const prefix = (scores: PairedScores, n: number): PairedScores => ({
  before: scores.before.subarray(0, n),
  after: scores.after.subarray(0, n),
  beforeRaw: scores.beforeRaw.subarray(0, n),
  afterRaw: scores.afterRaw.subarray(0, n),
  mentor: scores.mentor.subarray(0, n),
});

/** The pairs of one role (a plain loop: typed-array `from` with a map function is slow in V8). */
function ofRole(scores: PairedScores, mentor: 0 | 1): PairedScores {
  let n = 0;
  for (const m of scores.mentor) if (m === mentor) n += 1;
  const out: PairedScores = { before: new Uint8Array(n), after: new Uint8Array(n), beforeRaw: new Uint8Array(n), afterRaw: new Uint8Array(n), mentor: new Uint8Array(n).fill(mentor) };
  for (let i = 0, k = 0; i < scores.mentor.length; i++) {
    if (scores.mentor[i] !== mentor) continue;
    out.before[k] = scores.before[i]!;
    out.after[k] = scores.after[i]!;
    out.beforeRaw[k] = scores.beforeRaw[i]!;
    out.afterRaw[k] = scores.afterRaw[i]!;
    k += 1;
  }
  return out;
}

function distribution(values: Uint8Array, points: number, threshold: number): Cell[] {
  const counts = new Array<number>(points).fill(0);
  for (const v of values) if (v >= 1 && v <= points) counts[v - 1]! += 1;
  return suppressBreakdown(counts, threshold);
}

function analyseGroup(group: GroupKey, scores: PairedScores, cell: Cell, points: number, threshold: number): GroupAnalysis {
  const n = scores.before.length;
  if (!('count' in cell) || n === 0) return { group, pairs: cell, result: null };
  const comparison = compareScores(scores.before, scores.after);
  const [improved, same, worse] = suppressBreakdown([comparison.improved, comparison.same, comparison.worse], threshold) as [Cell, Cell, Cell];
  return {
    group,
    pairs: cell,
    result: {
      medianBefore: comparison.medianBefore,
      medianAfter: comparison.medianAfter,
      improved,
      same,
      worse,
      statistic: comparison.test.statistic,
      pvalue: comparison.test.pvalue,
      method: comparison.test.method,
      methodWords: methodWords[comparison.test.method],
      effectSize: comparison.effectSize,
      effectWords: effectWords(comparison.effectSize),
      before: distribution(scores.beforeRaw, points, threshold),
      after: distribution(scores.afterRaw, points, threshold),
    },
  };
}

export function analyseWaves(db: ReadDb, pilotId: number, waves: Wave[], threshold: number, beforeId?: number, afterId?: number): SurveyAnalysis {
  const refs = waves.map((w) => ({ id: w.id, title: w.title, kind: w.kind, instrumentId: w.instrumentId }));
  const pair = chosenPair(waves, beforeId, afterId);
  const empty = { counted: 0, noConsent: 0, withdrawn: 0, oneWave: 0 };
  if (!pair) return { threshold, waves: refs, comparison: null, people: empty, items: [] };
  const [before, after] = pair;

  const standings = researchStandings(db, pilotId);
  const beforeResponses = waveScores(db, before.id);
  const afterResponses = new Map(waveScores(db, after.id).map((r) => [r.participantId, r]));
  const beforeVersions = waveVersions(db, before.id);
  const afterVersions = waveVersions(db, after.id);
  const versions = itemsOfVersions(db, [...new Set([...beforeVersions, ...afterVersions])]);

  // Everyone with a response in either wave, sorted by why they are or are not counted.
  const people = { ...empty };
  const inBoth: { person: SurveyPerson; before: ScoredResponse; after: ScoredResponse }[] = [];
  const seen = new Set<number>();
  const classify = (participantId: number, both: boolean) => {
    const person = standings.get(participantId);
    if (!person) return;
    if (person.standing === 'withdrawn') people.withdrawn += 1;
    else if (person.standing === 'no-consent') people.noConsent += 1;
    else if (!both) people.oneWave += 1;
    else people.counted += 1;
  };
  for (const response of beforeResponses) {
    seen.add(response.participantId);
    const later = afterResponses.get(response.participantId);
    classify(response.participantId, later !== undefined);
    const person = standings.get(response.participantId);
    if (later && person?.standing === 'covered') inBoth.push({ person, before: response, after: later });
  }
  for (const participantId of afterResponses.keys()) if (!seen.has(participantId)) classify(participantId, false);

  // The items to compare: Likert statements answered in both waves' versions, in the current questionnaire's order.
  const currentOrder = versionItems(db, currentVersion(db, before.instrumentId).id).map((i) => i.id);
  const versionOrder = [...versions.keys()].sort((a, b) => a - b);
  // The wordings a wave's answers were given with, oldest version first.
  const wordings = (waveVersionIds: number[], itemId: number) =>
    [...new Set(versionOrder.filter((v) => waveVersionIds.includes(v) && versions.get(v)!.has(itemId)).map((v) => versions.get(v)!.get(itemId)!.text))];
  const latestLikert = new Map<number, VersionItem>();
  for (const v of versionOrder) for (const item of versions.get(v)!.values()) if (item.kind === 'likert') latestLikert.set(item.id, item);
  const order = (id: number) => {
    const at = currentOrder.indexOf(id);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const itemIds = [...latestLikert.keys()].sort((a, b) => order(a) - order(b) || a - b);

  const items: ItemAnalysis[] = [];
  for (const itemId of itemIds) {
    const shape = latestLikert.get(itemId)!;
    const points = shape.options.length;
    // Per version: whether the item is there as a Likert statement on the same scale, and flipped (0 = not comparable).
    const flip = new Map<number, number>();
    for (const [versionId, vItems] of versions) {
      const item = vItems.get(itemId);
      // Answers on a different number of points would not compare (editing refuses such a change).
      if (item?.kind === 'likert' && item.options.length === points) flip.set(versionId, item.reverseScored ? points + 1 : 0);
    }
    const scores: PairedScores = { before: new Uint8Array(inBoth.length), after: new Uint8Array(inBoth.length), beforeRaw: new Uint8Array(inBoth.length), afterRaw: new Uint8Array(inBoth.length), mentor: new Uint8Array(inBoth.length) };
    let n = 0;
    for (const { person, before: b, after: a } of inBoth) {
      const flipBefore = flip.get(b.versionId);
      const flipAfter = flip.get(a.versionId);
      const scoreBefore = b.scores[itemId];
      const scoreAfter = a.scores[itemId];
      if (flipBefore === undefined || flipAfter === undefined || !isPoint(scoreBefore, points) || !isPoint(scoreAfter, points)) continue;
      // Reverse-scored (in the version answered): flipped, so a higher score is always the better answer.
      scores.before[n] = flipBefore ? flipBefore - scoreBefore : scoreBefore;
      scores.after[n] = flipAfter ? flipAfter - scoreAfter : scoreAfter;
      scores.beforeRaw[n] = scoreBefore;
      scores.afterRaw[n] = scoreAfter;
      scores.mentor[n] = person.role === 'mentor' ? 1 : 0;
      n += 1;
    }
    const pairs = prefix(scores, n);
    const beforeWordings = wordings(beforeVersions, itemId);
    const afterWordings = wordings(afterVersions, itemId);
    if (beforeWordings.length === 0 || afterWordings.length === 0) continue; // not asked in both waves
    const changed = beforeWordings.length !== afterWordings.length || beforeWordings.some((t) => !afterWordings.includes(t));

    const roles = rolesOf(shape.audience).filter((role) => rolesOf(before.audience).includes(role) && rolesOf(after.audience).includes(role));
    if (roles.length === 0) continue; // nobody the item is for was asked in both waves
    const whole: Cell = isSmall(n, threshold) ? { hidden: 'small' } : { count: n };
    const roleKey = (role: ParticipantRole): GroupKey => (role === 'mentor' ? 'mentors' : 'mentees');
    // An item for one role is that role's group; an item for both has everyone, then each role.
    const groups: GroupAnalysis[] = [analyseGroup(roles.length === 2 ? 'everyone' : roleKey(roles[0]!), pairs, whole, points, threshold)];
    if (roles.length === 2) {
      const mentors = ofRole(pairs, 1);
      const mentees = ofRole(pairs, 0);
      // Mentors and mentees add up to everyone: a small group hides the other too, or it could be worked out.
      const [mentorCell, menteeCell] = suppressBreakdown([mentors.before.length, mentees.before.length], threshold) as [Cell, Cell];
      groups.push(analyseGroup('mentors', mentors, mentorCell, points, threshold), analyseGroup('mentees', mentees, menteeCell, points, threshold));
    }
    items.push({
      itemId,
      text: shape.text,
      audience: shape.audience,
      reverseScored: shape.reverseScored,
      labels: shape.options,
      wordingChanged: changed ? { before: beforeWordings, after: afterWordings } : null,
      groups,
    });
  }
  const ref = (w: Wave) => ({ id: w.id, title: w.title, kind: w.kind, instrumentId: w.instrumentId });
  return { threshold, waves: refs, comparison: { before: ref(before), after: ref(after) }, people, items };
}
