import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { consentToTakePart, pairingNeedsConsentOnly } from '../helpers/pairs';
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { applyKey } from '../../electron/core/db/open';
import { migrate, migrations } from '../../electron/core/db/migrations';
import { fillDemo } from '../../electron/core/demo/demo';
import { DemoClock } from '../../electron/core/demo/clock';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const ada = { name: 'Ada Okoro', email: 'Ada.Okoro@Example.ac.uk', role: 'mentor' as const, department: 'Engineering', level: 'Year 2', characteristics: ['international', 'Mature (21+)'], topics: ['Assessment', 'assessment', 'Belonging'], availability: ['mon-am', 'wed-pm'] };

describe('participants', () => {
  it('registers a person with clean data and marks characteristics as the plan spells them', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const p = await ok(registry, 'participants.create', { pilotId, participant: ada });
    expect(p).toMatchObject({ email: 'ada.okoro@example.ac.uk', status: 'interested', characteristics: ['International', 'Mature (21+)'], topics: ['Assessment', 'Belonging'], consent: 'none' });
    expect(p.statusHistory).toEqual([{ from: null, to: 'interested', reason: null, cause: 'registered', at: expect.any(String) }]);
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

  it('moves people only along the allowed steps, requires a reason to withdraw, and leaves "paired" to pairing', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const { id } = await ok(registry, 'participants.create', { pilotId, participant: ada });
    const refused = async (to: 'interested' | 'chemistry' | 'trained' | 'paired' | 'active' | 'completed') =>
      expectError(await registry.invoke('participants.transition', { id, to }), 'INVALID_TRANSITION').message;

    // From interested: chemistry, or straight to training (a scheme without chemistry meetings), or withdraw.
    expect(await refused('completed')).toMatch(/from there they can move to: Chemistry meeting, Trained, Withdrawn\.$/);
    expect(await refused('active')).toMatch(/can move to: Chemistry meeting, Trained, Withdrawn/);
    expect(await refused('paired')).toMatch(/Paired is set by confirming a pair on the Pairing screen/);
    await ok(registry, 'participants.transition', { id, to: 'chemistry' });
    expect(await refused('interested')).toMatch(/can move to: Trained, Withdrawn\.$/);
    await ok(registry, 'participants.transition', { id, to: 'trained' });
    // Trained people wait for a pair: nothing but withdrawing is a manual step.
    expect(await refused('paired')).toMatch(/can move to: Withdrawn\. Paired is set by confirming a pair/);
    expect(await refused('active')).toMatch(/can move to: Withdrawn\./);

    expectError(await registry.invoke('participants.transition', { id, to: 'withdrawn' }), 'INVALID_INPUT');
    const withdrawn = await ok(registry, 'participants.transition', { id, to: 'withdrawn', reason: 'Moved to part-time study' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusReason: 'Moved to part-time study' });
    expect(withdrawn.statusHistory.map((h) => `${h.from}→${h.to}`)).toEqual(['null→interested', 'interested→chemistry', 'chemistry→trained', 'trained→withdrawn']);
    expect(await refused('trained')).toMatch(/can move to: Interested\.$/);
    const back = await ok(registry, 'participants.transition', { id, to: 'interested', reason: 'Came back' });
    expect(back.status).toBe('interested');
    // Skipping chemistry is allowed and recorded as it happened.
    expect((await ok(registry, 'participants.transition', { id, to: 'trained' })).statusHistory.at(-1)).toMatchObject({ from: 'interested', to: 'trained' });
    const audit = await ok(registry, 'audit.list', { limit: 20 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['participants.transition.withdrawn', 'participants.transition.interested', 'participants.transition.trained']));
  });

  it('paired comes from confirming a pair; then active and completed are the manual steps', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const mentor = await ok(registry, 'participants.create', { pilotId, participant: ada });
    const mentee = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Helen Marsh', email: 'helen@example.ac.uk', role: 'mentee', department: 'Registry' } });
    await consentToTakePart(registry, pilotId, [mentor.id, mentee.id]);
    await pairingNeedsConsentOnly(registry, pilotId);
    await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: mentor.id, menteeId: mentee.id }] });
    expect((await ok(registry, 'participants.get', { id: mentor.id })).status).toBe('paired');
    expectError(await registry.invoke('participants.transition', { id: mentor.id, to: 'completed' }), 'INVALID_TRANSITION');
    await ok(registry, 'participants.transition', { id: mentor.id, to: 'active' });
    const done = await ok(registry, 'participants.transition', { id: mentor.id, to: 'completed' });
    expect(done.statusHistory.map((h) => h.to)).toEqual(['interested', 'paired', 'active', 'completed']);
    const final = expectError(await registry.invoke('participants.transition', { id: mentor.id, to: 'withdrawn', reason: 'Too late' }), 'INVALID_TRANSITION');
    expect(final.message).toMatch(/nothing \(completed is final\)/);
  });

  it('records granular consent on a form version, and a withdrawal keeps the record', async () => {
    const { registry } = await unlockedCore(dir, () => new Date('2026-11-10T12:00:00Z'));
    const { id: pilotId } = await newPilot(registry);
    const form = await ok(registry, 'consentForms.create', { pilotId, form: { version: '2', datedOn: '2026-09-01', text: 'Consent text' } });
    const { id } = await ok(registry, 'participants.create', { pilotId, participant: ada });
    const choices = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: true };
    expectError(await registry.invoke('consent.record', { participantId: id, formId: form.id, givenOn: '2026-08-01', choices }), 'INVALID_INPUT');
    const future = expectError(await registry.invoke('consent.record', { participantId: id, formId: form.id, givenOn: '2026-11-11', choices }), 'INVALID_INPUT');
    expect(future).toMatchObject({ message: expect.stringMatching(/date still to come/), issues: [{ path: ['givenOn'], message: expect.any(String) }] });
    expect((await ok(registry, 'participants.get', { id })).consents).toEqual([]);
    const record = await ok(registry, 'consent.record', { participantId: id, formId: form.id, givenOn: '2026-10-03', choices });
    expect((await ok(registry, 'participants.get', { id })).consent).toBe('given');

    expectError(await registry.invoke('consent.withdraw', { id: record.id, withdrawnOn: '2026-11-01', reason: ' ' }), 'INVALID_INPUT');
    expectError(await registry.invoke('consent.withdraw', { id: record.id, withdrawnOn: '2026-11-12', reason: 'Tomorrow' }), 'INVALID_INPUT');
    const withdrawn = await ok(registry, 'consent.withdraw', { id: record.id, withdrawnOn: '2026-11-01', reason: 'No longer wishes to take part' });
    expect(withdrawn).toMatchObject({ withdrawnOn: '2026-11-01', withdrawalReason: 'No longer wishes to take part', choices });
    expectError(await registry.invoke('consent.withdraw', { id: record.id, withdrawnOn: '2026-11-02', reason: 'again' }), 'INVALID_TRANSITION');
    const person = await ok(registry, 'participants.get', { id });
    expect(person).toMatchObject({ consent: 'withdrawn', status: 'withdrawn' });
    expect(person.consents).toHaveLength(1);
    expect(person.statusReason).toMatch(/Consent withdrawn: No longer wishes/);
    expect(person.statusHistory.at(-1)).toMatchObject({ from: 'interested', to: 'withdrawn' });
    // The person's withdrawal is on the audit trail as well as the consent's, as if done from the Status panel.
    const trail = await ok(registry, 'audit.list', { limit: 5 });
    expect(trail.slice(0, 2).map((e) => [e.action, e.entityType, e.entityId])).toEqual(
      expect.arrayContaining([
        ['consent.withdraw', 'consent_record', String(record.id)],
        ['participants.transition.withdrawn', 'participant', String(id)],
      ]),
    );

    const second = await ok(registry, 'consent.record', { participantId: id, formId: form.id, givenOn: '2026-11-05', choices: { ...choices, audioRecording: true } });
    expect((await ok(registry, 'participants.get', { id })).consents.map((c) => [c.id, c.withdrawnOn])).toEqual([
      [record.id, '2026-11-01'],
      [second.id, null],
    ]);
  });

  it('consent states: none, given, declined (take part not agreed) and withdrawn, from the latest record', async () => {
    const { registry } = await unlockedCore(dir, () => new Date('2026-11-10T12:00:00Z'));
    const { id: pilotId } = await newPilot(registry);
    const form = await ok(registry, 'consentForms.create', { pilotId, form: { version: '1', datedOn: '2026-09-01', text: 'Consent text' } });
    const { id } = await ok(registry, 'participants.create', { pilotId, participant: ada });
    const state = async () => (await ok(registry, 'participants.get', { id })).consent;
    const listed = async () => (await ok(registry, 'participants.list', { pilotId })).rows[0]!.consent;
    const no = { takePart: false, researchUseOfLogs: false, audioRecording: false, directQuotes: false, archiving: false };
    expect(await state()).toBe('none');

    // A form that answers "no" to taking part is on record, but it is not consent.
    await ok(registry, 'consent.record', { participantId: id, formId: form.id, givenOn: '2026-10-01', choices: { ...no, researchUseOfLogs: true } });
    expect([await state(), await listed()]).toEqual(['declined', 'declined']);
    const given = await ok(registry, 'consent.record', { participantId: id, formId: form.id, givenOn: '2026-10-08', choices: { ...no, takePart: true } });
    expect([await state(), await listed()]).toEqual(['given', 'given']);
    // A paper form from before, recorded late, does not override the newer one.
    await ok(registry, 'consent.record', { participantId: id, formId: form.id, givenOn: '2026-10-02', choices: no });
    expect(await state()).toBe('given');
    await ok(registry, 'consent.withdraw', { id: given.id, withdrawnOn: '2026-10-20', reason: 'Changed their mind', withdrawParticipant: false });
    expect([await state(), await listed()]).toEqual(['withdrawn', 'withdrawn']);
    expect((await ok(registry, 'participants.get', { id })).status).toBe('interested');
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

  it('the demo pilot tells one consistent story: a spread of statuses, consent that matches them, a named focus group, a timeline done so far', async () => {
    const clock = new DemoClock('2026-11-22');
    const { registry } = await unlockedCore(dir, clock.now);
    await fillDemo(registry, { seed: 3, participants: 60, clock });
    const [pilot] = await ok(registry, 'pilots.list', {});
    const { rows } = await ok(registry, 'participants.list', { pilotId: pilot!.id });
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    expect(rows).toHaveLength(60);
    // A pilot two months in: at least five statuses, no more than three in four people active.
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(5);
    expect(count('active')).toBeLessThanOrEqual(45);
    expect(count('withdrawn')).toBe(2);
    // Paired or active people, and only they, are in a current pair.
    const pairs = (await ok(registry, 'pairs.list', { pilotId: pilot!.id })).filter((p) => !p.endedAt);
    const inPair = new Set(pairs.flatMap((p) => [p.mentorId, p.menteeId]));
    expect(rows.filter((r) => r.status === 'paired' || r.status === 'active').map((r) => r.id).sort()).toEqual([...inPair].sort());
    // Everyone past "interested" gave consent; the withdrawn consent belongs to a withdrawn person.
    expect(rows.filter((r) => r.status !== 'interested' && r.status !== 'withdrawn').every((r) => r.consent === 'given')).toBe(true);
    expect(rows.filter((r) => r.consent === 'withdrawn').map((r) => r.status)).toEqual(['withdrawn']);
    expect(rows.filter((r) => r.consent === 'declined').map((r) => r.status)).toEqual(['interested']);
    const consentWithdrawn = await ok(registry, 'participants.get', { id: rows.find((r) => r.consent === 'withdrawn')!.id });
    expect(consentWithdrawn.consents.at(-1)!.withdrawalReason).toMatch(/\(demo\)/);

    const groups = await ok(registry, 'focusGroups.list', { pilotId: pilot!.id });
    const named = groups.filter((g) => g.attendance.mode === 'named');
    expect(named).toHaveLength(1);
    expect(named[0]!.attendeeNames.length).toBeGreaterThan(0);

    const { milestones } = await ok(registry, 'plan.get', { pilotId: pilot!.id });
    const done = milestones.filter((m) => m.doneOn).map((m) => m.title);
    expect(done).toEqual(['Call for expressions of interest', 'Expressions of interest close', 'Chemistry meetings held', 'Training sessions held', 'Pairs confirmed', 'First meetings']);
    expect(milestones.every((m) => m.dueOn >= pilot!.startDate && m.dueOn <= pilot!.endDate)).toBe(true);
    expect(milestones.filter((m) => m.doneOn).every((m) => m.doneOn! <= '2026-11-22')).toBe(true);
  }, 60_000);

  it('upgrading a vault: declined consent is recognised, and categories people have go back on the plan', () => {
    const db = new Database(join(dir, 'old.sqlite'));
    applyKey(db, randomBytes(32));
    const before = migrations.filter((m) => m.version < 7);
    migrate(db, before);
    const at = '2026-10-01T09:00:00.000Z';
    db.prepare("INSERT INTO pilots (id, name, start_date, end_date, status, created_at, updated_at) VALUES (1, 'Old pilot', '2026-10-01', '2027-06-30', 'running', ?, ?)").run(at, at);
    db.prepare("INSERT INTO plan_settings (pilot_id, eligibility, meeting_count, cadence_days, duration_min, duration_max) VALUES (1, '[\"International\"]', 4, 14, 60, 90)").run();
    const person = db.prepare(
      "INSERT INTO participants (pilot_id, name, email, role, characteristics, status, consent_state, created_at, updated_at) VALUES (1, ?, ?, 'mentor', ?, 'interested', ?, ?, ?)",
    );
    person.run('Said no', 'no@example.ac.uk', '["International","Care leaver"]', 'given', at, at);
    person.run('Said yes', 'yes@example.ac.uk', '["care leaver"]', 'given', at, at);
    person.run('Never asked', 'none@example.ac.uk', '[]', 'none', at, at);
    db.prepare("INSERT INTO consent_forms (id, pilot_id, version, dated_on, body) VALUES (1, 1, '1', '2026-09-01', 'Text')").run();
    const record = db.prepare(
      "INSERT INTO consent_records (participant_id, form_id, given_on, take_part, research_use_of_logs, audio_recording, direct_quotes, archiving, recorded_at) VALUES (?, 1, '2026-10-02', ?, 0, 0, 0, 0, ?)",
    );
    record.run(1, 0, at);
    record.run(2, 1, at);

    expect(migrate(db)).toEqual({ from: 6, to: migrations.at(-1)!.version });
    const states = db.prepare('SELECT name, consent_state FROM participants ORDER BY id').all();
    expect(states).toEqual([
      { name: 'Said no', consent_state: 'declined' },
      { name: 'Said yes', consent_state: 'given' },
      { name: 'Never asked', consent_state: 'none' },
    ]);
    // The stranded category is back (as first spelt), so those records can be saved again.
    expect(JSON.parse((db.prepare('SELECT eligibility FROM plan_settings WHERE pilot_id = 1').get() as { eligibility: string }).eligibility)).toEqual(['International', 'Care leaver']);
    expect(() => db.prepare("UPDATE participants SET consent_state = 'maybe' WHERE id = 1").run()).toThrow(/CHECK constraint/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
