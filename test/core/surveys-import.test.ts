import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type unlockedCore, expectError, PASSPHRASE } from '../helpers/vault';
import { withVault } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { stage } from '../helpers/imports';
import { surveyPilot, templateWaves, TODAY } from '../helpers/surveys';
import { runCli } from '../../electron/core/cli/run';
import type { CliIo } from '../../electron/core/cli/io';
import type { HandlerRegistry } from '../../electron/core';

let dir: string;
let registry: HandlerRegistry;
let session: Awaited<ReturnType<typeof unlockedCore>>['session'];
let vaultDir: string;

beforeEach(withVault((core) => ({ dir, registry, session, vaultDir } = core), { prefix: 'reciprocal-survey-import-', now: () => new Date(`${TODAY}T10:00:00Z`) }));

const responses = () => session.db.prepare('SELECT count(*) FROM survey_responses').pluck().get() as number;

/** A Microsoft Forms export: its own Email column says "anonymous"; the form asked for the email itself. */
const formsCsv = (rows: string[][]) =>
  [['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Your university email', 'I feel I belong at this university', 'Staff understand students like me', 'What, if anything, has changed for you through the scheme?'], ...rows]
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');

async function world() {
  const w = await surveyPilot(registry, { mentors: 4, mentees: 1 });
  return { ...w, ...(await templateWaves(registry, w.pilotId)) };
}

