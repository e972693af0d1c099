import type { Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { test, expect, expectAccessible, keepScreenshot, createVault, isoDay, currentAcademicYear, goTo, notice, tabTo } from './fixtures';

// Each test has its own vault and bridge, so the three can run side by side.
test.describe.configure({ mode: 'parallel' });

/* ---- helpers ------------------------------------------------------------------------------ */

/** A date as the app shows it ("14 Nov 2026"), formatted by the page's own Intl so month names match. */
const shown = (page: Page, iso: string) =>
  page.evaluate((d) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), iso);

/** Calls the app's own window.api from the page (to set up what a test is not about). */
async function api<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  return page.evaluate(
    async ([name, args]) => {
      const [ns, method] = name.split('.') as [string, string];
      const methods = window.api as unknown as Record<string, Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>>>;
      const result = await methods[ns]![method]!(args);
      if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
      return result.value;
    },
    [channel, input] as const,
  ) as Promise<ChannelOutput<C>>;
}

async function newPilot(page: Page, name: string): Promise<number> {
  await createVault(page);
  const pilot = await api(page, 'pilots.create', { name, purpose: 'Students mentor senior leaders on belonging.', ...currentAcademicYear() });
  return pilot.id;
}


/* ---- the plan ----------------------------------------------------------------------------- */

