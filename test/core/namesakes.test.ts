import { beforeEach, describe, expect, it } from 'vitest';
import { unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { fillDemo } from '../../electron/core/demo/demo';
import { DemoClock } from '../../electron/core/demo/clock';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

describe('participants.namesakes', () => {
  it('gives every person who shares a name in the pilot the note that tells them apart, and nobody else', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const other = await newPilot(registry, 'Another pilot');
    const add = (pilot: number, name: string, email: string, role: 'mentor' | 'mentee', department: string) =>
      ok(registry, 'participants.create', { pilotId: pilot, participant: { name, email, role, department } });
    const lawNadia = await add(pilotId, 'Nadia Osei', 'nadia.osei.2@example.ac.uk', 'mentee', 'School of Law');
    const historyNadia = await add(pilotId, 'nadia  osei', 'nadia.osei.4@example.ac.uk', 'mentee', 'School of History');
    const sam = await add(pilotId, 'Sam Lee', 'sam.1@student.example.ac.uk', 'mentor', 'Computing');
    const samAgain = await add(pilotId, 'Sam Lee', 'sam.2@student.example.ac.uk', 'mentor', 'Computing');
    await add(pilotId, 'Ada Byrne', 'ada@student.example.ac.uk', 'mentor', 'Computing');
    // A namesake in another pilot is no namesake here.
    await add(other.id, 'Ada Byrne', 'ada.other@student.example.ac.uk', 'mentor', 'Computing');

    const notes = new Map((await ok(registry, 'participants.namesakes', { pilotId })).map((n) => [n.id, n.note]));
    expect(notes).toEqual(
      new Map([
        [lawNadia.id, 'School of Law · staff mentee'],
        [historyNadia.id, 'School of History · staff mentee'],
        // Same department and role: only the email tells them apart.
        [sam.id, 'sam.1@student.example.ac.uk'],
        [samAgain.id, 'sam.2@student.example.ac.uk'],
      ]),
    );
    expect(await ok(registry, 'participants.namesakes', { pilotId: other.id })).toEqual([]);
  });

  it('tells the demo’s two members of staff called Nadia Osei apart, and nobody else in it', async () => {
    const clock = new DemoClock('2026-11-22');
    const { registry } = await unlockedCore(dir, clock.now);
    await fillDemo(registry, { seed: 1, participants: 40, clock });
    for (const pilot of await ok(registry, 'pilots.list', {})) {
      const notes = await ok(registry, 'participants.namesakes', { pilotId: pilot.id });
      if (notes.length === 0) continue;
      const people = await Promise.all(notes.map((n) => ok(registry, 'participants.get', { id: n.id })));
      expect(people.map((p) => p.name)).toEqual(['Nadia Osei', 'Nadia Osei']);
      expect(new Set(notes.map((n) => n.note)).size).toBe(2);
      expect(notes.every((n) => n.note.endsWith('staff mentee') || n.note.includes('@'))).toBe(true);
    }
    expect((await Promise.all((await ok(registry, 'pilots.list', {})).map((p) => ok(registry, 'participants.namesakes', { pilotId: p.id })))).flat()).toHaveLength(2);
  });
});
