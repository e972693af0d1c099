import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import type { Host } from '../../electron/core/host';
import { runCli } from '../../electron/core/cli/run';
import type { CliIo } from '../../electron/core/cli/io';
import { pseudonymCoder } from '../../electron/core/pseudonyms';
import { asReadDb } from '../../electron/core/db/query';
import { toneWav } from '../../electron/core/demo/tone-wav';
import { PASSPHRASE, TEST_SCRYPT, expectError, expectOk, tempDir } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { pilotWithPair } from '../helpers/pairs';
import { INTERVIEWER, when } from '../helpers/interviews';

const XSD = readFileSync(join(__dirname, '../fixtures/refi-qda/Project-mrt2019.xsd'), 'utf8');
/** The mentor's transcript: names of both partners and the interviewer, accents, an emoji and CRLF line breaks before the coded words. */
const MENTOR_BODY = '[00:00:05] Robin Example: How did it go with Helen?\r\n[00:00:12] Amara: Café chats 🙂 with Helen Marsh, every week.\r\n[00:00:30] Amara: Helen learnt TikTok from me. Zoltan Quist joined once.\r\n';
const MENTEE_BODY = '[00:00:03] Helen: Amara Nwosu showed me so much.\n';
const REAL_NAMES = ['Amara', 'Nwosu', 'Helen', 'Marsh', 'Robin', 'Zoltan', 'Quist'];

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function world() {
  const t = tempDir();
  cleanup = t.cleanup;
  const folder = join(t.dir, 'out');
  mkdirSync(folder);
  const host: Host = { chooseExportFolder: async () => folder };
  const core = createCore(join(t.dir, 'vault'), { scrypt: TEST_SCRYPT, host, logError: () => {} });
  expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
  const { registry } = core;
  const { pilotId, mentor, mentee } = await pilotWithPair(registry);
  const form = (await ok(registry, 'plan.get', { pilotId })).consentForms[0]!;
  // The mentor consented to everything; the mentee to taking part but not to direct quotes or archiving.
  await ok(registry, 'consent.record', { participantId: mentor.id, formId: form.id, givenOn: '2026-10-05', choices: { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: true, archiving: true } });
  await ok(registry, 'consent.record', { participantId: mentee.id, formId: form.id, givenOn: '2026-10-05', choices: { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: false, archiving: false } });
  // Someone who never consented to take part: absent from the export.
  const stranger = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Zoltan Quist', email: 'zoltan@example.ac.uk', role: 'mentee', department: 'Estates', availability: ['mon-am'] } });
  await ok(registry, 'interviews.startGuide', { pilotId, audience: 'everyone' });
  const robin = await ok(registry, 'interviews.addInterviewer', INTERVIEWER);
  const mentorInterview = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
  const menteeInterview = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentee.id, interviewerId: robin.id, ...when });
  for (const interview of [mentorInterview, menteeInterview]) await ok(registry, 'interviews.checkConsent', { interviewId: interview.id });
  await ok(registry, 'transcripts.save', { interviewId: mentorInterview.id, baseVersion: 0, body: MENTOR_BODY });
  await ok(registry, 'transcripts.save', { interviewId: menteeInterview.id, baseVersion: 0, body: MENTEE_BODY });
  const code = await ok(registry, 'codebook.create', { pilotId, name: 'Reverse learning', colour: '#9fd0f0', description: 'Staff learning from students' });
  const coded = 'Helen learnt TikTok from me';
  const stored = (await ok(registry, 'transcripts.get', { interviewId: mentorInterview.id })).body;
  const start = Array.from(stored.slice(0, stored.indexOf(coded))).length;
  await ok(registry, 'coding.apply', { interviewId: mentorInterview.id, start, end: start + Array.from(coded).length, codeIds: [code.id], memo: 'Amara says Helen enjoyed it' });
  const menteeStored = (await ok(registry, 'transcripts.get', { interviewId: menteeInterview.id })).body;
  await ok(registry, 'coding.apply', { interviewId: menteeInterview.id, start: 0, end: Array.from(menteeStored).length - 1, codeIds: [code.id] });
  const wav = toneWav(2);
  await ok(registry, 'recordings.import', { interviewId: mentorInterview.id, fileName: 'dictaphone.wav', bytesBase64: Buffer.from(wav).toString('base64') });
  await ok(registry, 'recordings.import', { interviewId: menteeInterview.id, fileName: 'dictaphone.wav', bytesBase64: Buffer.from(wav).toString('base64') });
  const codeOf = pseudonymCoder(asReadDb(core.session.db));
  return { ...core, dir: t.dir, folder, pilotId, mentor, mentee, stranger, codeOf, wav };
}

async function expectSchemaValid(xml: string) {
  const result = await validateXML({ xml: { fileName: 'project.qde', contents: xml }, schema: { fileName: 'Project-mrt2019.xsd', contents: XSD } });
  expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
}

/** The package's files, and everything in it as one string (to look for names). */
function openPackage(path: string) {
  const files = unzipSync(readFileSync(path));
  const xml = strFromU8(files['project.qde']!);
  const texts = Object.entries(files).filter(([name]) => name.endsWith('.txt')).map(([, data]) => strFromU8(data));
  return { files, xml, texts, everything: strFromU8(readFileSync(path), true) + xml + texts.join('\n') };
}

