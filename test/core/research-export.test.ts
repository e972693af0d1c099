import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import type { Host } from '../../electron/core/host';
import { DemoClock } from '../../electron/core/demo/clock';
import { fillDemo } from '../../electron/core/demo/demo';
import { pseudonymCoder } from '../../electron/core/pseudonyms';
import { asReadDb } from '../../electron/core/db/query';
import { readCsv } from '../../electron/core/imports/csv';
import { replacementLog, latestExportOf } from '../../electron/core/research-export/repository';
import { foldName } from '../../electron/core/research-export/names';
import { runCli } from '../../electron/core/cli/run';
import type { CliIo } from '../../electron/core/cli/io';
import { PASSPHRASE, TEST_SCRYPT, expectError, expectOk, tempDir } from '../helpers/vault';

/**
 * The research export of a demo vault, checked as a data steward would: no name or email of anyone
 * in the vault in any file, withdrawn people nowhere, each kind of data only under its consent, the
 * checksums verify with sha256sum, the dictionary covers every column, pseudonyms are the same in
 * two exports, and the audit entry holds the manifest's hash.
 */
const TODAY = '2026-11-22';
let dir: string;
let cleanup: () => void;
let folder = '';
const host: Host = { chooseExportFolder: async () => folder };
let core: ReturnType<typeof createCore>;
let pilotId: number;

interface Person {
  id: number;
  name: string;
  email: string;
  status: string;
  consent: string;
}
let everyone: Person[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('reciprocal-research-export-'));
  const clock = new DemoClock(TODAY);
  core = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, now: clock.now, host, logError: () => {} });
  expectOk(await core.registry.call('vault.create', { passphrase: PASSPHRASE }));
  await fillDemo(core.registry, { seed: 3, participants: 24, clock });
  pilotId = expectOk(await core.registry.call('pilots.list', {}))[0]!.id;
  // One paired person withdraws, as the coordinator records it: their partner stays in the dataset.
  const pair = expectOk(await core.registry.call('pairs.list', { pilotId })).at(-1)!;
  expectOk(await core.registry.call('participants.transition', { id: pair.menteeId, to: 'withdrawn', reason: 'Moved away' }));
  const db = core.session.db;
  everyone = db.prepare('SELECT id, name, email, status, consent_state AS consent FROM participants WHERE pilot_id = ?').all(pilotId) as Person[];
  // Seeding only: every submitted log names the author's partner (full name, first name with a possessive) and a withdrawn person, and carries the author's email.
  const withdrawn = everyone.find((p) => p.status === 'withdrawn')!;
  db.prepare(
    `UPDATE reflective_logs SET analysis = analysis || ' I met ' || (SELECT pp.name FROM pairs pr JOIN meetings m ON m.pair_id = pr.id JOIN participants pp ON pp.id = CASE WHEN pr.mentor_id = reflective_logs.author_id THEN pr.mentee_id ELSE pr.mentor_id END WHERE m.id = reflective_logs.meeting_id)
       || '; ' || (SELECT substr(pp.name, 1, instr(pp.name, ' ') - 1) FROM pairs pr JOIN meetings m ON m.pair_id = pr.id JOIN participants pp ON pp.id = CASE WHEN pr.mentor_id = reflective_logs.author_id THEN pr.mentee_id ELSE pr.mentor_id END WHERE m.id = reflective_logs.meeting_id) || '''s idea. Also ' || ? || ' and ' || (SELECT email FROM participants WHERE id = reflective_logs.author_id) || '.'
     WHERE state = 'submitted'`,
  ).run(withdrawn.name);
}, 120_000);
afterAll(() => cleanup());

async function exportTo(name: string, options: { includeFreeText?: boolean; shiftDates?: boolean; threshold?: number } = {}) {
  folder = join(dir, name);
  mkdirSync(folder);
  return expectOk(await core.registry.call('researchExport.write', { pilotId, ...options }));
}

const filesIn = (path: string) => readdirSync(path).sort();
const text = (path: string, file: string) => readFileSync(join(path, file), 'utf8');
function table(path: string, file: string): { header: string[]; rows: string[][] } {
  const bytes = readFileSync(join(path, file));
  // A table with no rows (no interviews yet, say) is a header line only, which the import reader refuses.
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  if (lines.length === 1) return { header: readCsv(Buffer.from(`${lines[0]}\r\n${lines[0]}\r\n`)).headers, rows: [] };
  const parsed = readCsv(bytes);
  return { header: parsed.headers, rows: parsed.rows };
}
const column = (t: { header: string[]; rows: string[][] }, name: string) => t.rows.map((row) => row[t.header.indexOf(name)] ?? '');

