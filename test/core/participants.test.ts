import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, tempDir, unlockedCore } from '../helpers/vault';
import { newPilot, ok } from '../helpers/pilot';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const ada = { name: 'Ada Okoro', email: 'Ada.Okoro@Example.ac.uk', role: 'mentor' as const, department: 'Engineering', level: 'Year 2', characteristics: ['international', 'Mature (21+)'], topics: ['Assessment', 'assessment', 'Belonging'], availability: ['mon-am', 'wed-pm'] };

describe('participants', () => {
  it('registers a person with clean data and marks characteristics as the plan spells them', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const p = await ok(registry, 'participants.create', { pilotId, participant: ada });
    expect(p).toMatchObject({ email: 'ada.okoro@example.ac.uk', status: 'interested', characteristics: ['International', 'Mature (21+)'], topics: ['Assessment', 'Belonging'], consent: 'none' });
    expect(p.statusHistory).toEqual([{ from: null, to: 'interested', reason: null, at: expect.any(String) }]);
  });

  it('refuses bad fields, unknown characteristics and a duplicate email, saving nothing', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const invalid = expectError(await registry.invoke('participants.create', { pilotId, participant: { ...ada, email: 'not-an-email', role: 'boss', availability: ['sun-am'] } }), 'INVALID_INPUT');
    expect(invalid.issues?.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['participant.email', 'participant.role', 'participant.availability.0']));
    const unknown = expectError(await registry.invoke('participants.create', { pilotId, participant: { ...ada, characteristics: ['Left-handed'] } }), 'INVALID_INPUT');
    expect(unknown.message).toMatch(/"Left-handed" is not one of this pilot’s categories/);
    await ok(registry, 'participants.create', { pilotId, participant: ada });
    const dup = expectError(await registry.invoke('participants.create', { pilotId, participant: { ...ada, name: 'Someone else', email: 'ADA.OKORO@example.ac.uk' } }), 'CONFLICT');
    expect(dup.issues?.[0]?.path).toEqual(['participant', 'email']);
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(1);
  });

  it('moves people along the pipeline, forward only, and requires a reason to withdraw', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const { id } = await ok(registry, 'participants.create', { pilotId, participant: ada });
    await ok(registry, 'participants.transition', { id, to: 'chemistry' });
    await ok(registry, 'participants.transition', { id, to: 'paired' }); // training may come later: flagged, not blocked
    const back = expectError(await registry.invoke('participants.transition', { id, to: 'interested' }), 'INVALID_TRANSITION');
    expect(back.message).toMatch(/can move to: Active, Completed, Withdrawn/);
    expectError(await registry.invoke('participants.transition', { id, to: 'withdrawn' }), 'INVALID_INPUT');
    const withdrawn = await ok(registry, 'participants.transition', { id, to: 'withdrawn', reason: 'Moved to part-time study' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusReason: 'Moved to part-time study' });
    expect(withdrawn.statusHistory.map((h) => `${h.from}→${h.to}`)).toEqual(['null→interested', 'interested→chemistry', 'chemistry→paired', 'paired→withdrawn']);
    const back2 = await ok(registry, 'participants.transition', { id, to: 'interested', reason: 'Came back' });
    expect(back2.status).toBe('interested');
    const audit = await ok(registry, 'audit.list', { limit: 10 });
    expect(audit.map((e) => e.action)).toContain('participants.transition.withdrawn');
  });

  it('records granular consent on a form version, and a withdrawal keeps the record', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const form = await ok(registry, 'consentForms.create', { pilotId, form: { version: '2', datedOn: '2026-09-01', text: 'Consent text' } });
    const { id } = await ok(registry, 'participants.create', { pilotId, participant: ada });
    const choices = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: true };
    expectError(await registry.invoke('consent.record', { participantId: id, formId: form.id, givenOn: '2026-08-01', choices }), 'INVALID_INPUT');
    const record = await ok(registry, 'consent.record', { participantId: id, formId: form.id, givenOn: '2026-10-03', choices });
    expect((await ok(registry, 'participants.get', { id })).consent).toBe('given');

    expectError(await registry.invoke('consent.withdraw', { id: record.id, withdrawnOn: '2026-11-01', reason: ' ' }), 'INVALID_INPUT');
    const withdrawn = await ok(registry, 'consent.withdraw', { id: record.id, withdrawnOn: '2026-11-01', reason: 'No longer wishes to take part' });
    expect(withdrawn).toMatchObject({ withdrawnOn: '2026-11-01', withdrawalReason: 'No longer wishes to take part', choices });
    expectError(await registry.invoke('consent.withdraw', { id: record.id, withdrawnOn: '2026-11-02', reason: 'again' }), 'INVALID_TRANSITION');
    const person = await ok(registry, 'participants.get', { id });
    expect(person).toMatchObject({ consent: 'withdrawn', status: 'withdrawn' });
    expect(person.consents).toHaveLength(1);
    expect(person.statusReason).toMatch(/Consent withdrawn: No longer wishes/);

    const second = await ok(registry, 'consent.record', { participantId: id, formId: form.id, givenOn: '2026-11-05', choices: { ...choices, audioRecording: true } });
    expect((await ok(registry, 'participants.get', { id })).consents.map((c) => [c.id, c.withdrawnOn])).toEqual([
      [record.id, '2026-11-01'],
      [second.id, null],
    ]);
  });

  it('searches, filters by role, status, department and characteristic, and sorts', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const people = [
      { name: 'Zoe Adams', email: 'zoe@example.ac.uk', role: 'mentor' as const, department: 'History', characteristics: ['International'], topics: ['belonging'] },
      { name: 'Yusuf Bello', email: 'yusuf@example.ac.uk', role: 'mentee' as const, department: 'Registry' },
      { name: 'Xia Chen', email: 'xia@example.ac.uk', role: 'mentor' as const, department: 'History', characteristics: ['Mature (21+)'] },
      { name: 'Will 100% Dunn', email: 'will@example.ac.uk', role: 'mentee' as const, department: 'Estates' },
    ];
    const ids = [];
    for (const p of people) ids.push((await ok(registry, 'participants.create', { pilotId, participant: p })).id);
    await ok(registry, 'participants.transition', { id: ids[2]!, to: 'trained' });
    const names = async (q: object) => (await ok(registry, 'participants.list', { pilotId, ...q })).rows.map((r) => r.name);

    expect(await names({})).toEqual(['Will 100% Dunn', 'Xia Chen', 'Yusuf Bello', 'Zoe Adams']);
    expect(await names({ sortDirection: 'desc' })).toEqual(['Zoe Adams', 'Yusuf Bello', 'Xia Chen', 'Will 100% Dunn']);
    expect(await names({ role: 'mentor' })).toEqual(['Xia Chen', 'Zoe Adams']);
    expect(await names({ status: 'trained' })).toEqual(['Xia Chen']);
    expect(await names({ department: 'History', sortBy: 'status' })).toEqual(['Zoe Adams', 'Xia Chen']);
    expect(await names({ characteristic: 'international' })).toEqual(['Zoe Adams']);
    expect(await names({ search: 'BELL' })).toEqual(['Yusuf Bello']);
    expect(await names({ search: 'belonging' })).toEqual(['Zoe Adams']);
    expect(await names({ search: '100%' })).toEqual(['Will 100% Dunn']);
    expect(await names({ search: '%' })).toEqual(['Will 100% Dunn']);
    const list = await ok(registry, 'participants.list', { pilotId, role: 'mentee' });
    expect(list).toMatchObject({ total: 4, departments: ['Estates', 'History', 'Registry'] });
  });
});
