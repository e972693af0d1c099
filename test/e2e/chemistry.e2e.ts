import { ok } from '../helpers/pilot';
import { test, expect, expectAccessible, keepScreenshot, createVault, goTo } from './fixtures';
import { Frame } from './pages/frame';
import { PairingScreen } from './pages/pairing';
import { choose } from './pages/person-picker';
import { seedCohort, type Cohort } from './worlds/cohort';
import type { HandlerRegistry } from '../../electron/core';

// Each test has its own vault and bridge, so they run side by side.
test.describe.configure({ mode: 'parallel' });

const helensNote = 'Felt the student’s course is too close to her own team’s work.';

/** Amara said yes and Helen no after their chemistry meeting; Tom and Priya's meeting did not happen. */
async function seedTwoMeetings(registry: HandlerRegistry, { pilotId, id }: Cohort) {
  await ok(registry, 'chemistry.create', {
    pilotId,
    meeting: { heldOn: '2026-10-10', mentorId: id('Amara Nwosu'), menteeId: id('Helen Marsh'), happened: true, mentorWillingness: 'yes', menteeWillingness: 'no', menteeNote: helensNote },
  });
  await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-11', mentorId: id('Tom Becker'), menteeId: id('Priya Raman'), happened: false } });
}

test('with nobody in the pilot, chemistry, pairing and training each say what to do first', async ({ app: page, bridge }) => {
  await createVault(page);
  const empty = await ok(bridge.registry, 'pilots.create', { name: 'Empty pilot', startDate: '2026-10-01', endDate: '2027-06-30' });
  await goTo(page, `/pilots/${empty.id}/chemistry`);
  await expect(page.getByRole('heading', { name: 'Chemistry meetings', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nobody in this pilot yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Participants' })).toHaveAttribute('href', `#/pilots/${empty.id}/participants`);
  await expectAccessible(page, 'chemistry, nobody in the pilot');
  await keepScreenshot(page, 'pairing-chemistry-01-no-people');
  await goTo(page, `/pilots/${empty.id}/pairing`);
  await expect(page.getByRole('heading', { name: 'Nobody to pair yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Participants' })).toHaveAttribute('href', `#/pilots/${empty.id}/participants`);
  await expectAccessible(page, 'pairing, nobody in the pilot');
  await keepScreenshot(page, 'pairing-00-no-people');
  await goTo(page, `/pilots/${empty.id}/training`);
  await expect(page.getByRole('heading', { name: 'No training sessions recorded yet' })).toBeVisible();
  await expect(page.getByText('No confirmed pairs yet.')).toBeVisible();
  await expectAccessible(page, 'training, nobody in the pilot');
  await keepScreenshot(page, 'pairing-training-01-no-people');
});

test('recording chemistry meetings: both people required, a “no” explained, one that did not happen, a pair only once', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId } = await seedCohort(bridge.registry);
  await goTo(page, `/pilots/${pilotId}/chemistry`);
  await expect(page.getByRole('heading', { name: 'No chemistry meetings recorded yet' })).toBeVisible();
  await expect(page.getByText('A “no” from either side means the two will never be proposed as a pair.')).toBeVisible();
  await expectAccessible(page, 'chemistry, none recorded');
  await keepScreenshot(page, 'pairing-chemistry-02-empty');

  // Record: both people are required; a "no" is explained before saving.
  await page.getByRole('button', { name: 'Record a chemistry meeting' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Record a chemistry meeting' });
  await expect(dialog.getByRole('combobox', { name: 'Student mentor' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Record meeting' }).click();
  await expect(dialog.getByText('Choose the student mentor')).toBeVisible();
  await expect(dialog.getByText('Choose the staff mentee')).toBeVisible();
  await choose(page, 'Student mentor', 'Amara Nwosu');
  await choose(page, 'Staff mentee', 'Helen Marsh');
  await dialog.getByRole('group', { name: 'Would Amara Nwosu like to work with Helen Marsh?' }).getByLabel('Yes').check();
  await dialog.getByRole('group', { name: 'Would Helen Marsh like to work with Amara Nwosu?' }).getByLabel('No', { exact: true }).check();
  await expect(dialog.getByText('A “no” from either side means Amara Nwosu and Helen Marsh will never be proposed as a pair.')).toBeVisible();
  await dialog.getByLabel('Staff member’s note').fill(helensNote);
  await expectAccessible(page, 'chemistry, record dialog');
  await keepScreenshot(page, 'pairing-chemistry-03-record-dialog');
  await dialog.getByRole('button', { name: 'Record meeting' }).click();
  await expect(dialog).toBeHidden();
  await expect(new Frame(page).notice('Meeting of Amara Nwosu and Helen Marsh saved. They will never be proposed as a pair.')).toBeVisible();

  // A second meeting that did not happen: no answers can be given.
  await page.getByRole('button', { name: 'Record a chemistry meeting' }).click();
  await choose(page, 'Student mentor', 'Tom Becker');
  await choose(page, 'Staff mentee', 'Priya Raman');
  await dialog.getByLabel('No, it did not happen').check();
  await expect(dialog.getByRole('group', { name: 'Would Tom Becker like to work with Priya Raman?' }).getByLabel('Yes')).toBeDisabled();
  await expect(dialog.getByText('Each side is asked whether they would like to work together only after a meeting that took place.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Record meeting' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'Chemistry meetings, newest first' });
  const amara = table.getByRole('row').filter({ hasText: 'Amara Nwosu' });
  await expect(amara).toContainText('Student');
  await expect(amara).toContainText('Yes');
  await expect(amara).toContainText('No');
  await expect(amara).toContainText('Never proposed as a pair');
  await expect(amara).toContainText(`Staff: ${helensNote}`);
  await expect(table.getByRole('row').filter({ hasText: 'Tom Becker' })).toContainText('No, did not happen');
  await expect(page.getByText('2 meetings recorded · 1 took place · 1 pair with a “no”, never proposed')).toBeVisible();
  await expectAccessible(page, 'chemistry, list');
  await keepScreenshot(page, 'pairing-chemistry-04-list');

  // The same pair is refused a second time; the server's message shows in the form.
  await page.getByRole('button', { name: 'Record a chemistry meeting' }).click();
  await choose(page, 'Student mentor', 'Amara Nwosu');
  await choose(page, 'Staff mentee', 'Helen Marsh');
  await dialog.getByRole('button', { name: 'Record meeting' }).click();
  await expect(dialog.getByRole('alert')).toContainText('A chemistry meeting between Amara Nwosu and Helen Marsh is already recorded');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a “no” after a chemistry meeting: the two are never proposed, even when pinned, and the summary says why', async ({ app: page, bridge }) => {
  await createVault(page);
  const cohort = await seedCohort(bridge.registry);
  const pairing = new PairingScreen(page);
  // Before any chemistry meeting, Helen Marsh and Amara Nwosu are the best fit for each other.
  await pairing.open(cohort.pilotId);
  await pairing.propose.click();
  await expect(page.getByRole('heading', { name: '5 pairs proposed' })).toBeVisible();
  // The coordinator pins them before the chemistry meeting has been recorded.
  await page.getByRole('button', { name: 'Pin Helen Marsh and Amara Nwosu' }).click();
  await expect(page.getByRole('button', { name: 'Unpin Helen Marsh and Amara Nwosu' })).toBeVisible();

  await seedTwoMeetings(bridge.registry, cohort);
  await goTo(page, `/pilots/${cohort.pilotId}/chemistry`);
  await expect(page.getByText('Never proposed as a pair')).toBeVisible();
  await pairing.open(cohort.pilotId);
  await pairing.propose.click();
  await expect(page.getByRole('heading', { name: /pairs? proposed$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Why Helen Marsh and Amara Nwosu' })).toHaveCount(0);
  // Even the pin gives way to a "no", and the summary says so.
  await expect(page.getByRole('heading', { name: 'A pin was not kept' })).toBeVisible();
  await expect(page.getByText('The pin Helen Marsh – Amara Nwosu was not kept: Helen Marsh said no after their chemistry meeting.')).toBeVisible();
  await expectAccessible(page, 'pairing, a pin not kept');
  await keepScreenshot(page, 'pairing-12-pin-not-kept');
});

test('a chemistry meeting edited (a “no” becomes a “maybe”) and one deleted after a question', async ({ app: page, bridge }) => {
  await createVault(page);
  const cohort = await seedCohort(bridge.registry);
  await seedTwoMeetings(bridge.registry, cohort);
  await goTo(page, `/pilots/${cohort.pilotId}/chemistry`);
  const table = page.getByRole('table', { name: 'Chemistry meetings, newest first' });
  const amara = table.getByRole('row').filter({ hasText: 'Amara Nwosu' });
  await expect(amara).toContainText('Never proposed as a pair');

  // Edit: the staff member changes her mind to "maybe"; the pair may be proposed again.
  await page.getByRole('button', { name: 'Edit the meeting of Amara Nwosu and Helen Marsh' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit the chemistry meeting of Amara Nwosu and Helen Marsh' });
  await expect(edit.getByRole('combobox', { name: 'Student mentor' })).toHaveValue('Amara Nwosu');
  await edit.getByRole('group', { name: 'Would Helen Marsh like to work with Amara Nwosu?' }).getByLabel('Maybe').check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(amara).not.toContainText('Never proposed as a pair');
  await expect(amara).toContainText('Maybe');

  // Delete asks first.
  await page.getByRole('button', { name: 'Delete the meeting of Tom Becker and Priya Raman' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete the chemistry meeting of Tom Becker and Priya Raman?' });
  await expect(confirm).toContainText('Anyone whose “Chemistry meeting” stage came from this meeting alone goes back to Interested; later stages stay as they are.');
  await expectAccessible(page, 'chemistry, delete dialog');
  await keepScreenshot(page, 'pairing-chemistry-05-delete-dialog');
  await confirm.getByRole('button', { name: 'Delete meeting' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Tom Becker' })).toHaveCount(0);
  await expect(new Frame(page).notice('Chemistry meeting between Tom Becker and Priya Raman deleted.')).toBeVisible();
});

test('many chemistry meetings: a page at a time, found by name and by answer', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilot = await ok(bridge.registry, 'pilots.create', { name: 'Big pilot', startDate: '2026-09-01', endDate: '2027-06-30' });
  const add = (name: string, role: 'mentor' | 'mentee') => ok(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name, email: `${name.replace(/\s/g, '.').toLowerCase()}@example.ac.uk`, role } });
  const mentors = [];
  const mentees = [];
  for (let i = 0; i < 8; i++) {
    mentors.push(await add(`Student ${i}`, 'mentor'));
    mentees.push(await add(`Staff ${i}`, 'mentee'));
  }
  // 60 meetings; the last of them (Student 7 with Staff 3) ended with a "no".
  let n = 0;
  for (const mentor of mentors) {
    for (const mentee of mentees) {
      if (n === 60) break;
      const no = n === 59;
      await ok(bridge.registry, 'chemistry.create', { pilotId: pilot.id, meeting: { heldOn: '2026-10-01', mentorId: mentor.id, menteeId: mentee.id, mentorWillingness: 'yes', menteeWillingness: no ? 'no' : 'maybe' } });
      n += 1;
    }
  }
  await goTo(page, `/pilots/${pilot.id}/chemistry`);
  await expect(page.getByText('60 meetings recorded · 60 took place · 1 pair with a “no”, never proposed')).toBeVisible();
  const table = page.getByRole('table', { name: 'Chemistry meetings, newest first' });
  await expect(table.getByRole('row')).toHaveCount(51);
  const pager = page.getByRole('group', { name: 'Pages of chemistry meetings' });
  await expect(pager).toContainText('Showing 1–50 of 60 chemistry meetings');
  await expectAccessible(page, 'chemistry, paged');
  await keepScreenshot(page, 'pairing-chemistry-06-paged');
  await pager.getByRole('button', { name: 'Next 10' }).click();
  await expect(table.getByRole('row')).toHaveCount(11);

  await page.getByLabel('Show').selectOption({ label: 'Someone said no' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Student 7');
  await expect(table.getByRole('row').nth(1)).toContainText('Staff 3');
  await page.getByLabel('Show').selectOption({ label: 'All' });
  await page.getByLabel('Name').fill('Staff 5');
  await expect(table.getByRole('row')).toHaveCount(8);
  await page.getByLabel('Name').fill('Nobody by this name');
  await expect(page.getByText('No chemistry meeting matches “Nobody by this name”.')).toBeVisible();
  await expectAccessible(page, 'chemistry, nothing matches');
  await keepScreenshot(page, 'pairing-chemistry-07-no-match');
});
