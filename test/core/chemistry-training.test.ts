import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, tempDir, unlockedCore } from '../helpers/vault';
import { newPilot, ok } from '../helpers/pilot';
import type { HandlerRegistry } from '../../electron/core';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function cohort(registry: HandlerRegistry) {
  const { id: pilotId } = await newPilot(registry);
  const add = (name: string, role: 'mentor' | 'mentee') => ok(registry, 'participants.create', { pilotId, participant: { name, email: `${name.toLowerCase()}@example.ac.uk`, role } });
  return { pilotId, amara: await add('Amara', 'mentor'), bilal: await add('Bilal', 'mentor'), helen: await add('Helen', 'mentee'), ian: await add('Ian', 'mentee') };
}

describe('chemistry meetings', () => {
  it('records who met and each side’s willingness, and moves people on from "interested"', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, amara, helen } = await cohort(registry);
    const meeting = await ok(registry, 'chemistry.create', {
      pilotId,
      meeting: { heldOn: '2026-10-20', mentorId: amara.id, menteeId: helen.id, mentorWillingness: 'yes', menteeWillingness: 'maybe', menteeNote: 'Wants to think about timing' },
    });
    expect(meeting).toMatchObject({ mentorName: 'Amara', menteeName: 'Helen', happened: true, mentorWillingness: 'yes', menteeWillingness: 'maybe' });
    expect((await ok(registry, 'participants.get', { id: amara.id })).status).toBe('chemistry');
    expect((await ok(registry, 'participants.get', { id: helen.id })).statusHistory.at(-1)).toMatchObject({ from: 'interested', to: 'chemistry', reason: 'Chemistry meeting held' });

    expectError(await registry.invoke('chemistry.create', { pilotId, meeting: { heldOn: '2026-10-21', mentorId: amara.id, menteeId: helen.id } }), 'CONFLICT');
    const updated = await ok(registry, 'chemistry.update', { id: meeting.id, meeting: { heldOn: '2026-10-20', mentorId: amara.id, menteeId: helen.id, mentorWillingness: 'yes', menteeWillingness: 'no' } });
    expect(updated.menteeWillingness).toBe('no');
    expect(await ok(registry, 'chemistry.list', { pilotId })).toHaveLength(1);
  });

  it('refuses the wrong roles, people of another pilot, withdrawn people and answers for a meeting that did not happen', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, amara, bilal, helen, ian } = await cohort(registry);
    const roles = expectError(await registry.invoke('chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: helen.id, menteeId: amara.id } }), 'INVALID_INPUT');
    expect(roles.message).toMatch(/Helen is a mentee \(staff\), not a mentor \(student\)/);
    const other = await newPilot(registry, 'Other');
    expectError(await registry.invoke('chemistry.create', { pilotId: other.id, meeting: { heldOn: '2026-10-20', mentorId: amara.id, menteeId: helen.id } }), 'INVALID_INPUT');
    await ok(registry, 'participants.transition', { id: ian.id, to: 'withdrawn', reason: 'Sabbatical' });
    expect(expectError(await registry.invoke('chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: bilal.id, menteeId: ian.id } }), 'INVALID_INPUT').message).toMatch(/withdrawn/);
    expectError(await registry.invoke('chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: bilal.id, menteeId: helen.id, happened: false, mentorWillingness: 'yes' } }), 'INVALID_INPUT');
    const missed = await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: bilal.id, menteeId: helen.id, happened: false } });
    expect(missed.happened).toBe(false);
    expect((await ok(registry, 'participants.get', { id: bilal.id })).status).toBe('interested');
  });
});

describe('training', () => {
  it('records sessions and attendance; attendees of a session for their role become trained', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, amara, bilal, helen } = await cohort(registry);
    expectError(await registry.invoke('training.create', { pilotId, session: { heldOn: '2026-11-05', audience: 'mentors', topics: [], attendeeIds: [] } }), 'INVALID_INPUT');
    const wrongAudience = expectError(await registry.invoke('training.create', { pilotId, session: { heldOn: '2026-11-05', audience: 'mentors', topics: ['Confidentiality and its limits'], attendeeIds: [helen.id] } }), 'INVALID_INPUT');
    expect(wrongAudience.message).toMatch(/Helen is a mentee, but this session was for mentors/);

    const session = await ok(registry, 'training.create', {
      pilotId,
      session: { heldOn: '2026-11-05', audience: 'mentors', topics: ['Confidentiality and its limits', 'The disclosure protocol'], attendeeIds: [amara.id] },
    });
    expect(session.attendees.map((a) => a.name)).toEqual(['Amara']);
    expect((await ok(registry, 'participants.get', { id: amara.id })).status).toBe('trained');
    await ok(registry, 'training.update', { id: session.id, session: { heldOn: '2026-11-05', audience: 'both', topics: ['Confidentiality and its limits'], attendeeIds: [amara.id, bilal.id, helen.id] } });
    expect((await ok(registry, 'participants.get', { id: helen.id })).status).toBe('trained');
    expect(await ok(registry, 'training.list', { pilotId })).toHaveLength(1);
  });
});
