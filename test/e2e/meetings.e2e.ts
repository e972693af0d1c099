import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, isoDay, goTo } from './fixtures';
import { Frame } from './pages/frame';
import { ChangeSchedule, MeetingsOverview, PairMeetings } from './pages/meetings';
import { addDays, readyToPair, saturdayFrom, seedMeetingsPilot, seedMeetingsUnderWay, seedPairs, shownDay, type Pairs } from './worlds/meetings';
import { expectDate, fillDate } from './pages/dates';

// Each test has its own vault and bridge, so they run side by side.
test.describe.configure({ mode: 'parallel' });

const A = 'Amara Nwosu and Helen Marsh';
const B = 'Bilal Khan and David Okafor';

/** Pair A's meetings after the changes the pair's page makes: 2 held, 3 moved online, 4 cancelled then restored. */
async function seedPairAChanged(registry: HandlerRegistry, world: Pairs) {
  await seed(registry, 'meetings.markHeld', { id: world.a[1]!.id, heldOn: isoDay(-4), actualDurationMin: 45, note: 'Talked about the café as a place to belong.' });
  await seed(registry, 'meetings.reschedule', {
    id: world.a[2]!.id,
    date: isoDay(30),
    startTime: '16:30',
    durationMin: world.a[2]!.durationMin,
    mode: 'online',
    location: 'https://teams.example.org/meet/3',
    note: 'Helen is at a conference that week.',
    confirmed: ['weekend'],
  });
  await seed(registry, 'meetings.cancel', { id: world.a[3]!.id, note: 'The pair agreed three meetings were enough.' });
  await seed(registry, 'meetings.restore', { id: world.a[3]!.id, note: 'They want a last meeting after all.' });
}

/** A vault with the pilot, its two pairs three weeks in, and the app open on a pair's page or the overview. */
async function meetingsUnderWay(page: Parameters<typeof createVault>[0], registry: HandlerRegistry) {
  await createVault(page);
  const pilotId = await seedMeetingsPilot(registry);
  const world = await seedPairs(registry, pilotId);
  await seedMeetingsUnderWay(registry, world);
  return { pilotId, world };
}

test('meetings: with no pairs yet, the meetings and logs screens say what to do first', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilotId = await seedMeetingsPilot(bridge.registry);
  await new MeetingsOverview(page).open(pilotId);
  await expect(page.getByRole('heading', { name: 'No confirmed pairs yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Pairing' })).toHaveAttribute('href', `#/pilots/${pilotId}/pairing`);
  await expectAccessible(page, 'meetings, no pairs');
  await keepScreenshot(page, 'meetings-01-empty');
  await goTo(page, `/pilots/${pilotId}/logs`);
  await expect(page.getByRole('heading', { name: 'Nobody owes a log' })).toBeVisible();
  await expectAccessible(page, 'logs, nothing owed');
  await keepScreenshot(page, 'logs-00-empty');
});

