import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asReadDb, value } from '../../electron/core/db/query';
import { interviewTrailActors, verifyInterviewAudit } from '../../electron/core/interviews/trail';
import { audioResponse } from '../../electron/core/interviews/recordings/service';
import { isWebm, webmFacts } from '../../electron/core/interviews/recordings/webm-seekable';
import { toneWav } from '../../electron/core/demo/tone-wav';
import { expectError, expectOk, PASSPHRASE, tempDir, unlockedCore } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { pilotWithPair } from '../helpers/pairs';
import { INTERVIEWER, OTHER_INTERVIEWER as OTHER, when } from '../helpers/interviews';

/** A real WebM from Chromium's MediaRecorder (3.2 s of a 440 Hz tone, Opus): no Duration, no Cues, unknown sizes. */
const CHROMIUM_WEBM = readFileSync(join(__dirname, '../fixtures/audio/chromium-mediarecorder-3s.webm'));

const WEBM = 'audio/webm;codecs=opus';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A pilot where the mentor consented to audio recording and the mentee did not, each with an interview. */
async function world() {
  const t = tempDir();
  cleanup = t.cleanup;
  const core = await unlockedCore(t.dir);
  const { registry } = core;
  const { pilotId, mentor, mentee } = await pilotWithPair(registry);
  const form = (await ok(registry, 'plan.get', { pilotId })).consentForms[0]!;
  await ok(registry, 'consent.record', { participantId: mentor.id, formId: form.id, givenOn: '2026-10-05', choices: { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: true, archiving: true } });
  await ok(registry, 'interviews.startGuide', { pilotId, audience: 'everyone' });
  const robin = await ok(registry, 'interviews.addInterviewer', INTERVIEWER);
  const sasha = await ok(registry, 'interviews.addInterviewer', OTHER);
  const withAudio = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
  const withoutAudio = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentee.id, interviewerId: sasha.id, ...when });
  return { ...core, pilotId, mentor, mentee, robin, sasha, withAudio, withoutAudio };
}

const chunkCount = (session: { db: unknown }) => value<number>(asReadDb(session.db as never), 'SELECT count(*) FROM interviews.recording_chunks')!;

/** Splits bytes into n nearly equal pieces, as MediaRecorder's timeslices cut a stream anywhere. */
const pieces = (bytes: Uint8Array, n: number) => Array.from({ length: n }, (_, i) => bytes.subarray(Math.floor((i * bytes.length) / n), Math.floor(((i + 1) * bytes.length) / n)));

