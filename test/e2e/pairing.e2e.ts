import type { Locator, Page } from '@playwright/test';
import type { HandlerRegistry } from '../../electron/core';
import { ok } from '../helpers/pilot';
import { test, expect, expectAccessible, keepScreenshot, createVault } from './fixtures';

// Each test has its own vault and bridge, so they run side by side.
test.describe.configure({ mode: 'parallel' });

/* ---- helpers ------------------------------------------------------------------------------ */

async function goTo(page: Page, path: string) {
  await page.evaluate((hash) => (window.location.hash = hash), `#${path}`);
}

const notice = (page: Page, text: string | RegExp) => page.locator('.notices').getByText(text);

/** Presses Tab (or Shift+Tab) until the element is focused: the keyboard-only path never clicks. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target.toString()} by ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** Chooses a person in a searchable picker by mouse: type part of the name, click the option. */
async function choose(page: Page, picker: string, name: string) {
  const box = page.getByRole('combobox', { name: picker, exact: true });
  await box.fill(name.slice(0, 4));
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await expect(box).toHaveValue(name);
}

/** The same by keyboard: type, arrow down to the first match, Enter. */
async function chooseByKeyboard(page: Page, name: string) {
  await page.keyboard.type(name.slice(0, 5));
  await expect(page.getByRole('option', { name: new RegExp(`^${name}`) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

const staff = [
  ['Helen Marsh', 'Registry', ['Belonging', 'Assessment'], ['wed-pm', 'fri-am'], []],
  ['David Okafor', 'Law School', ['Careers'], ['mon-am'], ['First in family to university']],
  ['Priya Raman', 'Engineering', ['Belonging', 'Wellbeing'], ['tue-pm'], []],
  ['Simon Clarke', 'Estates', ['Sustainability'], ['thu-am'], []],
  ['Margaret Lee', 'Library', ['Digital skills'], ['wed-am'], ['Disabled']],
  ['Robert Hughes', 'Finance', ['Careers', 'Belonging'], ['fri-pm'], []],
  ['Olivia Grant', 'Registry', [], [], []],
] as const;
const students = [
  ['Amara Nwosu', 'Law School', ['Belonging', 'Assessment'], ['wed-pm', 'mon-am'], ['First in family to university']],
  ['Tom Becker', 'Engineering', ['Belonging', 'Wellbeing'], ['tue-pm'], []],
  ['Sofia Rossi', 'History', ['Careers'], ['mon-am'], []],
  ['Kwame Mensah', 'Geography', ['Sustainability'], ['thu-am'], ['First in family to university']],
  ['Lena Fischer', 'Computing', ['Digital skills'], ['wed-am'], []],
  ['Jamal Ahmed', 'Economics', ['Careers', 'Belonging'], ['fri-pm'], ['Disabled']],
] as const;

/**
 * A pilot with 7 members of staff (mentees) and 6 students (mentors) with departments, topics and
 * availability. Under the default settings Helen Marsh and Amara Nwosu share topics and a free
 * afternoon, David Okafor and Sofia Rossi share Careers and Monday mornings; Priya Raman's only
 * match, Tom Becker, is in her own department.
 */
async function seedCohort(registry: HandlerRegistry) {
  const pilot = await ok(registry, 'pilots.create', { name: 'Belonging 2026/27', startDate: '2026-10-01', endDate: '2027-06-30', status: 'running' });
  const pilotId = pilot.id;
  await ok(registry, 'plan.setEligibility', { pilotId, categories: ['First in family to university', 'Disabled', 'Care experienced'] });
  const ids: Record<string, number> = {};
  for (const [role, list] of [
    ['mentee', staff],
    ['mentor', students],
  ] as const) {
    for (const [name, department, topics, availability, characteristics] of list) {
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.ac.uk`;
      const p = await ok(registry, 'participants.create', {
        pilotId,
        participant: { name, email, role, department, topics: [...topics], availability: [...availability], characteristics: [...characteristics] },
      });
      ids[name] = p.id;
    }
  }
  const id = (name: string) => ids[name]!;
  return { pilotId, id };
}

const REQUIRED = ['Confidentiality and its limits', 'The disclosure protocol'];

/**
 * Everyone but Tom Becker among the students, and David Okafor and Simon Clarke among staff, are
 * trained (both required topics, at sessions already held). Priya Raman attended only the first.
 */
async function seedTraining(registry: HandlerRegistry, pilotId: number, id: (name: string) => number) {
  await ok(registry, 'training.create', {
    pilotId,
    session: { heldOn: '2026-10-05', audience: 'mentors', topics: REQUIRED, attendeeIds: ['Amara Nwosu', 'Sofia Rossi', 'Kwame Mensah', 'Lena Fischer', 'Jamal Ahmed'].map(id) },
  });
  await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-10-06', audience: 'mentees', topics: ['Confidentiality and its limits'], attendeeIds: ['David Okafor', 'Simon Clarke', 'Priya Raman'].map(id) } });
  await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-10-13', audience: 'mentees', topics: ['The disclosure protocol'], attendeeIds: ['David Okafor', 'Simon Clarke'].map(id) } });
}

const pairRow = (page: Page, name: string) => page.locator('tbody').filter({ has: page.getByRole('button', { name: `Why ${name}`, exact: true }) });

/* ---- chemistry meetings --------------------------------------------------------------------- */

test('chemistry meetings: empty states, record with a “no”, that pair is never proposed, edit and delete', async ({ app: page, bridge }) => {
  await createVault(page);
  const registry = bridge.registry;
  const empty = await ok(registry, 'pilots.create', { name: 'Empty pilot', startDate: '2026-10-01', endDate: '2027-06-30' });

  // No people yet: every screen says what to do first.
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

  const { pilotId } = await seedCohort(registry);

  // Before any chemistry meeting, Helen Marsh and Amara Nwosu are the best fit for each other.
  await goTo(page, `/pilots/${pilotId}/pairing`);
  await page.getByRole('button', { name: 'Propose pairs' }).click();
  await expect(page.getByRole('heading', { name: '5 pairs proposed' })).toBeVisible();
  // The coordinator pins them before the chemistry meeting has been recorded.
  await page.getByRole('button', { name: 'Pin Helen Marsh and Amara Nwosu' }).click();
  await expect(page.getByRole('button', { name: 'Unpin Helen Marsh and Amara Nwosu' })).toBeVisible();

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
  const mentorAnswers = dialog.getByRole('group', { name: 'Would Amara Nwosu like to work with Helen Marsh?' });
  const menteeAnswers = dialog.getByRole('group', { name: 'Would Helen Marsh like to work with Amara Nwosu?' });
  await mentorAnswers.getByLabel('Yes').check();
  await menteeAnswers.getByLabel('No', { exact: true }).check();
  await expect(dialog.getByText('A “no” from either side means Amara Nwosu and Helen Marsh will never be proposed as a pair.')).toBeVisible();
  await dialog.getByLabel('Staff member’s note').fill('Felt the student’s course is too close to her own team’s work.');
  await expectAccessible(page, 'chemistry, record dialog');
  await keepScreenshot(page, 'pairing-chemistry-03-record-dialog');
  await dialog.getByRole('button', { name: 'Record meeting' }).click();
  await expect(dialog).toBeHidden();
  await expect(notice(page, 'Meeting of Amara Nwosu and Helen Marsh saved. They will never be proposed as a pair.')).toBeVisible();

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
  await expect(amara).toContainText('Staff: Felt the student’s course is too close to her own team’s work.');
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

  // The "no" takes effect in pairing: they are never proposed, and Helen's reason says why.
  await goTo(page, `/pilots/${pilotId}/pairing`);
  await page.getByRole('button', { name: 'Propose pairs' }).click();
  await expect(page.getByRole('heading', { name: /pairs? proposed$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Why Helen Marsh and Amara Nwosu' })).toHaveCount(0);
  // Even the pin gives way to a "no", and the summary says so.
  await expect(page.getByRole('heading', { name: 'A pin was not kept' })).toBeVisible();
  await expect(page.getByText('The pin Helen Marsh – Amara Nwosu was not kept: Helen Marsh said no after their chemistry meeting.')).toBeVisible();
  await expectAccessible(page, 'pairing, a pin not kept');
  await keepScreenshot(page, 'pairing-12-pin-not-kept');

  // Edit: the staff member changes her mind to "maybe"; the pair may be proposed again.
  await goTo(page, `/pilots/${pilotId}/chemistry`);
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
  await expect(notice(page, 'Chemistry meeting between Tom Becker and Priya Raman deleted.')).toBeVisible();
});

/* ---- training ------------------------------------------------------------------------------- */

test('training: a session with suggested and free topics and filtered attendance; the not-trained flag follows it', async ({ app: page, bridge }) => {
  await createVault(page);
  const registry = bridge.registry;
  const { pilotId, id } = await seedCohort(registry);
  await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: id('Jamal Ahmed'), menteeId: id('Robert Hughes') }] });

  await goTo(page, `/pilots/${pilotId}/training`);
  await expect(page.getByRole('heading', { name: 'Training', level: 1 })).toBeVisible();
  const flags = page.getByRole('region', { name: /^Not trained yet/ });
  await expect(flags.getByRole('heading')).toHaveText('Not trained yet (2)');
  await expect(flags.getByRole('listitem')).toHaveText([
    'Not trained Robert Hughes — Mentee (staff), Finance; paired with Jamal Ahmed; still needs: Confidentiality and its limits, The disclosure protocol',
    'Not trained Jamal Ahmed — Mentor (student), Economics; paired with Robert Hughes; still needs: Confidentiality and its limits, The disclosure protocol',
  ]);
  await expect(page.getByRole('heading', { name: 'No training sessions recorded yet' })).toBeVisible();
  await expectAccessible(page, 'training, none recorded');
  await keepScreenshot(page, 'pairing-training-02-empty');

  await page.getByRole('button', { name: 'Record a training session' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Record a training session' });
  await expect(dialog.getByLabel('Date')).toBeFocused();
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
  const today = await dialog.getByLabel('Date').inputValue();
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  await dialog.getByLabel('Date').fill(nextYear);
  await expect(dialog.getByText('The date is in the future: save the session now as planned, and tick who attended once it has taken place.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Record session' }).click();
  await expect(dialog.getByText('This session has not taken place yet: record who attended once it has.')).toBeVisible();
  await expectAccessible(page, 'training, record dialog with a future date');
  await keepScreenshot(page, 'pairing-training-03b-future-date');
  await dialog.getByLabel('Date').fill(today);
  await dialog.getByRole('button', { name: 'Record session' }).click();
  await expect(dialog).toBeHidden();
  await expect(notice(page, /Training of .* recorded: 2 people attended\./)).toBeVisible();

  const sessions = page.getByRole('table', { name: 'Training sessions, newest first' });
  const row = sessions.getByRole('row').nth(1);
  await expect(row).toContainText('Mentors (students)');
  await expect(row.getByRole('listitem')).toHaveText(['Confidentiality and its limits', 'The disclosure protocol', 'Safeguarding basics']);
  await expect(row).toContainText('2 people');
  await expect(row).toContainText('Amara Nwosu and Jamal Ahmed');
  // Jamal is trained now; Robert still is not.
  await expect(flags.getByRole('heading')).toHaveText('Not trained yet (1)');
  await expect(flags.getByRole('listitem')).toHaveText([/Robert Hughes/]);

  // Robert covers one required topic at an earlier staff session: the flag names the one he still needs.
  await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-11-10', audience: 'mentees', topics: ['The disclosure protocol'], attendeeIds: [id('Robert Hughes')] } });
  await page.reload();
  await expect(flags.getByRole('listitem')).toHaveText([/^Not trained Robert Hughes — .*; still needs: Confidentiality and its limits$/]);
  await expectAccessible(page, 'training, a session');
  await keepScreenshot(page, 'pairing-training-04-list');

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
  await expect(sessions.getByRole('row')).toHaveCount(2);
  await expect(flags.getByRole('heading')).toHaveText('Not trained yet (2)');
  await expect(flags.getByRole('listitem')).toHaveText([/Robert Hughes .*; still needs: Confidentiality and its limits$/, /Jamal Ahmed .*; still needs: Confidentiality and its limits, The disclosure protocol$/]);
});

/* ---- pairing -------------------------------------------------------------------------------- */

test('pairing: settings, propose, explanation, pin and forbid, unpaired reasons, constraints, confirm, untrained flag, end a pair', async ({ app: page, bridge }) => {
  test.slow(); // the whole stage in one story
  await createVault(page);
  const registry = bridge.registry;
  const { pilotId, id } = await seedCohort(registry);
  await seedTraining(registry, pilotId, id);
  await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-10', mentorId: id('Amara Nwosu'), menteeId: id('Helen Marsh'), happened: true, mentorWillingness: 'yes', menteeWillingness: 'yes' } });

  await goTo(page, `/pilots/${pilotId}/pairing`);
  await expect(page.getByRole('heading', { name: 'Pairing', level: 1 })).toBeVisible();
  const tabs = page.getByRole('tablist', { name: 'Pairing' });
  await expect(tabs.getByRole('tab')).toHaveText(['Propose pairs', 'Settings', 'Conflicts, preferences, capacities', 'Confirmed pairs (0)']);
  await expect(page.getByRole('heading', { name: 'Best total fit' })).toBeVisible();
  await expect(page.getByText('Press Propose pairs to pair the whole cohort')).toBeVisible();
  await expectAccessible(page, 'pairing, before proposing');
  await keepScreenshot(page, 'pairing-01-start');

  /* Settings: mode, weights (the total follows), a characteristic to differ on. */
  await tabs.getByRole('tab', { name: 'Settings' }).click();
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilotId}/pairing/settings$`));
  await expect(page.getByLabel('Best total fit')).toBeChecked();
  await expect(page.getByText('Total: 85 points')).toBeVisible();
  await page.getByLabel('Most people paired').check();
  await page.getByRole('spinbutton', { name: 'Chemistry meeting' }).fill('30');
  await page.getByRole('spinbutton', { name: 'Shared topics' }).fill('20');
  await expect(page.getByText('Total: 85 points')).toBeVisible();
  await page.getByRole('checkbox', { name: 'First in family to university' }).check();
  await expect(page.getByText('Total: 100 points')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Availability overlap' }).fill('120');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('At most 100')).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Availability overlap' })).toBeFocused();
  await page.getByRole('spinbutton', { name: 'Availability overlap' }).fill('10');
  await expect(page.getByText('Total: 100 points')).toBeVisible();
  await expect(page.getByLabel('Allow pairs from the same department')).not.toBeChecked();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expectAccessible(page, 'pairing, settings');
  await keepScreenshot(page, 'pairing-02-settings');
  await page.getByRole('button', { name: 'Save and propose pairs' }).click();

  /* The proposal: summary, pairs with reasons, the unpaired with theirs. */
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilotId}/pairing$`));
  await expect(page.getByRole('heading', { name: '6 pairs proposed' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Most people paired' })).toBeVisible();
  const glance = page.getByRole('list', { name: 'This proposal at a glance' });
  await expect(glance.getByRole('listitem')).toHaveText(['6pairs proposed', '220total score', '0blocking pairs', '6mentors available', '7mentees available']);
  const proposed = page.getByRole('table', { name: 'Proposed pairs' });
  await expect(proposed.getByRole('row')).toHaveCount(7);
  const helen = pairRow(page, 'Helen Marsh and Amara Nwosu');
  await expect(helen).toContainText('70');
  await expect(helen).toContainText('Helen Marsh');
  await page.getByRole('button', { name: 'Why Helen Marsh and Amara Nwosu' }).click();
  await expect(page.getByRole('button', { name: 'Why Helen Marsh and Amara Nwosu' })).toHaveAttribute('aria-expanded', 'true');
  const why = page.getByRole('list', { name: 'Why Helen Marsh and Amara Nwosu scores 70' });
  await expect(why.getByRole('listitem')).toHaveText([
    'Chemistry meeting30 / 30— both said yes',
    'Stated preferences0 / 25— neither listed the other',
    'Different on chosen characteristics15 / 15— Amara Nwosu is first in family to university, Helen Marsh is not',
    'Shared topics20 / 20— shared topics: Belonging, Assessment',
    'Availability overlap5 / 10— free at the same time: Wednesday afternoon',
  ]);
  // Tom Becker has not been trained: flagged already in the proposal.
  await expect(page.getByRole('row').filter({ hasText: 'Tom Becker' }).first()).toContainText('not trained yet');
  const unpaired = page.getByRole('table', { name: 'Not paired (1)' });
  await expect(unpaired.getByRole('row').nth(1)).toContainText('Priya Raman');
  await expect(unpaired.getByRole('row').nth(1)).toContainText('No place left');
  await expect(unpaired.getByRole('row').nth(1)).toContainText('There are 6 mentor places for 7 mentees, so not everyone can be paired.');
  await expectAccessible(page, 'pairing, proposal with an explanation open');
  await keepScreenshot(page, 'pairing-03-proposal');

  /* Pin one pair, forbid another: out of date until proposed again, then both take effect. */
  await page.getByRole('button', { name: 'Pin Helen Marsh and Amara Nwosu' }).click();
  await expect(helen).toContainText('Pinned');
  await expect(page.getByRole('button', { name: 'Unpin Helen Marsh and Amara Nwosu' })).toBeVisible();
  await page.getByRole('button', { name: 'Forbid David Okafor and Sofia Rossi' }).click();
  await expect(pairRow(page, 'David Okafor and Sofia Rossi')).toContainText('Forbidden');
  await expect(page.getByRole('button', { name: 'Allow David Okafor and Sofia Rossi again' })).toBeFocused();
  await expect(page.getByText('Out of date:')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Confirm these/ })).toHaveCount(0);
  await expectAccessible(page, 'pairing, out of date after a pin and a forbid');
  await keepScreenshot(page, 'pairing-04-out-of-date');
  await page.getByRole('button', { name: 'Propose again' }).first().click();
  await expect(page.getByText('Out of date:')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pin David Okafor and Sofia Rossi' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Forbid David Okafor and Sofia Rossi' })).toHaveCount(0);
  await expect(helen).toContainText('Pinned');
  await expect(page.getByRole('button', { name: 'Unpin Helen Marsh and Amara Nwosu' })).toBeVisible();

  /* Constraints: a conflict of interest, ranked preferences, a capacity. */
  await tabs.getByRole('tab', { name: 'Conflicts, preferences, capacities' }).click();
  await page.getByRole('button', { name: 'Add conflict of interest' }).click();
  await expect(page.getByText('Choose the member of staff')).toBeVisible();
  await choose(page, 'Member of staff', 'Simon Clarke');
  await choose(page, 'Student', 'Kwame Mensah');
  await page.getByLabel('The member of staff…').selectOption('supervises');
  await page.getByRole('textbox', { name: 'Note' }).fill('Dissertation supervisor');
  await page.getByRole('button', { name: 'Add conflict of interest' }).click();
  await expect(notice(page, 'Conflict of interest recorded: Simon Clarke and Kwame Mensah will never be paired.')).toBeVisible();
  const conflicts = page.getByRole('table', { name: 'Conflicts of interest' });
  await expect(conflicts.getByRole('row').nth(1)).toHaveText(/Simon Clarke\s*Kwame Mensah\s*supervises the student\s*Dissertation supervisor/);

  // The pin and the forbidden pair are listed, and can be lifted here once out of the proposal.
  const rules = page.getByRole('table', { name: 'Pinned and forbidden pairs' });
  await expect(rules.getByRole('row')).toHaveText(['Mentee (staff)Mentor (student)RuleActions', /^Helen MarshAmara NwosuPinned/, /^David OkaforSofia RossiForbidden/]);
  await page.getByRole('button', { name: 'Allow David Okafor and Sofia Rossi again' }).click();
  await expect(notice(page, 'David Okafor and Sofia Rossi may be proposed again.')).toBeVisible();
  await expect(rules.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Unpin Helen Marsh and Amara Nwosu' })).toBeFocused();

  // Any pair can be pinned or forbidden here, also one the proposal did not make.
  const addRule = page.getByRole('group', { name: 'Pin or forbid a pair' });
  await addRule.getByRole('button', { name: 'Pin this pair' }).click();
  await expect(addRule.getByText('Choose the mentee (member of staff)')).toBeVisible();
  await expect(addRule.getByText('Choose the mentor (student)')).toBeVisible();
  await expect(addRule.getByRole('combobox', { name: 'Mentee (staff)' })).toBeFocused();
  await choose(page, 'Mentee (staff)', 'Simon Clarke');
  await choose(page, 'Mentor (student)', 'Kwame Mensah');
  await addRule.getByRole('button', { name: 'Pin this pair' }).click();
  await expect(addRule.getByRole('alert')).toHaveText('A conflict of interest is recorded between Simon Clarke and Kwame Mensah: they are never paired, so a pin could not be kept.');
  await expectAccessible(page, 'pairing, pin or forbid any pair, refused');
  await keepScreenshot(page, 'pairing-05a-rule-form-refused');
  await choose(page, 'Mentee (staff)', 'Priya Raman');
  await choose(page, 'Mentor (student)', 'Lena Fischer');
  await addRule.getByRole('button', { name: 'Pin this pair' }).click();
  await expect(notice(page, 'Priya Raman and Lena Fischer pinned: kept in every proposal. Propose again to see the effect.')).toBeVisible();
  await expect(rules.getByRole('row')).toHaveText(['Mentee (staff)Mentor (student)RuleActions', /^Helen MarshAmara NwosuPinned/, /^Priya RamanLena FischerPinned/]);
  await expect(addRule.getByRole('combobox', { name: 'Mentee (staff)' })).toHaveValue('');
  await expect(addRule.getByRole('combobox', { name: 'Mentor (student)' })).toHaveValue('');
  await choose(page, 'Mentee (staff)', 'Olivia Grant');
  await choose(page, 'Mentor (student)', 'Jamal Ahmed');
  await addRule.getByRole('button', { name: 'Forbid this pair' }).click();
  await expect(notice(page, 'Olivia Grant and Jamal Ahmed forbidden: never proposed. Propose again to see the effect.')).toBeVisible();
  await expect(rules.getByRole('row')).toHaveCount(4);
  await expectAccessible(page, 'pairing, pin or forbid any pair');
  await keepScreenshot(page, 'pairing-05b-rule-form');

  await choose(page, 'Whose preferences', 'Margaret Lee');
  await expect(page.getByRole('heading', { name: 'Margaret Lee’s preferred mentors, best first' })).toBeVisible();
  await choose(page, 'Add a preferred mentor (student)', 'Lena Fischer');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(notice(page, 'Lena Fischer added as Margaret Lee’s 1st choice.')).toBeVisible();
  await choose(page, 'Add a preferred mentor (student)', 'Jamal Ahmed');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  const ranked = page.getByRole('list', { name: 'Margaret Lee’s preferred mentors, best first' });
  await expect(ranked.getByRole('listitem')).toHaveText([/Lena Fischer/, /Jamal Ahmed/]);
  await page.getByRole('button', { name: 'Move Jamal Ahmed up' }).click();
  await expect(ranked.getByRole('listitem')).toHaveText([/Jamal Ahmed/, /Lena Fischer/]);
  await expect(page.getByRole('button', { name: 'Move Jamal Ahmed down' })).toBeFocused();
  const listed = page.getByRole('table', { name: 'Who listed whom' });
  const listedRow = (name: string) => listed.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  await expect(listedRow('Margaret Lee')).toContainText('1. Jamal Ahmed, 2. Lena Fischer');
  await expect(listedRow('Lena Fischer')).toContainText('Margaret Lee (2nd)');

  const capacities = page.getByRole('table', { name: 'People who can be paired, with their stage and capacity' });
  await page.getByRole('spinbutton', { name: 'Capacity of Robert Hughes' }).fill('7');
  await page.getByRole('spinbutton', { name: 'Capacity of Robert Hughes' }).press('Enter');
  await expect(capacities.getByText('A whole number from 1 to 5')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Capacity of Robert Hughes' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Capacity of Robert Hughes' }).press('Enter');
  await expect(notice(page, 'Robert Hughes now takes up to 2 partners.')).toBeVisible();
  await expect(capacities.getByRole('row').filter({ hasText: 'Robert Hughes' })).toContainText('0 of 2');
  await expectAccessible(page, 'pairing, constraints');
  await keepScreenshot(page, 'pairing-05-constraints');

  /* Back to the proposal: out of date; proposed again, the conflict keeps Simon and Kwame apart. */
  await tabs.getByRole('tab', { name: 'Propose pairs' }).click();
  await expect(page.getByText('Out of date:')).toBeVisible();
  await page.getByRole('button', { name: 'Propose again' }).first().click();
  await expect(page.getByText('Out of date:')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pin Simon Clarke and Kwame Mensah' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Unpin Helen Marsh and Amara Nwosu' })).toBeVisible();
  await expect(pairRow(page, 'Priya Raman and Lena Fischer')).toContainText('Pinned');
  await expect(page.getByRole('button', { name: 'Why Olivia Grant and Jamal Ahmed' })).toHaveCount(0);

  /* Confirm one chosen pair first (the rest are proposed again), then every remaining one. */
  await page.getByRole('checkbox', { name: 'Select Helen Marsh and Amara Nwosu' }).check();
  await page.getByRole('button', { name: 'Confirm 1 selected pair' }).click();
  const confirmOne = page.getByRole('alertdialog', { name: 'Confirm 1 pair?' });
  await expect(confirmOne.getByRole('listitem')).toHaveText(['Helen Marsh and Amara Nwosu (score 70)']);
  await confirmOne.getByRole('button', { name: 'Confirm 1 pair' }).click();
  await expect(notice(page, '1 pair confirmed. Both people in each pair are now Paired.')).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Confirmed pairs (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /pairs? proposed$/ })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Why Helen Marsh and Amara Nwosu' })).toHaveCount(0);
  // The confirmed pin is cleared, so no "pin not kept" warning follows.
  await expect(page.getByText(/was not kept/)).toHaveCount(0);
  const rows = await proposed.locator('tbody').count();
  expect(rows).toBeGreaterThan(3);
  await page.getByRole('button', { name: `Confirm these ${rows} pairs` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Confirm ${rows} pairs?` });
  await expect(confirm.getByRole('listitem')).toHaveCount(rows);
  await expectAccessible(page, 'pairing, confirm dialog');
  await keepScreenshot(page, 'pairing-06-confirm-dialog');
  await confirm.getByRole('button', { name: `Confirm ${rows} pairs` }).click();
  await expect(notice(page, `${rows} pairs confirmed. Both people in each pair are now Paired.`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilotId}/pairing/confirmed$`));
  await expect(page.getByRole('heading', { name: `${rows + 1} current pairs` })).toBeFocused();
  await expect(tabs.getByRole('tab', { name: `Confirmed pairs (${rows + 1})` })).toBeVisible();

  // Untrained people are flagged; Helen has not been trained, Amara has.
  const confirmed = page.getByRole('table', { name: 'Confirmed pairs' });
  const helenPair = confirmed.locator('tbody').filter({ hasText: 'Helen Marsh' });
  await expect(helenPair).toContainText('Not trained Helen Marsh');
  await expect(helenPair).not.toContainText('Not trained Amara Nwosu');
  await expect(confirmed.locator('tbody').filter({ hasText: 'David Okafor' })).toContainText('Both trained');
  await expect(page.getByText(/^\d pairs with someone not trained yet/)).toBeVisible();
  await page.getByRole('button', { name: 'Why Helen Marsh and Amara Nwosu' }).click();
  await expect(page.getByRole('list', { name: 'Why Helen Marsh and Amara Nwosu scored 70 when confirmed' })).toContainText('Chemistry meeting30 / 30— both said yes');
  await expectAccessible(page, 'pairing, confirmed pairs');
  await keepScreenshot(page, 'pairing-07-confirmed');

  // Both people are now Paired.
  await tabs.getByRole('tab', { name: 'Conflicts, preferences, capacities' }).click();
  await expect(capacities.getByRole('row').filter({ hasText: 'Helen Marsh' })).toContainText('Paired');
  await expect(capacities.getByRole('row').filter({ hasText: 'Amara Nwosu' })).toContainText('Paired');
  await expect(capacities.getByRole('row').filter({ hasText: 'Helen Marsh' })).toContainText('1 of 1');

  /* End a pair: a reason is required, and kept. */
  await tabs.getByRole('tab', { name: /^Confirmed pairs/ }).click();
  await page.getByRole('button', { name: 'End pair of Helen Marsh and Amara Nwosu' }).click();
  const end = page.getByRole('dialog', { name: 'End the pair of Helen Marsh and Amara Nwosu?' });
  await expect(end.getByRole('textbox', { name: 'Why is this pair ending?' })).toBeFocused();
  await end.getByRole('button', { name: 'End pair' }).click();
  await expect(end.getByText('Reason is required')).toBeVisible();
  await expectAccessible(page, 'pairing, end pair dialog');
  await keepScreenshot(page, 'pairing-08-end-pair-dialog');
  await end.getByRole('textbox', { name: 'Why is this pair ending?' }).fill('Helen moves to another campus in January.');
  await end.getByRole('button', { name: 'End pair' }).click();
  await expect(end).toBeHidden();
  await expect(notice(page, 'Pair of Helen Marsh and Amara Nwosu ended. Both return to their stage before pairing.')).toBeVisible();
  await expect(helenPair).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `${rows} current pairs` })).toBeVisible();
  await page.getByLabel('Show ended pairs').check();
  await expect(helenPair).toContainText('Reason: Helen moves to another campus in January.');
  await expect(helenPair).toContainText('Ended');
  await expectAccessible(page, 'pairing, with ended pairs');
  await keepScreenshot(page, 'pairing-09-ended');
});

test('pairing by keyboard alone: settings, propose, explanation, pin, forbid, conflict, confirm, end a pair', async ({ app: page, bridge }) => {
  test.slow(); // the whole stage in one story, a key at a time
  await createVault(page);
  const registry = bridge.registry;
  const { pilotId, id } = await seedCohort(registry);
  await seedTraining(registry, pilotId, id);
  await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-10', mentorId: id('Amara Nwosu'), menteeId: id('Helen Marsh'), happened: true, mentorWillingness: 'yes', menteeWillingness: 'yes' } });
  await page.reload();

  // Into the pilot and to its Pairing stage through the navigation.
  await expect(page.getByRole('heading', { name: 'Pilots', level: 1 })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Belonging 2026/27' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Plan and timeline', level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Pairing' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Pairing', level: 1 })).toBeFocused();

  // The tabs: arrows move between them.
  await tabTo(page, page.getByRole('tab', { name: 'Propose pairs' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Settings' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');

  // Settings: the mode by arrows, a weight typed, a characteristic ticked by Space.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Best total fit')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Most people paired')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('spinbutton', { name: 'Chemistry meeting' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('30');
  await tabTo(page, page.getByRole('spinbutton', { name: 'Shared topics' }));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('20');
  await tabTo(page, page.getByRole('checkbox', { name: 'First in family to university' }));
  await page.keyboard.press('Space');
  await expect(page.getByText('Total: 100 points')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Save and propose pairs' }));
  await page.keyboard.press('Enter');

  // The proposal takes focus; the explanation opens from its button.
  await expect(page.getByRole('heading', { name: '6 pairs proposed' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Why Helen Marsh and Amara Nwosu' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Why Helen Marsh and Amara Nwosu scores 70' })).toContainText('Chemistry meeting30 / 30— both said yes');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Pin Helen Marsh and Amara Nwosu' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Unpin Helen Marsh and Amara Nwosu' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Forbid David Okafor and Sofia Rossi' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Allow David Okafor and Sofia Rossi again' })).toBeFocused();

  // Proposed again: the pin kept, the forbidden pair gone.
  await tabTo(page, page.getByRole('button', { name: 'Propose again' }).last(), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /pairs proposed$/ })).toBeFocused();
  await expect(page.getByText('Out of date:')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Forbid David Okafor and Sofia Rossi' })).toHaveCount(0);
  await expect(pairRow(page, 'Helen Marsh and Amara Nwosu')).toContainText('Pinned');
  await expectAccessible(page, 'pairing by keyboard, proposed again');
  await keepScreenshot(page, 'pairing-10-keyboard-proposal');

  // A conflict of interest, on the constraints tab.
  await tabTo(page, page.getByRole('tab', { name: 'Propose pairs' }), { backwards: true });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Conflicts, preferences, capacities' })).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, page.getByRole('combobox', { name: 'Member of staff', exact: true }));
  await chooseByKeyboard(page, 'Simon Clarke');
  await expect(page.getByRole('combobox', { name: 'Member of staff', exact: true })).toHaveValue('Simon Clarke');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Student', exact: true })).toBeFocused();
  await chooseByKeyboard(page, 'Kwame Mensah');
  await expect(page.getByRole('combobox', { name: 'Student', exact: true })).toHaveValue('Kwame Mensah');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('The member of staff…')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('The member of staff…')).toHaveValue('assesses');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Marks his coursework');
  await tabTo(page, page.getByRole('button', { name: 'Add conflict of interest' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Conflicts of interest' })).toContainText('assesses the student');

  // A pair the proposal did not make, pinned with the two searchable lists and the button.
  await tabTo(page, page.getByRole('combobox', { name: 'Mentee (staff)' }));
  await chooseByKeyboard(page, 'Priya Raman');
  await expect(page.getByRole('combobox', { name: 'Mentee (staff)' })).toHaveValue('Priya Raman');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Mentor (student)' })).toBeFocused();
  await chooseByKeyboard(page, 'Lena Fischer');
  await expect(page.getByRole('combobox', { name: 'Mentor (student)' })).toHaveValue('Lena Fischer');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Pin this pair' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notice(page, 'Priya Raman and Lena Fischer pinned: kept in every proposal. Propose again to see the effect.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Pinned and forbidden pairs' })).toContainText('Priya RamanLena FischerPinned');
  await expect(page.getByRole('button', { name: 'Pin this pair' })).toBeFocused();

  // Back to the proposal: out of date, proposed again, then every pair confirmed.
  await tabTo(page, page.getByRole('tab', { name: 'Conflicts, preferences, capacities' }), { backwards: true });
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Propose pairs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Out of date:')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Propose again' }).last());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /pairs proposed$/ })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Pin Simon Clarke and Kwame Mensah' })).toHaveCount(0);
  await expect(pairRow(page, 'Priya Raman and Lena Fischer')).toContainText('Pinned');
  const rows = await page.getByRole('table', { name: 'Proposed pairs' }).locator('tbody').count();
  await tabTo(page, page.getByRole('button', { name: `Confirm these ${rows} pairs` }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: `Confirm ${rows} pairs?` });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: `Confirm ${rows} pairs` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `${rows} current pairs` })).toBeFocused();
  await expect(page.getByRole('tab', { name: `Confirmed pairs (${rows})` })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Confirmed pairs' }).locator('tbody').filter({ hasText: 'Helen Marsh' })).toContainText('Not trained Helen Marsh');

  // End a pair: the dialog insists on a reason; focus lands on the next pair's button.
  await tabTo(page, page.getByRole('button', { name: 'End pair of Helen Marsh and Amara Nwosu' }));
  await page.keyboard.press('Enter');
  const end = page.getByRole('dialog', { name: 'End the pair of Helen Marsh and Amara Nwosu?' });
  await expect(end.getByRole('textbox', { name: 'Why is this pair ending?' })).toBeFocused();
  await page.keyboard.type('Helen asked to pause until the spring.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(end.getByRole('button', { name: 'End pair' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(end).toBeHidden();
  await expect(notice(page, 'Pair of Helen Marsh and Amara Nwosu ended. Both return to their stage before pairing.')).toBeVisible();
  await expect(page.getByRole('heading', { name: `${rows - 1} current pairs` })).toBeVisible();
  await expect(page.locator(':focus')).toHaveAccessibleName(/^End pair of /);
  await expectAccessible(page, 'pairing by keyboard, a pair ended');
  await keepScreenshot(page, 'pairing-11-keyboard-ended');
});
