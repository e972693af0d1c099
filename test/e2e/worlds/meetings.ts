import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../../electron/core';
import { isoDay, seed } from '../fixtures';

/** The day `days` after a YYYY-MM-DD date. */
export const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A date as the meetings screens show it ("Wed 2 Dec 2026"), by the page's own Intl. */
export const shownDay = (page: Page, iso: string) =>
  page.evaluate((d) => new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), iso);

/** A pilot that started two months ago, with three themes (each meeting takes the next one). */
export async function seedMeetingsPilot(registry: HandlerRegistry) {
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', startDate: isoDay(-60), endDate: isoDay(240), status: 'running' });
  for (const [title, question] of [
    ['Identity', 'Which label do people give you that you would not choose?'],
    ['Belonging', 'Where on campus do you feel you belong?'],
    ['Assessment', 'What does a fair deadline look like to you?'],
  ] as const) {
    await seed(registry, 'themes.create', { pilotId: pilot.id, theme: { title, iceBreakers: [question] } });
  }
  return pilot.id;
}

/**
 * Two confirmed pairs, free on the same afternoon or morning: confirming generates each pair's four
 * fortnightly meetings from the default plan, the first a week or so from today.
 */
export async function seedPairs(registry: HandlerRegistry, pilotId: number) {
  const person = (name: string, email: string, role: 'mentor' | 'mentee', department: string, slot: string) =>
    seed(registry, 'participants.create', { pilotId, participant: { name, email, role, department, availability: [slot] } });
  const amara = await person('Amara Nwosu', 'amara@example.ac.uk', 'mentor', 'Law', 'wed-pm');
  const helen = await person('Helen Marsh', 'helen@example.ac.uk', 'mentee', 'Registry', 'wed-pm');
  const bilal = await person('Bilal Khan', 'bilal@example.ac.uk', 'mentor', 'Engineering', 'tue-am');
  const david = await person('David Okafor', 'david@example.ac.uk', 'mentee', 'Estates', 'tue-am');
  const [pairA, pairB] = await seed(registry, 'matching.confirm', {
    pilotId,
    pairs: [
      { mentorId: amara.id, menteeId: helen.id },
      { mentorId: bilal.id, menteeId: david.id },
    ],
  });
  return {
    amara,
    helen,
    bilal,
    david,
    pairA: pairA!,
    pairB: pairB!,
    a: (await seed(registry, 'meetings.forPair', { pairId: pairA!.id })).meetings,
    b: (await seed(registry, 'meetings.forPair', { pairId: pairB!.id })).meetings,
  };
}
export type Pairs = Awaited<ReturnType<typeof seedPairs>>;

/**
 * The pairs three weeks in: pair A met early, three weeks ago, and missed its second meeting (four
 * days ago); pair B's first meeting is in two days.
 */
export async function seedMeetingsUnderWay(registry: HandlerRegistry, world: Pairs) {
  await seed(registry, 'meetings.reschedule', { id: world.a[0]!.id, date: isoDay(-21), startTime: '14:00', durationMin: 60, mode: 'in-person', location: 'Library café', note: 'Both free earlier' });
  await seed(registry, 'meetings.markHeld', { id: world.a[0]!.id, heldOn: isoDay(-21), actualDurationMin: 55, note: 'Met in the library café' });
  await seed(registry, 'meetings.reschedule', { id: world.a[1]!.id, date: isoDay(-4), startTime: '14:00', durationMin: 60, mode: 'in-person', location: 'Library room 2' });
  await seed(registry, 'meetings.reschedule', { id: world.b[0]!.id, date: isoDay(2), startTime: '10:00', durationMin: 60, mode: 'in-person', location: 'Engineering foyer' });
}
