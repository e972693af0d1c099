import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expectError, tempDir, unlockedCore } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { movableClock } from '../helpers/pairs';
import type { HandlerRegistry } from '../../electron/core';
import { applyKey } from '../../electron/core/db/open';
import { migrate, migrations } from '../../electron/core/db/migrations';
import { warningsOf } from '../../shared/contract/confirm';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** As test/helpers/pairs.ts, with consent and a chemistry meeting before pairing (whatever the scheme requires): one pair free on Wednesday afternoons, confirmed on Mon 2 Nov 2026. */
async function pilotWithPair(registry: HandlerRegistry) {
  const pilotId = (await ok(registry, 'pilots.create', { name: 'Meetings pilot', startDate: '2026-10-01', endDate: '2027-06-30' })).id;
  for (const title of ['Identity', 'Belonging', 'Assessment']) await ok(registry, 'themes.create', { pilotId, theme: { title } });
  const mentor = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Amara Nwosu', email: 'amara@example.ac.uk', role: 'mentor', availability: ['wed-pm'] } });
  const mentee = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Helen Marsh', email: 'helen@example.ac.uk', role: 'mentee', availability: ['wed-pm'] } });
  const form = await ok(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: '2026-09-01', text: 'Consent form (test).' } });
  for (const person of [mentor, mentee]) {
    const choices = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: true };
    await ok(registry, 'consent.record', { participantId: person.id, formId: form.id, givenOn: '2026-10-03', choices });
  }
  await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: mentor.id, menteeId: mentee.id, mentorWillingness: 'yes', menteeWillingness: 'yes' } });
  const [pair] = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: mentor.id, menteeId: mentee.id }] });
  return { pilotId, pair: pair! };
}

async function setUp(start = '2026-11-02T09:00:00Z') {
  const clock = movableClock(start);
  const core = await unlockedCore(dir, clock.now);
  await ok(core.registry, 'settings.update', { timeZone: 'Europe/London' });
  return { ...core, clock, ...(await pilotWithPair(core.registry)) };
}

const forPair = async (registry: HandlerRegistry, pairId: number) => (await ok(registry, 'meetings.forPair', { pairId })).meetings;
const move = { startTime: '14:00', durationMin: 60, mode: 'in-person' as const, location: '' };