describe('the research export', () => {
  let first: Awaited<ReturnType<typeof exportTo>>;
  let firstDir: string;

  beforeAll(async () => {
    first = await exportTo('first');
    firstDir = folder;
  });

  it('writes one CSV per table, the dictionary, a README, manifest.json and SHA256SUMS', () => {
    expect(filesIn(firstDir)).toEqual(
      ['README.txt', 'SHA256SUMS', 'data_dictionary.csv', 'focus_group_findings.csv', 'group_reflection_findings.csv', 'interviews.csv', 'logs.csv', 'manifest.json', 'meetings.csv', 'pairs.csv', 'participants.csv', 'survey_responses.csv'].sort(),
    );
    for (const file of filesIn(firstDir).filter((f) => f.endsWith('.csv'))) {
      const bytes = readFileSync(join(firstDir, file));
      expect(bytes.subarray(0, 3).toString('hex'), `${file} starts with a UTF-8 BOM`).toBe('efbbbf');
      expect(bytes.toString('utf8').includes('\r\n'), `${file} uses CRLF`).toBe(true);
    }
    expect(first.people).toBeGreaterThan(10);
    expect(first.files.find((f) => f.name === 'logs.csv')!.rows).toBeGreaterThan(0);
    expect(first.namesReplaced).toBeGreaterThan(0);
    expect(text(firstDir, 'README.txt')).toContain('DEMO-ETH-2026-041');
  });

  it('holds no name or email of anyone in the vault, in any file', () => {
    const leaks: string[] = [];
    const words = new Set<string>();
    for (const person of everyone) for (const word of foldName(person.name).split(' ')) if (word.length > 1) words.add(word);
    for (const file of filesIn(firstDir)) {
      const content = text(firstDir, file);
      const folded = foldName(content);
      for (const person of everyone) {
        if (content.toLowerCase().includes(person.email.toLowerCase())) leaks.push(`${file}: ${person.email}`);
        if (folded.includes(foldName(person.name))) leaks.push(`${file}: ${person.name}`);
      }
      for (const word of words) if (new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u').test(folded)) leaks.push(`${file}: the name “${word}”`);
    }
    expect(leaks).toEqual([]);
  });

  it('replaces names in free text with the partner’s marked code, possessives kept', () => {
    const logs = table(firstDir, 'logs.csv');
    const analysis = column(logs, 'analysis').join('\n');
    expect(analysis).toMatch(/I met \[P-[0-9A-Z]{4}-[0-9A-Z]{4}(?: or P-[0-9A-Z]{4}-[0-9A-Z]{4})?\]; \[P-[0-9A-Z]{4}-[0-9A-Z]{4}(?: or P-[0-9A-Z]{4}-[0-9A-Z]{4})?\]'s idea/);
    expect(analysis).toContain('Also [withdrawn participant] and [email].');
    // The log the vault keeps of what was replaced, never in the export.
    const db = asReadDb(core.session.db);
    const log = replacementLog(db, latestExportOf(db, pilotId)!.id);
    expect(log.length).toBeGreaterThan(0);
    expect(log.some((entry) => entry.marker === '[withdrawn participant]')).toBe(true);
  });

  it('leaves withdrawn people out of every file; their partner’s pair says only “partner withdrew”', () => {
    const code = pseudonymCoder(asReadDb(core.session.db));
    const withdrawn = everyone.filter((p) => p.status === 'withdrawn' || p.consent === 'withdrawn');
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const file of filesIn(firstDir)) for (const person of withdrawn) expect(text(firstDir, file), `${file} holds ${person.name}’s code`).not.toContain(code(person.id));
    const pairs = table(firstDir, 'pairs.csv');
    const ended = column(pairs, 'ended_because');
    expect(ended).toContain('partner withdrew');
    const sides = [...column(pairs, 'mentor'), ...column(pairs, 'mentee')];
    expect(sides.every((side) => /^P-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(side) || side === 'partner withdrew' || side === 'not in dataset')).toBe(true);
    expect(first.leftOut.some((item) => item.what === 'People who withdrew' && item.count === withdrawn.length)).toBe(true);
  });

  it('lists closing interviews as metadata: people in the dataset only, interviewers as codes, no notes', () => {
    const db = core.session.db;
    const code = pseudonymCoder(asReadDb(db));
    const interviews = table(firstDir, 'interviews.csv');
    expect(interviews.header).toEqual(['interview', 'participant', 'role', 'interviewer', 'scheduled_on', 'state', 'done_on', 'has_audio', 'has_transcript']);
    const held = db.prepare('SELECT id, participant_id AS participantId, status FROM interviews.interviews WHERE pilot_id = ?').all(pilotId) as { id: number; participantId: number; status: string }[];
    const inDataset = new Set(column(table(firstDir, 'participants.csv'), 'participant'));
    const expected = held.filter((v) => inDataset.has(code(v.participantId)));
    expect(expected.length, 'the demo holds interviews of people in the dataset').toBeGreaterThan(0);
    expect(column(interviews, 'interview').map(Number).sort((a, b) => a - b)).toEqual(expected.map((v) => v.id).sort((a, b) => a - b));
    expect(column(interviews, 'interviewer').every((c) => /^I-\d+$/.test(c))).toBe(true);
    const done = interviews.rows.filter((row) => row[interviews.header.indexOf('state')] === 'done');
    expect(done.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row[interviews.header.indexOf('done_on')]!))).toBe(true);
    const content = text(firstDir, 'interviews.csv');
    for (const { name, email } of db.prepare('SELECT name, email FROM interviews.interviewers').all() as { name: string; email: string }[]) {
      expect(content).not.toContain(name);
      expect(content).not.toContain(email);
    }
    const notes = db.prepare("SELECT body FROM interviews.interview_notes WHERE length(body) > 20").pluck().all() as string[];
    for (const note of notes) expect(content).not.toContain(note.slice(0, 20));
    const dictionary = table(firstDir, 'data_dictionary.csv');
    expect(dictionary.rows.filter((row) => row.includes('interviews.csv')).length).toBe(interviews.header.length);
  });

  it('lets each kind of data out only under the consent that covers it', () => {
    const db = core.session.db;
    const code = pseudonymCoder(asReadDb(db));
    const consents = new Map(
      (db.prepare('SELECT c.participant_id AS id, c.research_use_of_logs AS logs, c.direct_quotes AS quotes FROM consent_records c ORDER BY c.given_on, c.id').all() as { id: number; logs: number; quotes: number }[]).map((c) => [c.id, c]),
    );
    const participants = table(firstDir, 'participants.csv');
    const inDataset = new Set(column(participants, 'participant'));
    // Everyone with consent to take part who has not withdrawn is there; nobody else is.
    for (const person of everyone) {
      const expected = person.consent === 'given' && person.status !== 'withdrawn';
      expect(inDataset.has(code(person.id)), `${person.name} (${person.status}, consent ${person.consent})`).toBe(expected);
    }
    const noLogsConsent = everyone.filter((p) => inDataset.has(code(p.id)) && consents.get(p.id)?.logs === 0).map((p) => code(p.id));
    expect(noLogsConsent.length, 'the demo has someone who did not consent to research use of logs').toBeGreaterThan(0);
    const authors = new Set(column(table(firstDir, 'logs.csv'), 'author'));
    for (const person of noLogsConsent) expect(authors.has(person)).toBe(false);
    const respondents = new Set(column(table(firstDir, 'survey_responses.csv'), 'respondent'));
    for (const person of noLogsConsent) expect(respondents.has(person)).toBe(false);
    // Department and characteristics blank without research-use consent; the quotes consent said as it is.
    participants.rows.forEach((row) => {
      const who = row[participants.header.indexOf('participant')]!;
      const person = everyone.find((p) => code(p.id) === who)!;
      const consent = consents.get(person.id)!;
      if (consent.logs === 0) {
        expect(row[participants.header.indexOf('department')]).toBe('');
        expect(row[participants.header.indexOf('characteristics')]).toBe('');
      }
      expect(row[participants.header.indexOf('consent_direct_quotes')]).toBe(consent.quotes === 1 ? 'yes' : 'no');
    });
  });

  it('groups departments and characteristics held by fewer people than the threshold', () => {
    const departments = column(table(firstDir, 'participants.csv'), 'department').filter(Boolean);
    const counts = new Map<string, number>();
    for (const department of departments) counts.set(department, (counts.get(department) ?? 0) + 1);
    for (const [department, count] of counts) if (department !== 'Other (small groups)') expect(count, department).toBeGreaterThanOrEqual(first.threshold);
  });

  it('verifies with sha256sum -c, and the audit entry holds the manifest’s hash', async () => {
    const output = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: firstDir, encoding: 'utf8' });
    const checked = output.trim().split('\n');
    expect(checked.every((line) => line.endsWith(': OK'))).toBe(true);
    expect(checked).toHaveLength(filesIn(firstDir).length - 1);
    const manifest = JSON.parse(text(firstDir, 'manifest.json')) as { files: { name: string; sha256: string }[] };
    expect(manifest.files.map((f) => f.name).sort()).toEqual(filesIn(firstDir).filter((f) => f !== 'manifest.json' && f !== 'SHA256SUMS'));
    for (const file of manifest.files) expect(createHash('sha256').update(readFileSync(join(firstDir, file.name))).digest('hex')).toBe(file.sha256);
    const manifestHash = createHash('sha256').update(readFileSync(join(firstDir, 'manifest.json'))).digest('hex');
    expect(first.manifestSha256).toBe(manifestHash);
    const trail = expectOk(await core.registry.call('audit.list', { limit: 50 }));
    expect(trail.some((entry) => entry.action === `researchExport.write.sha256:${manifestHash}` && entry.entityId === String(pilotId))).toBe(true);
  });

  it('describes every column of every file in the dictionary', () => {
    const dictionary = table(firstDir, 'data_dictionary.csv');
    expect(dictionary.header).toEqual(['variable', 'table', 'type', 'label', 'choices', 'units_or_validation', 'identifier', 'derived', 'pseudonymised']);
    const described = new Set(dictionary.rows.map((row) => `${row[1]}:${row[0]}`));
    for (const file of filesIn(firstDir).filter((f) => f.endsWith('.csv') && f !== 'data_dictionary.csv')) {
      const { header } = table(firstDir, file);
      for (const variable of header) expect(described.has(`${file}:${variable}`), `${file}: ${variable}`).toBe(true);
    }
    expect(dictionary.rows.some((row) => /^1, .+ \| 2, /.test(row[4] ?? ''))).toBe(true);
  });

  it('gives everyone the same code in a second export, dates shifted the same way twice', async () => {
    const second = await exportTo('second');
    expect(text(second.folder, 'participants.csv')).toBe(text(firstDir, 'participants.csv'));
    const shiftedOnce = await exportTo('shifted-1', { shiftDates: true });
    const shiftedTwice = await exportTo('shifted-2', { shiftDates: true });
    expect(text(shiftedTwice.folder, 'meetings.csv')).toBe(text(shiftedOnce.folder, 'meetings.csv'));
    expect(text(shiftedOnce.folder, 'meetings.csv')).not.toBe(text(firstDir, 'meetings.csv'));
    expect(column(table(shiftedOnce.folder, 'participants.csv'), 'participant')).toEqual(column(table(firstDir, 'participants.csv'), 'participant'));
  });

  it('leaves free text out when asked, and says so', async () => {
    const plain = await exportTo('no-free-text', { includeFreeText: false });
    expect(table(plain.folder, 'logs.csv').header).not.toContain('analysis');
    expect(plain.leftOut.some((item) => item.why === 'You chose to leave free text out.')).toBe(true);
    expect(text(plain.folder, 'README.txt')).toContain('left out entirely');
  });

  it('previews the same files and counts it then writes, writing nothing', async () => {
    const before = expectOk(await core.registry.call('audit.list', { limit: 1 }))[0]!.seq;
    const preview = expectOk(await core.registry.call('researchExport.preview', { pilotId }));
    expect(preview.files).toEqual(first.files);
    expect(preview.leftOut).toEqual(first.leftOut);
    expect(expectOk(await core.registry.call('audit.list', { limit: 1 }))[0]!.seq).toBe(before);
  });

  it('refuses a threshold below 3 with a message, and a cancelled folder writes nothing', async () => {
    const refused = expectError(await core.registry.call('researchExport.preview', { pilotId, threshold: 2 }), 'INVALID_INPUT');
    expect(refused.message).toMatch(/3 or more/);
    folder = '';
    const cancelled = expectError(await core.registry.call('researchExport.write', { pilotId }), 'CANCELLED');
    expect(cancelled.message).toMatch(/nothing was written/);
    expect(expectOk(await core.registry.call('researchExport.progress', {})).running).toBe(false);
  });

  it('does the same from the command line, into the folder given', async () => {
    const out = join(dir, 'cli', 'dataset');
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', env: { RECIPROCAL_PASSPHRASE: PASSPHRASE } };
    const vault = join(dir, 'vault');
    expect(await runCli(['export', 'research', '--pilot', String(pilotId), '--out', out, '--vault', vault], io), stderr).toBe(0);
    expect(stdout).toContain('participants.csv');
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' })).not.toMatch(/FAILED/);
    expect(text(out, 'participants.csv')).toBe(text(firstDir, 'participants.csv'));
    expect(await runCli(['export', 'research', '--pilot', String(pilotId), '--out', out, '--threshold', '2', '--vault', vault], io)).toBe(4);
    expect(stderr).toMatch(/3 or more/);
  });
});
