import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

// The clock the handlers see: 20 October 2026.
const now = () => new Date('2026-10-20T10:00:00');

describe('scheme plan', () => {
  it('starts with the defaults of a typical round', async () => {
    const { registry } = await unlockedCore(dir, now);
    const pilot = await newPilot(registry);
    const plan = await ok(registry, 'plan.get', { pilotId: pilot.id });
    expect(plan.eligibility).toEqual(['Ethnically minoritised', 'Mature (21+)', 'International', 'Widening participation']);
    expect(plan.meetingPlan).toMatchObject({ meetingCount: 4, cadenceDays: 14, durationMin: 60, durationMax: 90 });
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

  it('renames an eligibility category on everyone who has it, and refuses to remove one that people still have', async () => {
    const { registry } = await unlockedCore(dir, now);
    const { id: pilotId } = await newPilot(registry);
    const person = (n: number, characteristics: string[]) =>
      ok(registry, 'participants.create', { pilotId, participant: { name: `Student ${n}`, email: `s${n}@example.ac.uk`, role: 'mentor', characteristics } });
    const a = await person(1, ['International', 'Mature (21+)']);
    const b = await person(2, ['international']);
    const c = await person(3, ['Widening participation']);
    await ok(registry, 'matching.setSettings', {
      pilotId,
      settings: { mode: 'best-fit', weights: { chemistry: 40, preferences: 25, difference: 15, topics: 10, availability: 10 }, differenceCharacteristics: ['International'], allowSameDepartment: false, requireAvailabilityOverlap: false },
    });
    const characteristics = async (id: number) => (await ok(registry, 'participants.get', { id })).characteristics;

    // Removing a category people have: refused, with how many, and nothing changes.
    const removal = expectError(
      await registry.invoke('plan.setEligibility', { pilotId, categories: ['Ethnically minoritised', 'Mature (21+)', 'International'] }),
      'CONFLICT',
    );
    expect(removal.message).toMatch(/“Widening participation” \(1 person\) is still ticked on people’s records, so it cannot be removed/);
    const two = expectError(await registry.invoke('plan.setEligibility', { pilotId, categories: ['Ethnically minoritised'] }), 'CONFLICT');
    expect(two.message).toMatch(/“Mature \(21\+\)” \(1 person\), “International” \(2 people\), “Widening participation” \(1 person\) are still ticked/);
    expect((await ok(registry, 'plan.get', { pilotId })).eligibility).toEqual(['Ethnically minoritised', 'Mature (21+)', 'International', 'Widening participation']);
    // A category nobody has goes without fuss.
    expect(await ok(registry, 'plan.setEligibility', { pilotId, categories: ['Mature (21+)', 'International', 'Widening participation'] })).toEqual(['Mature (21+)', 'International', 'Widening participation']);

    // Renaming carries people (and the pairing settings) along in the same change, with a trail entry per person.
    const trailBefore = (await ok(registry, 'audit.list', { limit: 500 })).length;
    await ok(registry, 'plan.setEligibility', {
      pilotId,
      categories: ['Mature student (21+)', 'International student', 'Widening participation'],
      renames: [
        { from: 'Mature (21+)', to: 'Mature student (21+)' },
        { from: 'International', to: 'International student' },
      ],
    });
    expect(await characteristics(a.id)).toEqual(['International student', 'Mature student (21+)']);
    expect(await characteristics(b.id)).toEqual(['International student']);
    expect(await characteristics(c.id)).toEqual(['Widening participation']);
    expect((await ok(registry, 'matching.state', { pilotId })).settings.differenceCharacteristics).toEqual(['International student']);
    const trail = (await ok(registry, 'audit.list', { limit: 500 })).slice(0, -trailBefore || undefined);
    expect(trail.map((e) => [e.action, e.entityId]).sort()).toEqual(
      [
        ['participants.update', String(a.id)],
        ['participants.update', String(b.id)],
        ['plan.setEligibility', String(pilotId)],
      ].sort(),
    );
    // Their unchanged record can still be saved.
    await ok(registry, 'participants.update', { id: a.id, participant: { name: 'Student 1', email: 's1@example.ac.uk', role: 'mentor', characteristics: await characteristics(a.id) } });

    // New capitals alone are a rename too; merging two categories into one dedupes each person.
    await ok(registry, 'plan.setEligibility', { pilotId, categories: ['international student', 'Widening participation'], renames: [{ from: 'Mature student (21+)', to: 'international student' }] });
    expect(await characteristics(a.id)).toEqual(['international student']);
    expect(await characteristics(b.id)).toEqual(['international student']);

    // The pairing settings use a category: removing it is refused even when nobody has it any more.
    await ok(registry, 'participants.update', { id: a.id, participant: { name: 'Student 1', email: 's1@example.ac.uk', role: 'mentor', characteristics: [] } });
    await ok(registry, 'participants.update', { id: b.id, participant: { name: 'Student 2', email: 's2@example.ac.uk', role: 'mentor', characteristics: [] } });
    const pairing = expectError(await registry.invoke('plan.setEligibility', { pilotId, categories: ['Widening participation'] }), 'CONFLICT');
    expect(pairing.message).toMatch(/the pairing settings use “international student”/);
    // A rename must name a current category and a new one.
    expectError(await registry.invoke('plan.setEligibility', { pilotId, categories: ['Widening participation', 'X'], renames: [{ from: 'Nope', to: 'X' }] }), 'CONFLICT');
    expectError(await registry.invoke('plan.setEligibility', { pilotId, categories: ['Widening participation'], renames: [{ from: 'international student', to: 'Y' }] }), 'CONFLICT');
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

  it('lays out the default timeline within the pilot and says what is done, late, due soon or upcoming', async () => {
    const { registry } = await unlockedCore(dir, now);
    // 1 October to 30 June: the academic calendar's group reflection (3 July) would be after the end, so the steps are spread over the pilot.
    const { id: pilotId } = await newPilot(registry);
    const milestones = await ok(registry, 'milestones.applyTemplate', { pilotId });
    expect(milestones.map((m) => m.dueOn)).toEqual([...milestones.map((m) => m.dueOn)].sort());
    expect(milestones[0]).toMatchObject({ title: 'Call for expressions of interest', dueOn: '2026-10-01', status: 'late' });
    expect(milestones.find((m) => m.title === 'Expressions of interest close')).toMatchObject({ dueOn: '2026-10-20', status: 'due-soon' });
    expect(milestones.find((m) => m.title === 'Group reflection')).toMatchObject({ dueOn: '2027-06-30', status: 'upcoming' });
    expect(milestones.every((m) => m.dueOn >= '2026-10-01' && m.dueOn <= '2027-06-30')).toBe(true);
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

  it('fits the timeline to the pilot: the academic calendar when it fits, else spread over its dates, never after the end', async () => {
    const { registry } = await unlockedCore(dir, now);
    const timeline = async (startDate: string, endDate: string) => {
      const pilot = await ok(registry, 'pilots.create', { name: `Pilot ${startDate}`, startDate, endDate });
      return Object.fromEntries((await ok(registry, 'milestones.applyTemplate', { pilotId: pilot.id })).map((m) => [m.title, m.dueOn]));
    };
    // A whole academic year: the usual October-to-July dates.
    const year = await timeline('2026-09-01', '2027-07-31');
    expect(year).toMatchObject({ 'Call for expressions of interest': '2026-10-01', 'Pairs confirmed': '2026-11-14', 'Closing interviews done': '2027-06-26', 'Group reflection': '2027-07-03' });

    // A February-to-May round: everything between its start and end, in the same order.
    const spring = await timeline('2027-02-01', '2027-05-31');
    const dates = Object.values(spring);
    expect(dates).toHaveLength(10);
    expect(dates.every((d) => d >= '2027-02-01' && d <= '2027-05-31')).toBe(true);
    expect(dates).toEqual([...dates].sort());
    expect(spring['Call for expressions of interest']).toBe('2027-02-01');
    expect(spring['Pairs confirmed']! < '2027-03-01').toBe(true);
    expect(spring['Closing interviews done']! >= '2027-05-01').toBe(true);
    expect(spring['Group reflection']).toBe('2027-05-31');

    // A single day still gets every step, on that day.
    expect(new Set(Object.values(await timeline('2027-03-03', '2027-03-03')))).toEqual(new Set(['2027-03-03']));
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