describe('meetings keep their numbers', () => {
  it('a held meeting and its log keep their number when a later meeting is moved before it', async () => {
    const { registry, pair, clock } = await setUp();
    const [first, second, third] = await forPair(registry, pair.id);
    clock.set('2026-11-27T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: second!.id, heldOn: '2026-11-26', actualDurationMin: 60 });
    await ok(registry, 'logs.submit', { meetingId: second!.id, authorId: second!.mentorId, stages: { description: 'Talked about belonging', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' } });
    // Meeting 3 is brought forward to before meeting 1 was held; meeting 1 goes later.
    await ok(registry, 'meetings.reschedule', { id: third!.id, date: '2026-11-30', ...move });
    await ok(registry, 'meetings.reschedule', { id: first!.id, date: '2026-12-16', ...move });
    const after = await forPair(registry, pair.id);
    expect(after.map((m) => [m.id, m.sequence, m.themeTitle, m.status])).toEqual([
      [first!.id, 1, 'Identity', 'scheduled'],
      [second!.id, 2, 'Belonging', 'held'],
      [third!.id, 3, 'Assessment', 'scheduled'],
      [after[3]!.id, 4, 'Identity', 'scheduled'],
    ]);
    expect(after[1]!.logs.map((l) => l.state)).toEqual(['submitted', 'missing']);
    expect((await ok(registry, 'logs.owed', { pilotId: after[0]!.pilotId })).map((o) => o.sequence)).toEqual([2]);
  });
});

describe('rescheduling rules', () => {
  it('refuses a date in the past, and asks to confirm a weekend, a length outside the plan and a date after the pilot', async () => {
    const { registry, pair, clock } = await setUp();
    const [first, second] = await forPair(registry, pair.id);
    clock.set('2026-11-20T12:00:00Z');
    const before = await forPair(registry, pair.id);

    const past = expectError(await registry.invoke('meetings.reschedule', { id: second!.id, date: '2026-11-19', ...move }), 'INVALID_INPUT');
    expect(past.message).toMatch(/cannot be moved into the past.*mark it held instead/);
    expect(past.issues?.[0]?.path).toEqual(['date']);
    // Confirming does not soften a hard rule.
    expectError(await registry.invoke('meetings.reschedule', { id: second!.id, date: '2026-11-19', ...move, confirmed: ['weekend', 'length', 'outside-pilot'] }), 'INVALID_INPUT');

    const sunday = expectError(await registry.invoke('meetings.reschedule', { id: second!.id, date: '2026-11-29', ...move }), 'CONFIRMATION_NEEDED');
    expect(warningsOf(sunday)).toEqual([{ code: 'weekend', message: '29 Nov 2026 is a Sunday.' }]);
    const tenHours = expectError(await registry.invoke('meetings.reschedule', { id: second!.id, date: '2026-11-30', ...move, durationMin: 600 }), 'CONFIRMATION_NEEDED');
    expect(warningsOf(tenHours)).toEqual([{ code: 'length', message: '600 minutes is outside the plan’s 60–90 minutes.' }]);
    const late = expectError(await registry.invoke('meetings.reschedule', { id: second!.id, date: '2027-07-03', ...move, durationMin: 20 }), 'CONFIRMATION_NEEDED');
    expect(warningsOf(late).map((w) => w.code)).toEqual(['length', 'weekend', 'outside-pilot']);
    expect(warningsOf(late)[2]!.message).toBe('3 Jul 2027 is after the pilot ends (30 Jun 2027).');
    // Confirming only some of them still refuses, listing all that apply (to be confirmed together).
    expect(warningsOf(expectError(await registry.invoke('meetings.reschedule', { id: second!.id, date: '2027-07-03', ...move, durationMin: 20, confirmed: ['weekend'] }), 'CONFIRMATION_NEEDED')).map((w) => w.code)).toEqual([
      'length',
      'weekend',
      'outside-pilot',
    ]);
    expectError(await registry.invoke('meetings.reschedule', { id: second!.id, date: '2026-11-30', ...move, confirmed: ['not-a-warning'] }), 'INVALID_INPUT');
    // Nothing changed by any refusal.
    expect(await forPair(registry, pair.id)).toEqual(before);

    const moved = await ok(registry, 'meetings.reschedule', { id: second!.id, date: '2026-11-29', ...move, confirmed: ['weekend'] });
    expect(moved).toMatchObject({ date: '2026-11-29', sequence: 2 });
    // An overdue meeting may keep its (past) date while its place changes.
    clock.set('2026-12-01T12:00:00Z');
    expect(await ok(registry, 'meetings.reschedule', { id: first!.id, date: first!.date, ...move, location: 'Library room 2' })).toMatchObject({ date: '2026-11-11', location: 'Library room 2', due: 'overdue' });
  });
});

describe('dates of held meetings', () => {
  it('a meeting cannot have been held before its pair was confirmed, nor on a date to come', async () => {
    const { registry, pair, clock } = await setUp();
    const [first] = await forPair(registry, pair.id);
    clock.set('2026-11-20T12:00:00Z');
    const early = expectError(await registry.invoke('meetings.markHeld', { id: first!.id, heldOn: '2026-11-01', actualDurationMin: 60 }), 'INVALID_INPUT');
    expect(early.message).toBe('A meeting cannot have been held before the pair existed (confirmed on 2 Nov 2026).');
    expectError(await registry.invoke('meetings.markHeld', { id: first!.id, heldOn: '1900-01-01', actualDurationMin: 60 }), 'INVALID_INPUT');
    expectError(await registry.invoke('meetings.markHeld', { id: first!.id, heldOn: '2099-01-01', actualDurationMin: 60 }), 'INVALID_INPUT');
    expect((await forPair(registry, pair.id))[0]!.status).toBe('scheduled');
    expect(await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-02', actualDurationMin: 60 })).toMatchObject({ status: 'held', heldOn: '2026-11-02' });
  });
});

describe('undoing "mark held"', () => {
  it('takes a held meeting back to scheduled within 15 minutes, audited, and not once a log is started or later', async () => {
    const { registry, pair, clock } = await setUp();
    const [first, second, third] = await forPair(registry, pair.id);
    clock.set('2026-12-01T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 70, note: 'Ticked by mistake' });
    clock.set('2026-12-01T12:14:00Z');
    const undone = await ok(registry, 'meetings.undoHeld', { id: first!.id });
    expect(undone).toMatchObject({ status: 'scheduled', heldOn: null, actualDurationMin: null, date: '2026-11-11', sequence: 1, due: 'overdue', logs: [] });
    const trail = (await ok(registry, 'audit.list', { limit: 5 })).map((e) => [e.action, e.entityId]);
    expect(trail[0]).toEqual(['meetings.undoHeld', String(first!.id)]);
    expect(expectError(await registry.invoke('meetings.undoHeld', { id: first!.id }), 'INVALID_TRANSITION').message).toMatch(/not held/);

    // Too late.
    await ok(registry, 'meetings.markHeld', { id: second!.id, heldOn: '2026-11-25', actualDurationMin: 60 });
    clock.set('2026-12-01T12:30:00Z');
    expect(expectError(await registry.invoke('meetings.undoHeld', { id: second!.id }), 'INVALID_TRANSITION').message).toMatch(/more than 15 minutes ago/);

    // A log started (even a draft) keeps it held.
    await ok(registry, 'meetings.markHeld', { id: third!.id, heldOn: '2026-11-30', actualDurationMin: 60 });
    await ok(registry, 'logs.saveDraft', { meetingId: third!.id, authorId: third!.menteeId, stages: { description: 'Half a thought', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' } });
    expect(expectError(await registry.invoke('meetings.undoHeld', { id: third!.id }), 'INVALID_TRANSITION').message).toMatch(/log has been started/);
    expect((await forPair(registry, pair.id)).map((m) => m.status)).toEqual(['scheduled', 'held', 'held', 'scheduled']);
  });
});

describe('undoing the first "mark held"', () => {
  it('takes both people back to Paired, with the cause in their history; undoing a later meeting leaves them Active', async () => {
    const { registry, pair, clock } = await setUp();
    const [first, second] = await forPair(registry, pair.id);
    const statusOf = async (id: number) => (await ok(registry, 'participants.get', { id })).status;
    clock.set('2026-12-01T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 60 });
    expect([await statusOf(pair.mentorId), await statusOf(pair.menteeId)]).toEqual(['active', 'active']);

    await ok(registry, 'meetings.undoHeld', { id: first!.id });
    expect([await statusOf(pair.mentorId), await statusOf(pair.menteeId)]).toEqual(['paired', 'paired']);
    const history = (await ok(registry, 'participants.get', { id: pair.menteeId })).statusHistory;
    expect(history.at(-1)).toMatchObject({ from: 'active', to: 'paired', cause: 'meeting-held-undone' });

    // Two meetings held; taking back the second leaves the first one's step to Active in place.
    await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 60 });
    await ok(registry, 'meetings.markHeld', { id: second!.id, heldOn: '2026-11-25', actualDurationMin: 60 });
    await ok(registry, 'meetings.undoHeld', { id: second!.id });
    expect([await statusOf(pair.mentorId), await statusOf(pair.menteeId)]).toEqual(['active', 'active']);
  });
});

describe('migration 12: meetings get their plan numbers back', () => {
  it('restores each pair’s numbers in the order the plan made them, and leaves untouched pairs as they are', () => {
    const db = new Database(join(dir, 'v11.sqlite'));
    applyKey(db, randomBytes(32));
    migrate(db, migrations.slice(0, 11));
    const at = '2026-11-02T10:00:00.000Z';
    db.exec(`
      INSERT INTO pilots (id, name, start_date, end_date, status, created_at, updated_at) VALUES (1, 'Pilot', '2026-10-01', '2027-06-30', 'running', '${at}', '${at}');
      INSERT INTO participants (id, pilot_id, name, email, role, status, created_at, updated_at) VALUES
        (1, 1, 'Amara', 'amara@example.ac.uk', 'mentor', 'active', '${at}', '${at}'), (2, 1, 'Helen', 'helen@example.ac.uk', 'mentee', 'active', '${at}', '${at}'),
        (3, 1, 'Bilal', 'bilal@example.ac.uk', 'mentor', 'paired', '${at}', '${at}'), (4, 1, 'Anna', 'anna@example.ac.uk', 'mentee', 'paired', '${at}', '${at}');
    `);
    const pair = db.prepare("INSERT INTO pairs (id, pilot_id, mentor_id, mentee_id, score, explanation, mentor_status_before, mentee_status_before, confirmed_at) VALUES (?, 1, ?, ?, 1, '[]', 'trained', 'trained', ?)");
    pair.run(1, 1, 2, at);
    pair.run(2, 3, 4, at);
    const meeting = db.prepare("INSERT INTO meetings (id, pilot_id, pair_id, sequence, theme_title, date, start_time, duration_min, mode, status, updated_at) VALUES (?, 1, ?, ?, ?, ?, '14:00', 60, 'in-person', 'scheduled', ?)");
    // Pair 1 as the old renumbering left it: meeting 1 (Identity) was moved after meeting 3.
    meeting.run(10, 1, 3, 'Identity', '2026-12-10', at);
    meeting.run(11, 1, 1, 'Belonging', '2026-11-25', at);
    meeting.run(12, 1, 2, 'Assessment', '2026-12-09', at);
    meeting.run(13, 1, 4, 'Voice', '2026-12-23', at);
    meeting.run(20, 2, 1, 'Identity', '2026-11-11', at);
    meeting.run(21, 2, 2, 'Belonging', '2026-11-25', at);
    db.prepare("INSERT INTO reflective_logs (meeting_id, author_id, state, updated_at) VALUES (11, 1, 'submitted', ?)").run(at);

    migrate(db);
    expect(db.prepare('SELECT id, pair_id, sequence, theme_title FROM meetings ORDER BY id').all()).toEqual([
      { id: 10, pair_id: 1, sequence: 1, theme_title: 'Identity' },
      { id: 11, pair_id: 1, sequence: 2, theme_title: 'Belonging' },
      { id: 12, pair_id: 1, sequence: 3, theme_title: 'Assessment' },
      { id: 13, pair_id: 1, sequence: 4, theme_title: 'Voice' },
      { id: 20, pair_id: 2, sequence: 1, theme_title: 'Identity' },
      { id: 21, pair_id: 2, sequence: 2, theme_title: 'Belonging' },
    ]);
    // The log stays with its meeting (by id), now numbered as planned.
    expect(db.prepare('SELECT m.sequence FROM reflective_logs l JOIN meetings m ON m.id = l.meeting_id').pluck().get()).toBe(2);
    db.close();
  });
});
