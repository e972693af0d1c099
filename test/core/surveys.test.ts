import { beforeEach, describe, expect, it } from 'vitest';
import { unlockedCore, tempDir, expectError, expectOk } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { withVault } from '../helpers/temp-dir';
import { surveyPilot, templateWaves, TODAY } from '../helpers/surveys';
import { comparePairs } from '../../electron/core/stats';
import type { HandlerRegistry } from '../../electron/core';
import type { Instrument } from '../../shared/surveys/contract';

let registry: HandlerRegistry;
let session: Awaited<ReturnType<typeof unlockedCore>>['session'];

beforeEach(withVault((core) => ({ registry, session } = core), { prefix: 'reciprocal-surveys-', now: () => new Date(`${TODAY}T10:00:00Z`), timeZone: 'Europe/London' }));

const itemId = (instrument: Instrument, text: string) => instrument.items.find((i) => i.text.startsWith(text))!.id;
const count = (table: string) => (session.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);

/** One person's answers by item text prefix: Likert points as presented (1 = Strongly disagree). */
async function answer(waveId: number, participantId: number, instrument: Instrument, scores: Record<string, number>, texts: Record<string, string> = {}) {
  const answers = [
    ...Object.entries(scores).map(([text, score]) => ({ itemId: itemId(instrument, text), score })),
    ...Object.entries(texts).map(([text, value]) => ({ itemId: itemId(instrument, text), text: value })),
  ];
  return ok(registry, 'surveys.saveResponse', { waveId, participantId, answers });
}

