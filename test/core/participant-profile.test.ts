import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import { fillDemo } from '../../electron/core/demo/demo';
import { DemoClock } from '../../electron/core/demo/clock';
import { disambiguators } from '../../shared/participants/disambiguate';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const empty = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

describe('a person’s page (participants.profile)', () => {
  it('gathers chemistry answers, training attended, current and past pairs, meetings held, due and overdue, and the logs they owe', async () => {
    const clock = movableClock('2026-10-20T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { pilotId, mentor, mentee, pair } = await pilotWithPair(registry);
    const other = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Helen Marsh', email: 'helen.marsh2@example.ac.uk', role: 'mentee', department: 'Law' } });
    await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-05', mentorId: mentor.id, menteeId: mentee.id, mentorWillingness: 'yes', menteeWillingness: 'maybe' } });
    await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-06', mentorId: mentor.id, menteeId: other.id, mentorWillingness: 'no', menteeWillingness: 'yes' } });
    await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-10-08', audience: 'mentors', topics: ['Boundaries', 'Confidentiality'], attendeeIds: [mentor.id] } });

    const { meetings } = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    // Two meetings past: the first held (and the mentor logs it), the second not marked: overdue.
    clock.set('2026-11-20T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: meetings[0]!.id, heldOn: meetings[0]!.date, actualDurationMin: 60 });
    await ok(registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: mentor.id, stages: { ...empty, description: 'We met in the library.' } });

    const forMentor = await ok(registry, 'participants.profile', { id: mentor.id });
    expect(forMentor.chemistry.map((c) => [c.heldOn, c.partner.name, c.partner.department, c.own, c.partners])).toEqual([
      ['2026-10-05', 'Helen Marsh', 'Registry', 'yes', 'maybe'],
      ['2026-10-06', 'Helen Marsh', 'Law', 'no', 'yes'],
    ]);
    expect(forMentor.training).toEqual([expect.objectContaining({ heldOn: '2026-10-08', topics: ['Boundaries', 'Confidentiality'] })]);
    expect(forMentor.pairs.map((p) => [p.id, p.partner.id, p.endedAt])).toEqual([[pair.id, mentee.id, null]]);
    expect(forMentor.meetings.map((m) => [m.sequence, m.status, m.log])).toEqual(meetings.map((m, i) => [m.sequence, i === 0 ? 'held' : 'scheduled', i === 0 ? 'submitted' : 'missing']));
    const overdue = meetings.filter((m, i) => i > 0 && m.date < '2026-11-20').length;
    expect(overdue).toBeGreaterThan(0);
    expect(forMentor.meetingCounts).toMatchObject({ held: 1, overdue });
    expect(forMentor.logs).toEqual({ submitted: 1, drafts: 0, notProvided: 0, owed: 0 });

    // The mentee sees the same pair and meetings from the other side, and owes the first log.
    const forMentee = await ok(registry, 'participants.profile', { id: mentee.id });
    expect(forMentee.chemistry.map((c) => [c.partner.name, c.own, c.partners])).toEqual([['Amara Nwosu', 'maybe', 'yes']]);
    expect(forMentee.training).toEqual([]);
    expect(forMentee.meetings[0]).toMatchObject({ partnerName: 'Amara Nwosu', status: 'held', log: 'missing' });
    expect(forMentee.logs.owed).toBe(1);

    // An ended pair stays on both pages as a past pair, with its reason.
    await ok(registry, 'pairs.unpair', { id: pair.id, reason: 'Timetables no longer fit' });
    const after = await ok(registry, 'participants.profile', { id: mentee.id });
    expect(after.pairs).toEqual([expect.objectContaining({ id: pair.id, endReason: 'Timetables no longer fit' })]);
    expect(after.pairs[0]!.endedAt).not.toBeNull();
  });

  it('shows an empty page for someone with nothing recorded yet, and names a person who does not exist', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId } = await pilotWithPair(registry);
    const newcomer = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Zofia Nowak', email: 'zofia@example.ac.uk', role: 'mentor' } });
    expect(await ok(registry, 'participants.profile', { id: newcomer.id })).toEqual({
      participantId: newcomer.id,
      chemistry: [],
      training: [],
      pairs: [],
      meetings: [],
      meetingCounts: { held: 0, due: 0, overdue: 0 },
      logs: { submitted: 0, drafts: 0, notProvided: 0, owed: 0 },
    });
    expectError(await registry.invoke('participants.profile', { id: 999_999 }), 'NOT_FOUND');
    expectError(await registry.invoke('participants.profile', { id: 'one' }), 'INVALID_INPUT');
  });

  it('the demo keeps two members of staff with the same name, told apart wherever they are listed together', async () => {
    const clock = new DemoClock('2026-11-22');
    const { registry } = await unlockedCore(dir, clock.now);
    await fillDemo(registry, { seed: 1, participants: 20, clock });
    const [pilot] = await ok(registry, 'pilots.list', {});
    const { rows } = await ok(registry, 'participants.list', { pilotId: pilot!.id });
    const namesakes = rows.filter((r) => r.name === 'Nadia Osei');
    expect(namesakes).toHaveLength(2);
    expect(namesakes.map((r) => r.role)).toEqual(['mentee', 'mentee']);
    const notes = disambiguators(rows);
    const [first, second] = namesakes.map((r) => notes.get(r.id));
    expect(first).toBeTruthy();
    expect(first).not.toBe(second);
  });
});

describe('departments', () => {
  it('are suggested from the pilot’s people, and two spellings merged into one: everyone moves, each move in the trail', async () => {
    const { registry } = await unlockedCore(dir);
    const pilot = await ok(registry, 'pilots.create', { name: 'Departments', startDate: '2026-10-01', endDate: '2027-06-30' });
    const pilotId = pilot.id;
    const add = (name: string, department: string, role: 'mentor' | 'mentee') => ok(registry, 'participants.create', { pilotId, participant: { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.ac.uk`, role, department } });
    const ada = await add('Ada Obi', 'Law', 'mentor');
    const ben = await add('Ben Hale', 'School of Law', 'mentee');
    await add('Cy Park', 'Registry', 'mentee');
    expect(await ok(registry, 'participants.departments', { pilotId })).toEqual([
      { name: 'Law', people: 1 },
      { name: 'Registry', people: 1 },
      { name: 'School of Law', people: 1 },
    ]);

    expect(await ok(registry, 'participants.mergeDepartments', { pilotId, from: ['Law', 'School of Law'], into: 'School of Law' })).toEqual({ moved: 1 });
    expect(await ok(registry, 'participants.departments', { pilotId })).toEqual([
      { name: 'Registry', people: 1 },
      { name: 'School of Law', people: 2 },
    ]);
    expect((await ok(registry, 'participants.get', { id: ada.id })).department).toBe('School of Law');
    expect((await ok(registry, 'participants.get', { id: ben.id })).department).toBe('School of Law');
    const trail = await ok(registry, 'audit.list', { limit: 5 });
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['participants.mergeDepartments(1)', 'participants.update']));

    // A department nobody has: refused, nothing changed.
    expectError(await registry.invoke('participants.mergeDepartments', { pilotId, from: ['Law'], into: 'Registry' }), 'INVALID_INPUT');
    expectError(await registry.invoke('participants.mergeDepartments', { pilotId, from: [], into: 'Registry' }), 'INVALID_INPUT');
    expect((await ok(registry, 'participants.departments', { pilotId })).map((d) => d.people)).toEqual([1, 2]);
  });
});
