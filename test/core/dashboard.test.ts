import { beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/vault';
import { withVault } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import type { HandlerRegistry } from '../../electron/core';
import type { AttentionKind, Dashboard } from '../../shared/dashboard/contract';

let registry: HandlerRegistry;
const clock = movableClock('2026-10-15T09:00:00Z');

beforeEach(() => clock.set('2026-10-15T09:00:00Z'));
beforeEach(withVault((core) => ({ registry } = core), { prefix: 'reciprocal-dashboard-', now: clock.now, timeZone: 'Europe/London' }));

const attentionOf = (dashboard: Dashboard) => Object.fromEntries(dashboard.attention.map((item) => [item.kind, item.count])) as Partial<Record<AttentionKind, number>>;
const dashboardOf = (pilotId: number) => ok(registry, 'dashboard.get', { pilotId });

describe('the pilot dashboard', () => {
  it('has nothing needing attention for a new pilot, and no interviews yet', async () => {
    const pilot = await ok(registry, 'pilots.create', { name: 'Empty pilot', startDate: '2026-10-01', endDate: '2027-06-30' });
    const dashboard = await dashboardOf(pilot.id);
    expect(dashboard.attention).toEqual([]);
    expect(dashboard.people.total).toBe(0);
    expect(dashboard.meetings).toMatchObject({ held: 0, overdue: 0, pairs: 0 });
    expect(dashboard.interviews).toEqual({ scheduled: 0, done: 0, cancelled: 0 });
    // 15 October 2026 is a Thursday in the third week of a pilot starting Thursday 1 October.
    expect(dashboard.timeline).toMatchObject({ weekStart: '2026-10-12', weekEnd: '2026-10-18', weekOfPilot: 3 });
  });

  it('counts a hand-built pilot stage by stage and lists what needs attention', async () => {
    const { pilotId, mentor, pair } = await pilotWithPair(registry);
    // Someone interested only, and someone with a survey response but no consent on record.
    await ok(registry, 'participants.create', { pilotId, participant: { name: 'Orla Byrne', email: 'orla@example.ac.uk', role: 'mentor' } });
    const unconsented = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Tobias Fenwick', email: 'tobias@example.ac.uk', role: 'mentee' } });
    const instrument = await ok(registry, 'surveys.createInstrument', { pilotId, title: 'Belonging survey', template: 'scheme' });
    const meetings = (await ok(registry, 'meetings.forPair', { pairId: pair.id })).meetings;
    const [first, second] = meetings;
    const today = second!.date > first!.date ? second!.date : first!.date; // the day of the second meeting…
    const after = new Date(`${today}T09:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1); // …has just passed: it is overdue
    const todayIso = after.toISOString().slice(0, 10);
    const wave = await ok(registry, 'surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'pre', title: 'Before', audience: 'both', opensOn: '2026-10-01', closesOn: todayIso } });
    const staffItem = instrument.items.find((item) => item.audience !== 'mentors')!;
    await ok(registry, 'surveys.saveResponse', { waveId: wave.id, participantId: unconsented.id, answers: [{ itemId: staffItem.id, score: 3 }] });
    await ok(registry, 'milestones.create', { pilotId, milestone: { title: 'Call for interest', dueOn: '2026-10-05' }, confirmed: [] });
    await ok(registry, 'milestones.create', { pilotId, milestone: { title: 'Group reflection', dueOn: '2027-06-20' }, confirmed: [] });
    clock.set(`${todayIso}T09:00:00Z`);
    await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: first!.date, actualDurationMin: 60 });
    await ok(registry, 'logs.submit', { meetingId: first!.id, authorId: mentor.id, stages: { description: 'We talked about the library.' } });

    const dashboard = await dashboardOf(pilotId);
    expect(dashboard.people).toMatchObject({ total: 4, consented: 2 });
    expect(dashboard.people.byStatus).toMatchObject({ interested: 2, active: 2, withdrawn: 0 });
    expect(dashboard.meetings).toMatchObject({ held: 1, overdue: 1, pairs: 1, scheduled: meetings.length - 1 });
    expect(dashboard.logsOwed).toBe(1); // Helen's log for the first meeting
    expect(dashboard.surveyReturns).toEqual([expect.objectContaining({ title: 'Before', returned: 1, invited: 4, state: 'open' })]);
    expect(dashboard.timeline.late.map((m) => m.title)).toEqual(['Call for interest']);
    expect(dashboard.timeline.next?.title).toBe('Group reflection');
    expect(attentionOf(dashboard)).toEqual({ 'late-milestones': 1, 'overdue-meetings': 1, 'owed-logs': 1, 'consent-missing': 1, 'waves-closing': 1 });
    expect(dashboard.attention.find((item) => item.kind === 'consent-missing')!.people).toEqual([{ id: unconsented.id, name: 'Tobias Fenwick' }]);
    expect(dashboard.attention.find((item) => item.kind === 'waves-closing')!.waves).toEqual([{ waveId: wave.id, title: 'Before', closesOn: todayIso, returned: 1, invited: 4 }]);
  });

  it('flags paired people who are untrained before their first meeting, until they are trained', async () => {
    const { pilotId, mentor, mentee } = await pilotWithPair(registry);
    const untrained = (await dashboardOf(pilotId)).attention.find((item) => item.kind === 'untrained-before-first-meeting');
    expect(untrained?.count).toBe(2);
    expect(untrained?.people.map((p) => p.name)).toEqual(['Amara Nwosu', 'Helen Marsh']);
    const topics = ['Confidentiality and its limits', 'The disclosure protocol'];
    await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-10-14', audience: 'both', topics, attendeeIds: [mentor.id, mentee.id] } });
    expect((await dashboardOf(pilotId)).attention.find((item) => item.kind === 'untrained-before-first-meeting')).toBeUndefined();
  });

  it('shows safeguarding as counts only, never its words', async () => {
    const { pilotId, mentor } = await pilotWithPair(registry);
    registry.grantStepUpInProcess();
    const details = { raisedOn: '2026-10-14', raisedVia: 'direct' as const, raisedBy: 'participant' as const, aboutParticipantId: mentor.id, category: 'wellbeing' as const, risk: 'medium' as const, whatWasSaid: 'Zanzibarcanary worried about rent' };
    await ok(registry, 'safeguarding.raise', { source: { kind: 'participant', participantId: mentor.id }, details });
    const dashboard = await dashboardOf(pilotId);
    expect(attentionOf(dashboard)['open-concerns']).toBe(1);
    expect(JSON.stringify(dashboard)).not.toContain('Zanzibarcanary');
  });

  it('moves a withdrawn person out of every count that needs them', async () => {
    const { pilotId, mentee } = await pilotWithPair(registry);
    const preview = await ok(registry, 'participants.previewWithdrawal', { id: mentee.id });
    await ok(registry, 'participants.transition', { id: mentee.id, to: 'withdrawn', reason: 'Moved institution', previewFingerprint: preview.fingerprint });
    const dashboard = await dashboardOf(pilotId);
    expect(dashboard.people.byStatus.withdrawn).toBe(1);
    expect(dashboard.meetings.pairs).toBe(0);
    expect(dashboard.attention.find((item) => item.kind === 'untrained-before-first-meeting')).toBeUndefined();
  });

  it('refuses a pilot that does not exist, with a clear message', async () => {
    expect(expectError(await registry.call('dashboard.get', { pilotId: 999 }), 'NOT_FOUND').message).toContain('999');
  });
});
