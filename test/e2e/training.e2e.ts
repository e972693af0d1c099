import { ok } from '../helpers/pilot';
import { test, expect, expectAccessible, keepScreenshot, createVault, goTo, isoDay } from './fixtures';
import { Frame } from './pages/frame';
import { seedCohort } from './worlds/cohort';
import type { HandlerRegistry } from '../../electron/core';
import type { Page } from '@playwright/test';
import { dateField, dateValue, fillDate } from './pages/dates';

// Each test has its own vault and bridge, so they run side by side.
test.describe.configure({ mode: 'parallel' });

/** The cohort with one confirmed pair, Jamal Ahmed and Robert Hughes, neither trained yet. */
async function seedPairedUntrained(registry: HandlerRegistry) {
  const cohort = await seedCohort(registry);
  await ok(registry, 'matching.confirm', { pilotId: cohort.pilotId, pairs: [{ mentorId: cohort.id('Jamal Ahmed'), menteeId: cohort.id('Robert Hughes') }] });
  return cohort;
}

const notTrained = (page: Page) => page.getByRole('region', { name: /^Not trained yet/ });
const sessions = (page: Page) => page.getByRole('table', { name: 'Training sessions, newest first' });

test('recording a training session: topics suggested and free, attendance filtered by the audience, a date to come refused', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, id } = await seedPairedUntrained(bridge.registry);
  await goTo(page, `/pilots/${pilotId}/training`);
  await expect(page.getByRole('heading', { name: 'Training', level: 1 })).toBeVisible();
  const flags = notTrained(page);
  await expect(flags.getByRole('heading')).toHaveText('Not trained yet (2)');
  await expect(flags.getByRole('listitem')).toHaveText([
    'Not trained Robert Hughes — Mentee (staff), Finance; paired with Jamal Ahmed (their meetings); still needs: Confidentiality and its limits, The disclosure protocol',
    'Not trained Jamal Ahmed — Mentor (student), Economics; paired with Robert Hughes (their meetings); still needs: Confidentiality and its limits, The disclosure protocol',
  ]);
  // Each person and their pair lead to their own pages.
  await expect(flags.getByRole('listitem').first().getByRole('link', { name: 'Robert Hughes', exact: true })).toHaveAttribute('href', /#\/pilots\/\d+\/participants\/\d+$/);
  await expect(flags.getByRole('listitem').first().getByRole('link', { name: 'their meetings' })).toHaveAttribute('href', /#\/pilots\/\d+\/meetings\/pairs\/\d+$/);
  await expect(page.getByRole('heading', { name: 'No training sessions recorded yet' })).toBeVisible();
  await expectAccessible(page, 'training, none recorded');
  await keepScreenshot(page, 'pairing-training-02-empty');

  await page.getByRole('button', { name: 'Record a training session' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Record a training session' });
  await expect(dateField(dialog, 'Date').getByRole('spinbutton').first()).toBeFocused();
  await dialog.getByLabel('Mentors (students)').check();
  // Only students can be ticked for a mentors' session.
  const people = dialog.getByRole('list', { name: 'People who could attend' });
  await expect(people.getByRole('checkbox')).toHaveCount(6);
  await expect(people.getByRole('checkbox', { name: /^Robert Hughes/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Record session' }).click();
  await expect(dialog.getByText('Name at least one topic')).toBeVisible();

  await dialog.getByRole('checkbox', { name: 'Confidentiality and its limits' }).check();
  await dialog.getByRole('checkbox', { name: 'The disclosure protocol' }).check();
  await dialog.getByRole('textbox', { name: 'Another topic' }).fill('Safeguarding basics');
  await dialog.getByRole('textbox', { name: 'Another topic' }).press('Enter');
  await expect(dialog.getByRole('list', { name: 'Other topics' })).toHaveText(/Safeguarding basics/);
  await dialog.getByRole('searchbox', { name: 'Filter people' }).fill('jam');
  await expect(people.getByRole('checkbox')).toHaveCount(1);
  await people.getByRole('checkbox', { name: /^Jamal Ahmed/ }).check();
  await dialog.getByRole('searchbox', { name: 'Filter people' }).fill('');
  await people.getByRole('checkbox', { name: /^Amara Nwosu/ }).check();
  await expect(dialog.getByText('2 people attended.')).toBeVisible();
  await expectAccessible(page, 'training, record dialog');
  await keepScreenshot(page, 'pairing-training-03-record-dialog');
  // A date still to come takes no attendance: said beside the list, and refused on saving.
  const today = await dateValue(dialog, 'Date');
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  await fillDate(dialog, 'Date', nextYear);
  await expect(dialog.getByText('The date is in the future: save the session now as planned, and tick who attended once it has taken place.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Record session' }).click();
  await expect(dialog.getByText('This session has not taken place yet: record who attended once it has.')).toBeVisible();
  await expectAccessible(page, 'training, record dialog with a future date');
  await keepScreenshot(page, 'pairing-training-03b-future-date');
  await fillDate(dialog, 'Date', today);
  await dialog.getByRole('button', { name: 'Record session' }).click();
  await expect(dialog).toBeHidden();
  await expect(new Frame(page).notice(/Training of .* recorded: 2 people attended\./)).toBeVisible();

  const row = sessions(page).getByRole('row').nth(1);
  await expect(row).toContainText('Mentors (students)');
  await expect(row.getByRole('listitem')).toHaveText(['Confidentiality and its limits', 'The disclosure protocol', 'Safeguarding basics']);
  await expect(row).toContainText('2 people');
  await expect(row).toContainText('Amara Nwosu and Jamal Ahmed');
  // Jamal is trained now; Robert still is not.
  await expect(flags.getByRole('heading')).toHaveText('Not trained yet (1)');
  await expect(flags.getByRole('listitem')).toHaveText([/Robert Hughes/]);

  // Robert covers one required topic at an earlier staff session: the flag names the one he still needs.
  await ok(bridge.registry, 'training.create', { pilotId, session: { heldOn: '2026-11-10', audience: 'mentees', topics: ['The disclosure protocol'], attendeeIds: [id('Robert Hughes')] } });
  await page.reload();
  await expect(flags.getByRole('listitem')).toHaveText([/^Not trained Robert Hughes — .*; still needs: Confidentiality and its limits$/]);
  await expectAccessible(page, 'training, a session');
  await keepScreenshot(page, 'pairing-training-04-list');
});

test('a training session edited and then deleted: the not-trained flag follows it', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, id } = await seedPairedUntrained(bridge.registry);
  await ok(bridge.registry, 'training.create', {
    pilotId,
    session: { heldOn: isoDay(0), audience: 'mentors', topics: ['Confidentiality and its limits', 'The disclosure protocol', 'Safeguarding basics'], attendeeIds: [id('Amara Nwosu'), id('Jamal Ahmed')] },
  });
  await ok(bridge.registry, 'training.create', { pilotId, session: { heldOn: '2026-11-10', audience: 'mentees', topics: ['The disclosure protocol'], attendeeIds: [id('Robert Hughes')] } });
  await goTo(page, `/pilots/${pilotId}/training`);
  const flags = notTrained(page);
  const row = sessions(page).getByRole('row').nth(1);
  await expect(row).toContainText('Amara Nwosu and Jamal Ahmed');

  // Edit: a topic removed, and the audience widened to staff as well, with Robert attending.
  await page.getByRole('button', { name: /^Edit the session of/ }).first().click();
  const edit = page.getByRole('dialog', { name: /^Edit the session of/ });
  await edit.getByRole('button', { name: 'Remove the topic Safeguarding basics' }).click();
  await edit.getByLabel('Mentors and mentees').check();
  await edit.getByRole('checkbox', { name: /^Robert Hughes/ }).check();
  await expect(edit.getByText('3 people attended.')).toBeVisible();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('3 people');
  await expect(row.getByRole('listitem')).toHaveCount(2);
  await expect(flags.getByRole('heading')).toHaveText('Not trained yet');
  await expect(flags).toContainText('Everyone in the 1 confirmed pair has been trained for their role.');

  // Delete asks first; the attendance goes with it, so both are flagged again, with what they miss.
  await page.getByRole('button', { name: /^Delete the session of/ }).first().click();
  const confirm = page.getByRole('alertdialog', { name: /^Delete the session of/ });
  await expect(confirm).toContainText('anyone who needed this session to count as trained goes back to their stage before training, or, if already paired, is flagged as not trained.');
  await expectAccessible(page, 'training, delete dialog');
  await confirm.getByRole('button', { name: 'Delete session' }).click();
  await expect(sessions(page).getByRole('row')).toHaveCount(2);
  await expect(flags.getByRole('heading')).toHaveText('Not trained yet (2)');
  await expect(flags.getByRole('listitem')).toHaveText([/Robert Hughes .*; still needs: Confidentiality and its limits$/, /Jamal Ahmed .*; still needs: Confidentiality and its limits, The disclosure protocol$/]);
});