describe('questionnaires and versions', () => {
  it('starts from the scheme template: statements for students and for staff, 5-point scales, one reverse-scored', async () => {
    const { pilotId } = await surveyPilot(registry, { mentors: 1, mentees: 1 });
    const instrument = await ok(registry, 'surveys.createInstrument', { pilotId, title: 'Belonging survey', template: 'scheme' });
    expect(instrument.version).toBe(1);
    expect(instrument.items.map((i) => i.text)).toContain('I feel I belong at this university');
    expect(instrument.items.find((i) => i.text === 'I feel I belong at this university')).toMatchObject({ kind: 'likert', audience: 'mentors', options: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] });
    expect(instrument.items.find((i) => i.text.startsWith('I know how my decisions'))!.audience).toBe('mentees');
    expect(instrument.items.filter((i) => i.reverseScored)).toHaveLength(1);
    expect(instrument.nextChangeMakesVersion).toBe(false);
  });

  it('edits in place until there are responses; then an edit makes a new version and the old wording is kept and shown', async () => {
    const { pilotId, people } = await surveyPilot(registry, { mentors: 1, mentees: 0 });
    const { instrument, pre } = await templateWaves(registry, pilotId);
    const belong = itemId(instrument, 'I feel I belong');
    const edited = await ok(registry, 'surveys.updateItem', { instrumentId: instrument.id, itemId: belong, item: { kind: 'likert', text: 'I feel I belong here', audience: 'mentors' } });
    expect(edited.version).toBe(1);

    await answer(pre.id, people[0]!.id, edited, { 'I feel I belong here': 2 });
    const locked = await ok(registry, 'surveys.instrument', { instrumentId: instrument.id });
    expect(locked.nextChangeMakesVersion).toBe(true);
    const v2 = await ok(registry, 'surveys.updateItem', { instrumentId: instrument.id, itemId: belong, item: { kind: 'likert', text: 'I feel I belong at this university', audience: 'mentors' } });
    expect(v2.version).toBe(2);
    expect(v2.versions.map((v) => [v.number, v.responses])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(v2.items.find((i) => i.id === belong)).toMatchObject({ text: 'I feel I belong at this university', answered: true, earlierWordings: [{ version: 1, text: 'I feel I belong here' }] });
    // The response recorded under version 1 still shows the wording it was given with.
    const response = await ok(registry, 'surveys.response', { waveId: pre.id, participantId: people[0]!.id });
    expect(response.version).toBe(1);
    expect(response.items.find((i) => i.id === belong)!.text).toBe('I feel I belong here');
    // A second edit of version 2 (no responses yet) stays in version 2.
    expect((await ok(registry, 'surveys.moveItem', { instrumentId: instrument.id, itemId: belong, direction: 'down' })).version).toBe(2);
  });

  it('refuses changes that would make answers incomparable: another kind, or another number of points', async () => {
    const { pilotId, people } = await surveyPilot(registry, { mentors: 1, mentees: 0 });
    const { instrument, pre } = await templateWaves(registry, pilotId);
    const belong = itemId(instrument, 'I feel I belong');
    await answer(pre.id, people[0]!.id, instrument, { 'I feel I belong': 4 });
    const before = count('survey_versions');
    const kind = expectError(await registry.call('surveys.updateItem', { instrumentId: instrument.id, itemId: belong, item: { kind: 'text', text: 'I feel I belong', audience: 'mentors' } }), 'INVALID_INPUT');
    expect(kind.message).toContain('kind cannot change');
    const points = expectError(
      await registry.call('surveys.updateItem', { instrumentId: instrument.id, itemId: belong, item: { kind: 'likert', text: 'I feel I belong', audience: 'mentors', options: ['No', 'Somewhat', 'Yes'] } }),
      'INVALID_INPUT',
    );
    expect(points.message).toContain('5 points');
    expect(count('survey_versions')).toBe(before); // nothing changed, not even a new version
    // Relabelling the same five points is fine.
    const relabelled = await ok(registry, 'surveys.updateItem', {
      instrumentId: instrument.id,
      itemId: belong,
      item: { kind: 'likert', text: 'I feel I belong at this university', audience: 'mentors', options: ['Not at all', 'A little', 'Somewhat', 'Mostly', 'Completely'] },
    });
    expect(relabelled.version).toBe(2);
  });

  it('validates items with messages a coordinator understands', async () => {
    const { pilotId } = await surveyPilot(registry, { mentors: 1, mentees: 0 });
    const instrument = await ok(registry, 'surveys.createInstrument', { pilotId, title: 'Blank', template: 'blank' });
    expect(instrument.items).toEqual([]);
    const tooFew = expectError(await registry.call('surveys.addItem', { instrumentId: instrument.id, item: { kind: 'choice', text: 'Where did you meet?', options: ['Campus'] } }), 'INVALID_INPUT');
    expect(tooFew.issues?.[0]?.message).toBe('Give at least 2 choices');
    const reversedText = expectError(await registry.call('surveys.addItem', { instrumentId: instrument.id, item: { kind: 'text', text: 'Anything else?', reverseScored: true } }), 'INVALID_INPUT');
    expect(reversedText.issues?.[0]?.message).toBe('Only a Likert statement can be reverse-scored');
    const twice = expectError(await registry.call('surveys.addItem', { instrumentId: instrument.id, item: { kind: 'choice', text: 'Where?', options: ['Campus', ' campus '] } }), 'INVALID_INPUT');
    expect(twice.issues?.[0]?.message).toBe('Each label must be different');
    expect(count('survey_items')).toBe(0);
  });

  it('keeps a questionnaire that a wave uses, and a wave that has responses', async () => {
    const { pilotId, people } = await surveyPilot(registry, { mentors: 1, mentees: 0 });
    const { instrument, pre } = await templateWaves(registry, pilotId);
    expect(expectError(await registry.call('surveys.deleteInstrument', { instrumentId: instrument.id }), 'CONFLICT').message).toContain('Before (autumn)');
    await answer(pre.id, people[0]!.id, instrument, { 'I feel I belong': 4 });
    expect(expectError(await registry.call('surveys.deleteWave', { waveId: pre.id }), 'CONFLICT').message).toContain('has a response');
    expect(expectError(await registry.call('surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'post', title: 'x', audience: 'both', opensOn: '2026-10-02', closesOn: '2026-10-01' } }), 'INVALID_INPUT').issues?.[0]).toMatchObject({
      path: ['wave', 'closesOn'],
    });
  });
});

describe('responses entered by hand', () => {
  it('records answers per person and wave; refuses answers out of range or to items not asked of them, changing nothing', async () => {
    const { pilotId, people } = await surveyPilot(registry, { mentors: 1, mentees: 1 });
    const { instrument, pre } = await templateWaves(registry, pilotId);
    const student = people[0]!;
    const saved = await answer(pre.id, student.id, instrument, { 'I feel I belong': 2, 'Staff understand': 1 }, { 'What, if anything': 'Not much yet.' });
    expect(saved.source).toBe('entered');
    expect(saved.participant.code).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(saved.answers!.find((a) => a.itemId === itemId(instrument, 'I feel I belong'))!.score).toBe(2);

    const before = count('survey_responses');
    const outOfRange = expectError(await registry.call('surveys.saveResponse', { waveId: pre.id, participantId: student.id, answers: [{ itemId: itemId(instrument, 'I feel I belong'), score: 6 }] }), 'INVALID_INPUT');
    expect(outOfRange.issues).toEqual([{ path: ['answers', 0, 'score'], message: '“I feel I belong at this university” has 5 points; 6 is not one of them' }]);
    const staffItem = expectError(await registry.call('surveys.saveResponse', { waveId: pre.id, participantId: student.id, answers: [{ itemId: itemId(instrument, 'I know how my decisions'), score: 3 }] }), 'INVALID_INPUT');
    expect(staffItem.issues?.[0]?.path).toEqual(['answers', 0, 'itemId']);
    expect(expectError(await registry.call('surveys.saveResponse', { waveId: pre.id, participantId: student.id, answers: [] }), 'INVALID_INPUT').message).toContain('at least one answer');
    expect(count('survey_responses')).toBe(before);
    expect((await ok(registry, 'surveys.response', { waveId: pre.id, participantId: student.id })).answers!.find((a) => a.itemId === itemId(instrument, 'I feel I belong'))!.score).toBe(2);
  });

  it('withdrawal: no new answers for a withdrawn person, but their response can still be removed', async () => {
    const { pilotId, people } = await surveyPilot(registry, { mentors: 2, mentees: 0 });
    const { instrument, pre } = await templateWaves(registry, pilotId);
    await answer(pre.id, people[0]!.id, instrument, { 'I feel I belong': 3 });
    await ok(registry, 'consent.withdraw', { id: people[0]!.consentId, withdrawnOn: TODAY, reason: 'Asked to leave (test).', withdrawParticipant: true });
    expect(expectError(await registry.call('surveys.saveResponse', { waveId: pre.id, participantId: people[0]!.id, answers: [{ itemId: itemId(instrument, 'I feel I belong'), score: 4 }] }), 'INVALID_TRANSITION').message).toContain('withdrawn');
    const list = await ok(registry, 'surveys.respondents', { waveId: pre.id });
    expect(list.rows.map((r) => [r.name, r.answered, r.status])).toEqual([
      ['Student 1', true, 'withdrawn'],
      ['Student 2', false, 'interested'],
    ]);
    expect(list.invited).toBe(1);
    await ok(registry, 'surveys.deleteResponse', { waveId: pre.id, participantId: people[0]!.id });
    expect((await ok(registry, 'surveys.respondents', { waveId: pre.id })).rows.map((r) => r.name)).toEqual(['Student 2']);
  });

  it('a wave for staff only refuses a student', async () => {
    const { pilotId, people } = await surveyPilot(registry, { mentors: 1, mentees: 1 });
    const { instrument } = await templateWaves(registry, pilotId);
    const staffWave = await ok(registry, 'surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'follow-up', title: 'Staff follow-up', audience: 'mentees', opensOn: '2027-01-10', closesOn: '2027-01-31' } });
    expect(staffWave.state).toBe('upcoming');
    expect(staffWave.invited).toBe(1);
    const refused = expectError(await registry.call('surveys.response', { waveId: staffWave.id, participantId: people[0]!.id }), 'INVALID_INPUT');
    expect(refused.message).toContain('for mentees only');
  });
});

describe('analysis', () => {
  /**
   * Twelve students and eight staff answer before and after. Students' belonging rises for most;
   * staff understanding barely moves; the reverse-scored staff statement ("hard to talk") falls, which is better.
   */
  async function answeredWorld(options: { noResearch?: number[] } = {}) {
    const world = await surveyPilot(registry, { mentors: 12, mentees: 8, noResearch: options.noResearch ?? [] });
    const waves = await templateWaves(registry, world.pilotId);
    const { instrument, pre, post } = waves;
    const students = world.people.filter((p) => p.role === 'mentor');
    const staff = world.people.filter((p) => p.role === 'mentee');
    const belongBefore = [2, 2, 3, 1, 3, 2, 4, 3, 2, 3, 2, 3];
    const belongAfter = [4, 3, 4, 3, 3, 4, 4, 4, 3, 4, 2, 5];
    for (const [i, s] of students.entries()) {
      await answer(pre.id, s.id, instrument, { 'I feel I belong': belongBefore[i]!, 'Staff understand': 3 });
      await answer(post.id, s.id, instrument, { 'I feel I belong': belongAfter[i]!, 'Staff understand': 3 });
    }
    const hardBefore = [4, 4, 5, 3, 4, 4, 3, 4];
    const hardAfter = [2, 3, 3, 3, 2, 4, 2, 2];
    for (const [i, s] of staff.entries()) {
      await answer(pre.id, s.id, instrument, { 'I find it hard': hardBefore[i]!, 'I understand the challenges': 3 + (i % 2) });
      await answer(post.id, s.id, instrument, { 'I find it hard': hardAfter[i]!, 'I understand the challenges': 4 - (i % 3 === 0 ? 1 : 0) });
    }
    return { ...world, ...waves, students, staff, belongBefore, belongAfter, hardBefore, hardAfter };
  }

  it('compares pre and post per item with the same function as the CLI: paired n, medians, changes, exact test, effect size', async () => {
    const w = await answeredWorld();
    const analysis = await ok(registry, 'surveys.analysis', { pilotId: w.pilotId });
    expect(analysis.comparison).toMatchObject({ before: { id: w.pre.id }, after: { id: w.post.id } });
    expect(analysis.people).toEqual({ counted: 20, noConsent: 0, withdrawn: 0, oneWave: 0 });
    const belong = analysis.items.find((i) => i.text === 'I feel I belong at this university')!;
    expect(belong.groups.map((g) => g.group)).toEqual(['mentors']);
    const expected = comparePairs(w.belongBefore.map((b, i) => [b, w.belongAfter[i]!] as const));
    expect(belong.groups[0]).toMatchObject({
      pairs: { count: 12 },
      result: {
        medianBefore: expected.medianBefore,
        medianAfter: expected.medianAfter,
        worse: { count: 0 },
        pvalue: expected.test.pvalue,
        statistic: expected.test.statistic,
        method: 'exact',
        effectSize: expected.effectSize,
      },
    });
    expect([expected.improved, expected.same, expected.worse]).toEqual([9, 3, 0]);
    // 3 stayed the same: small, so hidden ("fewer than 5"); alone it could be worked out from the 12, so the 9 goes too.
    expect(belong.groups[0]!.result).toMatchObject({ improved: { hidden: 'complement' }, same: { hidden: 'small' } });
    expect(belong.groups[0]!.result!.effectWords).toMatch(/^a large effect: answers were higher after$/);
  });

  it('flips reverse-scored items before analysis: less "hard to talk" is an improvement', async () => {
    const w = await answeredWorld();
    const analysis = await ok(registry, 'surveys.analysis', { pilotId: w.pilotId });
    const hard = analysis.items.find((i) => i.text.startsWith('I find it hard'))!;
    expect(hard.reverseScored).toBe(true);
    const result = hard.groups[0]!.result!;
    expect(result.effectSize!).toBeGreaterThan(0);
    expect(result.medianBefore).toBe(6 - 4); // raw median 4 flipped on a 5-point scale
    // The distributions stay on the scale as presented: before, 2 neither, 5 agreed, 1 strongly agreed. The 2 and
    // the 1 are small; together 3 < 5 would still pin them down, so the 5 is hidden too.
    expect(result.before).toEqual([{ count: 0 }, { count: 0 }, { hidden: 'small' }, { hidden: 'complement' }, { hidden: 'small' }]);
    // After: 4 disagreed, 3 neither, 1 agreed: all small, together 8, so nothing more needs hiding.
    expect(result.after).toEqual([{ count: 0 }, { hidden: 'small' }, { hidden: 'small' }, { hidden: 'small' }, { count: 0 }]);
  });

  it('counts only people whose consent covers research use, and says how many were left out and why', async () => {
    // People 0 and 12 (a student and a member of staff) did not agree to research use.
    const w = await answeredWorld({ noResearch: [0, 12] });
    await ok(registry, 'participants.transition', { id: w.students[1]!.id, to: 'withdrawn', reason: 'Left the university (test).' });
    // A student who answered only before.
    const late = await ok(registry, 'participants.create', { pilotId: w.pilotId, participant: { name: 'Student late', email: 'late@example.ac.uk', role: 'mentor' } });
    await ok(registry, 'consent.record', { participantId: late.id, formId: w.formId, givenOn: '2026-09-20', choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: false } });
    await answer(w.pre.id, late.id, w.instrument, { 'I feel I belong': 2 });
    const analysis = await ok(registry, 'surveys.analysis', { pilotId: w.pilotId });
    expect(analysis.people).toEqual({ counted: 17, noConsent: 2, withdrawn: 1, oneWave: 1 });
    const belong = analysis.items.find((i) => i.text === 'I feel I belong at this university')!;
    expect(belong.groups[0]!.pairs).toEqual({ count: 10 });
  });

  it('suppresses small groups: under the threshold no statistic; by role, a small group hides the other', async () => {
    const w = await answeredWorld();
    // A statement for both roles answered by 6 students and 3 staff: staff are too few, so students are hidden too.
    const both = await ok(registry, 'surveys.addItem', { instrumentId: w.instrument.id, item: { kind: 'likert', text: 'The scheme was worth my time', audience: 'both' } });
    const worth = both.items.find((i) => i.text === 'The scheme was worth my time')!.id;
    expect(both.version).toBe(2);
    const pre2 = await ok(registry, 'surveys.createWave', { pilotId: w.pilotId, wave: { instrumentId: w.instrument.id, kind: 'pre', title: 'Mid-point', audience: 'both', opensOn: '2026-11-02', closesOn: '2026-11-03' } });
    const post2 = await ok(registry, 'surveys.createWave', { pilotId: w.pilotId, wave: { instrumentId: w.instrument.id, kind: 'follow-up', title: 'Later', audience: 'both', opensOn: '2026-11-04', closesOn: '2026-11-05' } });
    for (const p of [...w.students.slice(0, 6), ...w.staff.slice(0, 3)]) {
      await ok(registry, 'surveys.saveResponse', { waveId: pre2.id, participantId: p.id, answers: [{ itemId: worth, score: 3 }] });
      await ok(registry, 'surveys.saveResponse', { waveId: post2.id, participantId: p.id, answers: [{ itemId: worth, score: 4 }] });
    }
    const analysis = await ok(registry, 'surveys.analysis', { pilotId: w.pilotId, beforeWaveId: pre2.id, afterWaveId: post2.id });
    const item = analysis.items.find((i) => i.itemId === worth)!;
    expect(item.groups.map((g) => [g.group, g.pairs, g.result === null])).toEqual([
      ['everyone', { count: 9 }, false],
      ['mentors', { hidden: 'complement' }, true],
      ['mentees', { hidden: 'small' }, true],
    ]);
    // Raising the threshold to 10 hides everyone too.
    await ok(registry, 'surveys.setThreshold', { pilotId: w.pilotId, threshold: 10 });
    const stricter = await ok(registry, 'surveys.analysis', { pilotId: w.pilotId, beforeWaveId: pre2.id, afterWaveId: post2.id });
    expect(stricter.items.find((i) => i.itemId === worth)!.groups[0]).toEqual({ group: 'everyone', pairs: { hidden: 'small' }, result: null });
    expect(expectError(await registry.call('surveys.setThreshold', { pilotId: w.pilotId, threshold: 2 }), 'INVALID_INPUT').message).toContain('never below 3');
  });

  it('matches items across versions and shows a changed wording', async () => {
    const w = await answeredWorld();
    const belong = itemId(w.instrument, 'I feel I belong');
    // Post answers were given under version 1; change the wording (version 2) and re-record one post response under it.
    await ok(registry, 'surveys.updateItem', { instrumentId: w.instrument.id, itemId: belong, item: { kind: 'likert', text: 'I feel I belong at this university now', audience: 'mentors' } });
    await ok(registry, 'surveys.deleteResponse', { waveId: w.post.id, participantId: w.students[0]!.id });
    await ok(registry, 'surveys.saveResponse', { waveId: w.post.id, participantId: w.students[0]!.id, answers: [{ itemId: belong, score: 4 }] });
    expect((await ok(registry, 'surveys.response', { waveId: w.post.id, participantId: w.students[0]!.id })).version).toBe(2);
    const analysis = await ok(registry, 'surveys.analysis', { pilotId: w.pilotId });
    const item = analysis.items.find((i) => i.itemId === belong)!;
    expect(item.text).toBe('I feel I belong at this university now');
    expect(item.wordingChanged).toEqual({ before: ['I feel I belong at this university'], after: ['I feel I belong at this university', 'I feel I belong at this university now'] });
    expect(item.groups[0]!.pairs).toEqual({ count: 12 });
  });

  it('refuses to compare waves of different questionnaires, or a wave with itself', async () => {
    const w = await answeredWorld();
    const other = await ok(registry, 'surveys.createInstrument', { pilotId: w.pilotId, title: 'Other', template: 'blank' });
    const otherWave = await ok(registry, 'surveys.createWave', { pilotId: w.pilotId, wave: { instrumentId: other.id, kind: 'post', title: 'Other wave', audience: 'both', opensOn: '2026-11-01', closesOn: '2026-11-02' } });
    expect(expectError(await registry.call('surveys.analysis', { pilotId: w.pilotId, beforeWaveId: w.pre.id, afterWaveId: otherWave.id }), 'INVALID_INPUT').message).toContain('different questionnaires');
    expect(expectError(await registry.call('surveys.analysis', { pilotId: w.pilotId, beforeWaveId: w.pre.id, afterWaveId: w.pre.id }), 'INVALID_INPUT').message).toContain('two different waves');
  });

  it('lists free text with pseudonym codes only where consent covers research use', async () => {
    const w = await surveyPilot(registry, { mentors: 3, mentees: 0, noResearch: [1] });
    const { instrument, post } = await templateWaves(registry, w.pilotId);
    for (const [i, p] of w.people.entries()) await answer(post.id, p.id, instrument, { 'I feel I belong': 4 }, { 'What, if anything': `Answer ${i}` });
    await ok(registry, 'consent.withdraw', { id: w.people[2]!.consentId, withdrawnOn: TODAY, reason: 'No longer (test).', withdrawParticipant: false });
    const text = await ok(registry, 'surveys.freeText', { waveId: post.id });
    expect(text.answers.map((a) => a.text)).toEqual(['Answer 0']);
    expect(text.notShown).toEqual({ noConsent: 1, withdrawn: 1 });
    const code = (await ok(registry, 'surveys.response', { waveId: post.id, participantId: w.people[0]!.id })).participant.code;
    expect(text.answers[0]!.code).toBe(code);
    expect(JSON.stringify(text)).not.toContain('Student');
  });

  it('returns per wave count every response against the audience still taking part', async () => {
    const w = await answeredWorld();
    const returns = await ok(registry, 'surveys.returns', { pilotId: w.pilotId });
    expect(returns.map((r) => [r.title, r.state, r.returned, r.invited])).toEqual([
      ['Before (autumn)', 'closed', 20, 20],
      ['After (summer)', 'open', 20, 20],
    ]);
  });
});

describe('pseudonym codes', () => {
  it('are the same for a person across locks, and another vault gives the same person id another code', async () => {
    const { pilotId, people } = await surveyPilot(registry, { mentors: 2, mentees: 0 });
    const { pre } = await templateWaves(registry, pilotId);
    const first = (await ok(registry, 'surveys.respondents', { waveId: pre.id })).rows.map((r) => r.code);
    expect(new Set(first).size).toBe(2);
    session.lock();
    expectOk(await registry.call('vault.unlock', { passphrase: 'lantern orbit pebble wisdom' }));
    expect((await ok(registry, 'surveys.respondents', { waveId: pre.id })).rows.map((r) => r.code)).toEqual(first);

    const other = tempDir('reciprocal-surveys-other-');
    const core = await unlockedCore(other.dir, () => new Date(`${TODAY}T10:00:00Z`));
    try {
      const again = await surveyPilot(core.registry, { mentors: 2, mentees: 0 });
      expect(again.people.map((p) => p.id)).toEqual(people.map((p) => p.id));
      const otherWaves = await templateWaves(core.registry, again.pilotId);
      expect((await ok(core.registry, 'surveys.respondents', { waveId: otherWaves.pre.id })).rows.map((r) => r.code)).not.toEqual(first);
    } finally {
      core.session.lock();
      other.cleanup();
    }
  });
});