describe('importing survey responses from a forms export', () => {
  it('guesses the columns by question text and the respondent column over Forms’ own Email; reads labels in any case and spacing, and numbers', async () => {
    const w = await world();
    const csv = formsCsv([
      ['1', '2026-11-02 09:00', '2026-11-02 09:04', 'anonymous', '', 'mentor1@example.ac.uk', 'Strongly Agree', '  agree ', 'More confident.'],
      ['2', '2026-11-02 10:00', '2026-11-02 10:03', 'anonymous', '', 'MENTOR2@example.ac.uk', '2', '4 - Agree', ''],
      ['3', '2026-11-03 11:00', '2026-11-03 11:06', 'anonymous', '', 'mentor3@example.ac.uk', 'neither agree nor  disagree', '', ''],
    ]);
    const stagedId = await stage(registry, csv, 'Belonging survey.csv');
    const preview = await ok(registry, 'surveys.importPreview', { waveId: w.post.id, stagedId });
    const belong = w.instrument.items.find((i) => i.text === 'I feel I belong at this university')!;
    expect(preview.mapping).toMatchObject({ Email: '', 'Your university email': 'respondent', 'I feel I belong at this university': `item${belong.id}` });
    expect(preview.fields[0]).toEqual({ id: 'respondent', label: 'Who answered: email or participant code', required: true });
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ new: 3, invalid: 0 });

    expect(await ok(registry, 'surveys.import', { waveId: w.post.id, stagedId, mapping: preview.mapping })).toEqual({ imported: 3, skipped: 0 });
    const first = await ok(registry, 'surveys.response', { waveId: w.post.id, participantId: w.people[0]!.id });
    expect(first.source).toBe('imported');
    expect(first.answers!.filter((a) => a.score !== null || a.text).map((a) => [a.score, a.text])).toEqual([
      [5, ''],
      [4, ''],
      [null, 'More confident.'],
    ]);
    // The same (cumulative) export again: everyone is already recorded with the same answers, so nothing changes.
    const again = await stage(registry, csv);
    expect(await ok(registry, 'surveys.import', { waveId: w.post.id, stagedId: again, mapping: preview.mapping })).toEqual({ imported: 0, skipped: 3 });
    expect(responses()).toBe(3);
    // The mapping is remembered for the next wave of the same questionnaire.
    const pre = await ok(registry, 'surveys.importPreview', { waveId: w.pre.id, stagedId: again });
    expect(pre.mappingRemembered).toBe(true);
  });

  it('is all or nothing: every problem by file line, and nothing written', async () => {
    const w = await world();
    await ok(registry, 'participants.transition', { id: w.people[3]!.id, to: 'withdrawn', reason: 'Left (test).' });
    const csv = formsCsv([
      ['1', '', '', 'anonymous', '', 'mentor1@example.ac.uk', 'Agree', 'Agree', ''],
      ['2', '', '', 'anonymous', '', 'nobody@example.ac.uk', 'Agree', 'Agree', ''],
      ['3', '', '', 'anonymous', '', 'mentor2@example.ac.uk', 'Somewhat', '9', ''],
      ['4', '', '', 'anonymous', '', 'mentor1@example.ac.uk', 'Agree', 'Agree', ''],
      ['5', '', '', 'anonymous', '', 'mentor4@example.ac.uk', 'Agree', 'Agree', ''],
      ['6', '', '', 'anonymous', '', 'mentee1@example.ac.uk', 'Agree', '', ''],
    ]);
    const stagedId = await stage(registry, csv);
    const preview = await ok(registry, 'surveys.importPreview', { waveId: w.post.id, stagedId });
    expect(preview.errors.map((e) => `${e.row} ${e.column}: ${e.message}`)).toEqual([
      '3 Your university email: nobody@example.ac.uk is not the email of a participant of this pilot',
      '4 I feel I belong at this university: “Somewhat” is not one of 1 “Strongly disagree”, 2 “Disagree”, 3 “Neither agree nor disagree”, 4 “Agree”, 5 “Strongly agree”',
      '4 Staff understand students like me: “9” is not one of 1 “Strongly disagree”, 2 “Disagree”, 3 “Neither agree nor disagree”, 4 “Agree”, 5 “Strongly agree”',
      '5 Your university email: Student 1’s response also appears in row 2',
      '6 Your university email: Student 4 has withdrawn, so their answers are not recorded: leave this row out',
      // Staff 1 answered only the students' statement: not asked of them, so ignored, which leaves no answers.
      '7 : has no answers for Staff 1',
    ]);
    expect(preview.counts).toMatchObject({ new: 1, invalid: 5 });
    const refused = expectError(await registry.call('surveys.import', { waveId: w.post.id, stagedId, mapping: preview.mapping }), 'INVALID_INPUT');
    expect(refused.message).toContain('nothing was imported');
    expect(refused.issues).toContainEqual({ path: ['rows', 3, 'Your university email'], message: 'nobody@example.ac.uk is not the email of a participant of this pilot' });
    expect(responses()).toBe(0);
  });

  it('matches respondents by participant code, however it was typed', async () => {
    const w = await world();
    const codes = (await ok(registry, 'surveys.respondents', { waveId: w.post.id })).rows;
    const code = codes.find((r) => r.participantId === w.people[1]!.id)!.code; // P-XXXX-XXXX
    const typed = ` ${code.slice(2).toLowerCase().replace('-', ' ')} `;
    const csv = `Participant code,I feel I belong at this university\n${typed},Agree\nP-0000-0000,Agree\n`;
    const stagedId = await stage(registry, csv);
    const preview = await ok(registry, 'surveys.importPreview', { waveId: w.post.id, stagedId });
    expect(preview.mapping['Participant code']).toBe('respondent');
    expect(preview.errors).toEqual([{ row: 3, column: 'Participant code', message: 'P-0000-0000 is not the participant code of anyone in this pilot' }]);
    const fixed = await stage(registry, `Participant code,I feel I belong at this university\n${typed},Agree\n`);
    expect((await ok(registry, 'surveys.import', { waveId: w.post.id, stagedId: fixed, mapping: preview.mapping })).imported).toBe(1);
    expect((await ok(registry, 'surveys.response', { waveId: w.post.id, participantId: w.people[1]!.id })).answers!.some((a) => a.score === 4)).toBe(true);
  });

  it('reads Google Forms’ grid headings and Qualtrics’ three heading rows by question text', async () => {
    const w = await world();
    const google = [
      'Timestamp,Email address,How much do you agree with each statement? [I feel I belong at this university],How much do you agree with each statement? [I feel my background is valued]',
      '02/11/2026 09:00:00,mentor1@example.ac.uk,Agree,Strongly agree',
    ].join('\n');
    const g = await stage(registry, google);
    const gPreview = await ok(registry, 'surveys.importPreview', { waveId: w.post.id, stagedId: g });
    expect(Object.values(gPreview.mapping).filter(Boolean)).toHaveLength(3);
    expect(gPreview.errors).toEqual([]);

    const qualtrics = [
      'StartDate,EndDate,RecipientEmail,Q1_1,Q1_2',
      'Start Date,End Date,Recipient Email,How far do you agree? - I feel I belong at this university,How far do you agree? - Staff understand students like me',
      '{"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"recipientEmail"},{"ImportId":"QID1_1"},{"ImportId":"QID1_2"}',
      '2026-11-02,2026-11-02,mentor2@example.ac.uk,Disagree,Neither agree nor disagree',
    ].join('\n');
    const q = await stage(registry, qualtrics);
    const qPreview = await ok(registry, 'surveys.importPreview', { waveId: w.post.id, stagedId: q });
    expect(qPreview.rowCount).toBe(1);
    expect(qPreview.mapping).toMatchObject({ 'Recipient Email': 'respondent' });
    expect(Object.values(qPreview.mapping).filter(Boolean)).toHaveLength(3);
    expect(await ok(registry, 'surveys.import', { waveId: w.post.id, stagedId: q, mapping: qPreview.mapping })).toEqual({ imported: 1, skipped: 0 });
  });

  it('refuses a mapping that names a field the questionnaire does not have', async () => {
    const w = await world();
    const stagedId = await stage(registry, formsCsv([['1', '', '', 'x', '', 'mentor1@example.ac.uk', 'Agree', 'Agree', '']]));
    expect(expectError(await registry.call('surveys.import', { waveId: w.post.id, stagedId, mapping: { 'Your university email': 'respondent', 'I feel I belong at this university': 'item999999' } }), 'INVALID_INPUT').message).toContain(
      'does not have',
    );
    expect(responses()).toBe(0);
  });
});