describe('REFI-QDA export', () => {
  it('writes a pseudonymised, schema-valid .qdpx through the audited export path', async () => {
    const { registry, folder, pilotId, mentor, mentee, stranger, codeOf, wav } = await world();
    const preview = await ok(registry, 'qdpx.preview', { pilotId });
    expect(preview).toMatchObject({ people: 2, transcripts: 1, codings: 1, recordings: 1 });
    expect(preview.leftOut.map((l) => l.why).join(' ')).toMatch(/direct quotes/);

    const result = await ok(registry, 'qdpx.write', { pilotId });
    expect(readdirSync(folder)).toEqual([result.file]);
    const { files, xml, texts, everything } = openPackage(join(folder, result.file));
    await expectSchemaValid(xml);
    expect(Object.keys(files).filter((name) => !name.endsWith('/')).every((name) => name === 'project.qde' || /^sources\/[0-9a-f-]+\.(txt|wav)$/.test(name))).toBe(true);

    // People by pseudonym code; nobody's name from the register, nor the interviewer's, anywhere in the zip.
    expect(xml).toContain(`name="${codeOf(mentor.id)}"`);
    expect(xml).toContain(`name="${codeOf(mentee.id)}"`);
    expect(xml).not.toContain(codeOf(stranger.id));
    for (const name of REAL_NAMES) expect(everything).not.toContain(name);
    expect(result.namesReplaced).toBeGreaterThan(0);

    // Only the mentor's transcript (direct quotes consented), LF, no BOM; names replaced with the marked codes.
    expect(texts).toHaveLength(1);
    const [text] = texts as [string];
    expect(text).not.toContain('\r');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toContain(`Café chats 🙂 with [${codeOf(mentee.id)}], every week.`);
    expect(text).toContain('[interviewer]:');
    expect(text).toContain('[participant not in export] joined once.');
    // The selection still holds the coded words (with the name inside replaced), counted in code points.
    const [, start, end] = /startPosition="(\d+)" endPosition="(\d+)"/.exec(xml)!;
    expect(Array.from(text).slice(Number(start), Number(end)).join('')).toBe(`[${codeOf(mentee.id)}] learnt TikTok from me`);
    expect(xml.match(/<Coding [^>]*><CodeRef targetGUID="[0-9a-f-]{36}"\/><\/Coding>/g)).toHaveLength(1);
    // The mentor's recording goes in with its transcript and a sync point per time-stamped line; the mentee's (no archiving consent) does not.
    const audio = Object.entries(files).filter(([name]) => name.endsWith('.wav'));
    expect(audio).toHaveLength(1);
    expect(Buffer.from(audio[0]![1]).equals(Buffer.from(wav))).toBe(true);
    expect(xml.match(/<SyncPoint /g)).toHaveLength(3);
    expect(xml).toContain('timeStamp="30000"');

    // Audited, with the file's hash.
    const actions = (await ok(registry, 'audit.list', { limit: 5 })).map((e) => e.action);
    expect(actions).toContain(`qdpx.write.sha256:${result.sha256}`);
  });

  it('gives the same GUIDs in a second export, and leaves a withdrawn person out entirely', async () => {
    const { registry, folder, pilotId, mentor, codeOf } = await world();
    const first = openPackage(join(folder, (await ok(registry, 'qdpx.write', { pilotId, fileName: 'first.qdpx' })).file)).xml;
    const second = openPackage(join(folder, (await ok(registry, 'qdpx.write', { pilotId, fileName: 'second.qdpx' })).file)).xml;
    const guids = (xml: string) => [...xml.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]);
    expect(guids(second)).toEqual(guids(first));

    const preview = await ok(registry, 'participants.previewWithdrawal', { id: mentor.id });
    await ok(registry, 'participants.transition', { id: mentor.id, to: 'withdrawn', reason: 'Moved abroad', previewFingerprint: preview.fingerprint });
    const after = openPackage(join(folder, (await ok(registry, 'qdpx.write', { pilotId, fileName: 'after.qdpx' })).file));
    await expectSchemaValid(after.xml);
    expect(after.xml).not.toContain(codeOf(mentor.id));
    expect(after.texts).toEqual([]);
    expect(Object.keys(after.files).some((name) => name.endsWith('.wav'))).toBe(false);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const { registry, folder } = await world();
    expectError(await registry.invoke('qdpx.write', { pilotId: 999 }), 'NOT_FOUND');
    const bad = expectError(await registry.invoke('qdpx.write', { pilotId: 1, fileName: '../escape.qdpx' }), 'INVALID_INPUT');
    expect(bad.message).toMatch(/\.qdpx/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('exports from the command line to the file given, the same pseudonymised project', async () => {
    const { session, dir, pilotId } = await world();
    session.lock();
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', env: { RECIPROCAL_PASSPHRASE: PASSPHRASE } };
    const out = join(dir, 'cli', 'interviews.qdpx');
    const code = await runCli(['export', 'qdpx', '--pilot', String(pilotId), '--out', out, '--vault', join(dir, 'vault')], io);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('interviews.qdpx');
    const { xml, everything } = openPackage(out);
    await expectSchemaValid(xml);
    for (const name of REAL_NAMES) expect(everything).not.toContain(name);
    expect(await runCli(['export', 'qdpx', '--pilot', String(pilotId), '--vault', join(dir, 'vault')], io)).toBe(2);
  });
});
