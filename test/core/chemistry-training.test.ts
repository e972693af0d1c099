import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { consentToTakePart } from '../helpers/pairs';
import type { HandlerRegistry } from '../../electron/core';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

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
    expect((await ok(registry, 'chemistry.list', { pilotId })).rows).toHaveLength(1);
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

const BOTH_TOPICS = ['Confidentiality and its limits', 'The disclosure protocol'];
const stageOf = async (registry: HandlerRegistry, id: number) => (await ok(registry, 'participants.get', { id })).status;
const missingOf = async (registry: HandlerRegistry, pilotId: number, id: number) => (await ok(registry, 'matching.state', { pilotId })).candidates.find((c) => c.id === id)!.trainingMissing;

describe('chemistry meetings and the stage they set', () => {
  it('deleting the meeting, or marking it as not held, takes back a "chemistry" stage it set; a later stage stays', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, amara, bilal, helen, ian } = await cohort(registry);
    const met = await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: amara.id, menteeId: helen.id, mentorWillingness: 'yes', menteeWillingness: 'yes' } });
    const other = await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-21', mentorId: bilal.id, menteeId: ian.id } });
    expect(await stageOf(registry, helen.id)).toBe('chemistry');

    await ok(registry, 'chemistry.update', { id: met.id, meeting: { heldOn: '2026-10-20', mentorId: amara.id, menteeId: helen.id, happened: false } });
    expect(await stageOf(registry, amara.id)).toBe('interested');
    expect((await ok(registry, 'participants.get', { id: helen.id })).statusHistory.at(-1)).toMatchObject({ from: 'chemistry', to: 'interested', reason: 'Chemistry meeting changed or deleted' });

    // Bilal is trained in the meantime: deleting his meeting leaves him trained.
    await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-11-05', audience: 'mentors', topics: BOTH_TOPICS, attendeeIds: [bilal.id] } });
    await ok(registry, 'chemistry.delete', { id: other.id });
    expect(await stageOf(registry, bilal.id)).toBe('trained');
    expect(await stageOf(registry, ian.id)).toBe('interested');
  });
});