test('meetings: the scheme at a glance — overdue, due this week, held, and each pair’s progress', async ({ app: page, bridge }) => {
  const { pilotId } = await meetingsUnderWay(page, bridge.registry);
  const overview = new MeetingsOverview(page);
  await overview.open(pilotId);
  await expect(overview.heading).toBeVisible();
  await expect(overview.counts).toHaveText(['1 overdue', '1 due in the next 7 days', '7 scheduled in all', '1 held', '0 cancelled']);
  await expect(overview.overdue.getByRole('row')).toHaveCount(2);
  const overdue = overview.overdue.getByRole('row').nth(1);
  await expect(overdue).toContainText(await shownDay(page, isoDay(-4)));
  await expect(overdue).toContainText(A);
  await expect(overdue).toContainText('Meeting 2 of 4');
  await expect(overdue).toContainText('Belonging');
  await expect(overdue).toContainText('In person');
  const dueSoon = overview.dueSoon.getByRole('row').nth(1);
  await expect(dueSoon).toContainText(B);
  await expect(dueSoon).toContainText('10:00');
  await expect(dueSoon).toContainText('Meeting 1 of 4');
  await expect(overview.pairProgress(A)).toContainText('1 of 4 held');
  await expect(overview.pairProgress(A)).toContainText('1 overdue');
  await expect(overview.pairProgress(A)).toContainText('2 logs owed');
  await expect(overview.pairProgress(B)).toContainText(await shownDay(page, isoDay(2)));
  // Done: held meetings, newest first, with both logs' state.
  await expect(overview.held.getByRole('row')).toHaveCount(2);
  await expect(overview.held.getByRole('row').nth(1)).toContainText(await shownDay(page, isoDay(-21)));
  await expect(overview.held.getByRole('row').nth(1)).toContainText('55 min');
  await expect(overview.held.getByRole('row').nth(1).getByText('Not written yet')).toHaveCount(2);
  await expect(page.getByRole('group', { name: /^Pages of/ })).toHaveCount(0); // a page holds everything here
  await expectAccessible(page, 'meetings overview');
  await keepScreenshot(page, 'meetings-02-overview');
});

test('a pair’s meetings: each with its details, ice-breakers, history, state and logs', async ({ app: page, bridge }) => {
  const { pilotId } = await meetingsUnderWay(page, bridge.registry);
  const overview = new MeetingsOverview(page);
  const pair = new PairMeetings(page);
  await overview.open(pilotId);
  await overview.pairProgress(A).getByRole('link', { name: `Meetings of ${A}` }).click();
  await expect(pair.heading(A)).toBeVisible();
  await expect(pair.card(1)).toContainText(`Held on ${await shownDay(page, isoDay(-21))}`);
  await expect(pair.card(1)).not.toContainText('planned for');
  await expect(pair.card(1)).toContainText('lasted 55 minutes');
  await expect(pair.card(1)).toContainText('Note: Met in the library café');
  await expect(pair.card(1)).toContainText('Which label do people give you that you would not choose?');
  await expect(pair.card(1).getByRole('link', { name: 'Write log: Amara Nwosu, meeting 1' })).toBeVisible();
  await expect(pair.card(1).getByText('Not written yet')).toHaveCount(2);
  await expect(pair.card(2).getByText('Overdue', { exact: true })).toBeVisible();
  await expect(pair.card(2)).toContainText('Library room 2');
  await expect(pair.card(3).getByText('Scheduled', { exact: true })).toBeVisible();
  await expectAccessible(page, 'a pair’s meetings');
  await keepScreenshot(page, 'meetings-03-pair');
});

test('a meeting marked held: the planned date by default, the length a number; both then owe a log', async ({ app: page, bridge }) => {
  const { pilotId, world } = await meetingsUnderWay(page, bridge.registry);
  const pair = new PairMeetings(page);
  await pair.open(pilotId, world.pairA.id);
  await page.getByRole('button', { name: 'Mark held: meeting 2' }).click();
  const held = pair.dialog(/Mark held: Meeting 2 of 4/);
  await expectDate(held, 'Date it was held', isoDay(-4));
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
  await expect(new Frame(page).notice('Meeting 2 of 4 marked held. Both people now owe a reflective log.')).toBeVisible();
  await expect(pair.card(2).getByText('Held', { exact: true })).toBeVisible();
  await expect(pair.card(2)).toContainText('lasted 45 minutes');
  await expect(pair.card(2).getByRole('heading', { level: 2 })).toBeFocused();

  // Ticked by mistake: Undo in the notice schedules it again on its planned date.
  await new Frame(page).notices.getByRole('button', { name: 'Undo' }).click();
  await expect(new Frame(page).notice('Meeting 2 of 4 is scheduled again: “held” was undone.')).toBeVisible();
  await expect(pair.card(2).getByText('Overdue', { exact: true })).toBeVisible();
  await expect(pair.card(2)).not.toContainText('lasted 45 minutes');
  const trail = (await seed(bridge.registry, 'audit.list', { limit: 3 })).map((e) => e.action);
  expect(trail.slice(0, 2)).toEqual(['meetings.undoHeld', 'meetings.markHeld']);
});

