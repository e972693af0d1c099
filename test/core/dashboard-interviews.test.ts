import { beforeEach, describe, expect, it } from 'vitest';
import { unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { pilotWithPair } from '../helpers/pairs';
import { when } from '../helpers/interviews';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-dashboard-interviews-'));


describe('closing interviews on the dashboard', () => {
  it('counts the pilot’s interviews by state: scheduled, done, cancelled', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, mentor, mentee } = await pilotWithPair(registry);
    const robin = await ok(registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
    expect((await ok(registry, 'dashboard.get', { pilotId })).interviews).toEqual({ scheduled: 0, done: 0, cancelled: 0 });

    await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
    const cancelled = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentee.id, interviewerId: robin.id, ...when, startsAt: '15:30' });
    await ok(registry, 'interviews.cancel', { pilotId, interviewId: cancelled.id, reason: 'Exams clash' });
    expect((await ok(registry, 'dashboard.get', { pilotId })).interviews).toEqual({ scheduled: 1, done: 0, cancelled: 1 });
  });
});

describe('closing interviews and group reflections on the dashboard’s week', () => {
  it('counts the interviews still scheduled and the group reflections held in the current week, not other weeks', async () => {
    const { registry } = await unlockedCore(dir, () => new Date('2027-06-09T09:00:00Z')); // a Wednesday: the week of 7–13 June
    const { pilotId, mentor, mentee } = await pilotWithPair(registry);
    const robin = await ok(registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
    const thisWeek = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
    await ok(registry, 'interviews.schedule', { pilotId, participantId: mentee.id, interviewerId: robin.id, ...when, scheduledOn: '2027-06-14' });
    await ok(registry, 'groupReflections.create', { pilotId, event: { heldOn: '2027-06-13', attendance: { mode: 'counted', headCount: 9 } } });
    await ok(registry, 'groupReflections.create', { pilotId, event: { heldOn: '2027-06-06', attendance: { mode: 'counted', headCount: 4 } } });
    const week = (await ok(registry, 'dashboard.get', { pilotId })).timeline;
    expect(week).toMatchObject({ weekStart: '2027-06-07', weekEnd: '2027-06-13', interviewsThisWeek: 1, groupReflectionsThisWeek: 1 });

    // A cancelled interview is no longer on the week.
    await ok(registry, 'interviews.cancel', { pilotId, interviewId: thisWeek.id, reason: 'Exams clash' });
    expect((await ok(registry, 'dashboard.get', { pilotId })).timeline.interviewsThisWeek).toBe(0);
  });
});