describe('the command line', () => {
  async function cli(args: string[], stdin = '') {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin, env: { RECIPROCAL_PASSPHRASE: PASSPHRASE } };
    return { code: await runCli(args, io), stdout, stderr };
  }

  it('import survey: exit 4 with row errors on bad input and nothing written; then imports the corrected file', async () => {
    const w = await world();
    session.lock();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, formsCsv([['1', '', '', 'anonymous', '', 'mentor1@example.ac.uk', 'Maybe', 'Agree', '']]));
    const refused = await cli(['import', 'survey', bad, '--pilot', String(w.pilotId), '--wave', String(w.post.id), '--vault', vaultDir]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('row 2, column "I feel I belong at this university": “Maybe” is not one of');
    const good = join(dir, 'good.csv');
    writeFileSync(good, formsCsv([['1', '', '', 'anonymous', '', 'mentor1@example.ac.uk', 'Agree', 'Agree', '']]));
    const imported = await cli(['import', 'survey', good, '--pilot', String(w.pilotId), '--wave', String(w.post.id), '--vault', vaultDir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('"Your university email" → Who answered');
    expect(imported.stdout).toContain('Imported 1 response into “After (summer)”');
    expect((await cli(['import', 'survey', good, '--pilot', String(w.pilotId), '--wave', '999', '--vault', vaultDir])).code).toBe(4);
    expect((await cli(['import', 'survey', good, '--pilot', String(w.pilotId), '--vault', vaultDir])).code).toBe(2);
  });

  it('stats signed-rank: the paired comparison as JSON, the same function the screen uses', async () => {
    // SciPy's documented example as pairs (before 0, after d): statistic 24, exact p = 0.041259765625.
    const d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
    const out = await cli(['stats', 'signed-rank'], JSON.stringify({ pairs: d.map((x) => [0, x]) }));
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ n: 15, zeros: 0, statistic: 24, pvalue: 0.041259765625, method: 'exact', effectSize: (96 - 24) / 120, medianBefore: 0, medianAfter: 24 });

    const none = JSON.parse((await cli(['stats', 'signed-rank'], '{"pairs": [[3, 3], [4, 4]]}')).stdout);
    expect(none).toMatchObject({ n: 2, zeros: 2, statistic: null, pvalue: null, method: 'none', effectSize: null });
    expect(none.reason).toContain('Every difference is zero');
    expect(JSON.parse((await cli(['stats', 'signed-rank'], '{"pairs": [[2, 4]]}')).stdout)).toMatchObject({ n: 1, pvalue: 1, method: 'exact', effectSize: 1 });

    const bad = await cli(['stats', 'signed-rank'], '{"pairs": [[1, "x"]]}');
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain('pairs.0.1');
    expect((await cli(['stats', 'signed-rank'], 'not json')).code).toBe(4);
    expect((await cli(['stats', 'other'])).code).toBe(2);
  });
});