describe('interview recordings', () => {
  it('refuses to begin without audio consent or before the consent check, writing nothing', async () => {
    const { registry, session, withAudio, withoutAudio } = await world();
    const early = expectError(await registry.invoke('recordings.begin', { interviewId: withAudio.id, mimeType: WEBM }), 'INVALID_TRANSITION');
    expect(early.message).toContain('recording starts only after the consent check. Nothing was recorded.');
    expect((await ok(registry, 'interviews.detail', { interviewId: withAudio.id })).recordingUnavailable).toContain('recording starts only after the consent check');
    await ok(registry, 'interviews.checkConsent', { interviewId: withAudio.id });
    expect((await ok(registry, 'interviews.detail', { interviewId: withAudio.id })).recordingUnavailable).toBeNull();
    await ok(registry, 'interviews.checkConsent', { interviewId: withoutAudio.id });
    const refused = expectError(await registry.invoke('recordings.begin', { interviewId: withoutAudio.id, mimeType: WEBM }), 'INVALID_TRANSITION');
    expect(refused.message).toContain('Helen Marsh has not consented to audio recording');
    expect(value<number>(asReadDb(session.db), 'SELECT count(*) FROM interviews.recordings')).toBe(0);
    expectError(await registry.invoke('recordings.begin', { interviewId: withAudio.id, mimeType: 'video/mp4' }), 'INVALID_INPUT');
  });

  it('appends chunks in order (a repeat is a no-op, a gap refused), finishes as a seekable WebM and plays by range', async () => {
    const { registry, session, withAudio } = await world();
    await ok(registry, 'interviews.checkConsent', { interviewId: withAudio.id });
    const { recordingId } = await ok(registry, 'recordings.begin', { interviewId: withAudio.id, mimeType: WEBM });
    const parts = pieces(CHROMIUM_WEBM, 4);
    expect(await ok(registry, 'recordings.append', { recordingId, sequence: 0, bytesBase64: b64(parts[0]!) })).toEqual({ chunks: 1, bytes: parts[0]!.length });
    // The answer was lost and the recorder sends chunk 0 again: nothing changes.
    expect(await ok(registry, 'recordings.append', { recordingId, sequence: 0, bytesBase64: b64(parts[0]!) })).toEqual({ chunks: 1, bytes: parts[0]!.length });
    const gap = expectError(await registry.invoke('recordings.append', { recordingId, sequence: 2, bytesBase64: b64(parts[2]!) }), 'CONFLICT');
    expect(gap.message).toContain('chunk 1 is next');
    for (const sequence of [1, 2, 3]) await ok(registry, 'recordings.append', { recordingId, sequence, bytesBase64: b64(parts[sequence]!) });
    expectError(await registry.invoke('recordings.append', { recordingId, sequence: 4, bytesBase64: 'A'.repeat(1_400_000) }), 'INVALID_INPUT'); // over 1 MB

    const question = (await ok(registry, 'interviews.detail', { interviewId: withAudio.id })).guide!.questions[1]!.id;
    await ok(registry, 'recordings.mark', { recordingId, questionId: question, atMs: 1500 });
    expectError(await registry.invoke('recordings.mark', { recordingId, questionId: 999_999, atMs: 10 }), 'NOT_FOUND');

    const finished = await ok(registry, 'recordings.finish', { recordingId, durationMs: 3200 });
    expect(finished).toMatchObject({ status: 'complete', source: 'recorded', durationMs: 3200, markers: [{ questionId: question, atMs: 1500 }] });
    expectError(await registry.invoke('recordings.append', { recordingId, sequence: 4, bytesBase64: b64(parts[3]!) }), 'INVALID_TRANSITION');

    // Played back whole: a WebM with the recording's duration and a cue point for each cluster.
    const whole = audioResponse(session, recordingId, undefined);
    expect(whole.status).toBe(200);
    expect(whole.body.length).toBe(finished.bytes);
    expect(isWebm(whole.body)).toBe(true);
    const facts = webmFacts(whole.body);
    expect(facts.durationMs).toBe(3200);
    expect(facts.cuePoints).toBe(facts.clusters);
    // Every block kept: the same clusters, up to the same last block (3.1 s into the tone).
    const original = webmFacts(CHROMIUM_WEBM);
    expect(facts.clusters).toBe(original.clusters);
    expect(facts.lastBlockMs).toBe(original.lastBlockMs);
    expect(original.lastBlockMs).toBeGreaterThan(3000);
    expect(webmFacts(CHROMIUM_WEBM)).toMatchObject({ durationMs: undefined, cuePoints: 0 }); // what MediaRecorder gave
    // A range, as <audio> asks when seeking.
    const range = audioResponse(session, recordingId, 'bytes=100-199');
    expect(range.status).toBe(206);
    expect(range.headers).toMatchObject({ 'Content-Range': `bytes 100-199/${finished.bytes}`, 'Accept-Ranges': 'bytes', 'Content-Length': '100' });
    expect(range.body.equals(whole.body.subarray(100, 200))).toBe(true);
    expect(audioResponse(session, recordingId, `bytes=${finished.bytes}-`).status).toBe(416);

    const trail = interviewTrailActors(asReadDb(session.db)).map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['recordings.begin', 'recordings.mark', 'recordings.finish']));
    expect(verifyInterviewAudit(asReadDb(session.db)).ok).toBe(true);
  });

  it('an interviewer records only their own interviews, and the trail names them', async () => {
    const { registry, session, withAudio, withoutAudio, robin } = await world();
    await ok(registry, 'interviews.checkConsent', { interviewId: withAudio.id });
    const { recordingId: coordinatorsOwn } = await ok(registry, 'recordings.begin', { interviewId: withAudio.id, mimeType: WEBM });
    await ok(registry, 'recordings.append', { recordingId: coordinatorsOwn, sequence: 0, bytesBase64: b64(CHROMIUM_WEBM) });
    await ok(registry, 'recordings.finish', { recordingId: coordinatorsOwn, durationMs: 3200 });
    session.lock();

    expectOk(await registry.invoke('vault.unlock', { interviewer: OTHER.email, passphrase: OTHER.passphrase }));
    // Sasha interviews the mentee, not the mentor: Robin's interview and its recordings do not exist for her.
    expectError(await registry.invoke('recordings.begin', { interviewId: withAudio.id, mimeType: WEBM }), 'NOT_FOUND');
    expectError(await registry.invoke('recordings.list', { interviewId: withAudio.id }), 'NOT_FOUND');
    expectError(await registry.invoke('recordings.remove', { recordingId: coordinatorsOwn }), 'NOT_FOUND');
    expect(() => audioResponse(session, coordinatorsOwn, undefined)).toThrow(/does not exist/);
    expect(expectOk(await registry.call('recordings.list', { interviewId: withoutAudio.id }))).toEqual([]);
    session.lock();

    expectOk(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email, passphrase: INTERVIEWER.passphrase }));
    const { recordingId } = expectOk(await registry.call('recordings.begin', { interviewId: withAudio.id, mimeType: WEBM }));
    expectOk(await registry.call('recordings.append', { recordingId, sequence: 0, bytesBase64: b64(CHROMIUM_WEBM) }));
    expectOk(await registry.call('recordings.finish', { recordingId, durationMs: 3100 }));
    expect(expectOk(await registry.call('recordings.list', { interviewId: withAudio.id })).map((r) => r.id)).toEqual([coordinatorsOwn, recordingId]);
    expect(audioResponse(session, recordingId, 'bytes=0-3').body.toString('hex')).toBe('1a45dfa3');
    const actors = interviewTrailActors(asReadDb(session.db)).filter((e) => e.action === 'recordings.begin').map((e) => e.actor);
    expect(actors).toEqual(['coordinator', `interviewer:${robin.id}`]);
    session.lock();
    // Locked: nothing is served.
    expect(() => audioResponse(session, recordingId, undefined)).toThrow();
  });

  it('a recording cut off by a lock is offered after the next unlock and kept with what was stored', async () => {
    const { registry, session, withAudio } = await world();
    await ok(registry, 'interviews.checkConsent', { interviewId: withAudio.id });
    const { recordingId } = await ok(registry, 'recordings.begin', { interviewId: withAudio.id, mimeType: WEBM });
    const parts = pieces(CHROMIUM_WEBM, 3);
    await ok(registry, 'recordings.append', { recordingId, sequence: 0, bytesBase64: b64(parts[0]!) });
    await ok(registry, 'recordings.append', { recordingId, sequence: 1, bytesBase64: b64(parts[1]!) });
    expect(await ok(registry, 'recordings.interrupted', {})).toEqual([]); // still being made
    session.lock(); // the third chunk never arrives

    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const offered = await ok(registry, 'recordings.interrupted', {});
    expect(offered).toMatchObject([{ id: recordingId, status: 'interrupted', bytes: parts[0]!.length + parts[1]!.length }]);
    // The recorder of the old session cannot carry on into it.
    expectError(await registry.invoke('recordings.append', { recordingId, sequence: 2, bytesBase64: b64(parts[2]!) }), 'INVALID_TRANSITION');
    const kept = await ok(registry, 'recordings.keep', { recordingId });
    expect(kept.status).toBe('complete');
    const facts = webmFacts(audioResponse(session, recordingId, undefined).body);
    // Two thirds of 3.2 s survived: the duration is the last stored block's time.
    expect(facts.durationMs).toBe(kept.durationMs);
    expect(kept.durationMs!).toBeGreaterThan(1500);
    expect(kept.durationMs!).toBeLessThan(2600);
    expect(await ok(registry, 'recordings.interrupted', {})).toEqual([]);
  });

  it('imports a WAV whole, refuses what is not audio, removes a recording and its chunks', async () => {
    const { registry, session, withAudio } = await world();
    await ok(registry, 'interviews.checkConsent', { interviewId: withAudio.id });
    const wav = toneWav(40); // 640 KB: more than one stored chunk
    const imported = await ok(registry, 'recordings.import', { interviewId: withAudio.id, fileName: 'DICTAPHONE_0001.WAV', bytesBase64: b64(wav) });
    expect(imported).toMatchObject({ source: 'imported', status: 'complete', mimeType: 'audio/wav', durationMs: 40_000, bytes: wav.length, fileName: 'DICTAPHONE_0001.WAV' });
    expect(imported.chunks).toBe(3);
    expect(audioResponse(session, imported.id, undefined).body.equals(Buffer.from(wav).subarray(0, 1024 * 1024))).toBe(true);

    const before = chunkCount(session);
    const notAudio = expectError(await registry.invoke('recordings.import', { interviewId: withAudio.id, fileName: 'notes.mp3', bytesBase64: b64(new TextEncoder().encode('These are my typed notes, not audio.')) }), 'INVALID_INPUT');
    expect(notAudio.message).toContain('notes.mp3 is not an audio file Reciprocal can import');
    expect(chunkCount(session)).toBe(before);

    await ok(registry, 'recordings.remove', { recordingId: imported.id });
    expect(await ok(registry, 'recordings.list', { interviewId: withAudio.id })).toEqual([]);
    expect(chunkCount(session)).toBe(0);
    expect(interviewTrailActors(asReadDb(session.db)).map((e) => e.action)).toEqual(expect.arrayContaining(['recordings.import', 'recordings.remove']));
  });

  it('erasing a person removes their recordings and every chunk; subject access lists that recordings exist', async () => {
    const { registry, session, withAudio, mentor } = await world();
    await ok(registry, 'interviews.checkConsent', { interviewId: withAudio.id });
    await ok(registry, 'recordings.import', { interviewId: withAudio.id, fileName: 'closing.wav', bytesBase64: b64(toneWav(3)) });
    const { interviewsAbout } = await import('../../electron/core/interviews');
    expect(interviewsAbout(asReadDb(session.db), mentor.id)[0]!.recordings).toMatchObject([{ source: 'imported', status: 'complete', durationMs: 3000 }]);
    await ok(registry, 'erasure.erasePerson', { participantId: mentor.id, confirmName: mentor.name });
    expect(value<number>(asReadDb(session.db), 'SELECT count(*) FROM interviews.recordings')).toBe(0);
    expect(chunkCount(session)).toBe(0);
  });
});
