import { afterEach, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from '../helpers/zip';
import { interviewTrailActors } from '../../electron/core/interviews/trail';
import { asReadDb } from '../../electron/core/db/query';
import { collectSubjectAccess } from '../../electron/core/subject-access/collect';
import { renderSubjectAccessHtml } from '../../electron/core/subject-access/html';
import { expectError, expectOk, tempDir } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { INTERVIEWER, when, pairWithInterviewers } from '../helpers/interviews';


let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A pilot with two interviews (Robin's with the mentor, Sasha's with the mentee), consent checked. */
async function world() {
  const t = tempDir();
  cleanup = t.cleanup;
  const core = await pairWithInterviewers(t.dir);
  const { registry, pilotId, mentor, robin, mentee, sasha } = core;
  const mine = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
  const theirs = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentee.id, interviewerId: sasha.id, ...when });
  await ok(registry, 'interviews.checkConsent', { interviewId: mine.id });
  await ok(registry, 'interviews.checkConsent', { interviewId: theirs.id });
  return { ...core, mine, theirs };
}

const base64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

const TEAMS_VTT = `WEBVTT

0f2b-1
00:00:01.200 --> 00:00:04.000
<v Robin Example>How did the pairing feel at the start?</v>

0f2b-2
00:00:04.500 --> 00:01:02.000
<v Amara Osei>Honestly? A bit odd &amp; then really useful.</v>
`;

