import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { warningsOf } from '../../shared/contract/confirm';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const fixedNow = () => new Date('2026-11-02T09:00:00Z');

describe('dates mean something', () => {
  it('a chemistry meeting that took place cannot be dated in the future; one that did not happen is not about a date to come either way', async () => {
    const { registry } = await unlockedCore(dir, fixedNow);
    const { id: pilotId } = await newPilot(registry);
    const amara = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Amara', email: 'amara@example.ac.uk', role: 'mentor' } });
    const helen = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Helen', email: 'helen@example.ac.uk', role: 'mentee' } });
    const meeting = (heldOn: string) => ({ heldOn, mentorId: amara.id, menteeId: helen.id, mentorWillingness: 'yes' as const });
    for (const heldOn of ['2026-11-03', '2099-01-01']) {
      const refused = expectError(await registry.invoke('chemistry.create', { pilotId, meeting: meeting(heldOn) }), 'INVALID_INPUT');
      expect(refused.issues).toEqual([{ path: ['meeting', 'heldOn'], message: 'A meeting that took place cannot be dated in the future. Record it once it has been held.' }]);
    }
    expect((await ok(registry, 'chemistry.list', { pilotId })).rows).toEqual([]);
    expect((await ok(registry, 'participants.get', { id: amara.id })).status).toBe('interested');
    const held = await ok(registry, 'chemistry.create', { pilotId, meeting: meeting('2026-11-02') });
    expectError(await registry.invoke('chemistry.update', { id: held.id, meeting: meeting('2026-12-01') }), 'INVALID_INPUT');
    expect((await ok(registry, 'chemistry.list', { pilotId })).rows[0]!.heldOn).toBe('2026-11-02');
  });

  it('milestones: done on a date to come is refused; due outside the pilot asks to confirm', async () => {
    const { registry } = await unlockedCore(dir, fixedNow);
    const { id: pilotId } = await newPilot(registry); // 1 Oct 2026 to 30 Jun 2027
    const future = expectError(await registry.invoke('milestones.create', { pilotId, milestone: { title: 'Book rooms', dueOn: '2026-11-10', doneOn: '2026-11-05' } }), 'INVALID_INPUT');
    expect(future.issues?.[0]?.path).toEqual(['milestone', 'doneOn']);
    for (const dueOn of ['1900-01-01', '2099-12-31']) {
      const refused = expectError(await registry.invoke('milestones.create', { pilotId, milestone: { title: 'Typo', dueOn } }), 'CONFIRMATION_NEEDED');
      expect(warningsOf(refused).map((w) => w.code)).toEqual(['outside-pilot']);
    }
    expect((await ok(registry, 'plan.get', { pilotId })).milestones).toEqual([]);
    const report = await ok(registry, 'milestones.create', { pilotId, milestone: { title: 'Report to the board', dueOn: '2027-09-15' }, confirmed: ['outside-pilot'] });
    expect(report).toMatchObject({ dueOn: '2027-09-15', status: 'upcoming' });
    expectError(await registry.invoke('milestones.update', { id: report.id, milestone: { title: report.title, dueOn: '2099-09-15' } }), 'CONFIRMATION_NEEDED');
    expect(await ok(registry, 'milestones.update', { id: report.id, milestone: { title: report.title, dueOn: '2027-06-15', doneOn: '2026-11-02' } })).toMatchObject({ status: 'done' });
  });
});
