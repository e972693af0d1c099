import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { expectError, tempDir, unlockedCore, TEST_SCRYPT, PASSPHRASE, expectOk } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import { createCore } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function setUp(start = '2026-11-02T09:00:00Z') {
  const clock = movableClock(start);
  const core = await unlockedCore(dir, clock.now);
  await ok(core.registry, 'settings.update', { timeZone: 'Europe/London' });
  return { ...core, clock, ...(await pilotWithPair(core.registry)) };
}

describe('meetings', () => {
  it('confirming a pair generates its meetings from the plan: cadence, shared free time, themes and ice-breakers', async () => {
    const { registry, pair } = await setUp();
    const meetings = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    // Confirmed Mon 2 Nov; a week's notice, then the first Wednesday afternoon both are free; fortnightly.
    expect(meetings.map((m) => [m.sequence, m.date, m.startTime, m.durationMin, m.themeTitle])).toEqual([
      [1, '2026-11-11', '14:00', 60, 'Identity'],
      [2, '2026-11-25', '14:00', 60, 'Belonging'],
      [3, '2026-12-09', '14:00', 60, 'Assessment'],
      [4, '2026-12-23', '14:00', 60, 'Identity'],
    ]);
    expect(meetings[1]).toMatchObject({ of: 4, mode: 'in-person', status: 'scheduled', due: 'upcoming', iceBreakers: ['Ice-breaker about Belonging'], logs: [] });
  });

  it('marks meetings held, cancelled or rescheduled with notes, and says what is due, overdue and done', async () => {
    const { registry, pair, pilotId, clock, mentor } = await setUp();
    const [first, second, third] = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    expectError(await registry.invoke('meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 75 }), 'INVALID_INPUT'); // still to come
    clock.set('2026-12-03T12:00:00Z');
    const held = await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 75, note: 'Good start' });
    expect(held).toMatchObject({ status: 'held', due: 'done', heldOn: '2026-11-11', actualDurationMin: 75, logs: [{ state: 'missing' }, { state: 'missing' }] });
    expect((await ok(registry, 'participants.get', { id: mentor.id })).status).toBe('active');
    expectError(await registry.invoke('meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 75 }), 'INVALID_TRANSITION');

    const overview = await ok(registry, 'meetings.overview', { pilotId });
    expect(overview.counts).toEqual({ scheduled: 3, overdue: 1, dueSoon: 1, held: 1, cancelled: 0 });
    expect(overview.overdue.map((m) => m.id)).toEqual([second!.id]);
    expect(overview.dueSoon.map((m) => m.id)).toEqual([third!.id]);
    expect(overview.pairs).toEqual([{ pairId: pair.id, mentorName: 'Amara Nwosu', menteeName: 'Helen Marsh', held: 1, cancelled: 0, total: 4, overdue: 1, nextDate: '2026-12-09', logsOwed: 2 }]);

    expectError(await registry.invoke('meetings.cancel', { id: second!.id, note: '' }), 'INVALID_INPUT');
    const moved = await ok(registry, 'meetings.reschedule', { id: second!.id, date: '2026-12-05', startTime: '15:30', durationMin: 90, mode: 'online', location: 'https://teams.example.ac.uk/m/123', note: 'Helen was ill' });
    expect(moved).toMatchObject({ date: '2026-12-05', startTime: '15:30', mode: 'online', rescheduleCount: 1, due: 'due-soon', note: 'Helen was ill' });
    const cancelled = await ok(registry, 'meetings.cancel', { id: third!.id, note: 'Strike day' });
    expect(cancelled).toMatchObject({ status: 'cancelled', due: 'cancelled' });
    expectError(await registry.invoke('meetings.reschedule', { id: third!.id, date: '2026-12-10', startTime: '10:00', durationMin: 60, mode: 'online' }), 'INVALID_TRANSITION');
    expect((await ok(registry, 'meetings.overview', { pilotId })).counts).toMatchObject({ overdue: 0, cancelled: 1 });
  });

  it('contingency: previews then shifts the remaining meetings of the whole scheme online, leaving held ones alone', async () => {
    const { registry, pair, pilotId, clock } = await setUp();
    const [first] = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    clock.set('2026-11-20T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 60 });
    expectError(await registry.invoke('meetings.previewShift', { scope: { pilotId }, from: '2026-11-20', shiftDays: 0 }), 'INVALID_INPUT');
    const preview = await ok(registry, 'meetings.previewShift', { scope: { pilotId }, from: '2026-11-20', shiftDays: 28, switchToOnline: true });
    expect(preview.map((c) => [c.sequence, c.fromDate, c.toDate, c.toMode])).toEqual([
      [2, '2026-11-25', '2026-12-23', 'online'],
      [3, '2026-12-09', '2027-01-06', 'online'],
      [4, '2026-12-23', '2027-01-20', 'online'],
    ]);
    expect((await ok(registry, 'meetings.forPair', { pairId: pair.id }))[1]!.date).toBe('2026-11-25'); // preview changed nothing
    const applied = await ok(registry, 'meetings.applyShift', { scope: { pairId: pair.id }, from: '2026-11-20', shiftDays: 28, switchToOnline: true, note: 'Campus closed' });
    expect(applied).toEqual(preview);
    const after = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    expect(after.map((m) => [m.date, m.mode])).toEqual([
      ['2026-11-11', 'in-person'],
      ['2026-12-23', 'online'],
      ['2027-01-06', 'online'],
      ['2027-01-20', 'online'],
    ]);
  });

  it('ending a pair cancels the meetings still to come and keeps them with the reason', async () => {
    const { registry, pair } = await setUp();
    await ok(registry, 'pairs.unpair', { id: pair.id, reason: 'Mentor left the university' });
    const meetings = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    expect(meetings.every((m) => m.status === 'cancelled' && m.note === 'Pair ended: Mentor left the university')).toBe(true);
  });

  it('exports RFC 5545 calendars that an independent parser reads: right instants across the clock change, stable UIDs, no names', async () => {
    const { registry, pair, session, mentor } = await setUp();
    const exports = join(dir, 'exports');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(exports);
    expectError(await registry.invoke('meetings.exportIcs', { pairId: pair.id }), 'CANCELLED'); // no folder chosen
    const withHost = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, host: fixedFolderHost(exports), now: () => new Date('2026-11-02T09:00:00Z') });
    session.lock();
    expectOk(await withHost.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const meetings = await ok(withHost.registry, 'meetings.forPair', { pairId: pair.id });
    await ok(withHost.registry, 'meetings.reschedule', { id: meetings[3]!.id, date: '2027-04-07', startTime: '14:00', durationMin: 60, mode: 'in-person', location: 'Library, room 2; second floor' });

    const result = await ok(withHost.registry, 'meetings.exportIcs', { pairId: pair.id });
    expect(result).toMatchObject({ files: ['reciprocal-pair-1.ics'], events: 4 });
    const text = readFileSync(join(exports, 'reciprocal-pair-1.ics'), 'utf8');
    expect(text).not.toMatch(/Amara|Helen|Nwosu|Marsh/);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Reverse mentoring: Identity', 'Reverse mentoring: Belonging', 'Reverse mentoring: Assessment', 'Reverse mentoring: Identity']);
    // 14:00 in London is 14:00 UTC in winter and 13:00 UTC after the clocks go forward.
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-11-11T14:00:00.000Z');
    expect(events[3]!.startDate.toJSDate().toISOString()).toBe('2027-04-07T13:00:00.000Z');
    expect(events[3]!.endDate.toJSDate().toISOString()).toBe('2027-04-07T14:00:00.000Z');
    expect(events[3]!.location).toBe('Library, room 2; second floor');
    expect(events[3]!.sequence).toBe(1);
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(4);
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);

    // Re-export: same UIDs (calendars update rather than duplicate); a cancellation is exported as CANCELLED.
    await ok(withHost.registry, 'meetings.cancel', { id: meetings[2]!.id, note: 'Strike' });
    await ok(withHost.registry, 'meetings.exportIcs', { participantId: mentor.id });
    const again = readFileSync(join(exports, `reciprocal-person-${mentor.id}.ics`), 'utf8');
    const events2 = new ICAL.Component(ICAL.parse(again)).getAllSubcomponents('vevent');
    expect(events2.map((v) => new ICAL.Event(v).uid)).toEqual(uids);
    expect(events2[2]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(readdirSync(exports).sort()).toEqual(['reciprocal-pair-1.ics', `reciprocal-person-${mentor.id}.ics`]);
    expect((await ok(withHost.registry, 'audit.list', { limit: 5 })).map((e) => e.action)).toContain('meetings.exportIcs');
  });
});