describe('transcripts', () => {
  it('is typed and saved in versions; a save from an old version is refused, and the first save is in the interview trail', async () => {
    const { registry, session, mine } = await world();
    const empty = await ok(registry, 'transcripts.get', { interviewId: mine.id });
    expect(empty).toMatchObject({ body: '', version: 0, codedRanges: [] });
    const first = await ok(registry, 'transcripts.save', { interviewId: mine.id, baseVersion: 0, body: '[00:00:05] Robin: Welcome.\r\n[00:00:09] Amara: Thanks.' });
    expect(first).toMatchObject({ version: 1, body: '[00:00:05] Robin: Welcome.\n[00:00:09] Amara: Thanks.', source: 'typed' });
    await ok(registry, 'transcripts.save', { interviewId: mine.id, baseVersion: 1, body: `${first.body}\n[00:00:15] Robin: Shall we start?` });
    const stale = expectError(await registry.invoke('transcripts.save', { interviewId: mine.id, baseVersion: 1, body: 'lost?' }), 'CONFLICT');
    expect(stale.message).toContain('Someone else saved this transcript');
    expect((await ok(registry, 'transcripts.get', { interviewId: mine.id })).body).toContain('Shall we start?');
    const actions = interviewTrailActors(asReadDb(session.db)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('transcripts.'))).toEqual(['transcripts.create']);
  });

  it('is part of what subject access gives the person: the transcript of their own interview, not another’s', async () => {
    const { registry, session, mine, mentor } = await world();
    await ok(registry, 'transcripts.save', { interviewId: mine.id, baseVersion: 0, body: '[00:00:05] Robin: Welcome.\n[00:00:09] Amara: The <training> mattered & stayed with me.' });
    const document = collectSubjectAccess(asReadDb(session.db), mentor.id, '2027-06-11T10:00:00Z');
    expect(document.interviews.map((i) => i.transcript)).toEqual(['[00:00:05] Robin: Welcome.\n[00:00:09] Amara: The <training> mattered & stayed with me.']);
    const html = renderSubjectAccessHtml(document);
    expect(html).toContain('<h4>Transcript</h4>');
    expect(html).toContain('The &lt;training&gt; mattered &amp; stayed with me.');
    expect(document.leftOut.join(' ')).not.toContain('keeps none');
  });

  it('imports a Teams WebVTT with speakers, and refuses a broken one naming the line, changing nothing', async () => {
    const { registry, mine } = await world();
    const imported = await ok(registry, 'transcripts.import', { interviewId: mine.id, fileName: 'Closing interview.vtt', bytesBase64: base64(TEAMS_VTT) });
    expect(imported.body).toBe('[00:00:01] Robin Example: How did the pairing feel at the start?\n[00:00:04] Amara Osei: Honestly? A bit odd & then really useful.');
    expect(imported.source).toBe('vtt');

    const broken = TEAMS_VTT.replace('00:00:04.500 --> 00:01:02.000', '00:00:04.500 -> 00:01:02');
    const other = await ok(registry, 'transcripts.save', { interviewId: mine.id, baseVersion: imported.version, body: 'Kept as it was.' });
    const refusedBroken = expectError(await registry.invoke('transcripts.import', { interviewId: mine.id, fileName: 'broken.vtt', bytesBase64: base64(broken), replace: true }), 'INVALID_INPUT');
    expect(refusedBroken.message).toMatch(/broken\.vtt could not be imported\. Line 8: /);
    expect((await ok(registry, 'transcripts.get', { interviewId: mine.id })).body).toBe(other.body);
  });

  it('asks before replacing a transcript, imports SRT, plain text and .docx, and refuses what is not one', async () => {
    const { registry, mine } = await world();
    await ok(registry, 'transcripts.save', { interviewId: mine.id, baseVersion: 0, body: 'Typed notes.' });
    const srt = '1\r\n00:00:02,000 --> 00:00:05,000\r\nRobin: <i>Welcome</i> back.\r\n\r\n2\r\n00:01:10,500 --> 00:01:12,000\r\nAmara: Thanks!\r\n';
    const asked = expectError(await registry.invoke('transcripts.import', { interviewId: mine.id, fileName: 'zoom.srt', bytesBase64: base64(srt) }), 'CONFLICT');
    expect(asked.message).toContain('Confirm that the import replaces it');
    expect((await ok(registry, 'transcripts.import', { interviewId: mine.id, fileName: 'zoom.srt', bytesBase64: base64(srt), replace: true })).body).toBe('[00:00:02] Robin: Welcome back.\n[00:01:10] Amara: Thanks!');

    const brokenSrt = expectError(await registry.invoke('transcripts.import', { interviewId: mine.id, fileName: 'zoom.srt', bytesBase64: base64('1\n00:00:02,000 --> 00:00:05,000\nHello\n\nsecond\n00:00:06,000 --> 00:00:07,000\nBye\n'), replace: true }), 'INVALID_INPUT');
    expect(brokenSrt.message).toContain('Line 5: Expected a subtitle number');

    const text = await ok(registry, 'transcripts.import', { interviewId: mine.id, fileName: 'notes.txt', bytesBase64: base64('\uFEFFCafé — naïve 🙂\r\nSecond line\r\n'), replace: true });
    expect(text.body).toBe('Café — naïve 🙂\nSecond line');
    expectError(await registry.invoke('transcripts.import', { interviewId: mine.id, fileName: 'latin1.txt', bytesBase64: Buffer.from([0x43, 0x61, 0x66, 0xe9]).toString('base64'), replace: true }), 'INVALID_INPUT');

    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8(
        '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Robin: What would you change?</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Amara: More </w:t></w:r><w:r><w:t>time &amp; tea.</w:t></w:r></w:p></w:body></w:document>',
      ),
    });
    expect((await ok(registry, 'transcripts.import', { interviewId: mine.id, fileName: 'Interview.DOCX', bytesBase64: base64(docx), replace: true })).body).toBe('Robin: What would you change?\nAmara: More time & tea.');
    const notDocx = expectError(await registry.invoke('transcripts.import', { interviewId: mine.id, fileName: 'fake.docx', bytesBase64: base64('plain words'), replace: true }), 'INVALID_INPUT');
    expect(notDocx.message).toContain('not a Word document');
    expectError(await registry.invoke('transcripts.import', { interviewId: mine.id, fileName: 'audio.mp3', bytesBase64: base64('ID3'), replace: true }), 'INVALID_INPUT');
  });

  it('an interviewer reads and edits their own interview’s transcript, not another’s, and never the codebook', async () => {
    const { registry, session, pilotId, mine, theirs } = await world();
    session.lock();
    expectOk(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email, passphrase: INTERVIEWER.passphrase }));
    const saved = await ok(registry, 'transcripts.save', { interviewId: mine.id, baseVersion: 0, body: '[00:00:03] Robin: Thanks for coming.' });
    expect(saved.version).toBe(1);
    expectError(await registry.invoke('transcripts.get', { interviewId: theirs.id }), 'NOT_FOUND');
    expectError(await registry.invoke('transcripts.save', { interviewId: theirs.id, baseVersion: 0, body: 'no' }), 'NOT_FOUND');
    expectError(await registry.invoke('codebook.list', { pilotId }), 'FORBIDDEN');
    expectError(await registry.invoke('coding.excerpts', { interviewId: mine.id }), 'FORBIDDEN');
    const trail = interviewTrailActors(asReadDb(session.db));
    expect(trail.at(-1)).toMatchObject({ action: 'transcripts.create', actor: expect.stringMatching(/^interviewer:\d+$/) });
  });
});