test('a meeting rescheduled to another date and time, online with a link, kept in its history', async ({ app: page, bridge }) => {
  const { pilotId, world } = await meetingsUnderWay(page, bridge.registry);
  const pair = new PairMeetings(page);
  await pair.open(pilotId, world.pairA.id);
  // A Saturday, four weeks or so ahead: the move asks for confirmation first.
  const newDate = saturdayFrom(isoDay(28));
  await page.getByRole('button', { name: 'Reschedule meeting 3' }).click();
  const move = pair.dialog(/Reschedule: Meeting 3 of 4/);
  await fillDate(move, 'Date', newDate);
  await move.getByLabel('Start time').fill('16:30');
  await move.getByLabel('Online').check();
  await move.getByLabel('Link').fill('https://teams.example.org/meet/3');
  await move.getByLabel('Note').fill('Helen is at a conference that week.');
  await expectAccessible(page, 'reschedule dialog');
  await keepScreenshot(page, 'meetings-05-reschedule');
  await move.getByRole('button', { name: 'Reschedule meeting' }).click();
  await expect(move.getByRole('alert')).toContainText(`is a Saturday.`);
  await expect(move.getByRole('alert')).toContainText('Nothing has been saved yet.');
  await expect(pair.card(3)).not.toContainText('16:30');
  await expectAccessible(page, 'reschedule asks to confirm a Saturday');
  await keepScreenshot(page, 'meetings-05b-reschedule-confirm');
  await move.getByRole('button', { name: 'Reschedule anyway' }).click();
  await expect(move).toBeHidden();
  await expect(new Frame(page).notice(`Meeting 3 of 4 moved to ${await shownDay(page, newDate)} at 16:30, online.`)).toBeVisible();
  await expect(pair.card(3)).toContainText(await shownDay(page, newDate));
  await expect(pair.card(3)).toContainText('16:30');
  await expect(pair.card(3)).toContainText('Online');
  await expect(pair.card(3)).toContainText('https://teams.example.org/meet/3');
  await expect(pair.card(3)).toContainText(
    `Rescheduled: moved from ${await shownDay(page, world.a[2]!.date)} to ${await shownDay(page, newDate)} and switched online: “Helen is at a conference that week.”`,
  );
});

