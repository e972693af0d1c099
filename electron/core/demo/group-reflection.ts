import type { HandlerRegistry } from '../registry/registry';
import { call } from './call';
import type { DemoClock } from './clock';

/**
 * Two group reflections: a mid-scheme check-in with named attendance (a withdrawn person who came
 * stays listed, marked) and a staff-only session with a head count, each with findings on themes.
 */
export async function fillGroupReflectionDemo(registry: HandlerRegistry, { pilotId, clock, themeIds }: { pilotId: number; clock: DemoClock; themeIds: number[] }): Promise<{ 'group reflections': number; 'group reflection findings': number }> {
  const register = await call(registry, 'participants.list', { pilotId, sortBy: 'name' });
  const taking = register.rows.filter((p) => p.status === 'active' || p.status === 'paired').slice(0, 6);
  const withdrawn = register.rows.filter((p) => p.status === 'withdrawn').slice(0, 1);
  const checkIn = await call(registry, 'groupReflections.create', {
    pilotId,
    event: {
      heldOn: clock.day(-6),
      place: 'Students’ union, room 3 (demo)',
      attendance: { mode: 'named', participantIds: [...taking, ...withdrawn].map((p) => p.id) },
      notes: 'Demo notes: pairs shared one thing they had changed since meeting, then the group sorted them by theme on sticky notes.',
    },
  });
  const staff = await call(registry, 'groupReflections.create', {
    pilotId,
    event: { heldOn: clock.day(-3), place: 'Vice-Chancellor’s meeting room (demo)', attendance: { mode: 'counted', headCount: 9 }, notes: 'Demo notes: senior staff only; names not taken.' },
  });
  const findings: [number, string, number[]][] = [
    [checkIn.id, 'Mentees said being asked about their commute changed how they saw their mentor (demo).', [0, 1]],
    [checkIn.id, 'Several pairs want a fifth meeting to agree what the mentor will change (demo).', [2]],
    [staff.id, 'Staff plan to invite their mentee to a committee meeting as an observer (demo).', [1]],
  ];
  for (const [groupReflectionId, text, themes] of findings) {
    await call(registry, 'groupReflections.addFinding', { groupReflectionId, finding: { text, themeIds: themes.map((i) => themeIds[i]).filter((id): id is number => id !== undefined) } });
  }
  return { 'group reflections': 2, 'group reflection findings': findings.length };
}
