import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { pilotWithPair } from '../helpers/pairs';
import { warningsOf } from '../../shared/contract/confirm';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-interview-dates-'));

const when = { startsAt: '14:00', place: 'Room 2.14, Library', onlineLink: '' };

describe('scheduling an interview outside the pilot’s dates', () => {
  it('asks first and changes nothing, then schedules (or reschedules) once confirmed', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, mentor } = await pilotWithPair(registry);
    const robin = await ok(registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
    const typo = { pilotId, participantId: mentor.id, interviewerId: robin.id, scheduledOn: '2099-06-10', ...when };
    const asked = expectError(await registry.invoke('interviews.schedule', typo), 'CONFIRMATION_NEEDED');
    expect(warningsOf(asked).map((w) => w.message)).toEqual(['The interview date (10 Jun 2099) is after the pilot ends (30 Jun 2027).']);
    expect((await ok(registry, 'interviews.list', { pilotId })).total).toBe(0);

    const interview = await ok(registry, 'interviews.schedule', { ...typo, scheduledOn: '2027-06-10' });
    expectError(await registry.invoke('interviews.reschedule', { pilotId, interviewId: interview.id, interviewerId: robin.id, scheduledOn: '1926-06-10', ...when }), 'CONFIRMATION_NEEDED');
    const moved = await ok(registry, 'interviews.reschedule', { pilotId, interviewId: interview.id, interviewerId: robin.id, scheduledOn: '2027-07-02', ...when, confirmed: ['outside-pilot'] });
    expect(moved.scheduledOn).toBe('2027-07-02');
  });
});