test('the plan: standard timeline, milestones done and late, themes with ice-breakers in order', async ({ app: page }) => {
  const pilotId = await newPilot(page, 'Belonging 2026/27');
  await goTo(page, `/pilots/${pilotId}/plan`);
  await expect(page.getByRole('heading', { name: 'Plan and timeline', level: 1 })).toBeVisible();
  const toc = page.getByRole('navigation', { name: 'Sections of the plan' });
  await expect(toc.getByRole('link')).toHaveText(['Timeline', 'Themes', 'Eligibility', 'Meeting plan', 'Support protocol', 'Consent forms', 'Ethics and retention']);
  await expect(page.getByRole('heading', { name: 'No milestones yet' })).toBeVisible();
  await expect(page.getByText('No themes yet.')).toBeVisible();
  await expectAccessible(page, 'plan, empty');
  await keepScreenshot(page, 'plan-01-empty');

  // The in-page contents move focus to the section.
  await toc.getByRole('link', { name: 'Ethics and retention' }).click();
  await expect(page.getByRole('heading', { name: 'Ethics and retention', level: 2 })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilotId}/plan$`));

  /* Timeline */
  await expect(page.getByText('It follows the academic year (October to July) when that fits between the pilot’s start and end dates')).toBeVisible();
  await page.getByRole('button', { name: 'Add the standard timeline' }).click();
  await expect(notice(page, 'Added the standard timeline: 10 milestones, between the pilot’s start and end dates.')).toBeVisible();
  const milestones = page.getByRole('list', { name: 'Milestones in date order' });
  await expect(milestones.getByRole('listitem').filter({ has: page.locator('time') })).toHaveCount(10);
  // The pilot runs 1 October to 30 June: nothing after its end, the group reflection on the last day.
  const { startDate, endDate } = currentAcademicYear();
  const templateDates = await milestones.locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
  expect(templateDates.every((d) => d >= startDate && d <= endDate)).toBe(true);
  await expect(milestones.getByRole('listitem').filter({ hasText: 'Group reflection' })).toContainText(await shown(page, endDate));

  // One milestone late and one due soon whatever today's date is.
  await page.getByRole('button', { name: 'Add a milestone' }).click();
  await page.getByRole('textbox', { name: 'Milestone', exact: true }).fill('Brief the steering group');
  await page.getByLabel('Due date').fill(isoDay(-3));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await expect(notice(page, '“Brief the steering group” added to the timeline.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a milestone' }).click();
  await page.getByRole('textbox', { name: 'Milestone', exact: true }).fill('Book rooms');
  await page.getByLabel('Due date').fill(isoDay(5));
  await page.getByRole('button', { name: 'Add milestone' }).click();

  const row = (title: string) => milestones.getByRole('listitem').filter({ hasText: title });
  await expect(row('Brief the steering group')).toContainText('Late, 3 days overdue');
  await expect(row('Book rooms')).toContainText('Due soon, in 5 days');
  await expect(row('Book rooms')).toContainText(await shown(page, isoDay(5)));

  // Every status is in words and matches its date; the "today" rule sits between past and future.
  const today = isoDay();
  const soon = isoDay(14);
  const items = await milestones.getByRole('listitem').evaluateAll((lis) =>
    lis.map((li) => ({ due: li.querySelector('time')?.getAttribute('datetime') ?? null, title: li.querySelector('.milestone-title')?.textContent ?? '', text: li.textContent ?? '' })),
  );
  expect(items).toHaveLength(13);
  const todayAt = items.findIndex((i) => i.due === null);
  expect(items[todayAt]!.text).toBe(`Today, ${await shown(page, today)}`);
  items.forEach((item, i) => {
    if (item.due === null) return;
    expect(i < todayAt ? item.due < today : item.due >= today, `${item.text} on the right side of today`).toBe(true);
    expect(item.text).toContain(item.due < today ? 'Late' : item.due <= soon ? 'Due soon' : 'Upcoming');
  });
  const dated = items.filter((i) => i.due !== null) as { due: string; title: string }[];
  const late = dated.filter((i) => i.due < today).length;
  const next = dated.find((i) => i.due >= today)!;
  const summary = page.locator('#timeline-summary');
  await expect(summary).toContainText(`${late} late`);
  await expect(summary).toContainText('0 of 12 done');
  await expect(summary).toContainText(`Next: ${next.title} on ${await shown(page, next.due)}.`);

  // Done, undone, done again.
  await page.getByRole('button', { name: 'Mark done: Brief the steering group' }).click();
  await expect(row('Brief the steering group')).toContainText(`Done, on ${await shown(page, today)}`);
  await expect(summary).toContainText(`${late - 1 > 0 ? `${late - 1} late` : 'Nothing late'}`);
  await expect(summary).toContainText('1 of 12 done');
  // By keyboard the toggle keeps focus, so it can be pressed again.
  await page.getByRole('button', { name: 'Mark not done: Brief the steering group' }).focus();
  await page.keyboard.press('Enter');
  await expect(row('Brief the steering group')).toContainText('Late');
  await expect(page.getByRole('button', { name: 'Mark done: Brief the steering group' })).toBeFocused();
  await page.getByRole('button', { name: 'Mark done: Brief the steering group' }).click();
  await expect(summary).toContainText('1 of 12 done');

  // Edit a milestone, then delete one with confirmation (and undo).
  await page.getByRole('button', { name: 'Edit Book rooms' }).click();
  await expect(page.getByRole('textbox', { name: 'Milestone', exact: true })).toBeFocused();
  await page.getByRole('textbox', { name: 'Milestone', exact: true }).fill('');
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await expect(page.getByText('Title is required')).toBeVisible();
  await page.getByRole('textbox', { name: 'Milestone', exact: true }).fill('Book rooms for training');
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await expect(row('Book rooms for training')).toContainText('Due soon');
  await expectAccessible(page, 'plan, timeline');
  await keepScreenshot(page, 'plan-02-timeline');

  await page.getByRole('button', { name: 'Delete Group reflection' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete the milestone “Group reflection”?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'plan, delete milestone dialog');
  await keepScreenshot(page, 'plan-03-delete-milestone-dialog');
  await dialog.getByRole('button', { name: 'Delete milestone' }).click();
  await expect(row('Group reflection')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Timeline', level: 2 })).toBeFocused();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(row('Group reflection')).toHaveCount(1);

  /* Themes */
  await page.getByRole('button', { name: 'Add a theme' }).click();
  await expect(page.getByRole('textbox', { name: 'Theme', exact: true })).toBeFocused();
  await page.getByRole('textbox', { name: 'Theme', exact: true }).fill('Identity');
  await page.getByLabel('Description').fill('Who we are at the university, and who we are seen to be.');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await expect(page.getByRole('textbox', { name: 'Question 1', exact: true })).toBeFocused();
  await page.getByRole('textbox', { name: 'Question 1', exact: true }).fill('When did you first feel you belonged here?');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('textbox', { name: 'Question 2', exact: true }).fill('Which part of your identity is least visible at work?');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('button', { name: 'Add theme' }).click();
  await expect(page.getByText('Ice-breaker question is required')).toBeVisible();
  await expectAccessible(page, 'plan, theme form');
  await keepScreenshot(page, 'plan-04-theme-form');
  await page.getByRole('button', { name: 'Remove question 3' }).click();
  await page.getByRole('button', { name: 'Add theme' }).click();
  await expect(notice(page, 'Theme “Identity” added.')).toBeVisible();

  await page.getByRole('button', { name: 'Add a theme' }).click();
  await page.getByRole('textbox', { name: 'Theme', exact: true }).fill('Belonging');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('textbox', { name: 'Question 1', exact: true }).fill('Where on campus do you feel most at home?');
  await page.getByRole('button', { name: 'Add theme' }).click();

  const themeList = page.getByRole('list', { name: /^Themes in meeting order/ });
  const themeTitles = themeList.getByRole('heading', { level: 3 });
  await expect(themeTitles).toHaveText(['Identity', 'Belonging']);
  const identity = themeList.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Identity' }) });
  await expect(identity.getByRole('listitem')).toHaveText(['When did you first feel you belonged here?', 'Which part of your identity is least visible at work?']);
  await expect(identity).toContainText('None linked yet.');
  await page.getByRole('button', { name: 'Move Belonging up' }).click();
  await expect(themeTitles).toHaveText(['Belonging', 'Identity']);
  await expect(notice(page, '“Belonging” is now theme 1 of 2.')).toBeVisible();
  // Belonging is first now, so its Up button is disabled and focus stays on the theme.
  await expect(page.getByRole('button', { name: 'Move Belonging up' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move Belonging down' })).toBeFocused();

  await page.getByRole('button', { name: 'Edit Belonging' }).click();
  await page.getByLabel('Description').fill('Feeling part of the place, not a guest in it.');
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(themeList.getByText('Feeling part of the place, not a guest in it.')).toBeVisible();

  await page.getByRole('button', { name: 'Add a theme' }).click();
  await page.getByRole('textbox', { name: 'Theme', exact: true }).fill('To be removed');
  await page.getByRole('button', { name: 'Add theme' }).click();
  await page.getByRole('button', { name: 'Delete To be removed' }).click();
  const themeDialog = page.getByRole('alertdialog', { name: 'Delete the theme “To be removed”?' });
  await expect(themeDialog).toContainText('This cannot be undone.');
  await expectAccessible(page, 'plan, delete theme dialog');
  await keepScreenshot(page, 'plan-05-delete-theme-dialog');
  await themeDialog.getByRole('button', { name: 'Delete theme' }).click();
  await expect(themeTitles).toHaveText(['Belonging', 'Identity']);
  await expect(page.getByRole('heading', { name: 'Themes', level: 2 })).toBeFocused();

  // A reload shows what was saved.
  await page.reload();
  await expect(row('Brief the steering group')).toContainText('Done');
  await expect(themeTitles).toHaveText(['Belonging', 'Identity']);
});

test('the plan: eligibility, meeting plan, support protocol, consent form versions, ethics and retention', async ({ app: page }) => {
  const pilotId = await newPilot(page, 'Belonging 2026/27');
  // The timeline and a theme are not what this test is about: set them up directly.
  await api(page, 'milestones.applyTemplate', { pilotId });
  await api(page, 'themes.create', { pilotId, theme: { title: 'Identity', description: 'Who we are, and who we are seen to be.', iceBreakers: ['When did you first feel you belonged here?'] } });
  await goTo(page, `/pilots/${pilotId}/plan`);
  await expect(page.getByRole('heading', { name: 'Plan and timeline', level: 1 })).toBeVisible();

  /* Eligibility: a rename carries people along; a category someone has cannot be removed */
  const ada = await api(page, 'participants.create', { pilotId, participant: { name: 'Ada Obi', email: 'ada.obi@uni.example', role: 'mentor', characteristics: ['Mature (21+)', 'Widening participation'] } });
  const eligibility = page.getByRole('form', { name: 'Eligibility categories' });
  await expect(page.getByText('Special-category data.')).toBeVisible();
  await expect(page.getByText('Renaming a category renames it on everyone who ticked it. A category someone has ticked cannot be removed')).toBeVisible();
  await expect(eligibility.getByRole('textbox', { name: 'Category 1', exact: true })).toHaveValue('Ethnically minoritised');
  await eligibility.getByRole('textbox', { name: 'Category 2', exact: true }).fill('Mature (21 and over)');
  await eligibility.getByRole('button', { name: 'Remove International' }).click();
  await eligibility.getByRole('button', { name: 'Remove Widening participation' }).click();
  await eligibility.getByRole('button', { name: 'Add a category' }).click();
  await eligibility.getByRole('button', { name: 'Save categories' }).click();
  await expect(eligibility.getByText('Category is required')).toBeVisible();
  await eligibility.getByRole('textbox', { name: 'Category 3', exact: true }).fill('Care-experienced');
  await eligibility.getByRole('button', { name: 'Save categories' }).click();
  // Ada ticked "Widening participation": the main process refuses, says how many people have it, and saves nothing.
  await expect(eligibility.getByRole('alert')).toContainText('Nothing was saved: “Widening participation” (1 person) is still ticked on people’s records, so it cannot be removed.');
  await expectAccessible(page, 'plan, eligibility removal refused');
  await keepScreenshot(page, 'plan-09-eligibility-removal-refused');
  expect((await api(page, 'participants.get', { id: ada.id })).characteristics).toEqual(['Mature (21+)', 'Widening participation']);
  await eligibility.getByRole('button', { name: 'Add a category' }).click();
  await eligibility.getByRole('textbox', { name: 'Category 4', exact: true }).fill('Widening participation');
  await eligibility.getByRole('button', { name: 'Save categories' }).click();
  await expect(notice(page, 'Eligibility categories saved; 1 category renamed, on people’s records too.')).toBeVisible();
  await expect(eligibility.getByRole('alert')).toHaveCount(0);
  expect((await api(page, 'participants.get', { id: ada.id })).characteristics).toEqual(['Mature (21 and over)', 'Widening participation']);

  /* Meeting plan: the defaults, a refused plan, then a valid one */
  const meetings = page.getByRole('form', { name: 'Meeting plan' });
  await expect(meetings.getByLabel('Number of meetings')).toHaveValue('4');
  await expect(meetings.getByLabel('Days between meetings')).toHaveValue('14');
  await expect(meetings.getByLabel('Shortest meeting (minutes)')).toHaveValue('60');
  await expect(meetings.getByLabel('Longest meeting (minutes)')).toHaveValue('90');
  await expect(page.locator('#meeting-plan-summary')).toHaveText('4 meetings of 60–90 minutes, one every 14 days: about 6 weeks from the first meeting to the last.');
  await meetings.getByLabel('Longest meeting (minutes)').fill('45');
  await meetings.getByRole('button', { name: 'Save meeting plan' }).click();
  await expect(meetings.getByText('The longest duration must be at least the shortest')).toBeVisible();
  await expect(meetings.getByLabel('Longest meeting (minutes)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'plan, meeting plan errors');
  await keepScreenshot(page, 'plan-06-meeting-plan-errors');
  await meetings.getByLabel('Days between meetings').fill('');
  await meetings.getByLabel('Longest meeting (minutes)').fill('75');
  await meetings.getByRole('button', { name: 'Save meeting plan' }).click();
  await expect(meetings.getByText('Enter a number')).toBeVisible();
  await expect(meetings.getByText('The longest duration must be at least the shortest')).toHaveCount(0);
  await meetings.getByLabel('Number of meetings').fill('6');
  await meetings.getByLabel('Days between meetings').fill('21');
  await meetings.getByLabel('Shortest meeting (minutes)').fill('45');
  await meetings.getByLabel('Longest meeting (minutes)').fill('75');
  await meetings.getByRole('button', { name: 'Save meeting plan' }).click();
  await expect(notice(page, 'Meeting plan saved.')).toBeVisible();
  await expect(page.locator('#meeting-plan-summary')).toHaveText('6 meetings of 45–75 minutes, one every 21 days: about 15 weeks from the first meeting to the last.');

  /* Support protocol */
  const support = page.getByRole('form', { name: 'Support protocol' });
  await support.getByRole('button', { name: 'Add a contact' }).click();
  await support.getByRole('button', { name: 'Save support protocol' }).click();
  await expect(support.getByText('Name is required')).toBeVisible();
  await support.getByRole('textbox', { name: 'Name', exact: true }).fill('Student Wellbeing Service');
  await support.getByLabel('Role').fill('Wellbeing advisers');
  await support.getByLabel('How to reach them').fill('wellbeing@uni.example, ext. 4000');
  await support.getByRole('button', { name: 'Add a step' }).click();
  await support.getByRole('textbox', { name: 'Step 1', exact: true }).fill('Tell the scheme coordinator the same day.');
  await support.getByRole('button', { name: 'Add a step' }).click();
  await support.getByRole('textbox', { name: 'Step 2', exact: true }).fill('Pause the conversation and check the person is safe.');
  await support.getByRole('button', { name: 'Move step 2 up' }).click();
  await expect(support.getByRole('textbox', { name: 'Step 1', exact: true })).toHaveValue('Pause the conversation and check the person is safe.');
  await expect(support.getByRole('button', { name: 'Move step 1 down' })).toBeFocused();
  await support.getByRole('button', { name: 'Save support protocol' }).click();
  await expect(notice(page, 'Support protocol saved.')).toBeVisible();

  /* Consent form versions */
  await page.getByRole('button', { name: 'Add the first version' }).click();
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill('1.0');
  await page.getByLabel('Dated').fill('2026-09-15');
  await page.getByLabel('Form text').fill('I agree to take part in the reverse-mentoring scheme.\nI can withdraw at any time without giving a reason.');
  await page.getByRole('button', { name: 'Add version' }).click();
  const consentTable = page.getByRole('table', { name: 'Consent form versions, newest first' });
  await expect(consentTable.getByRole('row', { name: /1\.0/ })).toContainText('None yet');
  await page.getByRole('button', { name: 'Edit version 1.0' }).click();
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill('1.1');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(notice(page, 'Version 1.1 saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a version' }).click();
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill('1.1');
  await page.getByLabel('Form text').fill('Second wording.');
  await page.getByRole('button', { name: 'Add version' }).click();
  await expect(page.getByText('Version "1.1" already exists for this pilot.', { exact: false })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Version', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill('2.0');
  await page.getByRole('button', { name: 'Add version' }).click();
  await expect(consentTable.getByRole('row')).toHaveCount(3);

  /* Ethics and retention */
  const governance = page.getByRole('form', { name: 'Ethics and retention' });
  await governance.getByLabel('Ethics approval reference').fill('FREC 2026-117');
  await governance.getByLabel('Keep personal data for (months)').fill('72');
  await governance.getByRole('button', { name: 'Save ethics and retention' }).click();
  await expect(notice(page, 'Ethics and retention saved.')).toBeVisible();

  // Someone consents on version 1.1 (recorded elsewhere in the app): it is now frozen.
  const person = await api(page, 'participants.create', { pilotId, participant: { name: 'Ada Example', email: 'ada@uni.example', role: 'mentor' } });
  const form = (await api(page, 'plan.get', { pilotId })).consentForms.find((f) => f.version === '1.1')!;
  await api(page, 'consent.record', {
    participantId: person.id,
    formId: form.id,
    givenOn: isoDay(),
    choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: false },
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Plan and timeline', level: 1 })).toBeVisible();
  await expect(consentTable.getByRole('row', { name: /1\.1/ })).toContainText('Frozen: 1 person has consented on this wording.');
  await expect(page.getByRole('button', { name: 'Edit version 1.1' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit version 2.0' })).toBeVisible();

  // Everything was saved.
  for (const [i, value] of ['Ethnically minoritised', 'Mature (21 and over)', 'Care-experienced', 'Widening participation'].entries()) {
    await expect(eligibility.getByRole('textbox', { name: `Category ${i + 1}`, exact: true })).toHaveValue(value);
  }
  await expect(eligibility.getByRole('textbox')).toHaveCount(4);
  await expect(support.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Student Wellbeing Service');
  await expect(support.getByRole('textbox', { name: 'Step 2', exact: true })).toHaveValue('Tell the scheme coordinator the same day.');
  await expect(governance.getByLabel('Keep personal data for (months)')).toHaveValue('72');
  await expectAccessible(page, 'plan, filled in');
  await keepScreenshot(page, 'plan-07-filled-in');
});

/* ---- focus groups ------------------------------------------------------------------------- */

test('focus groups: head counts and named attendees, findings linked to themes, shown under the themes in the plan', async ({ app: page }) => {
  const pilotId = await newPilot(page, 'Voices 2026/27');
  for (const title of ['Identity', 'Belonging', 'Being heard']) await api(page, 'themes.create', { pilotId, theme: { title } });
  for (const [name, role, department] of [
    ['Adaeze Okafor', 'mentor', 'Law'],
    ['Bartek Nowak', 'mentee', 'Registry'],
    ['Chen Wei', 'mentor', 'Engineering'],
    ['Dana Adeyemi', 'mentee', 'Library'],
  ] as const) {
    await api(page, 'participants.create', { pilotId, participant: { name, email: `${name.split(' ')[0]!.toLowerCase()}@uni.example`, role, department } });
  }

  await goTo(page, `/pilots/${pilotId}/plan`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Focus groups' }).click();
  await expect(page.getByRole('heading', { name: 'Focus groups', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No focus groups yet' })).toBeVisible();
  await expectAccessible(page, 'focus groups, empty');
  await keepScreenshot(page, 'focus-groups-01-empty');

  // A session with head counts; a blank count is refused first.
  await page.getByRole('button', { name: 'Record the first focus group' }).click();
  await expect(page.getByRole('heading', { name: 'Record a focus group', level: 1 })).toBeVisible();
  await page.getByLabel('Date').fill('2026-10-08');
  await page.getByLabel('Audience').selectOption('staff');
  await page.getByLabel('Facilitator').fill('Dr Example Facilitator');
  await expect(page.getByLabel('Head counts (names were not taken)')).toBeChecked();
  await page.getByLabel('Staff', { exact: true }).fill('');
  await page.getByLabel('Students', { exact: true }).fill('-1');
  await page.getByRole('button', { name: 'Record focus group' }).click();
  await expect(page.getByText('Enter a number')).toBeVisible();
  await expect(page.getByText('Cannot be negative')).toBeVisible();
  await page.getByLabel('Staff', { exact: true }).fill('7');
  await page.getByLabel('Students', { exact: true }).fill('0');
  await page.getByLabel('Notes').fill('Senior staff said they rarely hear from students outside formal committees.');
  await expectAccessible(page, 'focus group form, counts');
  await keepScreenshot(page, 'focus-groups-02-form-counts');
  await page.getByRole('button', { name: 'Record focus group' }).click();

  await expect(page.getByRole('heading', { name: 'Focus group, 8 Oct 2026', level: 1 })).toBeVisible();
  await expect(notice(page, 'Focus group of 8 Oct 2026 recorded. Add its findings next.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Attendance' })).toContainText('7 staff and 0 students: 7 people in all');
  await expect(page.getByText('Staff, facilitated by Dr Example Facilitator.')).toBeVisible();

  // Findings, each linked to the themes it informed.
  const addFinding = page.getByRole('form', { name: 'Add a finding' });
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  await expect(addFinding.getByText('Finding is required')).toBeVisible();
  await addFinding.getByLabel('Finding').fill('Staff want to hear how it feels to be the only one like you in a lecture theatre.');
  await addFinding.getByLabel('Identity').check();
  await addFinding.getByLabel('Being heard').check();
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  await expect(notice(page, 'Finding added and linked to Identity, Being heard.')).toBeVisible();
  await expect(addFinding.getByLabel('Finding')).toHaveValue('');
  await addFinding.getByLabel('Finding').fill('Committees are where staff meet students, and students rarely speak there.');
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  const findings = page.locator('.finding-list > li');
  await expect(findings).toHaveCount(2);
  await expect(findings.nth(0)).toContainText('Informs: IdentityBeing heard');
  await expect(findings.nth(1)).toContainText('Not linked to a theme yet.');

  await page.getByRole('button', { name: 'Edit finding 2' }).click();
  await expect(page.getByRole('textbox', { name: 'Finding' }).first()).toBeFocused();
  await page.getByRole('form', { name: 'Edit finding 2' }).getByLabel('Being heard').check();
  await page.getByRole('button', { name: 'Save finding' }).click();
  await expect(findings.nth(1)).toContainText('Informs: Being heard');
  await expect(page.getByRole('button', { name: 'Edit finding 2' })).toBeFocused();
  await expectAccessible(page, 'focus group with findings');
  await keepScreenshot(page, 'focus-groups-03-detail');

  // Delete a finding, with confirmation.
  await addFinding.getByLabel('Finding').fill('A finding recorded by mistake.');
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  await expect(findings).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete finding 3' }).click();
  const findingDialog = page.getByRole('alertdialog', { name: 'Delete finding 3?' });
  await expect(findingDialog).toContainText('“A finding recorded by mistake.”');
  await expectAccessible(page, 'delete finding dialog');
  await keepScreenshot(page, 'focus-groups-04-delete-finding-dialog');
  await findingDialog.getByRole('button', { name: 'Delete finding' }).click();
  await expect(findings).toHaveCount(2);

  // A session with named people from the register.
  await page.getByRole('link', { name: 'All focus groups' }).click();
  await page.getByRole('button', { name: 'Record a focus group' }).click();
  await page.getByLabel('Date').fill('2026-10-15');
  await page.getByLabel('Audience').selectOption('mixed');
  await page.getByLabel('Named people from the register').check();
  await expect(page.getByText('Nobody chosen yet.')).toBeVisible();
  await page.getByLabel('Search the register').fill('ad');
  const register = page.getByRole('list', { name: 'People in the register' });
  await expect(register.getByRole('checkbox')).toHaveCount(2);
  await register.getByLabel(/Adaeze Okafor/).check();
  await page.getByLabel('Search the register').fill('registry');
  await register.getByLabel(/Bartek Nowak/).check();
  await page.getByLabel('Search the register').fill('nobody like this');
  await expect(page.getByText('Nobody in the register matches “nobody like this”.')).toBeVisible();
  await page.getByLabel('Search the register').fill('');
  await expect(register.getByRole('checkbox')).toHaveCount(4);
  await expect(page.getByText('Chosen (2): Adaeze Okafor, Bartek Nowak.')).toBeVisible();
  await expectAccessible(page, 'focus group form, named');
  await keepScreenshot(page, 'focus-groups-05-form-named');
  await page.getByRole('button', { name: 'Record focus group' }).click();
  await expect(page.getByRole('heading', { name: 'Focus group, 15 Oct 2026', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Attendance' }).getByRole('listitem')).toHaveText(['Adaeze Okafor', 'Bartek Nowak']);
  await addFinding.getByLabel('Finding').fill('Students feel like guests in spaces staff take for granted.');
  await addFinding.getByLabel('Belonging').check();
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  await expect(findings).toHaveCount(1);

  // Edit the session: one more attendee.
  await page.getByRole('button', { name: 'Edit session' }).click();
  await expect(page.getByLabel('Named people from the register')).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Edit the focus group of 15 Oct 2026', level: 1 })).toBeVisible();
  await page.getByRole('list', { name: 'People in the register' }).getByLabel(/Chen Wei/).check();
  await expectAccessible(page, 'edit focus group');
  await keepScreenshot(page, 'focus-groups-06-edit');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('region', { name: 'Attendance' }).getByRole('listitem')).toHaveText(['Adaeze Okafor', 'Bartek Nowak', 'Chen Wei']);

  // The list: most recent first, with attendance and findings.
  await page.getByRole('link', { name: 'All focus groups' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('15 Oct 2026');
  await expect(rows.nth(1)).toContainText('Staff and students');
  await expect(rows.nth(1)).toContainText('3 people named: Adaeze Okafor, Bartek Nowak and Chen Wei');
  await expect(rows.nth(1)).toContainText('1 finding');
  await expect(rows.nth(2)).toContainText('7 staff, 0 students');
  await expect(rows.nth(2)).toContainText('2 findings');
  await expectAccessible(page, 'focus groups list');
  await keepScreenshot(page, 'focus-groups-07-list');

  // The plan shows each finding under the themes it informed.
  await page.getByRole('link', { name: 'Plan and timeline' }).click();
  const themeCard = (title: string) => page.getByRole('list', { name: /^Themes in meeting order/ }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(themeCard('Identity').locator('.theme-findings > li')).toHaveText(['Staff want to hear how it feels to be the only one like you in a lecture theatre. (focus group of 8 Oct 2026)']);
  await expect(themeCard('Belonging').locator('.theme-findings > li')).toHaveText(['Students feel like guests in spaces staff take for granted. (focus group of 15 Oct 2026)']);
  await expect(themeCard('Being heard').locator('.theme-findings > li')).toHaveCount(2);
  await expectAccessible(page, 'plan with findings under themes');
  await keepScreenshot(page, 'plan-08-themes-with-findings');

  // From a finding to its session; deleting the session (confirmed) takes its findings off the themes.
  await themeCard('Belonging').getByRole('link', { name: 'focus group of 15 Oct 2026' }).click();
  await expect(page.getByRole('heading', { name: 'Focus group, 15 Oct 2026', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Delete session' }).click();
  const sessionDialog = page.getByRole('alertdialog', { name: 'Delete the focus group of 15 Oct 2026?' });
  await expect(sessionDialog).toContainText('Its finding is deleted with it and disappears from the themes it informed.');
  await expectAccessible(page, 'delete focus group dialog');
  await keepScreenshot(page, 'focus-groups-08-delete-dialog');
  await sessionDialog.getByRole('button', { name: 'Delete focus group' }).click();
  await expect(page.getByRole('heading', { name: 'Focus groups', level: 1 })).toBeVisible();
  await expect(notice(page, 'Focus group of 15 Oct 2026 deleted.')).toBeVisible();
  await expect(rows).toHaveCount(2);
  await page.getByRole('link', { name: 'Plan and timeline' }).click();
  await expect(themeCard('Belonging')).toContainText('None linked yet.');
});

/* ---- keyboard alone ----------------------------------------------------------------------- */

test('by keyboard alone: add a theme with ice-breakers, record a focus group and a finding linked to it', async ({ app: page }) => {
  const pilotId = await newPilot(page, 'Keyboard pilot');
  await goTo(page, `/pilots/${pilotId}/plan`);
  await expect(page.getByRole('heading', { name: 'Plan and timeline', level: 1 })).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Add a theme' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Theme', exact: true })).toBeFocused();
  await page.keyboard.type('Being heard');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Description')).toBeFocused();
  await page.keyboard.type('Whose voice counts.');
  await tabTo(page, page.getByRole('button', { name: 'Add a question' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Question 1', exact: true })).toBeFocused();
  await page.keyboard.type('Who listens to you?');
  await tabTo(page, page.getByRole('button', { name: 'Add a question' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('textbox', { name: 'Question 2', exact: true })).toBeFocused();
  await page.keyboard.type('Who should ask you?');
  await page.keyboard.press('Enter');
  await expect(notice(page, 'Theme “Being heard” added.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit Being heard' })).toBeFocused();
  const card = page.getByRole('list', { name: /^Themes in meeting order/ }).getByRole('listitem').first();
  await expect(card.getByRole('listitem')).toHaveText(['Who listens to you?', 'Who should ask you?']);

  // To the focus groups through the sidebar, still by keyboard.
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Focus groups' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Focus groups', level: 1 })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Record the first focus group' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Record a focus group', level: 1 })).toBeFocused();
  await tabTo(page, page.getByLabel('Facilitator'));
  await page.keyboard.type('Sam');
  await tabTo(page, page.getByLabel('Students', { exact: true }));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Focus group, / , level: 1 })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Attendance' })).toContainText('0 staff and 9 students');

  await tabTo(page, page.getByRole('textbox', { name: 'Finding', exact: true }));
  await page.keyboard.type('Students are rarely asked first.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Being heard' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Being heard' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Add finding' }));
  await page.keyboard.press('Enter');
  await expect(notice(page, 'Finding added and linked to Being heard.')).toBeVisible();
  await expect(page.locator('.finding-list > li')).toContainText(['Students are rarely asked first.Informs: Being heard']);
  await expectAccessible(page, 'focus group after keyboard entry');
});