test('a meeting cancelled with a reason, then restored: the cancellation stays in its history', async ({ app: page, bridge }) => {
  const { pilotId, world } = await meetingsUnderWay(page, bridge.registry);
  const pair = new PairMeetings(page);
  const frame = new Frame(page);
  await pair.open(pilotId, world.pairA.id);
  await page.getByRole('button', { name: 'Cancel meeting 4' }).click();
  const cancel = pair.dialog('Cancel meeting 4 of 4?');
  await cancel.getByRole('button', { name: 'Cancel meeting' }).click();
  await expect(cancel.getByText('Reason is required')).toBeVisible();
  await expectAccessible(page, 'cancel dialog with error');
  await keepScreenshot(page, 'meetings-06-cancel');
  await cancel.getByLabel('Reason').fill('The pair agreed three meetings were enough.');
  await cancel.getByRole('button', { name: 'Cancel meeting' }).click();
  await expect(cancel).toBeHidden();
  await expect(frame.notice('Meeting 4 of 4 cancelled.')).toBeVisible();
  await expect(pair.card(4).getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(pair.card(4)).toContainText('Reason: The pair agreed three meetings were enough.');
  await expect(pair.card(4).getByRole('button')).toHaveText(['Restore meeting']);

  // Restore: cancelled by mistake, the meeting is scheduled again; the cancellation stays in its history.
  await pair.card(4).getByRole('button', { name: 'Restore meeting 4' }).click();
  const restore = pair.dialog('Restore meeting 4 of 4?');
  await expect(restore).toContainText('The cancellation and its reason stay in its history.');
  await restore.getByLabel('Note').fill('They want a last meeting after all.');
  await expectAccessible(page, 'restore dialog');
  await keepScreenshot(page, 'meetings-06b-restore');
  await restore.getByRole('button', { name: 'Restore meeting' }).click();
  await expect(restore).toBeHidden();
  await expect(frame.notice(/^Meeting 4 of 4 restored: scheduled again for/)).toBeVisible();
  await expect(pair.card(4).getByText('Scheduled', { exact: true })).toBeVisible();
  await expect(pair.card(4)).not.toContainText('Reason:');
  await expect(pair.history(4)).toHaveText([/Cancelled: “The pair agreed three meetings were enough\.”$/, /Restored: scheduled again: “They want a last meeting after all\.”$/]);
  await expect(pair.card(4).getByRole('heading', { level: 2 })).toBeFocused();
});

test('a pair’s calendar file: written to the export folder, every meeting, no names', async ({ app: page, bridge }) => {
  const { pilotId, world } = await meetingsUnderWay(page, bridge.registry);
  await seedPairAChanged(bridge.registry, world);
  const pair = new PairMeetings(page);
  await pair.open(pilotId, world.pairA.id);
  await expect(page.getByText('no names and no notes')).toBeVisible();
  await pair.exportCalendar.click();
  const file = `reciprocal-pair-${world.pairA.id}.ics`;
  await expect(new Frame(page).notice(`Wrote 4 meetings to ${join(bridge.exportDir, file)}.`)).toBeVisible();
  const ics = readFileSync(join(bridge.exportDir, file), 'utf8');
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  expect(ics).toContain('https://teams.example.org/meet/3');
  expect(ics).not.toContain('Amara');
  expect(ics).not.toContain('Helen');
  await expectAccessible(page, 'a pair’s meetings after changes');
  await keepScreenshot(page, 'meetings-07-pair-after');
});

test('changing the whole scheme’s schedule: the rule on the field, then a preview of what would move', async ({ app: page, bridge }) => {
  const { pilotId, world } = await meetingsUnderWay(page, bridge.registry);
  await seedPairAChanged(bridge.registry, world);
  const overview = new MeetingsOverview(page);
  const change = new ChangeSchedule(page);
  await overview.open(pilotId);
  await overview.changeSchedule.click();
  await expect(change.heading).toBeVisible();
  await expectDate(page, 'From', isoDay(0));
  await expect(change.wholeScheme).toBeChecked();
  await change.moveBy.fill('0');
  await change.preview.click();
  await expect(page.getByText('Move the meetings by some days, or switch them online, or both')).toBeVisible();
  await expect(change.moveBy).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'change the schedule, invalid');
  await keepScreenshot(page, 'meetings-08-change-invalid');

  await change.moveBy.fill('14');
  await change.switchOnline.check();
  await change.note.fill('Campus closed for two weeks');
  await change.preview.click();
  // Pair A's meetings 3 and 4 (restored) and all four of pair B's; held ones stay.
  await expect(change.changes.getByRole('row')).toHaveCount(7);
  await expect(page.getByText('6 meetings of 2 pairs would move later by 14 days and become online meetings. Nothing has changed yet.')).toBeVisible();
  await expect(change.change(B, 'Meeting 1')).toContainText(`${await shownDay(page, isoDay(2))} → moves to ${await shownDay(page, isoDay(16))}`);
  await expect(change.change(B, 'Meeting 1')).toContainText('In person → becomes Online');
  // The plan has no online link: the old room is not carried over as one.
  await expect(change.change(B, 'Meeting 1')).toContainText('No link yet: add one in the plan or with Reschedule');
  await expect(change.change(A, 'Meeting 3')).toContainText('Online (unchanged)');
  await expectAccessible(page, 'change the schedule, preview');
  await keepScreenshot(page, 'meetings-09-change-preview');
});

