import { ok } from './pilot';
import type { HandlerRegistry } from '../../electron/core';

/**
 * A pilot with themes, a 4-meeting fortnightly plan, and one confirmed pair free on Wednesday
 * afternoons — the smallest world in which meetings and logs exist.
 */
export async function pilotWithPair(registry: HandlerRegistry) {
  const pilot = await ok(registry, 'pilots.create', { name: 'Meetings pilot', startDate: '2026-10-01', endDate: '2027-06-30' });
  const pilotId = pilot.id;
  for (const title of ['Identity', 'Belonging', 'Assessment']) await ok(registry, 'themes.create', { pilotId, theme: { title, iceBreakers: [`Ice-breaker about ${title}`] } });
  const mentor = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Amara Nwosu', email: 'amara@example.ac.uk', role: 'mentor', department: 'Law', availability: ['mon-am', 'wed-pm'] } });
  const mentee = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Helen Marsh', email: 'helen@example.ac.uk', role: 'mentee', department: 'Registry', availability: ['wed-pm', 'fri-am'] } });
  const [pair] = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: mentor.id, menteeId: mentee.id }] });
  return { pilotId, mentor, mentee, pair: pair! };
}

/** A clock the test can move: meetings are held only on dates already passed. */
export function movableClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set: (iso: string) => {
      now = new Date(iso);
    },
  };
}
