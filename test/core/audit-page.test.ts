import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { movableClock } from '../helpers/pairs';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const noStages = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

describe('the audit trail, page by page', () => {
  it('shows every entry a page at a time, filtered by feature, action and day, with records named and linked', async () => {
    const clock = movableClock('2026-10-05T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { id: pilotId } = await newPilot(registry);
    const people = [];
    for (let i = 0; i < 30; i++) {
      people.push(await ok(registry, 'participants.create', { pilotId, participant: { name: `Person ${String(i).padStart(2, '0')}`, email: `p${i}@example.ac.uk`, role: i % 2 ? 'mentee' : 'mentor' } }));
    }
    clock.set('2026-10-06T09:00:00Z');
    const theme = await ok(registry, 'themes.create', { pilotId, theme: { title: 'Belonging' } });
    const chemistry = await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-06', mentorId: people[0]!.id, menteeId: people[1]!.id } });
    await ok(registry, 'participants.update', { id: people[2]!.id, participant: { name: 'Person 02 renamed', email: 'p2@example.ac.uk', role: 'mentor' } });

    // All of it, newest first, past the 200 the screen used to stop at.
    const all = await ok(registry, 'audit.page', { limit: 10 });
    expect(all.total).toBe((await ok(registry, 'audit.list', { limit: 1000 })).length);
    expect(all.total).toBeGreaterThan(33);
    expect(all.rows.map((r) => r.seq)).toEqual([...Array(10).keys()].map((k) => all.total - k));
    const last = await ok(registry, 'audit.page', { offset: all.total - 3, limit: 10 });
    expect(last.rows.map((r) => r.seq)).toEqual([3, 2, 1]);

    // Named (as they are now) and linked.
    expect(all.rows[0]).toMatchObject({ action: 'participants.update', record: { label: 'Person 02 renamed', link: { screen: 'participant', pilotId, ids: [people[2]!.id] } } });
    expect(all.rows[1]).toMatchObject({ action: 'chemistry.create', record: { label: `Chemistry meeting of Person 00 and Person 01`, link: { screen: 'chemistry', pilotId } } });
    expect(all.rows[2]).toMatchObject({ action: 'themes.create', record: { label: 'Theme “Belonging”', link: { screen: 'plan', pilotId } } });
    expect(chemistry.id).toBeGreaterThan(0);
    expect(theme.id).toBeGreaterThan(0);

    // By feature, by one action, by day.
    const created = await ok(registry, 'audit.page', { action: 'participants', limit: 5 });
    expect(created.total).toBe(31);
    expect(created.rows.every((r) => r.action.startsWith('participants.'))).toBe(true);
    expect((await ok(registry, 'audit.page', { action: 'participants.create' })).total).toBe(30);
    expect((await ok(registry, 'audit.page', { action: 'participants.cre' })).total).toBe(0);
    const sixth = await ok(registry, 'audit.page', { from: '2026-10-06', to: '2026-10-06' });
    expect(sixth.rows.map((r) => r.action)).toEqual(['participants.update', 'chemistry.create', 'themes.create']);
    expect((await ok(registry, 'audit.page', { from: '2026-10-07' })).total).toBe(0);
    expect(expectError(await registry.invoke('audit.page', { from: '2026-10-07', to: '2026-10-06' }), 'INVALID_INPUT').issues?.[0]?.path).toEqual(['to']);
    expectError(await registry.invoke('audit.page', { action: "x' OR 1=1 --" }), 'INVALID_INPUT');
    expectError(await registry.invoke('audit.page', { limit: 201 }), 'INVALID_INPUT');
  });

  it('a deleted record is no longer named, and the vault and settings are left for the screen to word', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const ada = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Ada Lovelace', email: 'ada@example.ac.uk', role: 'mentor' } });
    const group = await ok(registry, 'focusGroups.create', { pilotId, focusGroup: { heldOn: '2026-10-08', audience: 'staff' } });
    await ok(registry, 'focusGroups.delete', { id: group.id });
    const page = await ok(registry, 'audit.page', { limit: 100 });
    const about = (action: string) => page.rows.find((r) => r.action === action)!.record;
    expect(about('focusGroups.delete')).toEqual({ label: `Focus group no. ${group.id} (no longer in the vault)`, link: null });
    expect(about('participants.create')).toMatchObject({ label: 'Ada Lovelace' });
    expect(about('vault.create')).toBeNull();
    expect(ada.id).toBeGreaterThan(0);
  });
});

describe('draft autosaves in the audit trail', () => {
  it('writes one entry per draft editing session, not one per save, and the chain still verifies', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { id: pilotId } = await newPilot(registry);
    const form = await ok(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: '2026-09-01', text: 'Consent form (test).' } });
    const add = async (name: string, role: 'mentor' | 'mentee') => {
      const p = await ok(registry, 'participants.create', { pilotId, participant: { name, email: `${name.toLowerCase()}@example.ac.uk`, role, availability: ['wed-pm'] } });
      await ok(registry, 'consent.record', { participantId: p.id, formId: form.id, givenOn: '2026-10-03', choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: true } });
      return p;
    };
    const amara = await add('Amara', 'mentor');
    const helen = await add('Helen', 'mentee');
    await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: amara.id, menteeId: helen.id } });
    const [pair] = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: amara.id, menteeId: helen.id }] });
    const [first] = (await ok(registry, 'meetings.forPair', { pairId: pair!.id })).meetings;
    clock.set('2026-11-20T10:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 60 });
    const drafts = async () => (await ok(registry, 'audit.page', { action: 'logs.saveDraft' })).total;

    // Typing for twenty minutes: a save every few seconds, one entry.
    for (let s = 0; s < 20; s++) {
      clock.set(new Date(Date.parse('2026-11-20T10:00:00Z') + s * 60_000).toISOString());
      await ok(registry, 'logs.saveDraft', { meetingId: first!.id, authorId: amara.id, stages: { ...noStages, description: 'x'.repeat(s + 1) } });
    }
    expect(await drafts()).toBe(1);
    // Back the next day: a new session, a new entry. The other person's draft is its own.
    clock.set('2026-11-21T09:00:00Z');
    await ok(registry, 'logs.saveDraft', { meetingId: first!.id, authorId: amara.id, stages: { ...noStages, description: 'More' } });
    await ok(registry, 'logs.saveDraft', { meetingId: first!.id, authorId: helen.id, stages: { ...noStages, description: 'Mine' } });
    expect(await drafts()).toBe(3);
    // Submitting is always audited, and a draft after it starts a session again.
    await ok(registry, 'logs.submit', { meetingId: first!.id, authorId: helen.id, stages: { ...noStages, description: 'Mine, done' } });
    expect((await ok(registry, 'audit.page', { action: 'logs.submit' })).total).toBe(1);
    const verified = await ok(registry, 'audit.verify', {});
    expect(verified).toMatchObject({ ok: true, brokenAt: null });
    expect(verified.entries).toBe((await ok(registry, 'audit.page', {})).total);
  });
});
