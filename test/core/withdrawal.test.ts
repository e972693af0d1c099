import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair, readyForPairing } from '../helpers/pairs';
import type { HandlerRegistry } from '../../electron/core';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

/** A pair whose first meeting was held on 11 Nov (no logs yet), today 20 Nov: three meetings still to come. */
async function pairUnderWay() {
  const clock = movableClock('2026-11-02T09:00:00Z');
  const core = await unlockedCore(dir, clock.now);
  await ok(core.registry, 'settings.update', { timeZone: 'Europe/London' });
  const world = await pilotWithPair(core.registry);
  clock.set('2026-11-20T09:00:00Z');
  const [first] = (await ok(core.registry, 'meetings.forPair', { pairId: world.pair.id })).meetings;
  await ok(core.registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 60 });
  return { ...core, ...world, clock };
}

const auditCount = async (registry: HandlerRegistry) => (await ok(registry, 'audit.verify', {})).entries;

describe('withdrawal reaches everything', () => {
  it('previews exactly what will change, then ends the pair, cancels the meetings still to come, excuses owed logs and flags the partner, in one step', async () => {
    const { registry, pilotId, mentor, mentee, pair } = await pairUnderWay();
    const preview = await ok(registry, 'participants.previewWithdrawal', { id: mentor.id });
    expect(preview).toMatchObject({
      name: 'Amara Nwosu',
      status: 'active',
      pairs: [{ pairId: pair.id, partnerId: mentee.id, partnerName: 'Helen Marsh', partnerFlagged: true }],
      owedLogs: [{ sequence: 1, heldOn: '2026-11-11' }],
    });
    expect(preview.pairs[0]!.cancelledMeetings.map((m) => [m.sequence, m.date])).toEqual([
      [2, '2026-11-25'],
      [3, '2026-12-09'],
      [4, '2026-12-23'],
    ]);
    // The preview changed nothing.
    expect((await ok(registry, 'pairs.list', { pilotId })).map((p) => p.id)).toEqual([pair.id]);

    await ok(registry, 'participants.transition', { id: mentor.id, to: 'withdrawn', reason: 'Moved abroad', previewFingerprint: preview.fingerprint });

    const amara = await ok(registry, 'participants.get', { id: mentor.id });
    expect(amara).toMatchObject({ status: 'withdrawn', statusReason: 'Moved abroad', email: 'amara@example.ac.uk' }); // data stays
    expect(await ok(registry, 'pairs.list', { pilotId })).toEqual([]);
    const [ended] = await ok(registry, 'pairs.list', { pilotId, includeEnded: true });
    expect(ended!.endReason).toBe('Amara Nwosu withdrew: Moved abroad');
    const meetings = (await ok(registry, 'meetings.forPair', { pairId: pair.id })).meetings;
    expect(meetings.map((m) => [m.sequence, m.status])).toEqual([
      [1, 'held'],
      [2, 'cancelled'],
      [3, 'cancelled'],
      [4, 'cancelled'],
    ]);
    // Amara owes nothing any more; Helen still owes her log of the meeting that was held.
    expect((await ok(registry, 'logs.owed', { pilotId })).map((o) => o.authorName)).toEqual(['Helen Marsh']);
    const excused = await ok(registry, 'logs.get', { meetingId: meetings[0]!.id, authorId: mentor.id });
    expect(excused).toMatchObject({ state: 'not-provided', notProvidedReason: 'Amara Nwosu withdrew: Moved abroad' });
    // Helen is flagged for re-pairing, on her record and on the pairing screen.
    const helen = await ok(registry, 'participants.get', { id: mentee.id });
    expect(helen.repairingNote).toBe('Amara Nwosu withdrew on 20 Nov 2026; their pair ended. Needs a new partner.');
    const candidate = (await ok(registry, 'matching.state', { pilotId })).candidates.find((c) => c.id === mentee.id);
    expect(candidate?.repairingNote).toBe(helen.repairingNote);
    expect((await ok(registry, 'matching.state', { pilotId })).candidates.map((c) => c.id)).not.toContain(mentor.id);
  });

  it('refuses when the situation changed since the preview, and changes nothing', async () => {
    const { registry, pilotId, mentor, pair } = await pairUnderWay();
    const preview = await ok(registry, 'participants.previewWithdrawal', { id: mentor.id });
    const meetings = (await ok(registry, 'meetings.forPair', { pairId: pair.id })).meetings;
    await ok(registry, 'meetings.cancel', { id: meetings[3]!.id, note: 'Holiday' });
    const before = await auditCount(registry);
    const refused = expectError(await registry.invoke('participants.transition', { id: mentor.id, to: 'withdrawn', reason: 'Moved abroad', previewFingerprint: preview.fingerprint }), 'CONFLICT');
    expect(refused.message).toMatch(/no longer what the preview showed.*Nothing was changed/);
    expect((await ok(registry, 'participants.get', { id: mentor.id })).status).toBe('active');
    expect((await ok(registry, 'pairs.list', { pilotId })).map((p) => p.id)).toEqual([pair.id]);
    expect(await auditCount(registry)).toBe(before);
  });

  it('consent to take part withdrawn runs the same cascade', async () => {
    const { registry, pilotId, mentee, pair } = await pairUnderWay();
    const [consent] = (await ok(registry, 'participants.get', { id: mentee.id })).consents;
    const preview = await ok(registry, 'participants.previewWithdrawal', { id: mentee.id });
    expect(preview.pairs[0]!.cancelledMeetings).toHaveLength(3);
    await ok(registry, 'consent.withdraw', { id: consent!.id, withdrawnOn: '2026-11-20', reason: 'No longer wishes to take part', previewFingerprint: preview.fingerprint });
    const helen = await ok(registry, 'participants.get', { id: mentee.id });
    expect(helen).toMatchObject({ status: 'withdrawn', consent: 'withdrawn' });
    expect(await ok(registry, 'pairs.list', { pilotId })).toEqual([]);
    expect((await ok(registry, 'meetings.forPair', { pairId: pair.id })).meetings.filter((m) => m.status === 'scheduled')).toEqual([]);
    expect((await ok(registry, 'logs.owed', { pilotId })).map((o) => o.authorName)).toEqual(['Amara Nwosu']);
    expect((await ok(registry, 'participants.get', { id: pair.mentorId })).repairingNote).toMatch(/Helen Marsh withdrew/);
  });

  it('a partner flagged for re-pairing is back in the pool and loses the flag once paired again', async () => {
    const { registry, pilotId, mentor, mentee } = await pairUnderWay();
    await ok(registry, 'participants.transition', { id: mentor.id, to: 'withdrawn', reason: 'Moved abroad' });
    const newMentor = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Bilal Khan', email: 'bilal@example.ac.uk', role: 'mentor', department: 'History' } });
    await readyForPairing(registry, pilotId, [newMentor.id]);
    await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: newMentor.id, menteeId: mentee.id }] });
    expect((await ok(registry, 'participants.get', { id: mentee.id })).repairingNote).toBeNull();
  });

  it('refuses to change the role of someone in a current pair, with the reason', async () => {
    const { registry, mentor } = await pairUnderWay();
    const amara = await ok(registry, 'participants.get', { id: mentor.id });
    const draft = { name: amara.name, email: amara.email, role: 'mentee' as const, department: amara.department };
    const refused = expectError(await registry.invoke('participants.update', { id: mentor.id, participant: draft }), 'CONFLICT');
    expect(refused.message).toBe('Amara Nwosu’s role cannot change while they are in a current pair (with Helen Marsh): end the pair first on the Pairing screen.');
    expect((await ok(registry, 'participants.get', { id: mentor.id })).role).toBe('mentor');
    // Other details still change.
    await ok(registry, 'participants.update', { id: mentor.id, participant: { ...draft, role: 'mentor', department: 'Law School' } });
  });
});
