import { afterEach, describe, expect, it } from 'vitest';
import { asReadDb } from '../../electron/core/db/query';
import { interviewTrailActors, verifyInterviewAudit } from '../../electron/core/interviews/trail';
import { expectError, expectOk, PASSPHRASE, tempDir } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { consentToTakePart } from '../helpers/pairs';
import { INTERVIEWER, when, pairWithInterviewers } from '../helpers/interviews';


let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function world() {
  const t = tempDir();
  cleanup = t.cleanup;
  return pairWithInterviewers(t.dir);
}


describe('closing interviews', () => {
  it('starts a guide from the seeds’ themes and versions it once an interview has used it', async () => {
    const { registry, pilotId, mentor, robin } = await world();
    const guide = await ok(registry, 'interviews.startGuide', { pilotId, audience: 'everyone' });
    expect(guide.questions.map((q) => q.question).join(' ')).toMatch(/experience of the scheme.*changed.*training.*themes.*would you change/s);
    // Unused: edited in place.
    const edited = await ok(registry, 'interviews.saveGuide', { pilotId, audience: 'everyone', title: 'Closing interview', questions: [...guide.questions.map(({ question, prompts }) => ({ question, prompts })), { question: 'Anything else?' }] });
    expect(edited).toMatchObject({ id: guide.id, version: 1, used: false });
    const interview = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
    await ok(registry, 'interviews.checkConsent', { interviewId: interview.id });
    // Used: a new version; the interview keeps the questions it was held with.
    const next = await ok(registry, 'interviews.saveGuide', { pilotId, audience: 'everyone', title: 'Closing interview', questions: [{ question: 'Only one question now' }] });
    expect(next.version).toBe(2);
    expect(next.id).not.toBe(guide.id);
    const detail = await ok(registry, 'interviews.detail', { interviewId: interview.id });
    expect(detail.guide?.id).toBe(guide.id);
    expect(detail.guide?.questions).toHaveLength(6);
    expectError(await registry.invoke('interviews.startGuide', { pilotId, audience: 'everyone' }), 'CONFLICT');
  });

  it('schedules only people with consent to take part, one open interview each, and lists them a page at a time', async () => {
    const { registry, pilotId, mentor, robin } = await world();
    const stranger = await ok(registry, 'participants.create', { pilotId, participant: { name: 'No Consent Yet', email: 'none@example.ac.uk', role: 'mentor' } });
    const refused = expectError(await registry.invoke('interviews.schedule', { pilotId, participantId: stranger.id, interviewerId: robin.id, ...when }), 'INVALID_TRANSITION');
    expect(refused.message).toContain('No Consent Yet has no current consent to take part');
    expectError(await registry.invoke('interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when, onlineLink: 'http://insecure.example' }), 'INVALID_INPUT');
    expectError(await registry.invoke('interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when, startsAt: '25:00' }), 'INVALID_INPUT');
    await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
    expectError(await registry.invoke('interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when }), 'CONFLICT');
    await consentToTakePart(registry, pilotId, [stranger.id]);
    await ok(registry, 'interviews.schedule', { pilotId, participantId: stranger.id, interviewerId: robin.id, ...when, scheduledOn: '2027-06-03', place: '', onlineLink: 'https://teams.example/meet/1' });
    const page = await ok(registry, 'interviews.list', { pilotId, status: 'scheduled', offset: 0, limit: 1 });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.personName)).toEqual(['No Consent Yet']); // soonest first
    expectError(await registry.invoke('interviews.removeInterviewer', { interviewerId: robin.id }), 'CONFLICT');
  });

  it('an interviewer sees only their own interviews, checks consent before notes, and the trail names them', async () => {
    const { registry, session, pilotId, mentor, mentee, robin, sasha } = await world();
    await ok(registry, 'interviews.startGuide', { pilotId, audience: 'everyone' });
    const mine = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
    const theirs = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentee.id, interviewerId: sasha.id, ...when });
    session.lock();

    expectOk(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email, passphrase: INTERVIEWER.passphrase }));
    const list = expectOk(await registry.call('interviews.mine', {}));
    expect(list.map((r) => r.id)).toEqual([mine.id]);
    expectError(await registry.invoke('interviews.detail', { interviewId: theirs.id }), 'NOT_FOUND');
    expectError(await registry.invoke('interviews.checkConsent', { interviewId: theirs.id }), 'NOT_FOUND');

    const detail = expectOk(await registry.call('interviews.detail', { interviewId: mine.id }));
    expect(detail).toMatchObject({ personName: 'Amara Nwosu', consent: { takePart: true, audioRecording: false, directQuotes: true, archiving: true } });
    // No audio consent: recording is unavailable, and says why.
    expect(detail.recordingUnavailable).toContain('has not consented to audio recording');
    const firstQuestion = detail.guide!.questions[0]!.id;
    expectError(await registry.invoke('interviews.saveNotes', { interviewId: mine.id, questionId: firstQuestion, body: 'Too early' }), 'INVALID_TRANSITION');
    await ok(registry, 'interviews.checkConsent', { interviewId: mine.id });
    await ok(registry, 'interviews.saveNotes', { interviewId: mine.id, questionId: firstQuestion, body: 'Felt heard for the first time.' });
    expectError(await registry.invoke('interviews.saveNotes', { interviewId: mine.id, questionId: 999_999, body: 'x' }), 'NOT_FOUND');
    await ok(registry, 'interviews.markDone', { interviewId: mine.id });

    const trail = interviewTrailActors(asReadDb(session.db));
    expect(trail.filter((e) => e.action === 'interviews.checkConsent')).toEqual([{ action: 'interviews.checkConsent', actor: `interviewer:${robin.id}` }]);
    expect(trail.find((e) => e.action === 'interviews.schedule')?.actor).toBe('coordinator');
    expect(verifyInterviewAudit(asReadDb(session.db))).toMatchObject({ ok: true, entries: trail.length });
    session.lock();

    // Back as the coordinator: the notes are there.
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const seen = await ok(registry, 'interviews.detail', { interviewId: mine.id });
    expect(seen).toMatchObject({ status: 'done', notes: [{ questionId: firstQuestion, body: 'Felt heard for the first time.' }] });
  });

  it('withdrawal cancels the person’s scheduled interviews in the same transaction, and the interviewer sees the withdrawn consent', async () => {
    const { registry, session, pilotId, mentor, robin } = await world();
    const interview = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
    await ok(registry, 'participants.transition', { id: mentor.id, to: 'withdrawn', reason: 'Moved abroad' });
    const cancelled = await ok(registry, 'interviews.detail', { interviewId: interview.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', consent: { withdrawn: true, takePart: false } });
    expect(cancelled.cancelReason).toContain('Moved abroad');
    session.lock();
    expectOk(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email, passphrase: INTERVIEWER.passphrase }));
    expect(expectOk(await registry.call('interviews.mine', {}))).toEqual([]);
    expectError(await registry.invoke('interviews.checkConsent', { interviewId: interview.id }), 'INVALID_TRANSITION');
  });

  it('consent changed in the register reaches the interviewer’s copy at the coordinator’s next unlock', async () => {
    const { registry, session, pilotId, mentor, robin } = await world();
    const interview = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
    expect((await ok(registry, 'interviews.detail', { interviewId: interview.id })).consent.audioRecording).toBe(false);
    const form = (await ok(registry, 'plan.get', { pilotId })).consentForms[0]!;
    const choices = { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: false, archiving: false };
    await ok(registry, 'consent.record', { participantId: mentor.id, formId: form.id, givenOn: '2026-10-05', choices });
    session.lock();
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const detail = await ok(registry, 'interviews.detail', { interviewId: interview.id });
    expect(detail.consent).toMatchObject({ audioRecording: true, directQuotes: false, archiving: false });
    expect(detail.recordingUnavailable).toContain('recording starts only after the consent check');
  });
});
