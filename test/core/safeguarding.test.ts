import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HandlerRegistry } from '../../electron/core';
import { handlers } from '../../electron/core/registry/handlers';
import type { HandlerMap } from '../../electron/core/registry/types';
import { pilotScope } from '../../electron/core/registry/scope';
import { asReadDb, asWriteDb, run, value, transaction } from '../../electron/core/db/query';
import { countConcernsAbout, eraseConcernsAbout } from '../../electron/core/safeguarding';
import { channels, contract } from '../../shared/contract';
import { STEP_UP_IDLE_MINUTES, STEP_UP_LIMIT_MINUTES, type ConcernDetailsDraft } from '../../shared/safeguarding/contract';
import { PASSPHRASE, expectError, expectOk, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import type { Db } from '../../electron/core/db/types';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const MINUTE = 60_000;
const auditActions = (db: Db) => (db.prepare('SELECT action, entity_type AS entityType, entity_id AS entityId FROM audit_log ORDER BY seq').all() as { action: string; entityType: string | null; entityId: string | null }[]);
const countRows = (db: Db, table: string) => value<number>(asReadDb(db), `SELECT count(*) FROM ${table}`)!;

/** A vault with a pilot, one pair, its first meeting held (27 Oct 2026) and the mentor's log submitted; the plan's protocol has three steps. */
async function world() {
  // The pair is confirmed before its first meeting is held; the rest happens on 2 Nov 2026.
  const clock = movableClock('2026-10-20T10:00:00Z');
  const core = await unlockedCore(dir, clock.now);
  const { registry } = core;
  const pair = await pilotWithPair(registry);
  clock.set('2026-11-02T10:00:00Z');
  const [first] = (await ok(registry, 'meetings.forPair', { pairId: pair.pair.id })).meetings;
  await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-10-28', actualDurationMin: 60 });
  const stages = { description: 'We talked about commuting.', feelings: 'Tired.', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };
  await ok(registry, 'logs.submit', { meetingId: first!.id, authorId: pair.mentor.id, stages });
  await ok(registry, 'plan.setSupport', {
    pilotId: pair.pilotId,
    support: { contacts: [], escalationSteps: ['Listen and explain the limits of confidentiality', 'Agree the next step with the person', 'Refer to the right service'] },
  });
  return { ...core, ...pair, clock, meeting: first! };
}

const details = (overrides: Partial<ConcernDetailsDraft> = {}): ConcernDetailsDraft => ({
  raisedOn: '2026-11-01',
  raisedVia: 'log',
  raisedBy: 'participant',
  aboutParticipantId: null,
  aboutOther: '',
  category: 'wellbeing',
  risk: 'medium',
  whatWasSaid: 'Says they are not sleeping and feel overwhelmed by deadlines and paid work.',
  ...overrides,
});

async function openRegister(registry: HandlerRegistry) {
  return ok(registry, 'safeguarding.stepUp', { passphrase: PASSPHRASE });
}

describe('the step-up', () => {
  it('refuses every restricted channel until the passphrase is given again, before reading the input, and changes nothing', async () => {
    const { registry, session, pilotId } = await world();
    const auditBefore = countRows(session.db, 'audit_log');
    const refused = expectError(await registry.invoke('safeguarding.list', { pilotId }), 'STEP_UP_REQUIRED');
    expect(refused.message).toBe('The safeguarding register is restricted: enter your passphrase again to open it. Nothing was read or changed.');
    // Even an input that is not valid gets the same answer: nothing about the channel is told.
    expectError(await registry.invoke('safeguarding.get', { id: 'not a number' }), 'STEP_UP_REQUIRED');
    expectError(await registry.invoke('safeguarding.raise', { source: { kind: 'pilot', pilotId }, details: details() }), 'STEP_UP_REQUIRED');
    expect(countRows(session.db, 'concerns')).toBe(0);
    expect(countRows(session.db, 'audit_log')).toBe(auditBefore);
    // Counts for the dashboard need no step-up.
    expect(await ok(registry, 'safeguarding.summary', { pilotId })).toEqual({ open: 0, overdueFollowUps: 0, pastRetention: 0 });
    expect(await ok(registry, 'safeguarding.stepUpStatus', {})).toEqual({ open: false, expiresAt: null });
  });

  it('a wrong passphrase keeps the register closed and records nothing; the right one opens it, audited', async () => {
    const { registry, session, pilotId } = await world();
    const auditBefore = countRows(session.db, 'audit_log');
    const wrong = expectError(await registry.invoke('safeguarding.stepUp', { passphrase: 'not the passphrase at all' }), 'WRONG_PASSPHRASE');
    expect(wrong.message).toMatch(/the safeguarding register stays closed/);
    expect(countRows(session.db, 'audit_log')).toBe(auditBefore);
    expectError(await registry.invoke('safeguarding.list', { pilotId }), 'STEP_UP_REQUIRED');

    const opened = await openRegister(registry);
    expect(opened).toEqual({ open: true, expiresAt: '2026-11-02T10:05:00.000Z' });
    expect(auditActions(session.db).at(-1)).toEqual({ action: 'safeguarding.stepUp', entityType: null, entityId: null });
    expectOk(await registry.invoke('safeguarding.list', { pilotId }));
  });

  it(`lasts ${STEP_UP_IDLE_MINUTES} minutes after its last use, ${STEP_UP_LIMIT_MINUTES} at most, and ends on lock or when closed`, async () => {
    const { registry, pilotId, clock } = await world();
    const at = (minutes: number) => clock.set(new Date(Date.parse('2026-11-02T10:00:00Z') + minutes * MINUTE).toISOString());
    await openRegister(registry);
    // Used every four minutes, it stays open…
    for (const minute of [4, 8, 12, 16, 20, 24, 28]) {
      at(minute);
      expectOk(await registry.invoke('safeguarding.list', { pilotId }));
    }
    // …but not beyond the limit after the passphrase was given.
    at(30);
    const expired = expectError(await registry.invoke('safeguarding.list', { pilotId }), 'STEP_UP_REQUIRED');
    expect(expired.message).toMatch(/^The safeguarding register closed/);

    // Left alone, it closes after the idle minutes; asking for the status does not keep it open.
    at(40);
    await openRegister(registry);
    at(44);
    expect((await ok(registry, 'safeguarding.stepUpStatus', {})).open).toBe(true);
    at(45);
    expect(await ok(registry, 'safeguarding.stepUpStatus', {})).toEqual({ open: false, expiresAt: null });
    expectError(await registry.invoke('safeguarding.list', { pilotId }), 'STEP_UP_REQUIRED');

    // Closing the register, or locking the vault, ends it at once.
    await openRegister(registry);
    await ok(registry, 'safeguarding.endStepUp', {});
    expectError(await registry.invoke('safeguarding.list', { pilotId }), 'STEP_UP_REQUIRED');
    await openRegister(registry);
    await ok(registry, 'vault.lock', {});
    await ok(registry, 'vault.unlock', { passphrase: PASSPHRASE });
    expectError(await registry.invoke('safeguarding.list', { pilotId }), 'STEP_UP_REQUIRED');
  });

  it('is declared by every safeguarding channel except the step-up itself and the dashboard’s counts', () => {
    const open = ['safeguarding.stepUp', 'safeguarding.stepUpStatus', 'safeguarding.endStepUp', 'safeguarding.summary'];
    for (const channel of channels.filter((c) => c.startsWith('safeguarding.'))) {
      expect(Boolean((contract[channel] as { stepUp?: boolean }).stepUp), channel).toBe(!open.includes(channel));
    }
    // Reads of concerns are audited reads; nothing outside the register needs the step-up.
    expect(handlers['safeguarding.get'].kind).toBe('audited-query');
    expect(handlers['safeguarding.list'].kind).toBe('audited-query');
    expect(channels.filter((c) => !c.startsWith('safeguarding.') && (contract[c] as { stepUp?: boolean }).stepUp)).toEqual([]);
  });

  it('is for the coordinator only: an interviewer’s key reaches no safeguarding channel, not even the counts', async () => {
    const { registry, session, pilotId } = await world();
    await openRegister(registry);
    vi.spyOn(session, 'role', 'get').mockReturnValue('interviewer');
    for (const channel of channels.filter((c) => c.startsWith('safeguarding.'))) {
      expectError(await registry.invoke(channel, { pilotId }), 'FORBIDDEN');
    }
  });
});

describe('audited reads', () => {
  it('records every read of a concern and of the register, and nothing for a read that failed', async () => {
    const { registry, session, pilotId, mentor, meeting } = await world();
    await openRegister(registry);
    const concern = await ok(registry, 'safeguarding.raise', { source: { kind: 'log', meetingId: meeting.id, authorId: mentor.id }, details: details({ aboutParticipantId: mentor.id }) });
    const before = countRows(session.db, 'audit_log');
    await ok(registry, 'safeguarding.get', { id: concern.id });
    await ok(registry, 'safeguarding.get', { id: concern.id });
    await ok(registry, 'safeguarding.list', { pilotId, status: 'all' });
    expect(auditActions(session.db).slice(before)).toEqual([
      { action: 'safeguarding.get', entityType: 'concern', entityId: String(concern.id) },
      { action: 'safeguarding.get', entityType: 'concern', entityId: String(concern.id) },
      { action: 'safeguarding.list', entityType: 'pilot', entityId: String(pilotId) },
    ]);
    expectError(await registry.invoke('safeguarding.get', { id: 999 }), 'NOT_FOUND');
    // Ordinary queries still write nothing.
    await ok(registry, 'plan.get', { pilotId });
    await ok(registry, 'safeguarding.summary', { pilotId });
    expect(countRows(session.db, 'audit_log')).toBe(before + 3);
    expect(expectOk(await registry.call('audit.verify', {})).ok).toBe(true);
  });

  it('still reads under query_only: an audited read that tries to write is refused, and leaves no audit entry', async () => {
    const { registry: base, session, pilotId } = await world();
    await openRegister(base);
    const writing: HandlerMap = {
      ...handlers,
      'safeguarding.list': {
        kind: 'audited-query',
        scope: pilotScope.fromInput('pilotId'),
        run: (_input, { db }) => {
          run(asWriteDb(db), "UPDATE pilots SET name = 'sneaky'");
          return { rows: [], offset: 0, total: 0 };
        },
        audit: () => ({ action: 'safeguarding.list' }),
      },
    };
    const registry = new HandlerRegistry(session, writing, { logError: () => {} });
    registry.grantStepUpInProcess();
    const before = countRows(session.db, 'audit_log');
    expectError(await registry.invoke('safeguarding.list', { pilotId }), 'INTERNAL');
    expect(countRows(session.db, 'audit_log')).toBe(before);
    expect((await ok(registry, 'pilots.get', { id: pilotId })).name).not.toBe('sneaky');
  });

  it('is refused on a damaged, read-only vault: a read that cannot be recorded is not answered', async () => {
    const { registry, session, pilotId } = await world();
    await openRegister(registry);
    vi.spyOn(session, 'damage', 'get').mockReturnValue({ folder: dir, problems: ['page 7: btree damaged'] });
    expectError(await registry.invoke('safeguarding.list', { pilotId }), 'VAULT_READ_ONLY');
  });
});

describe('a concern, from raising to closure', () => {
  it('raised from a log: linked to the log and its meeting, with the protocol’s steps copied on', async () => {
    const { registry, pilotId, mentor, mentee, meeting, pair } = await world();
    await openRegister(registry);
    const prefill = await ok(registry, 'safeguarding.prefill', { source: { kind: 'log', meetingId: meeting.id, authorId: mentor.id } });
    expect(prefill).toMatchObject({ pilotId, raisedVia: 'log', raisedBy: 'participant', aboutParticipantId: mentor.id });
    expect(prefill.link.meeting).toMatchObject({ id: meeting.id, pairId: pair.id, sequence: 1, mentorName: 'Amara Nwosu', menteeName: 'Helen Marsh' });
    expect(prefill.link.log).toMatchObject({ authorId: mentor.id, authorName: 'Amara Nwosu' });
    expect(prefill.link.log!.id).not.toBeNull();
    // A log is written by one of the meeting's two people.
    expectError(await registry.invoke('safeguarding.prefill', { source: { kind: 'log', meetingId: meeting.id, authorId: 999 } }), 'INVALID_INPUT');

    const concern = await ok(registry, 'safeguarding.raise', { source: { kind: 'log', meetingId: meeting.id, authorId: mentor.id }, details: details({ aboutParticipantId: mentor.id }) });
    expect(concern).toMatchObject({ pilotId, status: 'open', raisedVia: 'log', about: { id: mentor.id, name: 'Amara Nwosu', role: 'mentor' }, link: { log: { authorName: 'Amara Nwosu' } } });
    expect(concern.steps.map((s) => [s.position, s.text, s.fromProtocol, s.doneOn])).toEqual([
      [1, 'Listen and explain the limits of confidentiality', true, null],
      [2, 'Agree the next step with the person', true, null],
      [3, 'Refer to the right service', true, null],
    ]);
    expect(concern.history.map((h) => h.change)).toEqual(['3 steps of the support protocol added', 'Raised: Wellbeing, medium risk']);

    // A change to the protocol later does not rewrite what this concern was given; its new steps can be added.
    await ok(registry, 'plan.setSupport', { pilotId, support: { contacts: [], escalationSteps: ['Listen and explain the limits of confidentiality', 'Tell the scheme lead the same day'] } });
    expect((await ok(registry, 'safeguarding.get', { id: concern.id })).steps).toHaveLength(3);
    const withNew = await ok(registry, 'safeguarding.addProtocolSteps', { concernId: concern.id });
    expect(withNew.steps.map((s) => s.text).at(-1)).toBe('Tell the scheme lead the same day');
    expect(expectError(await registry.invoke('safeguarding.addProtocolSteps', { concernId: concern.id }), 'INVALID_TRANSITION').message).toBe('Every step of the support protocol is on this concern already.');

    // The same from a meeting, and from a participant's page: each pre-fills its own link.
    expect(await ok(registry, 'safeguarding.prefill', { source: { kind: 'meeting', meetingId: meeting.id } })).toMatchObject({ raisedVia: 'meeting', aboutParticipantId: null, link: { log: null } });
    expect(await ok(registry, 'safeguarding.prefill', { source: { kind: 'participant', participantId: mentee.id } })).toMatchObject({ raisedVia: 'direct', aboutParticipantId: mentee.id, link: { meeting: null, log: null } });
  });

  it('follows the protocol: steps done with a date and note, a referral and its outcome, follow-ups, then closure with the outcome', async () => {
    const { registry, pilotId, mentor, meeting, clock } = await world();
    await openRegister(registry);
    const raised = await ok(registry, 'safeguarding.raise', { source: { kind: 'meeting', meetingId: meeting.id }, details: details({ raisedVia: 'meeting', aboutParticipantId: mentor.id }) });
    const [listen, agree] = raised.steps;

    let concern = await ok(registry, 'safeguarding.recordStep', { id: listen!.id, doneOn: '2026-11-01', note: 'Talked after the meeting.' });
    expect(concern.steps[0]).toMatchObject({ doneOn: '2026-11-01', note: 'Talked after the meeting.' });
    expect(expectError(await registry.invoke('safeguarding.recordStep', { id: agree!.id, doneOn: '2026-11-09', note: '' }), 'INVALID_INPUT').message).toBe('The day a step was done cannot be in the future.');
    concern = await ok(registry, 'safeguarding.addReferral', { concernId: raised.id, referral: { service: 'Wellbeing service', referredOn: '2026-11-02' } });
    expect(concern.referrals).toEqual([{ id: expect.any(Number), service: 'Wellbeing service', referredOn: '2026-11-02', note: '', outcome: '', outcomeOn: null }]);
    concern = await ok(registry, 'safeguarding.addFollowUp', { concernId: raised.id, followUp: { dueOn: '2026-11-09', what: 'Check in after the first appointment' } });
    expect(await ok(registry, 'safeguarding.summary', { pilotId })).toEqual({ open: 1, overdueFollowUps: 0, pastRetention: 0 });

    // A week and a half later the follow-up is overdue: the dashboard's counts say so, without a word of the concern.
    clock.set('2026-11-12T10:00:00Z');
    expect(await ok(registry, 'safeguarding.summary', { pilotId })).toEqual({ open: 1, overdueFollowUps: 1, pastRetention: 0 });
    await openRegister(registry); // closed itself meanwhile
    const list = await ok(registry, 'safeguarding.list', { pilotId, overdueOnly: true });
    expect(list.rows.map((r) => [r.id, r.overdueFollowUps, r.stepsDone, r.stepsTotal, r.aboutName])).toEqual([[raised.id, 1, 1, 3, 'Amara Nwosu']]);

    // Not closed while a follow-up is still to do.
    expect(expectError(await registry.invoke('safeguarding.close', { id: raised.id, closedOn: '2026-11-12', outcome: 'Support in place.' }), 'INVALID_TRANSITION').message).toMatch(/A follow-up is still to do/);
    const followUp = concern.followUps[0]!;
    await ok(registry, 'safeguarding.updateFollowUp', { id: followUp.id, followUp: { dueOn: followUp.dueOn, what: followUp.what, doneOn: '2026-11-10', doneNote: 'Attended; feeling better.' } });
    const { id: referralId, ...referral } = concern.referrals[0]!;
    expect(expectError(await registry.invoke('safeguarding.updateReferral', { id: referralId, referral: { ...referral, outcomeOn: '2026-10-30', outcome: 'Seen' } }), 'INVALID_INPUT').message).toBe('The outcome cannot come before the referral.');
    await ok(registry, 'safeguarding.updateReferral', { id: referralId, referral: { ...referral, outcomeOn: '2026-11-10', outcome: 'Two appointments offered and taken.' } });
    await ok(registry, 'plan.setSafeguarding', { pilotId, safeguarding: { referralServices: [{ name: 'Wellbeing service', contact: '' }], concernRetentionMonths: 72 } });
    const closed = await ok(registry, 'safeguarding.close', { id: raised.id, closedOn: '2026-11-12', outcome: 'Support in place; happy to continue in the scheme.' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-12', outcome: 'Support in place; happy to continue in the scheme.', keepUntil: '2032-11-12', pastRetention: false });
    expect(await ok(registry, 'safeguarding.summary', { pilotId })).toEqual({ open: 0, overdueFollowUps: 0, pastRetention: 0 });

    // Closed means closed: changes wait for a reopening, which says why.
    expect(expectError(await registry.invoke('safeguarding.addStep', { concernId: raised.id, text: 'Another step' }), 'INVALID_TRANSITION').message).toBe(`Concern ${raised.id} is closed. Reopen it to change it.`);
    const reopened = await ok(registry, 'safeguarding.reopen', { id: raised.id, reason: 'Raised again at the next meeting.' });
    expect(reopened).toMatchObject({ status: 'open', closedOn: null, keepUntil: null });
    expect(reopened.history.map((h) => h.change)).toEqual([
      'Reopened: Raised again at the next meeting.',
      'Closed on 12 Nov 2026. Outcome: Support in place; happy to continue in the scheme.',
      'Referral to Wellbeing service: outcome on 10 Nov 2026: Two appointments offered and taken.',
      'Follow-up of 9 Nov 2026 done on 10 Nov 2026: Attended; feeling better.',
      'Follow-up for 9 Nov 2026 added: Check in after the first appointment',
      'Referred to Wellbeing service on 2 Nov 2026',
      'Step 1 note: Talked after the meeting.',
      'Step 1 done on 1 Nov 2026',
      '3 steps of the support protocol added',
      'Raised: Wellbeing, medium risk',
    ]);
  });

  it('keeps the earlier wording when what was said is edited, and each changed detail in the history', async () => {
    const { registry, mentor, mentee, meeting } = await world();
    await openRegister(registry);
    const raised = await ok(registry, 'safeguarding.raise', { source: { kind: 'meeting', meetingId: meeting.id }, details: details({ raisedVia: 'meeting', aboutParticipantId: mentor.id }) });
    const changed = await ok(registry, 'safeguarding.update', { id: raised.id, details: details({ raisedVia: 'meeting', aboutParticipantId: mentee.id, risk: 'high', whatWasSaid: 'Corrected wording.' }) });
    expect(changed.whatWasSaid).toBe('Corrected wording.');
    expect(changed.history.slice(0, 3).map((h) => h.change)).toEqual([
      `What was said was edited. It read before: “${details().whatWasSaid}”`,
      'Now about Helen Marsh (was Amara Nwosu)',
      'Risk changed from medium to high',
    ]);
  });

  it('refuses what a coordinator would not mean, with the reason and nothing changed', async () => {
    const { registry, session, pilotId, meeting } = await world();
    const other = await ok(registry, 'pilots.create', { name: 'Other pilot', startDate: '2026-10-01', endDate: '2027-06-30' });
    const stranger = await ok(registry, 'participants.create', { pilotId: other.id, participant: { name: 'Someone Else', email: 'someone@example.ac.uk', role: 'mentor' } });
    await openRegister(registry);
    const source = { kind: 'meeting' as const, meetingId: meeting.id };
    const wrongPilot = expectError(await registry.invoke('safeguarding.raise', { source, details: details({ aboutParticipantId: stranger.id }) }), 'INVALID_INPUT');
    expect(wrongPilot.issues).toEqual([{ path: ['details', 'aboutParticipantId'], message: 'Choose someone who takes part in this pilot, or describe the person instead.' }]);
    expect(expectError(await registry.invoke('safeguarding.raise', { source, details: details({ aboutOther: 'A visitor', raisedOn: '2026-11-03' }) }), 'INVALID_INPUT').message).toBe('A concern cannot be raised on a day still to come.');
    const nobody = expectError(await registry.invoke('safeguarding.raise', { source, details: details() }), 'INVALID_INPUT');
    expect(nobody.issues).toEqual([{ path: ['details', 'aboutOther'], message: 'Say who the concern is about: choose a participant, or describe the person' }]);
    expectError(await registry.invoke('safeguarding.raise', { source: { kind: 'meeting', meetingId: 999 }, details: details({ aboutOther: 'x' }) }), 'NOT_FOUND');
    // An archived pilot takes no new concern until it is restored.
    await ok(registry, 'pilots.archive', { id: pilotId });
    expectError(await registry.invoke('safeguarding.raise', { source, details: details({ aboutOther: 'A visitor' }) }), 'INVALID_TRANSITION');
    expect(countRows(session.db, 'concerns')).toBe(0);
  });
});

describe('consent, withdrawal and erasure', () => {
  it('a concern does not depend on research consent: it stays when the person withdraws, and can be about someone who has', async () => {
    const { registry, pilotId, mentor, mentee, meeting } = await world();
    await openRegister(registry);
    const concern = await ok(registry, 'safeguarding.raise', { source: { kind: 'meeting', meetingId: meeting.id }, details: details({ raisedVia: 'meeting', aboutParticipantId: mentor.id }) });
    await ok(registry, 'participants.transition', { id: mentor.id, to: 'withdrawn', reason: 'Left the university' });
    expect((await ok(registry, 'safeguarding.get', { id: concern.id })).about).toMatchObject({ id: mentor.id, status: 'withdrawn' });
    await ok(registry, 'participants.transition', { id: mentee.id, to: 'withdrawn', reason: 'Moved on' });
    expectOk(await registry.invoke('safeguarding.raise', { source: { kind: 'participant', participantId: mentee.id }, details: details({ raisedVia: 'direct', aboutParticipantId: mentee.id }) }));
    expect((await ok(registry, 'safeguarding.list', { pilotId })).total).toBe(2);
  });

  it('erasure removes the concerns about a person only when it calls eraseConcernsAbout; until then the person cannot be deleted', async () => {
    const { registry, session, mentor, mentee, meeting } = await world();
    await openRegister(registry);
    const aboutMentor = await ok(registry, 'safeguarding.raise', { source: { kind: 'log', meetingId: meeting.id, authorId: mentor.id }, details: details({ aboutParticipantId: mentor.id }) });
    await ok(registry, 'safeguarding.addFollowUp', { concernId: aboutMentor.id, followUp: { dueOn: '2026-11-20', what: 'Check in' } });
    await ok(registry, 'safeguarding.addReferral', { concernId: aboutMentor.id, referral: { service: 'Wellbeing service', referredOn: '2026-11-02' } });
    const aboutMentee = await ok(registry, 'safeguarding.raise', { source: { kind: 'log', meetingId: meeting.id, authorId: mentor.id }, details: details({ raisedBy: 'partner', aboutParticipantId: mentee.id }) });
    const db = asWriteDb(session.db);

    expect(countConcernsAbout(db, mentor.id)).toBe(1);
    // A participant's record cannot simply go while a concern is about them: erasure has to decide first.
    expect(() => transaction(db, () => run(db, 'DELETE FROM participants WHERE id = ?', [mentor.id]))).toThrow(/FOREIGN KEY/);
    expect(countRows(session.db, 'concerns')).toBe(2);

    // What the erasure does once the coordinator has confirmed: the concern goes with everything on it.
    const erased = transaction(db, () => {
      const result = eraseConcernsAbout(db, mentor.id);
      run(db, 'DELETE FROM participants WHERE id = ?', [mentor.id]);
      return result;
    });
    expect(erased).toEqual({ removedConcernIds: [aboutMentor.id] });
    for (const table of ['concern_steps', 'concern_referrals', 'concern_follow_ups', 'concern_history']) {
      expect(value<number>(asReadDb(db), `SELECT count(*) FROM ${table} WHERE concern_id = ?`, [aboutMentor.id]), table).toBe(0);
    }
    // The concern about the partner stays; the log it came from went with its author, so it keeps its text without the link.
    const kept = await ok(registry, 'safeguarding.get', { id: aboutMentee.id });
    expect(kept).toMatchObject({ whatWasSaid: details().whatWasSaid, about: { id: mentee.id }, link: { log: null } });
    expect(countConcernsAbout(db, mentor.id)).toBe(0);
  });
});