describe('training', () => {
  it('records sessions and attendance; attendees become trained once sessions for their role have covered both required topics', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, amara, bilal, helen } = await cohort(registry);
    expectError(await registry.invoke('training.create', { pilotId, session: { heldOn: '2026-11-05', audience: 'mentors', topics: [], attendeeIds: [] } }), 'INVALID_INPUT');
    const wrongAudience = expectError(await registry.invoke('training.create', { pilotId, session: { heldOn: '2026-11-05', audience: 'mentors', topics: ['Confidentiality and its limits'], attendeeIds: [helen.id] } }), 'INVALID_INPUT');
    expect(wrongAudience.message).toMatch(/Helen is a mentee, but this session was for mentors/);

    // Other topics do not count; one of the two required topics is not enough.
    await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-11-01', audience: 'both', topics: ['Writing reflective logs (Gibbs’ cycle)'], attendeeIds: [amara.id, helen.id] } });
    expect(await stageOf(registry, amara.id)).toBe('interested');
    const first = await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-11-05', audience: 'mentors', topics: ['Confidentiality and its limits'], attendeeIds: [amara.id, bilal.id] } });
    expect(first.attendees.map((a) => a.name)).toEqual(['Amara', 'Bilal']);
    expect(await stageOf(registry, amara.id)).toBe('interested');
    expect(await missingOf(registry, pilotId, amara.id)).toEqual(['The disclosure protocol']);
    expect(await missingOf(registry, pilotId, helen.id)).toEqual(BOTH_TOPICS);

    // The other topic at a second session (topics compared without regard to capitals): trained.
    await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-11-12', audience: 'both', topics: ['the disclosure protocol'], attendeeIds: [amara.id, helen.id] } });
    expect(await stageOf(registry, amara.id)).toBe('trained');
    expect((await ok(registry, 'participants.get', { id: amara.id })).statusHistory.at(-1)).toMatchObject({ from: 'interested', to: 'trained', reason: 'Attended training' });
    expect(await missingOf(registry, pilotId, amara.id)).toEqual([]);
    expect(await stageOf(registry, bilal.id)).toBe('interested');
    expect(await missingOf(registry, pilotId, helen.id)).toEqual(['Confidentiality and its limits']);
    expect(await ok(registry, 'training.list', { pilotId })).toHaveLength(3);
  });

  it('takes attendance only for a session that has taken place', async () => {
    const { registry } = await unlockedCore(dir, () => new Date('2026-11-20T10:00:00Z'));
    const { pilotId, amara } = await cohort(registry);
    const refused = expectError(await registry.invoke('training.create', { pilotId, session: { heldOn: '2026-12-03', audience: 'mentors', topics: BOTH_TOPICS, attendeeIds: [amara.id] } }), 'INVALID_INPUT');
    expect(refused.message).toBe('This session has not taken place yet: record who attended once it has.');
    expect(refused.issues?.[0]?.path).toEqual(['session', 'attendeeIds']);
    expect(await ok(registry, 'training.list', { pilotId })).toHaveLength(0);
    // Planned without attendance is fine; moving a held session into the future with its attendance is not.
    await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-12-03', audience: 'mentors', topics: BOTH_TOPICS } });
    const held = await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-11-20', audience: 'mentors', topics: BOTH_TOPICS, attendeeIds: [amara.id] } });
    expect(await stageOf(registry, amara.id)).toBe('trained');
    expectError(await registry.invoke('training.update', { id: held.id, session: { heldOn: '2026-11-21', audience: 'mentors', topics: BOTH_TOPICS, attendeeIds: [amara.id] } }), 'INVALID_INPUT');
    expect((await ok(registry, 'training.list', { pilotId })).find((s) => s.id === held.id)!.heldOn).toBe('2026-11-20');
    expect(await stageOf(registry, amara.id)).toBe('trained');
  });

  it('removing attendance or deleting a session takes back the stage it set; a paired person keeps their stage and is flagged', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, amara, bilal, helen, ian } = await cohort(registry);
    await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: bilal.id, menteeId: ian.id } });
    // Ian was trained elsewhere: the coordinator set the stage by hand.
    await ok(registry, 'participants.transition', { id: ian.id, to: 'trained', reason: 'Trained with the 2025 cohort' });
    const session = await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-11-05', audience: 'both', topics: BOTH_TOPICS, attendeeIds: [amara.id, bilal.id, helen.id, ian.id] } });
    for (const p of [amara, bilal, helen, ian]) expect(await stageOf(registry, p.id)).toBe('trained');
    await consentToTakePart(registry, pilotId, [amara.id, helen.id]);
    const [pair] = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: amara.id, menteeId: helen.id }] });
    expect(pair!.untrained).toEqual([]);

    // Bilal's attendance is removed: back to the stage his chemistry meeting gives him.
    await ok(registry, 'training.update', { id: session.id, session: { heldOn: '2026-11-05', audience: 'both', topics: BOTH_TOPICS, attendeeIds: [amara.id, helen.id, ian.id] } });
    expect(await stageOf(registry, bilal.id)).toBe('chemistry');
    expect((await ok(registry, 'participants.get', { id: bilal.id })).statusHistory.at(-1)).toMatchObject({ from: 'trained', to: 'chemistry', reason: 'Training changed or deleted' });
    // A topic dropped from the session: nobody is trained by it any more.
    await ok(registry, 'training.update', { id: session.id, session: { heldOn: '2026-11-05', audience: 'both', topics: ['Confidentiality and its limits'], attendeeIds: [amara.id, helen.id, ian.id] } });
    expect((await ok(registry, 'pairs.list', { pilotId }))[0]!.untrained).toEqual([
      { id: amara.id, name: 'Amara', missing: ['The disclosure protocol'] },
      { id: helen.id, name: 'Helen', missing: ['The disclosure protocol'] },
    ]);

    await ok(registry, 'training.delete', { id: session.id });
    // Paired people keep their stage; the flag shows what they miss.
    expect(await stageOf(registry, amara.id)).toBe('paired');
    expect((await ok(registry, 'pairs.list', { pilotId }))[0]!.untrained.map((u) => u.missing)).toEqual([BOTH_TOPICS, BOTH_TOPICS]);
    // A stage set by hand is the coordinator's: kept.
    expect(await stageOf(registry, ian.id)).toBe('trained');
    expect(await missingOf(registry, pilotId, ian.id)).toEqual(BOTH_TOPICS);
  });
});
