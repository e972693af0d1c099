import { afterEach, describe, expect, it } from 'vitest';
import { toneWav } from '../../electron/core/demo/tone-wav';
import { expectError, tempDir, unlockedCore } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { pilotWithPair } from '../helpers/pairs';
import { INTERVIEWER, when } from '../helpers/interviews';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A person's page reads their surveys, interview and group reflection from each stage's own channel. */
describe('a person’s page: surveys, closing interview and group reflection', () => {
  it('lists the waves put to them by role with when they answered, their interview with what was kept, and the events they attended', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { registry } = await unlockedCore(t.dir);
    const { pilotId, mentor, mentee } = await pilotWithPair(registry);

    // Nothing yet: each section is empty, not an error.
    expect(await ok(registry, 'surveys.ofPerson', { participantId: mentor.id })).toEqual([]);
    expect(await ok(registry, 'interviews.ofPerson', { participantId: mentor.id })).toEqual([]);
    expect(await ok(registry, 'groupReflections.ofPerson', { participantId: mentor.id })).toEqual([]);

    const instrument = await ok(registry, 'surveys.createInstrument', { pilotId, title: 'Belonging survey', template: 'scheme' });
    const textItem = (await ok(registry, 'surveys.instrument', { instrumentId: instrument.id })).items.find((item) => item.kind === 'text');
    const before = await ok(registry, 'surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'pre', title: 'Before', audience: 'both', opensOn: '2026-10-01', closesOn: '2026-10-30' } });
    await ok(registry, 'surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'post', title: 'Staff only, after', audience: 'mentees', opensOn: '2027-06-01', closesOn: '2027-06-20' } });
    const item = textItem ?? (await ok(registry, 'surveys.instrument', { instrumentId: instrument.id })).items[0]!;
    await ok(registry, 'surveys.saveResponse', { waveId: before.id, participantId: mentor.id, answers: item.kind === 'text' ? [{ itemId: item.id, text: 'Useful.' }] : [{ itemId: item.id, score: 3 }] });
    // The mentor (a student) is asked only the wave for both; the staff-only wave is not theirs.
    expect(await ok(registry, 'surveys.ofPerson', { participantId: mentor.id })).toEqual([{ waveId: before.id, title: 'Before', kind: 'pre', opensOn: '2026-10-01', closesOn: '2026-10-30', answeredAt: expect.any(String) }]);
    expect((await ok(registry, 'surveys.ofPerson', { participantId: mentee.id })).map((w) => [w.title, w.answeredAt])).toEqual([
      ['Before', null],
      ['Staff only, after', null],
    ]);

    const form = (await ok(registry, 'plan.get', { pilotId })).consentForms[0]!;
    await ok(registry, 'consent.record', { participantId: mentor.id, formId: form.id, givenOn: '2026-10-05', choices: { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: true, archiving: true } });
    const robin = await ok(registry, 'interviews.addInterviewer', INTERVIEWER);
    const interview = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
    expect(await ok(registry, 'interviews.ofPerson', { participantId: mentor.id })).toEqual([{ id: interview.id, scheduledOn: when.scheduledOn, startsAt: '14:00', status: 'scheduled', interviewer: 'Robin Example', recordings: 0, transcript: false }]);
    await ok(registry, 'interviews.checkConsent', { interviewId: interview.id });
    await ok(registry, 'recordings.import', { interviewId: interview.id, fileName: 'closing.wav', bytesBase64: Buffer.from(toneWav(2)).toString('base64') });
    await ok(registry, 'transcripts.save', { interviewId: interview.id, baseVersion: 0, body: '[00:00:01] Robin: Welcome.' });
    expect(await ok(registry, 'interviews.ofPerson', { participantId: mentor.id })).toMatchObject([{ recordings: 1, transcript: true }]);
    expect(await ok(registry, 'interviews.ofPerson', { participantId: mentee.id })).toEqual([]);

    const event = await ok(registry, 'groupReflections.create', { pilotId, event: { heldOn: '2027-06-10', place: 'Senate Room', attendance: { mode: 'named', participantIds: [mentor.id] } } });
    expect(await ok(registry, 'groupReflections.ofPerson', { participantId: mentor.id })).toEqual([{ id: event.id, heldOn: '2027-06-10', place: 'Senate Room' }]);
    expect(await ok(registry, 'groupReflections.ofPerson', { participantId: mentee.id })).toEqual([]);

    // A person who does not exist is said so, for every section.
    for (const channel of ['surveys.ofPerson', 'interviews.ofPerson', 'groupReflections.ofPerson'] as const) expectError(await registry.invoke(channel, { participantId: 999_999 }), 'NOT_FOUND');
  });
});
