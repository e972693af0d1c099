import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, tempDir, unlockedCore } from '../helpers/vault';
import { newPilot, ok } from '../helpers/pilot';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

// The clock the handlers see: 20 October 2026.
const now = () => new Date('2026-10-20T10:00:00');

describe('scheme plan', () => {
  it('starts with the defaults of a typical round', async () => {
    const { registry } = await unlockedCore(dir, now);
    const pilot = await newPilot(registry);
    const plan = await ok(registry, 'plan.get', { pilotId: pilot.id });
    expect(plan.eligibility).toEqual(['Ethnically minoritised', 'Mature (21+)', 'International', 'Widening participation']);
    expect(plan.meetingPlan).toEqual({ meetingCount: 4, cadenceDays: 14, durationMin: 60, durationMax: 90 });
    expect(plan).toMatchObject({ themes: [], milestones: [], consentForms: [], governance: { ethicsReference: '', retentionMonths: null } });
  });

  it('edits eligibility, meeting plan, governance and support, validating each', async () => {
    const { registry } = await unlockedCore(dir, now);
    const { id: pilotId } = await newPilot(registry);
    expect(await ok(registry, 'plan.setEligibility', { pilotId, categories: ['International', 'Care leavers', 'international'] })).toEqual(['International', 'Care leavers']);
    expect(await ok(registry, 'plan.setMeetingPlan', { pilotId, meetingPlan: { meetingCount: 6, cadenceDays: 7, durationMin: 45, durationMax: 60 } })).toMatchObject({ meetingCount: 6 });
    const bad = expectError(await registry.invoke('plan.setMeetingPlan', { pilotId, meetingPlan: { meetingCount: 0, cadenceDays: 7, durationMin: 90, durationMax: 60 } }), 'INVALID_INPUT');
    expect(bad.issues?.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['meetingPlan.meetingCount', 'meetingPlan.durationMax']));
    await ok(registry, 'plan.setGovernance', { pilotId, governance: { ethicsReference: 'FAHC 23-041', retentionMonths: 60 } });
    await ok(registry, 'plan.setSupport', {
      pilotId,
      support: { contacts: [{ name: 'Student Wellbeing', role: 'Service', contact: 'wellbeing@example.ac.uk' }], escalationSteps: ['Listen and reassure', 'Refer to Wellbeing'] },
    });
    const plan = await ok(registry, 'plan.get', { pilotId });
    expect(plan.governance).toEqual({ ethicsReference: 'FAHC 23-041', retentionMonths: 60 });
    expect(plan.support.escalationSteps).toEqual(['Listen and reassure', 'Refer to Wellbeing']);
    expect(plan.meetingPlan.durationMax).toBe(60);
  });

  it('keeps themes with ice-breakers in order, moves and deletes them', async () => {
    const { registry } = await unlockedCore(dir, now);
    const { id: pilotId } = await newPilot(registry);
    const identity = await ok(registry, 'themes.create', { pilotId, theme: { title: 'Identity', iceBreakers: ['How important is the label "international student" to my identity?'] } });
    const belonging = await ok(registry, 'themes.create', { pilotId, theme: { title: 'Belonging' } });
    expect((await ok(registry, 'themes.move', { id: belonging.id, direction: 'up' })).map((t) => t.title)).toEqual(['Belonging', 'Identity']);
    expectError(await registry.invoke('themes.move', { id: belonging.id, direction: 'up' }), 'INVALID_TRANSITION');
    expectError(await registry.invoke('themes.create', { pilotId, theme: { title: ' ' } }), 'INVALID_INPUT');
    await ok(registry, 'themes.update', { id: identity.id, theme: { title: 'Identity and labels', iceBreakers: ['Q1', 'Q2'] } });
    await ok(registry, 'themes.delete', { id: belonging.id });
    const plan = await ok(registry, 'plan.get', { pilotId });
    expect(plan.themes.map((t) => [t.title, t.iceBreakers])).toEqual([['Identity and labels', ['Q1', 'Q2']]]);
  });

  it('lays out the academic-year timeline and says what is done, late, due soon or upcoming', async () => {
    const { registry } = await unlockedCore(dir, now);
    const { id: pilotId } = await newPilot(registry);
    const milestones = await ok(registry, 'milestones.applyTemplate', { pilotId });
    expect(milestones.map((m) => m.dueOn)).toEqual([...milestones.map((m) => m.dueOn)].sort());
    expect(milestones[0]).toMatchObject({ title: 'Call for expressions of interest', dueOn: '2026-10-01', status: 'late' });
    expect(milestones.find((m) => m.title === 'Expressions of interest close')).toMatchObject({ status: 'due-soon' });
    expect(milestones.find((m) => m.title === 'Group reflection')).toMatchObject({ dueOn: '2027-07-03', status: 'upcoming' });
    // Applying again adds nothing twice.
    expect(await ok(registry, 'milestones.applyTemplate', { pilotId })).toHaveLength(milestones.length);

    const call = milestones[0]!;
    const done = await ok(registry, 'milestones.update', { id: call.id, milestone: { title: call.title, dueOn: call.dueOn, doneOn: '2026-10-02' } });
    expect(done.status).toBe('done');
    await ok(registry, 'milestones.create', { pilotId, milestone: { title: 'Sponsor update', dueOn: '2026-12-01' } });
    await ok(registry, 'milestones.delete', { id: call.id });
    const plan = await ok(registry, 'plan.get', { pilotId });
    expect(plan.milestones.some((m) => m.title === 'Sponsor update')).toBe(true);
    expect(plan.milestones.some((m) => m.id === call.id)).toBe(false);
  });

  it('versions consent forms, and freezes a version once consent has been given on it', async () => {
    const { registry } = await unlockedCore(dir, now);
    const { id: pilotId } = await newPilot(registry);
    const v1 = await ok(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: '2026-09-01', text: 'I agree to take part…' } });
    expectError(await registry.invoke('consentForms.create', { pilotId, form: { version: '1.0', datedOn: '2026-09-02', text: 'x' } }), 'CONFLICT');
    await ok(registry, 'consentForms.update', { id: v1.id, form: { version: '1.0', datedOn: '2026-09-01', text: 'I agree to take part in the scheme.' } });
    const person = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Ada', email: 'ada@example.ac.uk', role: 'mentor' } });
    await ok(registry, 'consent.record', { participantId: person.id, formId: v1.id, givenOn: '2026-10-02', choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: true } });
    const frozen = expectError(await registry.invoke('consentForms.update', { id: v1.id, form: { version: '1.0', datedOn: '2026-09-01', text: 'changed' } }), 'INVALID_TRANSITION');
    expect(frozen.message).toMatch(/Add a new version/);
    expect((await ok(registry, 'plan.get', { pilotId })).consentForms[0]).toMatchObject({ version: '1.0', recordCount: 1 });
  });

  it('refuses changes to an archived pilot', async () => {
    const { registry } = await unlockedCore(dir, now);
    const { id: pilotId } = await newPilot(registry);
    await ok(registry, 'pilots.archive', { id: pilotId });
    expectError(await registry.invoke('themes.create', { pilotId, theme: { title: 'Late' } }), 'INVALID_TRANSITION');
    expectError(await registry.invoke('plan.get', { pilotId: 999 }), 'NOT_FOUND');
  });
});
