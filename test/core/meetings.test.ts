import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { expectError, unlockedCore, TEST_SCRYPT, PASSPHRASE, expectOk } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair, readyForPairing } from '../helpers/pairs';
import { createCore, type HandlerRegistry } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import { runCli } from '../../electron/core/cli/run';
import { planMeetings } from '../../electron/core/meetings/schedule';
import { DEFAULT_MEETING_PLAN } from '../../shared/plan/contract';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

async function setUp(start = '2026-11-02T09:00:00Z') {
  const clock = movableClock(start);
  const core = await unlockedCore(dir, clock.now);
  await ok(core.registry, 'settings.update', { timeZone: 'Europe/London' });
  return { ...core, clock, ...(await pilotWithPair(core.registry)) };
}

/** The same vault opened again with exports going to a folder, as the app does after the folder dialog. */
async function withExportFolder(session: { lock: () => void }, now: () => Date) {
  const folder = join(dir, 'exports');
  mkdirSync(folder, { recursive: true });
  session.lock();
  const core = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, host: fixedFolderHost(folder), now });
  expectOk(await core.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
  return { ...core, folder };
}

function parseCalendar(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

const forPair = async (registry: HandlerRegistry, pairId: number) => (await ok(registry, 'meetings.forPair', { pairId })).meetings;

describe('meetings', () => {
  it('confirming a pair generates its meetings from the plan: cadence, shared free time, themes, ice-breakers, mode and place', async () => {
    const { registry, pair, pilotId } = await setUp();
    const page = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    // Confirmed Mon 2 Nov; a week's notice, then the first Wednesday afternoon both are free; fortnightly.
    expect(page.meetings.map((m) => [m.sequence, m.date, m.startTime, m.durationMin, m.themeTitle])).toEqual([
      [1, '2026-11-11', '14:00', 60, 'Identity'],
      [2, '2026-11-25', '14:00', 60, 'Belonging'],
      [3, '2026-12-09', '14:00', 60, 'Assessment'],
      [4, '2026-12-23', '14:00', 60, 'Identity'],
    ]);
    expect(page).toMatchObject({ pairId: pair.id, mentorName: 'Amara Nwosu', menteeName: 'Helen Marsh', ended: false, scheduleNote: null });
    expect(page.meetings[1]).toMatchObject({ of: 4, mode: 'in-person', location: '', status: 'scheduled', due: 'upcoming', iceBreakers: ['Ice-breaker about Belonging'], logs: [], changes: [] });

    // A scheme that meets online: the next pairs' meetings are online, with the plan's link.
    const plan = { ...DEFAULT_MEETING_PLAN, mode: 'online' as const, place: 'Library room 2', onlineLink: 'https://teams.example.ac.uk/rm' };
    expect(await ok(registry, 'plan.setMeetingPlan', { pilotId, meetingPlan: plan })).toEqual(plan);
    expect((await ok(registry, 'plan.get', { pilotId })).meetingPlan).toEqual(plan);
    const mentor = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Bilal Khan', email: 'bilal@example.ac.uk', role: 'mentor', availability: ['tue-am'] } });
    const mentee = await ok(registry, 'participants.create', { pilotId, participant: { name: 'David Okafor', email: 'david@example.ac.uk', role: 'mentee', availability: ['tue-am'] } });
    await readyForPairing(registry, pilotId, [mentor.id, mentee.id]);
    const [online] = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: mentor.id, menteeId: mentee.id }] });
    const meetings = await forPair(registry, online!.id);
    expect(meetings.map((m) => [m.date, m.startTime, m.mode, m.location])).toEqual([
      ['2026-11-10', '10:00', 'online', 'https://teams.example.ac.uk/rm'],
      ['2026-11-24', '10:00', 'online', 'https://teams.example.ac.uk/rm'],
      ['2026-12-08', '10:00', 'online', 'https://teams.example.ac.uk/rm'],
      ['2026-12-22', '10:00', 'online', 'https://teams.example.ac.uk/rm'],
    ]);
    expectError(await registry.invoke('plan.setMeetingPlan', { pilotId, meetingPlan: { ...plan, mode: 'by post' } }), 'INVALID_INPUT');
  });

  it('never plans a meeting after the scheme ends: the meetings move closer, or fewer fit, and the pair’s page says so', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const pairIn = async (endDate: string) => {
      const pilot = await ok(registry, 'pilots.create', { name: `Ends ${endDate}`, startDate: '2026-10-01', endDate });
      const mentor = await ok(registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Mentor', email: `m-${endDate}@example.ac.uk`, role: 'mentor', availability: ['wed-pm'] } });
      const mentee = await ok(registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Mentee', email: `s-${endDate}@example.ac.uk`, role: 'mentee', availability: ['wed-pm'] } });
      await readyForPairing(registry, pilot.id, [mentor.id, mentee.id]);
      const [pair] = await ok(registry, 'matching.confirm', { pilotId: pilot.id, pairs: [{ mentorId: mentor.id, menteeId: mentee.id }] });
      return ok(registry, 'meetings.forPair', { pairId: pair!.id });
    };
    // Four fortnightly meetings from Wed 11 Nov need until 23 Dec; the scheme ends on 15 Dec: weekly, still Wednesdays.
    const weekly = await pairIn('2026-12-15');
    expect(weekly.meetings.map((m) => m.date)).toEqual(['2026-11-11', '2026-11-18', '2026-11-25', '2026-12-02']);
    expect(weekly.scheduleNote).toBe('The plan’s 4 meetings 14 days apart would run past the end of the scheme on 15 Dec 2026, so they are 7 days apart instead.');
    // Ends on 20 Nov: even weekly only two fit.
    const fewer = await pairIn('2026-11-20');
    expect(fewer.meetings.map((m) => m.date)).toEqual(['2026-11-11', '2026-11-18']);
    expect(fewer.scheduleNote).toBe('The plan’s 4 meetings 14 days apart do not fit before the scheme ends on 20 Nov 2026, even 7 days apart: 2 meetings are planned.');
    expect(fewer.meetings.every((m) => m.date <= '2026-11-20')).toBe(true);

    // A cadence in days (not weeks) is shortened day by day.
    const plan = { ...DEFAULT_MEETING_PLAN, meetingCount: 3, cadenceDays: 10 };
    const planned = planMeetings({ plan, themes: [], confirmedOn: '2026-11-02', pilotStart: '2026-10-01', pilotEnd: '2026-11-25', sharedSlots: [] });
    expect(planned.meetings.map((m) => m.date)).toEqual(['2026-11-09', '2026-11-17', '2026-11-25']);
    expect(planned.note).toMatch(/so they are 8 days apart instead/);
    const none = planMeetings({ plan, themes: [], confirmedOn: '2026-11-02', pilotStart: '2026-10-01', pilotEnd: '2026-11-05', sharedSlots: [] });
    expect(none.meetings).toEqual([]);
    expect(none.note).toMatch(/^No meetings were planned: the scheme ends on 5 Nov 2026/);
  });

  it('marks meetings held, cancelled or rescheduled, keeping every note in the meeting’s history', async () => {
    const { registry, pair, clock, mentor } = await setUp();
    const [first, second, third] = await forPair(registry, pair.id);
    expectError(await registry.invoke('meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 75 }), 'INVALID_INPUT'); // still to come
    clock.set('2026-12-03T12:00:00Z');
    const held = await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 75, note: 'Good start' });
    expect(held).toMatchObject({ status: 'held', due: 'done', heldOn: '2026-11-11', actualDurationMin: 75, note: 'Good start', logs: [{ state: 'missing' }, { state: 'missing' }] });
    expect((await ok(registry, 'participants.get', { id: mentor.id })).status).toBe('active');

    expectError(await registry.invoke('meetings.cancel', { id: second!.id, note: '' }), 'INVALID_INPUT');
    await ok(registry, 'meetings.reschedule', { id: second!.id, date: '2026-12-05', startTime: '15:30', durationMin: 90, mode: 'online', location: 'https://teams.example.ac.uk/m/123', note: 'Helen was ill', confirmed: ['weekend'] });
    const movedAgain = await ok(registry, 'meetings.reschedule', { id: second!.id, date: '2026-12-07', startTime: '15:30', durationMin: 90, mode: 'online', location: 'https://teams.example.ac.uk/m/123', note: 'Room clash' });
    expect(movedAgain).toMatchObject({ date: '2026-12-07', startTime: '15:30', mode: 'online', rescheduleCount: 2, due: 'due-soon' });
    await ok(registry, 'meetings.cancel', { id: third!.id, note: 'Strike day' });

    const meetings = await forPair(registry, pair.id);
    expect(meetings[0]!.note).toBe('Good start');
    expect(meetings[1]!.changes.map((c) => [c.kind, c.fromDate, c.toDate, c.fromMode, c.toMode, c.note])).toEqual([
      ['rescheduled', '2026-11-25', '2026-12-05', 'in-person', 'online', 'Helen was ill'],
      ['rescheduled', '2026-12-05', '2026-12-07', 'online', 'online', 'Room clash'],
    ]);
    expect(meetings[2]).toMatchObject({ status: 'cancelled', due: 'cancelled', changes: [{ kind: 'cancelled', note: 'Strike day' }] });
  });

  it('keeps to the meeting’s life: held is final, cancelled can only be restored, and each refusal changes nothing', async () => {
    const { registry, pair, pilotId, clock } = await setUp();
    const [first, second, third] = await forPair(registry, pair.id);
    clock.set('2026-12-03T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 60 });
    await ok(registry, 'meetings.cancel', { id: second!.id, note: 'Mentee on leave' });
    const before = await ok(registry, 'meetings.forPair', { pairId: pair.id });

    const refused = [
      expectError(await registry.invoke('meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 60 }), 'INVALID_TRANSITION'),
      expectError(await registry.invoke('meetings.cancel', { id: first!.id, note: 'Oops' }), 'INVALID_TRANSITION'),
      expectError(await registry.invoke('meetings.restore', { id: first!.id }), 'INVALID_TRANSITION'),
      expectError(await registry.invoke('meetings.markHeld', { id: second!.id, heldOn: '2026-11-25', actualDurationMin: 60 }), 'INVALID_TRANSITION'),
      expectError(await registry.invoke('meetings.reschedule', { id: second!.id, date: '2026-12-10', startTime: '10:00', durationMin: 60, mode: 'online' }), 'INVALID_TRANSITION'),
      expectError(await registry.invoke('meetings.cancel', { id: second!.id, note: 'Again' }), 'INVALID_TRANSITION'),
      expectError(await registry.invoke('meetings.restore', { id: third!.id }), 'INVALID_TRANSITION'),
    ];
    expect(refused[3]!.message).toBe('Meeting 2 is cancelled, so it cannot be marked held. Restore it first if it is going ahead after all.');
    expect(await ok(registry, 'meetings.forPair', { pairId: pair.id })).toEqual(before);

    // Restored: scheduled again; the cancellation and its reason stay in the history.
    const restored = await ok(registry, 'meetings.restore', { id: second!.id, note: 'Back from leave early' });
    expect(restored).toMatchObject({ status: 'scheduled', due: 'overdue' });
    expect((await forPair(registry, pair.id))[1]!.changes.map((c) => [c.kind, c.note])).toEqual([
      ['cancelled', 'Mentee on leave'],
      ['restored', 'Back from leave early'],
    ]);
    const audit = (await ok(registry, 'audit.list', { limit: 20 })).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['meetings.cancel', 'meetings.restore']));

    // An ended pair's meetings stay as they are.
    await ok(registry, 'pairs.unpair', { id: pair.id, reason: 'Mentor left the university' });
    const ended = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    expect(ended.ended).toBe(true);
    expect(ended.meetings.filter((m) => m.status === 'cancelled').every((m) => m.changes.at(-1)?.note === 'Pair ended: Mentor left the university')).toBe(true);
    expect(expectError(await registry.invoke('meetings.restore', { id: second!.id }), 'INVALID_TRANSITION').message).toBe('This pair has ended, so its meetings cannot be restored.');
    expect((await ok(registry, 'meetings.overview', { pilotId })).pairs).toBe(0);
  });

  it('keeps each meeting’s number in the plan when it moves past another, theme and all', async () => {
    const { registry, pair } = await setUp();
    const [first, second] = await forPair(registry, pair.id);
    // Meeting 1 (Identity) moves after meeting 2 (Belonging): it is still meeting 1.
    await ok(registry, 'meetings.reschedule', { id: first!.id, date: '2026-11-26', startTime: '14:00', durationMin: 60, mode: 'in-person', location: '' });
    const after = await forPair(registry, pair.id);
    expect(after.map((m) => [m.sequence, m.id, m.date, m.themeTitle])).toEqual([
      [1, first!.id, '2026-11-26', 'Identity'],
      [2, second!.id, '2026-11-25', 'Belonging'],
      [3, after[2]!.id, '2026-12-09', 'Assessment'],
      [4, after[3]!.id, '2026-12-23', 'Identity'],
    ]);
  });

  it('contingency: previews then shifts the remaining meetings online, with the plan’s link instead of the old room, keeping notes', async () => {
    const { registry, pair, pilotId, clock } = await setUp();
    await ok(registry, 'plan.setMeetingPlan', { pilotId, meetingPlan: { ...DEFAULT_MEETING_PLAN, onlineLink: 'https://teams.example.ac.uk/rm' } });
    const [first, second, third] = await forPair(registry, pair.id);
    await ok(registry, 'meetings.reschedule', { id: third!.id, date: '2026-12-09', startTime: '14:00', durationMin: 60, mode: 'in-person', location: 'Library room 2', note: 'Booked the library' });
    clock.set('2026-11-20T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 60, note: 'Went well' });
    expectError(await registry.invoke('meetings.previewShift', { scope: { pilotId }, from: '2026-11-20', shiftDays: 0 }), 'INVALID_INPUT');
    const preview = await ok(registry, 'meetings.previewShift', { scope: { pilotId }, from: '2026-11-20', shiftDays: 28, switchToOnline: true });
    expect(preview.map((c) => [c.sequence, c.fromDate, c.toDate, c.toMode, c.toLocation])).toEqual([
      [2, '2026-11-25', '2026-12-23', 'online', 'https://teams.example.ac.uk/rm'],
      [3, '2026-12-09', '2027-01-06', 'online', 'https://teams.example.ac.uk/rm'],
      [4, '2026-12-23', '2027-01-20', 'online', 'https://teams.example.ac.uk/rm'],
    ]);
    expect((await forPair(registry, pair.id))[1]!.date).toBe('2026-11-25'); // preview changed nothing
    const applied = await ok(registry, 'meetings.applyShift', { scope: { pairId: pair.id }, from: '2026-11-20', shiftDays: 28, switchToOnline: true, note: 'Campus closed' });
    expect(applied).toEqual(preview);
    const after = await forPair(registry, pair.id);
    expect(after.map((m) => [m.date, m.mode, m.location, m.note])).toEqual([
      ['2026-11-11', 'in-person', '', 'Went well'],
      ['2026-12-23', 'online', 'https://teams.example.ac.uk/rm', ''],
      ['2027-01-06', 'online', 'https://teams.example.ac.uk/rm', ''],
      ['2027-01-20', 'online', 'https://teams.example.ac.uk/rm', ''],
    ]);
    expect(after[2]!.changes.map((c) => [c.kind, c.note])).toEqual([
      ['rescheduled', 'Booked the library'],
      ['schedule-change', 'Campus closed'],
    ]);
    expect(after[1]!.id).toBe(second!.id);
    // Already online and not moved: nothing to change.
    expect(await ok(registry, 'meetings.previewShift', { scope: { pairId: pair.id }, from: '2026-11-20', shiftDays: 0, switchToOnline: true })).toEqual([]);
  });

  it('lists what is overdue, due soon, done and cancelled a page at a time, with totals, and each pair’s progress', async () => {
    const { registry, pair, pilotId, clock } = await setUp();
    const mentor = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Bilal Khan', email: 'bilal@example.ac.uk', role: 'mentor', availability: ['wed-pm'] } });
    const mentee = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Anna Berg', email: 'anna@example.ac.uk', role: 'mentee', availability: ['wed-pm'] } });
    await readyForPairing(registry, pilotId, [mentor.id, mentee.id]);
    const [other] = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: mentor.id, menteeId: mentee.id }] });
    const [a1, a2, a3] = await forPair(registry, pair.id);
    const [b1] = await forPair(registry, other!.id);
    clock.set('2026-12-03T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: a1!.id, heldOn: '2026-11-11', actualDurationMin: 60 });
    await ok(registry, 'meetings.markHeld', { id: a2!.id, heldOn: '2026-11-26', actualDurationMin: 60 });
    await ok(registry, 'logs.submit', { meetingId: a1!.id, authorId: a1!.mentorId, stages: { description: 'First meeting', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' } });
    await ok(registry, 'meetings.cancel', { id: a3!.id, note: 'Strike' });

    expect(await ok(registry, 'meetings.overview', { pilotId })).toEqual({ today: '2026-12-03', counts: { scheduled: 5, overdue: 2, dueSoon: 1, held: 2, cancelled: 1 }, pairs: 2 });
    const overdue = await ok(registry, 'meetings.list', { pilotId, kind: 'overdue', limit: 1 });
    expect(overdue.total).toBe(2);
    expect(overdue.rows.map((m) => m.id)).toEqual([b1!.id]); // oldest first
    expect((await ok(registry, 'meetings.list', { pilotId, kind: 'overdue', offset: 1, limit: 1 })).rows.map((m) => [m.pairId, m.sequence])).toEqual([[other!.id, 2]]);
    expect((await ok(registry, 'meetings.list', { pilotId, kind: 'due-soon' })).rows.map((m) => [m.pairId, m.date])).toEqual([[other!.id, '2026-12-09']]);
    const done = await ok(registry, 'meetings.list', { pilotId, kind: 'done' });
    expect(done.rows.map((m) => [m.id, m.heldOn])).toEqual([
      [a2!.id, '2026-11-26'],
      [a1!.id, '2026-11-11'],
    ]);
    expect(done.rows[1]!.logs.map((l) => l.state)).toEqual(['submitted', 'missing']);
    expect((await ok(registry, 'meetings.list', { pilotId, kind: 'cancelled' })).rows.map((m) => m.id)).toEqual([a3!.id]);
    expect((await ok(registry, 'meetings.list', { pilotId, kind: 'upcoming' })).total).toBe(2);
    expectError(await registry.invoke('meetings.list', { pilotId, kind: 'overdue', limit: 0 }), 'INVALID_INPUT');

    // By mentee's name: Anna Berg's pair first.
    const progress = await ok(registry, 'meetings.pairProgress', { pilotId });
    expect(progress).toEqual({
      total: 2,
      offset: 0,
      rows: [
        { pairId: other!.id, mentorId: mentor.id, menteeId: mentee.id, mentorName: 'Bilal Khan', menteeName: 'Anna Berg', held: 0, cancelled: 0, total: 4, overdue: 2, nextDate: '2026-12-09', logsOwed: 0 },
        { pairId: pair.id, mentorId: pair.mentorId, menteeId: pair.menteeId, mentorName: 'Amara Nwosu', menteeName: 'Helen Marsh', held: 2, cancelled: 1, total: 4, overdue: 0, nextDate: '2026-12-23', logsOwed: 3 },
      ],
    });
    expect((await ok(registry, 'meetings.pairProgress', { pilotId, offset: 1, limit: 1 })).rows.map((p) => p.pairId)).toEqual([pair.id]);
  });
});

describe('calendar export (.ics)', () => {
  it('writes RFC 5545 files an independent parser reads: stable UIDs, no names, a SEQUENCE that only grows, held meetings when they were held', async () => {
    const { registry, pair, session, mentor, clock } = await setUp();
    expectError(await registry.invoke('meetings.exportIcs', { pairId: pair.id }), 'CANCELLED'); // no folder chosen
    const core = await withExportFolder(session, clock.now);
    const meetings = await forPair(core.registry, pair.id);
    const exportPair = async () => {
      expect(await ok(core.registry, 'meetings.exportIcs', { pairId: pair.id })).toMatchObject({ files: [`reciprocal-pair-${pair.id}.ics`], events: 4 });
      return parseCalendar(readFileSync(join(core.folder, `reciprocal-pair-${pair.id}.ics`), 'utf8'));
    };
    const sequences = (events: ICAL.Event[]) => new Map(events.map((e) => [e.uid, e.sequence]));

    const first = await exportPair();
    expect(first.events.map((e) => e.summary)).toEqual(['Reverse mentoring: Identity', 'Reverse mentoring: Belonging', 'Reverse mentoring: Assessment', 'Reverse mentoring: Identity']);
    expect(new Set(first.events.map((e) => e.uid)).size).toBe(4);
    const text = readFileSync(join(core.folder, `reciprocal-pair-${pair.id}.ics`), 'utf8');
    expect(text).not.toMatch(/Amara|Helen|Nwosu|Marsh/);
    expect(text).not.toMatch(/^TIMEZONE-ID/m);
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);

    // Reschedule (with a place), cancel, restore, hold: every export's SEQUENCE is higher than the last.
    const steps: (() => Promise<unknown>)[] = [
      () => ok(core.registry, 'meetings.reschedule', { id: meetings[3]!.id, date: '2027-04-07', startTime: '14:00', durationMin: 60, mode: 'in-person', location: 'Library, room 2; second floor' }),
      () => ok(core.registry, 'meetings.cancel', { id: meetings[3]!.id, note: 'Strike' }),
      () => ok(core.registry, 'meetings.restore', { id: meetings[3]!.id }),
      async () => {
        clock.set('2027-04-10T12:00:00Z');
        return ok(core.registry, 'meetings.markHeld', { id: meetings[3]!.id, heldOn: '2027-04-08', actualDurationMin: 45 });
      },
    ];
    let last = sequences(first.events);
    const uid = first.events[3]!.uid;
    const statuses: string[] = [];
    for (const step of steps) {
      await step();
      const { events } = await exportPair();
      const now = sequences(events);
      expect(now.get(uid)!).toBeGreaterThan(last.get(uid)!);
      for (const [id, sequence] of last) expect(now.get(id)!).toBeGreaterThanOrEqual(sequence);
      expect([...now.keys()].sort()).toEqual([...last.keys()].sort()); // same UIDs: calendars update, never duplicate
      statuses.push(String(events.find((e) => e.uid === uid)!.component.getFirstPropertyValue('status')));
      last = now;
    }
    expect(statuses).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED', 'CONFIRMED']);
    const final = await exportPair();
    const heldEvent = final.events.find((e) => e.uid === uid)!;
    // Held on Thu 8 Apr (planned Wed 7 Apr) for 45 minutes, 14:00 London summer time.
    expect(heldEvent.startDate.toJSDate().toISOString()).toBe('2027-04-08T13:00:00.000Z');
    expect(heldEvent.endDate.toJSDate().toISOString()).toBe('2027-04-08T13:45:00.000Z');
    expect(heldEvent.location).toBe('Library, room 2; second floor');

    await ok(core.registry, 'meetings.exportIcs', { participantId: mentor.id });
    const person = parseCalendar(readFileSync(join(core.folder, `reciprocal-person-${mentor.id}.ics`), 'utf8'));
    expect(person.events.map((e) => e.uid)).toEqual(final.events.map((e) => e.uid));
    expect(readdirSync(core.folder).sort()).toEqual([`reciprocal-pair-${pair.id}.ics`, `reciprocal-person-${mentor.id}.ics`]);
    expect((await ok(core.registry, 'audit.list', { limit: 5 })).map((e) => e.action)).toContain('meetings.exportIcs');
    expectError(await core.registry.invoke('meetings.exportIcs', { pairId: 999 }), 'NOT_FOUND');
  });

  /**
   * 14:00 on Wed 11 Nov 2026 and on Wed 7 Apr 2027 in each zone, as UTC instants from the published
   * offsets (aliases included; Lord Howe's summer time is half an hour; São Paulo has no summer time).
   */
  const zones: [string, string, string][] = [
    ['Europe/London', '2026-11-11T14:00:00.000Z', '2027-04-07T13:00:00.000Z'],
    ['UTC', '2026-11-11T14:00:00.000Z', '2027-04-07T14:00:00.000Z'],
    ['Asia/Calcutta', '2026-11-11T08:30:00.000Z', '2027-04-07T08:30:00.000Z'],
    ['US/Eastern', '2026-11-11T19:00:00.000Z', '2027-04-07T18:00:00.000Z'],
    ['Europe/Kiev', '2026-11-11T12:00:00.000Z', '2027-04-07T11:00:00.000Z'],
    ['America/Sao_Paulo', '2026-11-11T17:00:00.000Z', '2027-04-07T17:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-11-11T03:00:00.000Z', '2027-04-07T03:30:00.000Z'],
  ];
  it.each(zones)('in %s: each event is at the right instant, and every TZID it names has its VTIMEZONE', async (timeZone, winter, april) => {
    const { registry, pair, session, clock } = await setUp();
    await ok(registry, 'settings.update', { timeZone });
    const meetings = await forPair(registry, pair.id);
    await ok(registry, 'meetings.reschedule', { id: meetings[1]!.id, date: '2027-04-07', startTime: '14:00', durationMin: 60, mode: 'online', location: '' });
    const core = await withExportFolder(session, clock.now);
    await ok(core.registry, 'meetings.exportIcs', { pairId: pair.id });
    const text = readFileSync(join(core.folder, `reciprocal-pair-${pair.id}.ics`), 'utf8');
    const { root, events } = parseCalendar(text);

    const byDate = new Map(events.map((e) => [e.startDate.toJSDate().toISOString(), e]));
    expect(byDate.has(winter)).toBe(true);
    expect(byDate.has(april)).toBe(true);
    expect(byDate.get(april)!.endDate.toJSDate().getTime() - new Date(april).getTime()).toBe(60 * 60_000);

    const defined = root.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid')));
    const used = events.flatMap((e) => ['dtstart', 'dtend'].map((p) => e.component.getFirstProperty(p)!.getParameter('tzid') as string | undefined));
    if (timeZone === 'UTC') {
      // UTC is written as UTC: no zone to define, every time ends in Z.
      expect(used.every((tzid) => tzid === undefined)).toBe(true);
      expect(defined).toEqual([]);
      expect(text.match(/^DTSTART:\d{8}T\d{6}Z\r?$/gm)).toHaveLength(4);
    } else {
      expect(defined).toHaveLength(1);
      expect(new Set(used)).toEqual(new Set(defined));
    }
    expect(text).not.toMatch(/^TIMEZONE-ID/m);
  });

  it('from the command line, an unknown pair is refused before the --out folder is made', async () => {
    const { session } = await setUp();
    session.lock();
    const out = join(dir, 'calendar-out');
    let stderr = '';
    const code = await runCli(['export', 'ics', '--pair', '999', '--out', out, '--vault', join(dir, 'vault')], {
      stdout: () => {},
      stderr: (t) => (stderr += t),
      readStdin: async () => '',
      env: { RECIPROCAL_PASSPHRASE: PASSPHRASE },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Pair 999 does not exist/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('upgrading a vault made before the meeting fixes (migration 006)', () => {
  it('moves a cancelled meeting’s reason into its history, keeps the calendar version it had, and takes hit markers out of log text', async () => {
    const Database = (await import('better-sqlite3-multiple-ciphers')).default;
    const { randomBytes } = await import('node:crypto');
    const { applyKey } = await import('../../electron/core/db/open');
    const { migrate, migrations } = await import('../../electron/core/db/migrations');
    const db = new Database(join(dir, 'old.sqlite'));
    applyKey(db, randomBytes(32));
    migrate(db, migrations.filter((m) => m.version <= 5));
    const at = '2026-11-01T10:00:00Z';
    db.exec(`
      INSERT INTO pilots (id, name, start_date, end_date, status, created_at, updated_at) VALUES (1, 'Old', '2026-10-01', '2027-06-30', 'running', '${at}', '${at}');
      INSERT INTO participants (id, pilot_id, name, email, role, status, created_at, updated_at) VALUES
        (1, 1, 'A', 'a@example.ac.uk', 'mentor', 'active', '${at}', '${at}'), (2, 1, 'B', 'b@example.ac.uk', 'mentee', 'active', '${at}', '${at}');
      INSERT INTO pairs (id, pilot_id, mentor_id, mentee_id, score, explanation, mentor_status_before, mentee_status_before, confirmed_at) VALUES (1, 1, 1, 2, 1, '[]', 'trained', 'trained', '${at}');
      INSERT INTO meetings (id, pilot_id, pair_id, sequence, theme_title, date, start_time, duration_min, mode, status, held_on, note, reschedule_count, updated_at) VALUES
        (1, 1, 1, 1, 'Identity', '2026-11-11', '14:00', 60, 'in-person', 'held', '2026-11-11', 'Went well', 0, '${at}'),
        (2, 1, 1, 2, 'Belonging', '2026-11-25', '14:00', 60, 'in-person', 'cancelled', NULL, 'Strike day', 2, '${at}');
      INSERT INTO reflective_logs (id, meeting_id, author_id, state, description, updated_at) VALUES (1, 1, 1, 'draft', 'Pasted ' || char(57344) || 'fake' || char(57345) || ' mark', '${at}');
    `);
    migrate(db);
    expect(db.prepare('SELECT id, note, calendar_sequence FROM meetings ORDER BY id').all()).toEqual([
      { id: 1, note: 'Went well', calendar_sequence: 0 },
      { id: 2, note: '', calendar_sequence: 3 },
    ]);
    expect(db.prepare('SELECT meeting_id, kind, note FROM meeting_changes').all()).toEqual([{ meeting_id: 2, kind: 'cancelled', note: 'Strike day' }]);
    expect(db.prepare('SELECT description FROM reflective_logs').pluck().get()).toBe('Pasted fake mark');
    // The full-text index follows the cleaned text.
    expect(db.prepare("SELECT count(*) FROM logs_fts WHERE logs_fts MATCH 'fake'").pluck().get()).toBe(1);
    db.close();
  });
});
