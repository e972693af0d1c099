import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../../electron/core';
import { isoDay, seed } from '../fixtures';

/** The day `days` after a YYYY-MM-DD date. */
export const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The first Saturday on or after a YYYY-MM-DD date. */
export const saturdayFrom = (iso: string) => addDays(iso, (6 - new Date(`${iso}T12:00:00Z`).getUTCDay() + 7) % 7);

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
 * Test seeding only: the vault the bridge serves, to date what the story says happened before today
 * (the app itself never moves a record into the past: a pair is confirmed today, and a meeting cannot
 * be rescheduled to a day gone by).
 */
function seedingDb(registry: HandlerRegistry) {
  return (registry as unknown as { session: { db: { prepare: (sql: string) => { run: (...params: unknown[]) => unknown } } } }).session.db;
}

/** What the scheme asks before pairing: each person consented to take part, and each pair met at chemistry (six weeks ago) and said yes. */
export async function readyToPair(registry: HandlerRegistry, pilotId: number, pairs: (readonly [{ id: number }, { id: number }])[]) {
  const form = await seed(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: isoDay(-58), text: 'Consent form (test).' } });
  for (const p of pairs.flat()) {
    await seed(registry, 'consent.record', {
      participantId: p.id,
      formId: form.id,
      givenOn: isoDay(-50),
      choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: true },
    });
  }
  for (const [mentor, mentee] of pairs) {
    await seed(registry, 'chemistry.create', { pilotId, meeting: { heldOn: isoDay(-42), mentorId: mentor.id, menteeId: mentee.id, mentorWillingness: 'yes', menteeWillingness: 'yes' } });
  }
}

/** Days ago the world's pairs were confirmed: their meetings may have been held since. */
export const PAIRED_DAYS_AGO = 35;

/**
 * Two confirmed pairs, free on the same afternoon or morning, who consented and met at chemistry
 * first: confirming generates each pair's four fortnightly meetings from the default plan, the
 * first a week or so from today. The pairs count as confirmed PAIRED_DAYS_AGO days ago.
 */
export async function seedPairs(registry: HandlerRegistry, pilotId: number) {
  const person = (name: string, email: string, role: 'mentor' | 'mentee', department: string, slot: string) =>
    seed(registry, 'participants.create', { pilotId, participant: { name, email, role, department, availability: [slot] } });
  const amara = await person('Amara Nwosu', 'amara@example.ac.uk', 'mentor', 'Law', 'wed-pm');
  const helen = await person('Helen Marsh', 'helen@example.ac.uk', 'mentee', 'Registry', 'wed-pm');
  const bilal = await person('Bilal Khan', 'bilal@example.ac.uk', 'mentor', 'Engineering', 'tue-am');
  const david = await person('David Okafor', 'david@example.ac.uk', 'mentee', 'Estates', 'tue-am');
  await readyToPair(registry, pilotId, [
    [amara, helen],
    [bilal, david],
  ]);
  const [pairA, pairB] = await seed(registry, 'matching.confirm', {
    pilotId,
    pairs: [
      { mentorId: amara.id, menteeId: helen.id },
      { mentorId: bilal.id, menteeId: david.id },
    ],
  });
  seedingDb(registry).prepare('UPDATE pairs SET confirmed_at = ? WHERE id IN (?, ?)').run(`${isoDay(-PAIRED_DAYS_AGO)}T09:00:00.000Z`, pairA!.id, pairB!.id);
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
  // Planned in the past (as the pair agreed at the time): the app moves meetings only forward.
  const planned = seedingDb(registry).prepare('UPDATE meetings SET date = ?, location = ? WHERE id = ?');
  planned.run(isoDay(-21), 'Library café', world.a[0]!.id);
  await seed(registry, 'meetings.markHeld', { id: world.a[0]!.id, heldOn: isoDay(-21), actualDurationMin: 55, note: 'Met in the library café' });
  planned.run(isoDay(-4), 'Library room 2', world.a[1]!.id);
  await seed(registry, 'meetings.reschedule', { id: world.b[0]!.id, date: isoDay(2), startTime: '10:00', durationMin: 60, mode: 'in-person', location: 'Engineering foyer', confirmed: ['weekend'] });
}
