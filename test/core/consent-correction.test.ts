import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, tempDir, unlockedCore } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import type { HandlerRegistry } from '../../electron/core';
import { surveyPilot, templateWaves, TODAY } from '../helpers/surveys';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const everything = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: true };

/** A confirmed pair (Amara mentors Helen), both with consent recorded on form 1 dated 1 Sep 2026; today 20 Nov 2026. */
async function pairedWorld() {
  const clock = movableClock('2026-11-02T09:00:00Z');
  const core = await unlockedCore(dir, clock.now);
  await ok(core.registry, 'settings.update', { timeZone: 'Europe/London' });
  const world = await pilotWithPair(core.registry);
  clock.set('2026-11-20T09:00:00Z');
  const [record] = (await ok(core.registry, 'participants.get', { id: world.mentor.id })).consents;
  return { ...core, ...world, record: record! };
}

const lastAudit = async (registry: HandlerRegistry) => (await ok(registry, 'audit.list', { limit: 1 }))[0]!;

describe('correcting a consent record entered by mistake', () => {
  it('adds a record that names the one it corrects and why; the earlier one stays, marked corrected, and the trail says so', async () => {
    const { registry, mentor, record } = await pairedWorld();
    const corrected = await ok(registry, 'consent.correct', {
      id: record.id,
      formId: record.formId,
      givenOn: record.givenOn,
      choices: { ...everything, audioRecording: true },
      reason: 'Ticked the wrong box: they agreed to audio recording',
    });
    expect(corrected).toMatchObject({ correctsId: record.id, correctionReason: 'Ticked the wrong box: they agreed to audio recording', correctedById: null, choices: { audioRecording: true } });

    const amara = await ok(registry, 'participants.get', { id: mentor.id });
    expect(amara.consents.map((c) => [c.id, c.choices.audioRecording, c.correctedById])).toEqual([
      [record.id, false, corrected.id],
      [corrected.id, true, null],
    ]);
    expect(amara).toMatchObject({ consent: 'given', status: 'paired' });
    expect(await lastAudit(registry)).toMatchObject({ action: 'consent.correct', entityType: 'consent_record', entityId: String(corrected.id) });
  });

  it('a corrected record no longer counts, even when it was dated later than its correction', async () => {
    const { registry, mentor, record } = await pairedWorld();
    // Entered as given on 1 Oct, take part ticked; in fact the form (signed 5 Sep) declined everything but archiving.
    const later = await ok(registry, 'consent.record', { participantId: mentor.id, formId: record.formId, givenOn: '2026-10-01', choices: everything });
    const preview = await ok(registry, 'participants.previewWithdrawal', { id: mentor.id });
    const correction = { id: later.id, formId: record.formId, givenOn: '2026-09-05', choices: { takePart: false, researchUseOfLogs: false, audioRecording: false, directQuotes: false, archiving: true }, reason: 'Wrong form entered', withdrawParticipant: false, previewFingerprint: preview.fingerprint };
    await ok(registry, 'consent.correct', { ...correction, confirmed: ['ends-taking-part'] });
    const amara = await ok(registry, 'participants.get', { id: mentor.id });
    // The correction (5 Sep) is now her latest standing record, not the corrected one of 1 Oct.
    expect(amara.consent).toBe('declined');
    expect(amara.consents).toHaveLength(3);
  });

  it('taking away consent to take part asks first, then ends the pair like a withdrawal of consent', async () => {
    const { registry, pilotId, mentor, mentee, pair, record } = await pairedWorld();
    const preview = await ok(registry, 'participants.previewWithdrawal', { id: mentor.id });
    const input = { id: record.id, formId: record.formId, givenOn: record.givenOn, choices: { ...everything, takePart: false }, reason: 'Ticked “take part” by mistake: the form says no', previewFingerprint: preview.fingerprint };
    const asked = expectError(await registry.invoke('consent.correct', input), 'CONFIRMATION_NEEDED');
    expect(asked.message).toMatch(/Amara Nwosu has not consented to take part.*withdrawn from the scheme.*pair with Helen Marsh ends.*4 meetings still to come are cancelled/);
    expect(asked.issues?.map((i) => i.path)).toEqual([['confirmed', 'ends-taking-part']]);
    // Nothing changed while unconfirmed.
    let amara = await ok(registry, 'participants.get', { id: mentor.id });
    expect(amara.consents).toHaveLength(1);
    expect(amara.status).toBe('paired');
    expect((await ok(registry, 'pairs.list', { pilotId })).map((p) => p.id)).toEqual([pair.id]);

    await ok(registry, 'consent.correct', { ...input, confirmed: ['ends-taking-part'] });
    amara = await ok(registry, 'participants.get', { id: mentor.id });
    expect(amara).toMatchObject({ status: 'withdrawn', consent: 'declined' });
    expect(amara.statusHistory.at(-1)).toMatchObject({ to: 'withdrawn', cause: 'consent-withdrawn', reason: 'Consent corrected, take part not given: Ticked “take part” by mistake: the form says no' });
    expect(await ok(registry, 'pairs.list', { pilotId })).toEqual([]);
    expect((await ok(registry, 'meetings.forPair', { pairId: pair.id })).meetings.every((m) => m.status === 'cancelled')).toBe(true);
    expect((await ok(registry, 'participants.get', { id: mentee.id })).repairingNote).toMatch(/Amara Nwosu withdrew/);
  });

  it('refuses a confirmation given on a preview that is out of date, changing nothing', async () => {
    const { registry, mentor, mentee, record } = await pairedWorld();
    const stale = await ok(registry, 'participants.previewWithdrawal', { id: mentor.id });
    await ok(registry, 'participants.update', { id: mentee.id, participant: { name: 'Helen Marsh-Reid', email: 'helen@example.ac.uk', role: 'mentee', department: 'Registry', availability: ['wed-pm', 'fri-am'] } });
    const input = { id: record.id, formId: record.formId, givenOn: record.givenOn, choices: { ...everything, takePart: false }, reason: 'Wrong box', previewFingerprint: stale.fingerprint, confirmed: ['ends-taking-part' as const] };
    expectError(await registry.invoke('consent.correct', input), 'CONFLICT');
    expect((await ok(registry, 'participants.get', { id: mentor.id })).consents).toHaveLength(1);
  });

  it('refuses what is not a correction of the latest standing record, with a reason a coordinator understands', async () => {
    const { registry, mentor, record } = await pairedWorld();
    const base = { id: record.id, formId: record.formId, givenOn: record.givenOn, choices: { ...everything, directQuotes: false }, reason: 'Wrong box' };
    const blank = expectError(await registry.invoke('consent.correct', { ...base, reason: '  ' }), 'INVALID_INPUT');
    expect(blank.issues?.[0]?.path).toEqual(['reason']);
    const same = expectError(await registry.invoke('consent.correct', { ...base, choices: everything }), 'INVALID_INPUT');
    expect(same.message).toMatch(/same as the record/);
    const future = expectError(await registry.invoke('consent.correct', { ...base, givenOn: '2026-12-01' }), 'INVALID_INPUT');
    expect(future.issues?.[0]?.path).toEqual(['givenOn']);
    const beforeForm = expectError(await registry.invoke('consent.correct', { ...base, givenOn: '2026-08-01' }), 'INVALID_INPUT');
    expect(beforeForm.message).toMatch(/dated 1 Sept? 2026/);

    const first = await ok(registry, 'consent.correct', base);
    const again = expectError(await registry.invoke('consent.correct', { ...base, choices: { ...everything, archiving: false } }), 'INVALID_TRANSITION');
    expect(again.message).toMatch(/already corrected/);

    const newer = await ok(registry, 'consent.record', { participantId: mentor.id, formId: record.formId, givenOn: '2026-11-10', choices: everything });
    const older = expectError(await registry.invoke('consent.correct', { ...base, id: first.id }), 'INVALID_TRANSITION');
    expect(older.message).toBe('Only the latest consent record can be corrected; this one was followed by the record of 10 Nov 2026.');

    await ok(registry, 'consent.withdraw', { id: newer.id, withdrawnOn: '2026-11-19', reason: 'Exams', withdrawParticipant: false, previewFingerprint: (await ok(registry, 'participants.previewWithdrawal', { id: mentor.id })).fingerprint });
    const withdrawn = expectError(await registry.invoke('consent.correct', { ...base, id: newer.id }), 'INVALID_TRANSITION');
    expect(withdrawn.message).toMatch(/withdrawn on 19 Nov 2026/);
    expect((await ok(registry, 'participants.get', { id: mentor.id })).consents).toHaveLength(3);
  });

  it('a correction that takes away research use takes the person out of the survey analysis', async () => {
    const { registry } = await unlockedCore(dir, () => new Date(`${TODAY}T12:00:00Z`));
    const { pilotId, people } = await surveyPilot(registry, { mentors: 2, mentees: 0 });
    const { instrument, pre, post } = await templateWaves(registry, pilotId);
    const belong = instrument.items.find((item) => item.text === 'I feel I belong at this university')!.id;
    for (const person of people) {
      await ok(registry, 'surveys.saveResponse', { waveId: pre.id, participantId: person.id, answers: [{ itemId: belong, score: 2 }] });
      await ok(registry, 'surveys.saveResponse', { waveId: post.id, participantId: person.id, answers: [{ itemId: belong, score: 4 }] });
    }
    expect((await ok(registry, 'surveys.analysis', { pilotId })).people).toMatchObject({ counted: 2, noConsent: 0 });
    const first = people[0]!;
    const record = await ok(registry, 'participants.get', { id: first.id }).then((p) => p.consents[0]!);
    // Dated a day earlier than the record it corrects: the corrected record must not count for being later.
    await ok(registry, 'consent.correct', { id: record.id, formId: record.formId, givenOn: '2026-09-09', choices: { ...record.choices, researchUseOfLogs: false }, reason: 'Research use was not ticked on the paper form, signed the day before' });
    expect((await ok(registry, 'surveys.analysis', { pilotId })).people).toMatchObject({ counted: 1, noConsent: 1 });
  });
});