test('changing the whole scheme’s schedule, applied: confirmed first, then the meetings moved, online, in their history', async ({ app: page, bridge }) => {
  const { pilotId, world } = await meetingsUnderWay(page, bridge.registry);
  await seedPairAChanged(bridge.registry, world);
  const overview = new MeetingsOverview(page);
  const change = new ChangeSchedule(page);
  await overview.open(pilotId);
  await overview.changeSchedule.click();
  await change.moveBy.fill('14');
  await change.switchOnline.check();
  await change.note.fill('Campus closed for two weeks');
  await change.preview.click();
  await expect(change.changes.getByRole('row')).toHaveCount(7);
  await change.apply.click();
  const confirm = page.getByRole('alertdialog', { name: 'Move 6 meetings?' });
  await expect(confirm).toContainText('6 scheduled meetings of 2 pairs will move later by 14 days and become online meetings.');
  await expectAccessible(page, 'change the schedule, confirm');
  await keepScreenshot(page, 'meetings-10-change-confirm');
  await confirm.getByRole('button', { name: 'Move 6 meetings' }).click();
  await expect(new Frame(page).notice(/^6 meetings moved and switched online\./)).toBeVisible();
  await expect(overview.heading).toBeVisible();
  await expect(overview.counts).toHaveText(['0 overdue', '0 due in the next 7 days', '6 scheduled in all', '2 held', '0 cancelled']);
  await expect(page.getByText('No meetings in the next 7 days.')).toBeVisible();

  const pair = new PairMeetings(page);
  await page.getByRole('link', { name: `Meetings of ${B}` }).click();
  await expect(pair.card(1)).toContainText(await shownDay(page, isoDay(16)));
  await expect(pair.fact(1, 'mode')).toHaveText('Online');
  // The schedule change is added to each meeting's history, after the earlier reschedule.
  await expect(pair.history(1)).toHaveText([
    new RegExp(`Rescheduled: moved from ${await shownDay(page, world.b[0]!.date)} to ${await shownDay(page, isoDay(2))}$`),
    new RegExp(`Schedule change: moved from ${await shownDay(page, isoDay(2))} to ${await shownDay(page, isoDay(16))} and switched online: “Campus closed for two weeks”$`),
  ]);
  await expect(pair.fact(2, 'date')).toHaveText(await shownDay(page, addDays(world.b[1]!.date, 14)));
  await expect(pair.fact(1, 'place')).toHaveText('Link not set yet');
  await expectAccessible(page, 'a pair after the schedule change');
  await keepScreenshot(page, 'meetings-11-after-change');
});

test('changing one pair’s schedule from its page: the pair chosen, a preview of its meetings', async ({ app: page, bridge }) => {
  const { pilotId, world } = await meetingsUnderWay(page, bridge.registry);
  await seedPairAChanged(bridge.registry, world);
  await seed(bridge.registry, 'meetings.applyShift', { scope: { pilotId }, from: isoDay(0), shiftDays: 14, switchToOnline: true, note: 'Campus closed for two weeks' });
  const pair = new PairMeetings(page);
  const change = new ChangeSchedule(page);
  await pair.open(pilotId, world.pairB.id);
  await pair.changeSchedule.click();
  await expect(change.onePair).toBeChecked();
  await expect(change.pair).toHaveValue(String(world.pairB.id));
  await change.moveBy.fill('-7');
  await change.preview.click();
  await expect(page.getByText('4 meetings of 1 pair would move earlier by 7 days. Nothing has changed yet.')).toBeVisible();
  await expect(change.changes.getByRole('row')).toHaveCount(5);
  await expect(change.previewHeading).toBeFocused();
  await expectAccessible(page, 'change one pair’s schedule, preview');
  await keepScreenshot(page, 'meetings-12-change-one-pair');
});

