import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, PASSPHRASE, seed, isoDay, goTo, notice, tabTo } from './fixtures';

// Each test has its own vault and bridge, so they run side by side.
test.describe.configure({ mode: 'parallel' });

/* ---- helpers ------------------------------------------------------------------------------ */

type Registry = HandlerRegistry;

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** A date as the meetings screens show it ("Wed 2 Dec 2026"), by the page's own Intl. */
const shown = (page: Page, iso: string) =>
  page.evaluate((d) => new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), iso);

/** A meeting's card on a pair's page, found by its heading ("Meeting 2 of 4: Belonging"). */
const card = (page: Page, sequence: number) => page.locator('.ml-meeting').filter({ has: page.getByRole('heading', { name: new RegExp(`^Meeting ${sequence} of \\d+:`) }) });

/** A pilot that started two months ago, with three themes (each meeting takes the next one). */
async function seedPilot(registry: Registry) {
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
async function seedPairs(registry: Registry, pilotId: number) {
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

/* ---- meetings ----------------------------------------------------------------------------- */

test('meetings: overview, a pair’s meetings held, rescheduled and cancelled, calendar export, a schedule change', async ({ app: page, bridge }) => {
  await createVault(page);
  const registry = bridge.registry;
  const pilotId = await seedPilot(registry);

  // No pairs yet: the screens say what to do first.
  await goTo(page, `/pilots/${pilotId}/meetings`);
  await expect(page.getByRole('heading', { name: 'No confirmed pairs yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Pairing' })).toHaveAttribute('href', `#/pilots/${pilotId}/pairing`);
  await expectAccessible(page, 'meetings, no pairs');
  await keepScreenshot(page, 'meetings-01-empty');
  await goTo(page, `/pilots/${pilotId}/logs`);
  await expect(page.getByRole('heading', { name: 'Nobody owes a log' })).toBeVisible();
  await expectAccessible(page, 'logs, nothing owed');
  await keepScreenshot(page, 'logs-00-empty');

  // Two pairs: one met early, three weeks ago, and missed its second meeting; the other meets in two days.
  const world = await seedPairs(registry, pilotId);
  await seed(registry, 'meetings.reschedule', { id: world.a[0]!.id, date: isoDay(-21), startTime: '14:00', durationMin: 60, mode: 'in-person', location: 'Library café', note: 'Both free earlier' });
  await seed(registry, 'meetings.markHeld', { id: world.a[0]!.id, heldOn: isoDay(-21), actualDurationMin: 55, note: 'Met in the library café' });
  await seed(registry, 'meetings.reschedule', { id: world.a[1]!.id, date: isoDay(-4), startTime: '14:00', durationMin: 60, mode: 'in-person', location: 'Library room 2' });
  await seed(registry, 'meetings.reschedule', { id: world.b[0]!.id, date: isoDay(2), startTime: '10:00', durationMin: 60, mode: 'in-person', location: 'Engineering foyer' });
  await page.reload();
  await goTo(page, `/pilots/${pilotId}/meetings`);

  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();
  const counts = page.getByRole('list', { name: 'Meetings at a glance' });
  await expect(counts.getByRole('listitem')).toHaveText(['1 overdue', '1 due in the next 7 days', '7 scheduled in all', '1 held', '0 cancelled']);
  const overdue = page.getByRole('table', { name: 'Overdue meetings' });
  await expect(overdue.getByRole('row')).toHaveCount(2);
  await expect(overdue.getByRole('row').nth(1)).toContainText(await shown(page, isoDay(-4)));
  await expect(overdue.getByRole('row').nth(1)).toContainText('Amara Nwosu and Helen Marsh');
  await expect(overdue.getByRole('row').nth(1)).toContainText('Meeting 2 of 4');
  await expect(overdue.getByRole('row').nth(1)).toContainText('Belonging');
  await expect(overdue.getByRole('row').nth(1)).toContainText('In person');
  const dueSoon = page.getByRole('table', { name: 'Meetings due in the next 7 days' });
  await expect(dueSoon.getByRole('row').nth(1)).toContainText('Bilal Khan and David Okafor');
  await expect(dueSoon.getByRole('row').nth(1)).toContainText('10:00');
  await expect(dueSoon.getByRole('row').nth(1)).toContainText('Meeting 1 of 4');
  const progress = page.getByRole('table', { name: 'Progress of each confirmed pair' });
  const rowA = progress.getByRole('row', { name: /Amara Nwosu and Helen Marsh/ });
  await expect(rowA).toContainText('1 of 4 held');
  await expect(rowA).toContainText('1 overdue');
  await expect(rowA).toContainText('2 logs owed');
  await expect(progress.getByRole('row', { name: /Bilal Khan and David Okafor/ })).toContainText(await shown(page, isoDay(2)));
  // Done: held meetings, newest first, with both logs' state.
  const doneTable = page.getByRole('table', { name: 'Meetings held' });
  await expect(doneTable.getByRole('row')).toHaveCount(2);
  await expect(doneTable.getByRole('row').nth(1)).toContainText(await shown(page, isoDay(-21)));
  await expect(doneTable.getByRole('row').nth(1)).toContainText('55 min');
  await expect(doneTable.getByRole('row').nth(1).getByText('Not written yet')).toHaveCount(2);
  await expect(page.locator('.ml-pager')).toHaveCount(0); // a page holds everything here
  await expectAccessible(page, 'meetings overview');
  await keepScreenshot(page, 'meetings-02-overview');

  // A pair's page: every meeting with its details, ice-breakers, state and logs.
  await rowA.getByRole('link', { name: 'Meetings of Amara Nwosu and Helen Marsh' }).click();
  await expect(page.getByRole('heading', { name: 'Meetings of Amara Nwosu and Helen Marsh', level: 1 })).toBeVisible();
  await expect(card(page, 1)).toContainText(`Held on ${await shown(page, isoDay(-21))}`);
  await expect(card(page, 1)).not.toContainText('planned for');
  await expect(card(page, 1)).toContainText('lasted 55 minutes');
  await expect(card(page, 1)).toContainText('Note: Met in the library café');
  await expect(card(page, 1).locator('.ml-history li')).toContainText(`Rescheduled: moved from ${await shown(page, world.a[0]!.date)} to ${await shown(page, isoDay(-21))}: “Both free earlier”`);
  await expect(card(page, 1)).toContainText('Which label do people give you that you would not choose?');
  await expect(card(page, 1).getByRole('link', { name: 'Write log: Amara Nwosu, meeting 1' })).toBeVisible();
  await expect(card(page, 1).getByText('Not written yet')).toHaveCount(2);
  await expect(card(page, 2).getByText('Overdue', { exact: true })).toBeVisible();
  await expect(card(page, 2)).toContainText('Library room 2');
  await expect(card(page, 3).getByText('Scheduled', { exact: true })).toBeVisible();
  await expectAccessible(page, 'a pair’s meetings');
  await keepScreenshot(page, 'meetings-03-pair');

  // Mark held: the date defaults to the planned one, the length must be a number.
  await page.getByRole('button', { name: 'Mark held: meeting 2' }).click();
  const held = page.getByRole('dialog', { name: /Mark held: Meeting 2 of 4/ });
  await expect(held.getByLabel('Date it was held')).toHaveValue(isoDay(-4));
  await expect(held.getByLabel('How long it lasted (minutes)')).toHaveValue('60');
  await held.getByLabel('How long it lasted (minutes)').fill('');
  await held.getByRole('button', { name: 'Mark held' }).click();
  await expect(held.getByText('Enter a number')).toBeVisible();
  await held.getByLabel('How long it lasted (minutes)').fill('45');
  await held.getByLabel('Note').fill('Talked about the café as a place to belong.');
  await expectAccessible(page, 'mark held dialog');
  await keepScreenshot(page, 'meetings-04-mark-held');
  await held.getByRole('button', { name: 'Mark held' }).click();
  await expect(held).toBeHidden();
  await expect(notice(page, 'Meeting 2 of 4 marked held. Both people now owe a reflective log.')).toBeVisible();
  await expect(card(page, 2).getByText('Held', { exact: true })).toBeVisible();
  await expect(card(page, 2)).toContainText('lasted 45 minutes');
  await expect(card(page, 2).getByRole('heading', { level: 2 })).toBeFocused();

  // Reschedule: another date and time, online with a link.
  const newDate = isoDay(30);
  await page.getByRole('button', { name: 'Reschedule meeting 3' }).click();
  const move = page.getByRole('dialog', { name: /Reschedule: Meeting 3 of 4/ });
  await move.getByLabel('Date').fill(newDate);
  await move.getByLabel('Start time').fill('16:30');
  await move.getByLabel('Online').check();
  await move.getByLabel('Link').fill('https://teams.example.org/meet/3');
  await move.getByLabel('Note').fill('Helen is at a conference that week.');
  await expectAccessible(page, 'reschedule dialog');
  await keepScreenshot(page, 'meetings-05-reschedule');
  await move.getByRole('button', { name: 'Reschedule meeting' }).click();
  await expect(move).toBeHidden();
  await expect(notice(page, `Meeting 3 of 4 moved to ${await shown(page, newDate)} at 16:30, online.`)).toBeVisible();
  await expect(card(page, 3)).toContainText(await shown(page, newDate));
  await expect(card(page, 3)).toContainText('16:30');
  await expect(card(page, 3)).toContainText('Online');
  await expect(card(page, 3)).toContainText('https://teams.example.org/meet/3');
  await expect(card(page, 3)).toContainText(`Rescheduled: moved from ${await shown(page, world.a[2]!.date)} to ${await shown(page, newDate)} and switched online: “Helen is at a conference that week.”`);

  // Cancel: a reason is required.
  await page.getByRole('button', { name: 'Cancel meeting 4' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel meeting 4 of 4?' });
  await cancel.getByRole('button', { name: 'Cancel meeting' }).click();
  await expect(cancel.getByText('Reason is required')).toBeVisible();
  await expectAccessible(page, 'cancel dialog with error');
  await keepScreenshot(page, 'meetings-06-cancel');
  await cancel.getByLabel('Reason').fill('The pair agreed three meetings were enough.');
  await cancel.getByRole('button', { name: 'Cancel meeting' }).click();
  await expect(cancel).toBeHidden();
  await expect(notice(page, 'Meeting 4 of 4 cancelled.')).toBeVisible();
  await expect(card(page, 4).getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(card(page, 4)).toContainText('Reason: The pair agreed three meetings were enough.');
  await expect(card(page, 4).getByRole('button')).toHaveText(['Restore meeting']);

  // Restore: cancelled by mistake, the meeting is scheduled again; the cancellation stays in its history.
  await card(page, 4).getByRole('button', { name: 'Restore meeting 4' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore meeting 4 of 4?' });
  await expect(restore).toContainText('The cancellation and its reason stay in its history.');
  await restore.getByLabel('Note').fill('They want a last meeting after all.');
  await expectAccessible(page, 'restore dialog');
  await keepScreenshot(page, 'meetings-06b-restore');
  await restore.getByRole('button', { name: 'Restore meeting' }).click();
  await expect(restore).toBeHidden();
  await expect(notice(page, /^Meeting 4 of 4 restored: scheduled again for/)).toBeVisible();
  await expect(card(page, 4).getByText('Scheduled', { exact: true })).toBeVisible();
  await expect(card(page, 4)).not.toContainText('Reason:');
  await expect(card(page, 4).locator('.ml-history li')).toHaveText([/Cancelled: “The pair agreed three meetings were enough\.”$/, /Restored: scheduled again: “They want a last meeting after all\.”$/]);
  await expect(card(page, 4).getByRole('heading', { level: 2 })).toBeFocused();

  // The calendar file: written to the export folder, with events but no names.
  await expect(page.getByText('no names and no notes')).toBeVisible();
  await page.getByRole('button', { name: 'Export calendar (.ics)' }).click();
  const file = `reciprocal-pair-${world.pairA.id}.ics`;
  await expect(notice(page, `Wrote 4 meetings to ${join(bridge.exportDir, file)}.`)).toBeVisible();
  const ics = readFileSync(join(bridge.exportDir, file), 'utf8');
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  expect(ics).toContain('https://teams.example.org/meet/3');
  expect(ics).not.toContain('Amara');
  expect(ics).not.toContain('Helen');
  await expectAccessible(page, 'a pair’s meetings after changes');
  await keepScreenshot(page, 'meetings-07-pair-after');

  // Change the schedule: the schema's rule shows on the field; then a preview, then apply.
  await page.getByRole('link', { name: 'All meetings' }).click();
  await page.getByRole('button', { name: 'Change the schedule' }).click();
  await expect(page.getByRole('heading', { name: 'Change the schedule', level: 1 })).toBeVisible();
  await expect(page.getByLabel('From')).toHaveValue(isoDay(0));
  await expect(page.getByLabel('The whole scheme (every pair)')).toBeChecked();
  await page.getByLabel('Move by (days)').fill('0');
  await page.getByRole('button', { name: 'Preview the change' }).click();
  await expect(page.getByText('Move the meetings by some days, or switch them online, or both')).toBeVisible();
  await expect(page.getByLabel('Move by (days)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'change the schedule, invalid');
  await keepScreenshot(page, 'meetings-08-change-invalid');

  await page.getByLabel('Move by (days)').fill('14');
  await page.getByLabel('Switch these meetings to online').check();
  await page.getByLabel('Note').fill('Campus closed for two weeks');
  await page.getByRole('button', { name: 'Preview the change' }).click();
  const previewTable = page.getByRole('table', { name: 'Meetings that would change' });
  // Pair A's meetings 3 and 4 (restored) and all four of pair B's; held ones stay.
  await expect(previewTable.getByRole('row')).toHaveCount(7);
  await expect(page.getByText('6 meetings of 2 pairs would move later by 14 days and become online meetings. Nothing has changed yet.')).toBeVisible();
  const bFirst = previewTable.getByRole('row').filter({ hasText: 'Bilal Khan and David Okafor' }).filter({ hasText: 'Meeting 1' });
  await expect(bFirst).toContainText(`${await shown(page, isoDay(2))} → moves to ${await shown(page, isoDay(16))}`);
  await expect(bFirst).toContainText('In person → becomes Online');
  // The plan has no online link: the old room is not carried over as one.
  await expect(bFirst).toContainText('No link yet: add one in the plan or with Reschedule');
  await expect(previewTable.getByRole('row').filter({ hasText: 'Amara Nwosu and Helen Marsh' }).filter({ hasText: 'Meeting 3' })).toContainText('Online (unchanged)');
  await expectAccessible(page, 'change the schedule, preview');
  await keepScreenshot(page, 'meetings-09-change-preview');

  await page.getByRole('button', { name: 'Apply the change' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Move 6 meetings?' });
  await expect(confirm).toContainText('6 scheduled meetings of 2 pairs will move later by 14 days and become online meetings.');
  await expectAccessible(page, 'change the schedule, confirm');
  await keepScreenshot(page, 'meetings-10-change-confirm');
  await confirm.getByRole('button', { name: 'Move 6 meetings' }).click();
  await expect(notice(page, /^6 meetings moved and switched online\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();
  await expect(counts.getByRole('listitem')).toHaveText(['0 overdue', '0 due in the next 7 days', '6 scheduled in all', '2 held', '0 cancelled']);
  await expect(page.getByText('No meetings in the next 7 days.')).toBeVisible();

  await page.getByRole('link', { name: 'Meetings of Bilal Khan and David Okafor' }).click();
  await expect(card(page, 1)).toContainText(await shown(page, isoDay(16)));
  await expect(card(page, 1).locator('dd').nth(2)).toHaveText('Online');
  // The schedule change is added to each meeting's history, after the earlier reschedule.
  await expect(card(page, 1).locator('.ml-history li')).toHaveText([
    new RegExp(`Rescheduled: moved from ${await shown(page, world.b[0]!.date)} to ${await shown(page, isoDay(2))}$`),
    new RegExp(`Schedule change: moved from ${await shown(page, isoDay(2))} to ${await shown(page, isoDay(16))} and switched online: “Campus closed for two weeks”$`),
  ]);
  await expect(card(page, 2).locator('dd').nth(0)).toHaveText(await shown(page, addDays(world.b[1]!.date, 14)));
  await expect(card(page, 1).locator('dd').nth(3)).toHaveText('Link not set yet');
  await expectAccessible(page, 'a pair after the schedule change');
  await keepScreenshot(page, 'meetings-11-after-change');

  // One pair's schedule: the scope comes from the pair's page.
  await page.getByRole('button', { name: 'Change this pair’s schedule' }).click();
  await expect(page.getByLabel('One pair')).toBeChecked();
  await expect(page.getByLabel('Pair', { exact: true })).toHaveValue(String(world.pairB.id));
  await page.getByLabel('Move by (days)').fill('-7');
  await page.getByRole('button', { name: 'Preview the change' }).click();
  await expect(page.getByText('4 meetings of 1 pair would move earlier by 7 days. Nothing has changed yet.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Meetings that would change' }).getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('heading', { name: 'Preview' })).toBeFocused();
  await expectAccessible(page, 'change one pair’s schedule, preview');
  await keepScreenshot(page, 'meetings-12-change-one-pair');
});

test('meetings: the plan’s mode and link reach new pairs; long lists come a page at a time', async ({ app: page, bridge }) => {
  await createVault(page);
  const registry = bridge.registry;
  const pilotId = await seedPilot(registry);

  // The plan says pairs meet online, with a link: set on the plan screen.
  await goTo(page, `/pilots/${pilotId}/plan`);
  const plan = page.getByRole('form', { name: 'Meeting plan' });
  await plan.getByLabel('Online', { exact: true }).check();
  await plan.getByLabel('Online link (optional)').fill('https://teams.example.org/reverse-mentoring');
  await plan.getByRole('button', { name: 'Save meeting plan' }).click();
  await expect(notice(page, 'Meeting plan saved.')).toBeVisible();
  await expectAccessible(page, 'plan with meeting mode');
  await keepScreenshot(page, 'meetings-13-plan-mode');

  // 30 pairs: 120 meetings, then the whole scheme moved back nine weeks so all of them are overdue.
  const people = [];
  for (let i = 0; i < 60; i++) {
    const role = i % 2 === 0 ? 'mentor' : 'mentee';
    people.push(await seed(registry, 'participants.create', { pilotId, participant: { name: `Person ${String(i).padStart(2, '0')}`, email: `p${i}@example.ac.uk`, role, department: role === 'mentor' ? 'Law' : 'Registry', availability: ['thu-am'] } }));
  }
  const mentors = people.filter((p) => p.role === 'mentor');
  const mentees = people.filter((p) => p.role === 'mentee');
  const pairs = await seed(registry, 'matching.confirm', { pilotId, pairs: mentors.map((m, i) => ({ mentorId: m.id, menteeId: mentees[i]!.id })) });
  const first = (await seed(registry, 'meetings.forPair', { pairId: pairs[0]!.id })).meetings;
  expect(first.map((m) => [m.mode, m.location])).toEqual(Array(4).fill(['online', 'https://teams.example.org/reverse-mentoring']));
  await seed(registry, 'meetings.applyShift', { scope: { pilotId }, from: isoDay(0), shiftDays: -63 });

  await goTo(page, `/pilots/${pilotId}/meetings`);
  const overdue = page.getByRole('table', { name: 'Overdue meetings' });
  await expect(page.getByRole('heading', { name: 'Overdue (120)' })).toBeVisible();
  await expect(overdue.getByRole('row')).toHaveCount(101);
  const pager = page.locator('section', { has: page.getByRole('heading', { name: 'Overdue (120)' }) }).locator('.ml-pager');
  await expect(pager).toContainText('Showing 1–100 of 120 overdue meetings');
  await expect(pager.getByRole('button', { name: 'Previous 100' })).toBeDisabled();
  await expectAccessible(page, 'meetings overview, many overdue');
  await keepScreenshot(page, 'meetings-14-paged');
  // By keyboard: the next page, then focus lands on the list's heading (the button it left is disabled).
  await pager.getByRole('button', { name: 'Next 20' }).focus();
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('Showing 101–120 of 120 overdue meetings');
  await expect(overdue.getByRole('row')).toHaveCount(21);
  await expect(page.getByRole('heading', { name: 'Overdue (120)' })).toBeFocused();
  await pager.getByRole('button', { name: 'Previous 100' }).click();
  await expect(overdue.getByRole('row')).toHaveCount(101);
  await expect(page.getByRole('table', { name: 'Progress of each confirmed pair' }).getByRole('row')).toHaveCount(31);
  await expect(page.getByRole('heading', { name: 'Progress by pair (30)' })).toBeVisible();

  // A pair's page: online, with the plan's link.
  await page.getByRole('link', { name: `Meetings of ${pairs[0]!.mentorName} and ${pairs[0]!.menteeName}` }).click();
  await expect(card(page, 1).locator('dd').nth(2)).toHaveText('Online');
  await expect(card(page, 1).locator('dd').nth(3)).toHaveText('https://teams.example.org/reverse-mentoring');
});

/* ---- reflective logs ---------------------------------------------------------------------- */

const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const header = 'Timestamp,Email address,Which meeting?,Description,Feelings,Evaluation,Analysis,Conclusion,Action plan';

test('reflective logs: written by keyboard alone across a lock, owed, not provided, searched, imported, log book', async ({ app: page, bridge }) => {
  await createVault(page);
  const registry = bridge.registry;
  const pilotId = await seedPilot(registry);
  const { amara, helen, bilal, a, b } = await seedPairs(registry, pilotId);
  await seed(registry, 'meetings.markHeld', { id: a[0]!.id, heldOn: isoDay(-20), actualDurationMin: 60 });
  await seed(registry, 'meetings.markHeld', { id: b[0]!.id, heldOn: isoDay(-10), actualDurationMin: 50 });
  await seed(registry, 'meetings.markHeld', { id: a[1]!.id, heldOn: isoDay(-6), actualDurationMin: 60 });
  await seed(registry, 'logs.submit', {
    meetingId: a[0]!.id,
    authorId: helen.id,
    stages: { description: 'Amara showed me the commuter students’ lounge.', feelings: '', evaluation: '', analysis: 'Belonging depends on having somewhere to be between lectures.', conclusion: '', actionPlan: '' },
  });

  await goTo(page, `/pilots/${pilotId}/logs`);
  await expect(page.getByRole('heading', { name: 'Reflective logs', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Owed' })).toHaveAttribute('aria-selected', 'true');
  const owed = page.getByRole('table', { name: 'Logs still owed' });
  await expect(owed.getByRole('row')).toHaveCount(6);
  await expect(owed.getByRole('row').nth(1)).toContainText('Amara Nwosu');
  await expect(owed.getByRole('row').nth(1)).toContainText('Meeting 1: Identity');
  await expect(owed.getByRole('row').nth(1)).toContainText('20 days ago');
  await expect(owed.getByRole('row').nth(1)).toContainText('Not written yet');
  await expectAccessible(page, 'logs owed');
  await keepScreenshot(page, 'logs-01-owed');

  // Keyboard alone: reach the log, write two stages, see it saved, lock, unlock, find it again, submit.
  await tabTo(page, page.getByRole('link', { name: 'Write log: Amara Nwosu, meeting 1' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Amara Nwosu’s reflective log', level: 1 })).toBeFocused();
  await expect(page.getByText('Nothing written yet. What you type is saved as a draft as you go.')).toBeVisible();
  const description = page.getByRole('textbox', { name: 'Description' });
  const feelings = page.getByRole('textbox', { name: 'Feelings' });
  await tabTo(page, description);
  await page.keyboard.type('We compared what belonging means on a commuter campus.');
  await page.keyboard.press('Tab');
  await expect(feelings).toBeFocused();
  await page.keyboard.type('Curious, and a little nervous at first.');
  await expect(page.getByText(/^Saved as draft at \d\d:\d\d\.$/)).toBeVisible();
  // The next field, reached by Tab, is not hidden under the sticky Save/Submit bar (WCAG 2.4.11).
  await page.keyboard.press('Tab');
  const evaluation = page.getByRole('textbox', { name: 'Evaluation' });
  await expect(evaluation).toBeFocused();
  const footerTop = (await page.locator('.ml-log-footer').boundingBox())!.y;
  const field = (await evaluation.boundingBox())!;
  expect(field.y + field.height).toBeLessThanOrEqual(footerTop);
  expect(field.y).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Shift+Tab');
  await expectAccessible(page, 'write a log, draft saved');
  await keepScreenshot(page, 'logs-02-write-draft');

  await tabTo(page, page.getByRole('button', { name: 'Lock' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Amara Nwosu’s reflective log', level: 1 })).toBeVisible();
  await expect(description).toHaveValue('We compared what belonging means on a commuter campus.');
  await expect(feelings).toHaveValue('Curious, and a little nervous at first.');
  await expect(page.getByText(/^Draft last saved on .+ at \d\d:\d\d\.$/)).toBeVisible();

  // Locking straight after typing, inside the typing pause, loses nothing: the save runs before the lock.
  const analysis = page.getByRole('textbox', { name: 'Analysis' });
  await analysis.click();
  await page.keyboard.type('Timetables assume everyone lives nearby.');
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(analysis).toHaveValue('Timetables assume everyone lives nearby.');

  // A lock the main process starts (screen lock, sleep) asks the page to save first, as main does.
  const conclusion = page.getByRole('textbox', { name: 'Conclusion' });
  await conclusion.click();
  await page.keyboard.type('Small changes to timing would help.');
  await page.evaluate(() => window.__reciprocalFlushPendingSaves!());
  bridge.session.lock('screen-locked');
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(conclusion).toHaveValue('Small changes to timing would help.');
  await expect(description).toHaveValue('We compared what belonging means on a commuter campus.');
  await tabTo(page, page.getByRole('button', { name: 'Submit log' }));
  await page.keyboard.press('Enter');
  await expect(notice(page, 'Amara Nwosu’s log for meeting 1 submitted.')).toBeVisible();
  await expect(page.getByText(/^Submitted at \d\d:\d\d\.$/)).toBeVisible();
  // Once submitted, edits are not drafts: they wait for "Submit changes".
  await page.getByRole('textbox', { name: 'Action plan' }).fill('Visit the commuter lounge together.');
  await expect(page.getByText('Changes not submitted yet: a submitted log changes only when you press Submit changes.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit changes' }).click();
  await expect(notice(page, 'Changes submitted.')).toBeVisible();
  await expect(page.getByText(/^Submitted at \d\d:\d\d\.$/)).toBeVisible();

  // The Description is required: the core's message shows on the field.
  await goTo(page, `/pilots/${pilotId}/logs/write/${b[0]!.id}/${bilal.id}`);
  await expect(page.getByRole('heading', { name: 'Bilal Khan’s reflective log', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Submit log' }).click();
  await expect(page.getByText('Write at least the Description before submitting.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'write a log, description missing');
  await keepScreenshot(page, 'logs-03-write-error');

  // The owed list follows: Amara's first log is no longer owed.
  await page.getByRole('link', { name: 'Reflective logs', exact: true }).click();
  await expect(owed.getByRole('row')).toHaveCount(5);
  await expect(owed.getByRole('link', { name: 'Write log: Amara Nwosu, meeting 1' })).toHaveCount(0);

  // Not provided: a reason is required.
  await owed.getByRole('button', { name: 'Mark not provided: Helen Marsh, meeting 2' }).click();
  const why = page.getByRole('dialog', { name: 'Mark Helen Marsh’s log as not provided?' });
  await why.getByRole('button', { name: 'Mark not provided' }).click();
  await expect(why.getByText('Reason is required')).toBeVisible();
  await expectAccessible(page, 'not provided dialog with error');
  await keepScreenshot(page, 'logs-04-not-provided');
  await why.getByLabel('Reason').fill('On leave; agreed with the coordinator.');
  await why.getByRole('button', { name: 'Mark not provided' }).click();
  await expect(why).toBeHidden();
  await expect(notice(page, 'Recorded that Helen Marsh’s log for meeting 2 will not be provided.')).toBeVisible();
  await expect(owed.getByRole('row')).toHaveCount(4);

  // Search: hits highlighted as <mark>, never as HTML.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search the logs' }).fill('belong');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('2 logs match “belong”.')).toBeVisible();
  const hits = page.locator('.ml-hit');
  await expect(hits).toHaveCount(2);
  // Newest first: Amara's log was submitted after Helen's; each hit says the log's state.
  await expect(hits.locator('h3')).toHaveText([/^Amara Nwosu .* Submitted$/, /^Helen Marsh .* Submitted$/]);
  await expect(hits.filter({ hasText: 'Helen Marsh' }).locator('mark')).toHaveText(['Belonging']);
  await expect(hits.filter({ hasText: 'Amara Nwosu' }).locator('mark')).toHaveText(['belonging']);
  await expect(hits.filter({ hasText: 'Helen Marsh' })).toContainText('Analysis');
  await expect(page.locator('body')).not.toContainText('\uE000');
  await expectAccessible(page, 'log search');
  await keepScreenshot(page, 'logs-05-search');
  // Best match: the order is a choice, kept in the address with the words.
  await page.getByLabel('Order').selectOption('relevance');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/order=relevance/);
  await expect(hits).toHaveCount(2);
  await expect(page.getByLabel('Order')).toHaveValue('relevance');

  // Import: a file with bad rows shows every error and cannot be imported; a good one can.
  await page.getByRole('tab', { name: 'Import from a form' }).click();
  const fileInput = page.getByLabel('CSV file');
  await fileInput.setInputFiles({
    name: 'log-form.csv',
    mimeType: 'text/csv',
    buffer: csv(header, '2026-12-01,david@example.ac.uk,1,We walked the estate.,,,,,', '2026-12-01,nobody@example.ac.uk,1,Text,,,,,', '2026-12-01,bilal@example.ac.uk,1,,Fine,,,,'),
  });
  await expect(page.getByRole('heading', { name: 'log-form.csv: 3 rows' })).toBeVisible();
  await expect(page.getByLabel('Email address', { exact: true })).toHaveValue('email');
  await expect(page.getByLabel('Which meeting?')).toHaveValue('meeting');
  const problems = page.getByRole('table', { name: /problems? in \d rows?/ });
  await expect(problems.getByRole('row')).toHaveCount(3);
  await expect(problems.getByRole('row').nth(1)).toContainText('3');
  await expect(problems.getByRole('row').nth(1)).toContainText('nobody@example.ac.uk is not a participant of this pilot');
  await expect(problems.getByRole('row').nth(2)).toContainText('The Description stage is empty');
  await expect(page.getByRole('button', { name: 'Import 3 logs' })).toBeDisabled();
  await expectAccessible(page, 'log import with errors');
  await keepScreenshot(page, 'logs-06-import-errors');
  // The mapping can be changed per column; a required field left unmapped is named.
  const emailColumn = page.getByLabel('Email address', { exact: true });
  await emailColumn.focus();
  await emailColumn.selectOption('');
  await expect(page.getByText('No column holds: Author’s email. Choose one for each above.')).toBeVisible();
  await expect(emailColumn).toBeFocused();
  await expect(page.getByRole('button', { name: 'Import 3 logs' })).toBeDisabled();
  await emailColumn.selectOption('email');
  await expect(page.getByText('No column holds')).toBeHidden();
  await expect(problems.getByRole('row')).toHaveCount(3);

  await fileInput.setInputFiles({
    name: 'log-form-fixed.csv',
    mimeType: 'text/csv',
    buffer: csv(header, '2026-12-01,david@example.ac.uk,1,We walked the estate.,Hopeful,,,,', '2026-12-01,bilal@example.ac.uk,Meeting 1,We talked about lab access after 6pm.,Fine,,,,Ask Estates'),
  });
  await expect(page.getByRole('heading', { name: 'log-form-fixed.csv: 2 rows' })).toBeVisible();
  await expect(page.getByText('All 2 rows can be imported.')).toBeVisible();
  await expectAccessible(page, 'log import ready');
  await keepScreenshot(page, 'logs-07-import-ready');
  await page.getByRole('button', { name: 'Import 2 logs' }).click();
  await expect(notice(page, 'Imported 2 logs from log-form-fixed.csv. They count as submitted.')).toBeVisible();
  await page.getByRole('tab', { name: 'Owed' }).click();
  await expect(owed.getByRole('row')).toHaveCount(2);
  await expect(owed.getByRole('row').nth(1)).toContainText('Amara Nwosu');
  await expect(owed.getByRole('row').nth(1)).toContainText('Meeting 2: Belonging');

  // A log book: the person's own submitted logs as a PDF in the export folder.
  await page.getByRole('tab', { name: 'Log books' }).click();
  await page.getByLabel('Person').selectOption({ label: 'Amara Nwosu — Mentor (student)' });
  await expectAccessible(page, 'log books');
  await page.getByRole('button', { name: 'Make log book (PDF)' }).click();
  const book = join(bridge.exportDir, `log-book-${amara.id}.pdf`);
  await expect(notice(page, `Wrote Amara Nwosu’s log book (1 log) to ${book}.`)).toBeVisible();
  expect(existsSync(book)).toBe(true);
  expect(readFileSync(book).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await keepScreenshot(page, 'logs-08-log-book');
});
