import { afterEach, describe, expect, it } from 'vitest';
import { asReadDb, value } from '../../electron/core/db/query';
import { expectError, tempDir } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { when, pairWithInterviewers } from '../helpers/interviews';

// Accents and an emoji before the coded words: UTF-16 and code-point offsets differ here.
const BODY = '[00:00:05] Amara: Café chats 🙂 with Prof. Núñez — she learnt TikTok.\n[00:00:20] Amara: The training helped.';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function world() {
  const t = tempDir();
  cleanup = t.cleanup;
  const core = await pairWithInterviewers(t.dir);
  const { registry, pilotId, mentor, robin } = core;
  const interview = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
  await ok(registry, 'interviews.checkConsent', { interviewId: interview.id });
  const transcript = await ok(registry, 'transcripts.save', { interviewId: interview.id, baseVersion: 0, body: BODY });
  return { ...core, interview, transcript };
}

/** Code points of a substring's start and end in BODY. */
function span(text: string, words: string) {
  const at = text.indexOf(words);
  return { start: Array.from(text.slice(0, at)).length, end: Array.from(text.slice(0, at)).length + Array.from(words).length };
}

describe('codebook and coding', () => {
  it('starts from the plan’s themes, adds, renames and refuses a duplicate name', async () => {
    const { registry, pilotId } = await world();
    await ok(registry, 'themes.create', { pilotId, theme: { title: 'Digital confidence', description: 'New tools, both ways' } });
    const codes = await ok(registry, 'codebook.startFromThemes', { pilotId });
    expect(codes.map((c) => c.name)).toContain('Digital confidence');
    expect(codes.find((c) => c.name === 'Digital confidence')).toMatchObject({ themeId: expect.any(Number), colour: expect.stringMatching(/^#[0-9a-f]{6}$/), excerpts: 0 });
    // Again: nothing new.
    expect(await ok(registry, 'codebook.startFromThemes', { pilotId })).toHaveLength(codes.length);
    const power = await ok(registry, 'codebook.create', { pilotId, name: 'Power shifts', colour: '#f4a6a6', description: 'Who leads whom' });
    expectError(await registry.invoke('codebook.create', { pilotId, name: 'power SHIFTS', colour: '#f4a6a6' }), 'CONFLICT');
    expectError(await registry.invoke('codebook.create', { pilotId, name: 'Bad colour', colour: 'red' }), 'INVALID_INPUT');
    const renamed = await ok(registry, 'codebook.update', { codeId: power.id, name: 'Role reversal', colour: '#d2b7f0', description: 'Who leads whom', memo: 'Watch for hierarchy talk.' });
    expect(renamed).toMatchObject({ name: 'Role reversal', memo: 'Watch for hierarchy talk.' });
  });

  it('stores excerpt offsets in code points past accents and emoji, and edits move or refuse them', async () => {
    const { registry, pilotId, interview } = await world();
    const code = await ok(registry, 'codebook.create', { pilotId, name: 'Digital confidence', colour: '#9fd0f0' });
    const { start, end } = span(BODY, 'she learnt TikTok');
    const utf16Start = BODY.indexOf('she learnt TikTok');
    expect(start).toBe(utf16Start - 1); // the emoji is two UTF-16 units, one code point
    const excerpt = await ok(registry, 'coding.apply', { interviewId: interview.id, start, end, codeIds: [code.id], memo: 'Reverse direction of learning' });
    expect(excerpt).toMatchObject({ text: 'she learnt TikTok', start, end, codeIds: [code.id], memo: 'Reverse direction of learning' });

    // Typing before the excerpt moves it with its words.
    const t1 = await ok(registry, 'transcripts.get', { interviewId: interview.id });
    const edited = `[00:00:01] Robin: Hello 👋.\n${BODY}`;
    await ok(registry, 'transcripts.save', { interviewId: interview.id, baseVersion: t1.version, body: edited });
    const [moved] = await ok(registry, 'coding.excerpts', { interviewId: interview.id });
    expect(moved).toMatchObject({ text: 'she learnt TikTok', start: start + Array.from('[00:00:01] Robin: Hello 👋.\n').length });

    // Changing coded words is refused, with nothing saved.
    const t2 = await ok(registry, 'transcripts.get', { interviewId: interview.id });
    const refused = expectError(await registry.invoke('transcripts.save', { interviewId: interview.id, baseVersion: t2.version, body: edited.replace('TikTok', 'Snapchat') }), 'CONFLICT');
    expect(refused.message).toContain('“she learnt TikTok”');
    expect((await ok(registry, 'transcripts.get', { interviewId: interview.id })).body).toBe(edited);
    // An import over coded text is refused too.
    expectError(await registry.invoke('transcripts.import', { interviewId: interview.id, fileName: 'new.txt', bytesBase64: Buffer.from('x').toString('base64'), replace: true }), 'CONFLICT');

    // Out of range or empty selections are clear errors.
    expectError(await registry.invoke('coding.apply', { interviewId: interview.id, start: 5, end: 5, codeIds: [code.id] }), 'INVALID_INPUT');
    expectError(await registry.invoke('coding.apply', { interviewId: interview.id, start: 0, end: 100_000, codeIds: [code.id] }), 'INVALID_INPUT');
  });

  it('merges two codes, deletes a code with its only-coded excerpts, and shows quote consent live on the code’s page', async () => {
    const { registry, pilotId, interview, mentor } = await world();
    const a = await ok(registry, 'codebook.create', { pilotId, name: 'Training', colour: '#b5e3a1' });
    const b = await ok(registry, 'codebook.create', { pilotId, name: 'Preparation', colour: '#ffd8a8' });
    const c = await ok(registry, 'codebook.create', { pilotId, name: 'Tech', colour: '#9fd0f0' });
    const training = span(BODY, 'The training helped.');
    const tiktok = span(BODY, 'she learnt TikTok');
    await ok(registry, 'coding.apply', { interviewId: interview.id, ...training, codeIds: [a.id, b.id] });
    await ok(registry, 'coding.apply', { interviewId: interview.id, ...tiktok, codeIds: [b.id] });
    await ok(registry, 'coding.apply', { interviewId: interview.id, ...tiktok, codeIds: [c.id] }); // same stretch gains a code

    const merged = await ok(registry, 'codebook.merge', { codeId: b.id, intoCodeId: a.id });
    expect(merged.excerpts).toBe(2);
    expect((await ok(registry, 'codebook.list', { pilotId })).map((code) => code.name)).toEqual(['Tech', 'Training']);
    const excerpts = await ok(registry, 'coding.excerpts', { interviewId: interview.id });
    expect(excerpts.map((e) => [e.text, e.codeIds])).toEqual([
      ['she learnt TikTok', [a.id, c.id].sort((x, y) => x - y)],
      ['The training helped.', [a.id]],
    ]);

    const page = await ok(registry, 'coding.byCode', { codeId: a.id, offset: 0, limit: 1 });
    expect(page.total).toBe(2);
    expect(page.rows[0]).toMatchObject({ personName: mentor.name, directQuotes: true, withdrawn: false, text: 'she learnt TikTok' });

    // Quote consent taken back in the register shows at once.
    const [record] = (await ok(registry, 'participants.get', { id: mentor.id })).consents;
    await ok(registry, 'consent.correct', { id: record!.id, formId: record!.formId, givenOn: record!.givenOn, choices: { ...record!.choices, directQuotes: false }, reason: 'They asked not to be quoted' });
    expect((await ok(registry, 'coding.byCode', { codeId: a.id, offset: 0, limit: 5 })).rows.every((row) => !row.directQuotes)).toBe(true);

    expectError(await registry.invoke('codebook.merge', { codeId: a.id, intoCodeId: a.id }), 'INVALID_INPUT');
    const removed = await ok(registry, 'codebook.remove', { codeId: a.id });
    expect(removed.excerptsRemoved).toBe(1); // “The training helped.” had only this code; the TikTok excerpt keeps Tech
    expect((await ok(registry, 'coding.excerpts', { interviewId: interview.id })).map((e) => e.text)).toEqual(['she learnt TikTok']);
  });

  it('a withdrawal keeps the transcript and excerpts, marked withdrawn and not to be quoted', async () => {
    const { registry, pilotId, interview, mentor } = await world();
    const code = await ok(registry, 'codebook.create', { pilotId, name: 'Tech', colour: '#9fd0f0' });
    await ok(registry, 'coding.apply', { interviewId: interview.id, ...span(BODY, 'she learnt TikTok'), codeIds: [code.id] });
    const preview = await ok(registry, 'participants.previewWithdrawal', { id: mentor.id });
    await ok(registry, 'participants.transition', { id: mentor.id, to: 'withdrawn', reason: 'Moved abroad', previewFingerprint: preview.fingerprint });
    expect((await ok(registry, 'transcripts.get', { interviewId: interview.id })).body).toBe(BODY);
    const page = await ok(registry, 'coding.byCode', { codeId: code.id, offset: 0, limit: 5 });
    expect(page.rows).toEqual([expect.objectContaining({ text: 'she learnt TikTok', withdrawn: true, directQuotes: false })]);
  });

  it('erasing the person removes their transcript and excerpts; the code stays', async () => {
    const { registry, session, pilotId, interview, mentor } = await world();
    const code = await ok(registry, 'codebook.create', { pilotId, name: 'Tech', colour: '#9fd0f0' });
    await ok(registry, 'coding.apply', { interviewId: interview.id, ...span(BODY, 'she learnt TikTok'), codeIds: [code.id] });
    await ok(registry, 'erasure.erasePerson', { participantId: mentor.id, confirmName: mentor.name });
    const db = asReadDb(session.db);
    expect(value<number>(db, 'SELECT count(*) FROM interviews.transcripts')).toBe(0);
    expect(value<number>(db, 'SELECT count(*) FROM interviews.excerpts')).toBe(0);
    expect((await ok(registry, 'codebook.list', { pilotId })).map((c) => [c.name, c.excerpts])).toEqual([['Tech', 0]]);
  });
});