test('meetings: the plan’s mode and online link reach the meetings of new pairs', async ({ app: page, bridge }) => {
  await createVault(page);
  const registry = bridge.registry;
  const pilotId = await seedMeetingsPilot(registry);

  // The plan says pairs meet online, with a link: set on the plan screen.
  await goTo(page, `/pilots/${pilotId}/plan?section=meeting-plan`);
  const plan = page.getByRole('form', { name: 'Meeting plan' });
  await plan.getByLabel('Online', { exact: true }).check();
  await plan.getByLabel('Online link (optional)').fill('https://teams.example.org/reverse-mentoring');
  await plan.getByRole('button', { name: 'Save meeting plan' }).click();
  await expect(new Frame(page).notice('Meeting plan saved.')).toBeVisible();
  await expectAccessible(page, 'plan with meeting mode');
  await keepScreenshot(page, 'meetings-13-plan-mode');

  const { pairA, a } = await seedPairs(registry, pilotId);
  expect(a.map((m) => [m.mode, m.location])).toEqual(Array(4).fill(['online', 'https://teams.example.org/reverse-mentoring']));
  const pair = new PairMeetings(page);
  await pair.open(pilotId, pairA.id);
  await expect(pair.fact(1, 'mode')).toHaveText('Online');
  await expect(pair.fact(1, 'place')).toHaveText('https://teams.example.org/reverse-mentoring');
});

test('meetings: long lists come a page at a time, by keyboard too', async ({ app: page, bridge }) => {
  await createVault(page);
  const registry = bridge.registry;
  const pilotId = await seedMeetingsPilot(registry);
  // 30 pairs: 120 meetings, then the whole scheme moved back nine weeks so all of them are overdue.
  const people = [];
  for (let i = 0; i < 60; i++) {
    const role = i % 2 === 0 ? 'mentor' : 'mentee';
    people.push(await seed(registry, 'participants.create', { pilotId, participant: { name: `Person ${String(i).padStart(2, '0')}`, email: `p${i}@example.ac.uk`, role, department: role === 'mentor' ? 'Law' : 'Registry', availability: ['thu-am'] } }));
  }
  const mentors = people.filter((p) => p.role === 'mentor');
  const mentees = people.filter((p) => p.role === 'mentee');
  await readyToPair(registry, pilotId, mentors.map((m, i) => [m, mentees[i]!] as const));
  await seed(registry, 'matching.confirm', { pilotId, pairs: mentors.map((m, i) => ({ mentorId: m.id, menteeId: mentees[i]!.id })) });
  await seed(registry, 'meetings.applyShift', { scope: { pilotId }, from: isoDay(0), shiftDays: -63 });

  const overview = new MeetingsOverview(page);
  await overview.open(pilotId);
  await expect(page.getByRole('heading', { name: 'Overdue (120)' })).toBeVisible();
  await expect(overview.overdue.getByRole('row')).toHaveCount(101);
  const pager = overview.pager('overdue meetings');
  await expect(pager).toContainText('Showing 1–100 of 120 overdue meetings');
  await expect(pager.getByRole('button', { name: 'Previous 100' })).toBeDisabled();
  await expectAccessible(page, 'meetings overview, many overdue');
  await keepScreenshot(page, 'meetings-14-paged');
  // By keyboard: the next page, then focus lands on the list's heading (the button it left is disabled).
  await pager.getByRole('button', { name: 'Next 20' }).focus();
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('Showing 101–120 of 120 overdue meetings');
  await expect(overview.overdue.getByRole('row')).toHaveCount(21);
  await expect(page.getByRole('heading', { name: 'Overdue (120)' })).toBeFocused();
  await pager.getByRole('button', { name: 'Previous 100' }).click();
  await expect(overview.overdue.getByRole('row')).toHaveCount(101);
  await expect(overview.progress.getByRole('row')).toHaveCount(31);
  await expect(page.getByRole('heading', { name: 'Progress by pair (30)' })).toBeVisible();
});
