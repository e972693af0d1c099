import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, isoDay, currentAcademicYear, tabTo } from './fixtures';
import { Frame } from './pages/frame';
import { PlanScreen } from './pages/plan';
import { fillDate } from './pages/dates';

// Each test has its own vault and bridge, so they can run side by side.
test.describe.configure({ mode: 'parallel' });

/** A date as the app shows it ("14 Nov 2026"), formatted by the page's own Intl so month names match. */
const shown = (page: Page, iso: string) =>
  page.evaluate((d) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), iso);

async function newPilot(page: Page, registry: HandlerRegistry): Promise<number> {
  await createVault(page);
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', purpose: 'Students mentor senior leaders on belonging.', ...currentAcademicYear() });
  return pilot.id;
}

/** The standard timeline, plus one milestone three days late and one due in five. */
async function seedTimeline(registry: HandlerRegistry, pilotId: number) {
  await seed(registry, 'milestones.applyTemplate', { pilotId });
  await seed(registry, 'milestones.create', { pilotId, milestone: { title: 'Brief the steering group', dueOn: isoDay(-3), doneOn: null } });
  await seed(registry, 'milestones.create', { pilotId, milestone: { title: 'Book rooms', dueOn: isoDay(5), doneOn: null } });
}

test('the plan, empty: its parts as tabs, one at a time, the part kept in the address', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const plan = new PlanScreen(page);
  await plan.open(pilotId);
  await expect(plan.heading).toBeVisible();
  await expect(plan.parts.getByRole('tab')).toHaveText(['Timeline', 'Themes', 'Eligibility', 'Meeting plan', 'Support protocol', 'Safeguarding', 'Consent forms', 'Ethics and retention']);
  await expect(plan.part('Timeline')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'No milestones yet' })).toBeVisible();
  await expectAccessible(page, 'plan, empty');
  await keepScreenshot(page, 'plan-01-empty');

  await plan.part('Themes').click();
  await expect(page.getByText('No themes yet.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No milestones yet' })).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilotId}/plan\\?section=themes$`));
  // A reload (or Back from another screen) lands on the same part.
  await page.reload();
  await expect(plan.part('Themes')).toHaveAttribute('aria-selected', 'true');
});

test('an edit not saved is never lost silently: the part is marked, and leaving it or the screen asks first', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const plan = new PlanScreen(page);
  const meetings = plan.meetingPlan;
  await plan.open(pilotId, 'meeting-plan');
  await meetings.getByLabel('Number of meetings').fill('6');
  await expect(plan.part('Meeting plan (not saved yet)')).toBeVisible();

  // Another part of the plan: asked, and staying keeps the edit.
  await plan.part('Ethics and retention').click();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(ask).toContainText('Your changes to Meeting plan are not saved yet.');
  await expectAccessible(page, 'plan, leave without saving');
  await keepScreenshot(page, 'plan-10-leave-without-saving');
  await ask.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(meetings.getByLabel('Number of meetings')).toHaveValue('6');

  // Another screen: asked again; discarding leaves and nothing was saved.
  await new Frame(page).navigation.getByRole('link', { name: 'Participants' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard changes and leave' }).click();
  await expect(page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  expect((await seed(bridge.registry, 'plan.get', { pilotId })).meetingPlan.meetingCount).toBe(4);

  // Saved, the mark goes and leaving asks nothing.
  await plan.open(pilotId, 'meeting-plan');
  await meetings.getByLabel('Number of meetings').fill('6');
  await meetings.getByRole('button', { name: 'Save meeting plan' }).click();
  await expect(new Frame(page).notice('Meeting plan saved.')).toBeVisible();
  await expect(plan.parts.getByRole('tab', { name: 'Meeting plan', exact: true })).toBeVisible();
  await plan.part('Ethics and retention').click();
  await expect(ask).toHaveCount(0);
  await expect(plan.governance).toBeVisible();
});

test('the standard timeline: ten milestones within the pilot’s dates, the group reflection on its last day', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const plan = new PlanScreen(page);
  await plan.open(pilotId);
  await expect(page.getByText('It follows the academic year (October to July) when that fits between the pilot’s start and end dates')).toBeVisible();
  await page.getByRole('button', { name: 'Add the standard timeline' }).click();
  await expect(new Frame(page).notice('Added the standard timeline: 10 milestones, between the pilot’s start and end dates.')).toBeVisible();
  await expect(plan.milestones.getByRole('listitem').filter({ has: page.getByRole('time') })).toHaveCount(10);
  // The pilot runs 1 October to 30 June: nothing after its end, the group reflection on the last day.
  const { startDate, endDate } = currentAcademicYear();
  const templateDates = await plan.milestones.getByRole('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
  expect(templateDates.every((d) => d >= startDate && d <= endDate)).toBe(true);
  await expect(plan.milestone('Group reflection')).toContainText(await shown(page, endDate));
});

test('milestones late and due soon: each status in words, in date order around today, and summed up', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  await seed(bridge.registry, 'milestones.applyTemplate', { pilotId });
  const plan = new PlanScreen(page);
  await plan.open(pilotId);

  // One milestone late and one due soon whatever today's date is.
  await page.getByRole('button', { name: 'Add a milestone' }).click();
  await page.getByRole('textbox', { name: 'Milestone', exact: true }).fill('Brief the steering group');
  await fillDate(page, 'Due date', isoDay(-3));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await expect(new Frame(page).notice('“Brief the steering group” added to the timeline.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a milestone' }).click();
  await page.getByRole('textbox', { name: 'Milestone', exact: true }).fill('Book rooms');
  await fillDate(page, 'Due date', isoDay(5));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await expect(plan.milestone('Brief the steering group')).toContainText('Late, 3 days overdue');
  await expect(plan.milestone('Book rooms')).toContainText('Due soon, in 5 days');
  await expect(plan.milestone('Book rooms')).toContainText(await shown(page, isoDay(5)));

  // Every status is in words and matches its date; the "today" rule sits between past and future.
  const today = isoDay();
  const soon = isoDay(14);
  const items = await plan.milestones.getByRole('listitem').evaluateAll((lis) => lis.map((li) => ({ due: li.querySelector('time')?.getAttribute('datetime') ?? null, text: li.textContent ?? '' })));
  expect(items).toHaveLength(13);
  const todayAt = items.findIndex((i) => i.due === null);
  expect(items[todayAt]!.text).toBe(`Today, ${await shown(page, today)}`);
  items.forEach((item, i) => {
    if (item.due === null) return;
    expect(i < todayAt ? item.due < today : item.due >= today, `${item.text} on the right side of today`).toBe(true);
    expect(item.text).toContain(item.due < today ? 'Late' : item.due <= soon ? 'Due soon' : 'Upcoming');
  });
  const { milestones } = await seed(bridge.registry, 'plan.get', { pilotId });
  const late = milestones.filter((m) => m.dueOn < today).length;
  const next = milestones.find((m) => m.dueOn >= today)!;
  await expect(plan.timelineSummary).toContainText(`${late} late`);
  await expect(plan.timelineSummary).toContainText('0 of 12 done');
  await expect(plan.timelineSummary).toContainText(`Next: ${next.title} on ${await shown(page, next.dueOn)}.`);
});

test('a milestone marked done and not done again (focus kept), edited, and deleted with undo', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  await seedTimeline(bridge.registry, pilotId);
  const late = (await seed(bridge.registry, 'plan.get', { pilotId })).milestones.filter((m) => m.dueOn < isoDay()).length;
  const plan = new PlanScreen(page);
  const summary = plan.timelineSummary;
  await plan.open(pilotId);

  // Done, undone, done again.
  await page.getByRole('button', { name: 'Mark done: Brief the steering group' }).click();
  await expect(plan.milestone('Brief the steering group')).toContainText(`Done, on ${await shown(page, isoDay())}`);
  await expect(summary).toContainText(`${late - 1 > 0 ? `${late - 1} late` : 'Nothing late'}`);
  await expect(summary).toContainText('1 of 12 done');
  // By keyboard the toggle keeps focus, so it can be pressed again.
  await page.getByRole('button', { name: 'Mark not done: Brief the steering group' }).focus();
  await page.keyboard.press('Enter');
  await expect(plan.milestone('Brief the steering group')).toContainText('Late');
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
  await expect(plan.milestone('Book rooms for training')).toContainText('Due soon');
  await expectAccessible(page, 'plan, timeline');
  await keepScreenshot(page, 'plan-02-timeline');

  await page.getByRole('button', { name: 'Delete Group reflection' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete the milestone “Group reflection”?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'plan, delete milestone dialog');
  await keepScreenshot(page, 'plan-03-delete-milestone-dialog');
  await dialog.getByRole('button', { name: 'Delete milestone' }).click();
  await expect(plan.milestone('Group reflection')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Timeline', level: 2 })).toBeFocused();
  await new Frame(page).notices.getByRole('button', { name: 'Undo' }).click();
  await expect(plan.milestone('Group reflection')).toHaveCount(1);
});

test('themes: added with ice-breakers (an empty question refused), moved up, edited', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const plan = new PlanScreen(page);
  const frame = new Frame(page);
  await plan.open(pilotId, 'themes');
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
  await expect(frame.notice('Theme “Identity” added.')).toBeVisible();

  await page.getByRole('button', { name: 'Add a theme' }).click();
  await page.getByRole('textbox', { name: 'Theme', exact: true }).fill('Belonging');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('textbox', { name: 'Question 1', exact: true }).fill('Where on campus do you feel most at home?');
  await page.getByRole('button', { name: 'Add theme' }).click();

  await expect(plan.themeTitles).toHaveText(['Identity', 'Belonging']);
  await expect(plan.theme('Identity').getByRole('list', { name: 'Ice-breaker questions' }).getByRole('listitem')).toHaveText([
    'When did you first feel you belonged here?',
    'Which part of your identity is least visible at work?',
  ]);
  await expect(plan.theme('Identity')).toContainText('None linked yet.');
  await page.getByRole('button', { name: 'Move Belonging up' }).click();
  await expect(plan.themeTitles).toHaveText(['Belonging', 'Identity']);
  await expect(frame.notice('“Belonging” is now theme 1 of 2.')).toBeVisible();
  // Belonging is first now, so its Up button is disabled and focus stays on the theme.
  await expect(page.getByRole('button', { name: 'Move Belonging up' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move Belonging down' })).toBeFocused();

  await page.getByRole('button', { name: 'Edit Belonging' }).click();
  await page.getByLabel('Description').fill('Feeling part of the place, not a guest in it.');
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(plan.themes.getByText('Feeling part of the place, not a guest in it.')).toBeVisible();
});

test('a theme deleted after a question; a reload shows what was saved', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  await seedTimeline(bridge.registry, pilotId);
  const steering = (await seed(bridge.registry, 'plan.get', { pilotId })).milestones.find((m) => m.title === 'Brief the steering group')!;
  await seed(bridge.registry, 'milestones.update', { id: steering.id, milestone: { title: steering.title, dueOn: steering.dueOn, doneOn: isoDay() } });
  for (const title of ['Belonging', 'Identity', 'To be removed']) await seed(bridge.registry, 'themes.create', { pilotId, theme: { title } });
  const plan = new PlanScreen(page);
  await plan.open(pilotId, 'themes');
  await page.getByRole('button', { name: 'Delete To be removed' }).click();
  const themeDialog = page.getByRole('alertdialog', { name: 'Delete the theme “To be removed”?' });
  await expect(themeDialog).toContainText('This cannot be undone.');
  await expectAccessible(page, 'plan, delete theme dialog');
  await keepScreenshot(page, 'plan-05-delete-theme-dialog');
  await themeDialog.getByRole('button', { name: 'Delete theme' }).click();
  await expect(plan.themeTitles).toHaveText(['Belonging', 'Identity']);
  await expect(page.getByRole('heading', { name: 'Themes', level: 2 })).toBeFocused();

  // A reload shows what was saved.
  await page.reload();
  await expect(plan.themeTitles).toHaveText(['Belonging', 'Identity']);
  await plan.part('Timeline').click();
  await expect(plan.milestone('Brief the steering group')).toContainText('Done');
});

test('eligibility categories: a rename carries people along; a category someone has ticked cannot be removed', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const ada = await seed(bridge.registry, 'participants.create', { pilotId, participant: { name: 'Ada Obi', email: 'ada.obi@uni.example', role: 'mentor', characteristics: ['Mature (21+)', 'Widening participation'] } });
  const plan = new PlanScreen(page);
  const { eligibility } = plan;
  await plan.open(pilotId, 'eligibility');
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
  expect((await seed(bridge.registry, 'participants.get', { id: ada.id })).characteristics).toEqual(['Mature (21+)', 'Widening participation']);
  await eligibility.getByRole('button', { name: 'Add a category' }).click();
  await eligibility.getByRole('textbox', { name: 'Category 4', exact: true }).fill('Widening participation');
  await eligibility.getByRole('button', { name: 'Save categories' }).click();
  await expect(new Frame(page).notice('Eligibility categories saved; 1 category renamed, on people’s records too.')).toBeVisible();
  await expect(eligibility.getByRole('alert')).toHaveCount(0);
  expect((await seed(bridge.registry, 'participants.get', { id: ada.id })).characteristics).toEqual(['Mature (21 and over)', 'Widening participation']);

  await page.reload();
  for (const [i, value] of ['Ethnically minoritised', 'Mature (21 and over)', 'Care-experienced', 'Widening participation'].entries()) {
    await expect(eligibility.getByRole('textbox', { name: `Category ${i + 1}`, exact: true })).toHaveValue(value);
  }
  await expect(eligibility.getByRole('textbox')).toHaveCount(4);
});

test('the meeting plan: the defaults in words, a refused plan, then a valid one', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const plan = new PlanScreen(page);
  const meetings = plan.meetingPlan;
  await plan.open(pilotId, 'meeting-plan');
  await expect(meetings.getByLabel('Number of meetings')).toHaveValue('4');
  await expect(meetings.getByLabel('Days between meetings')).toHaveValue('14');
  await expect(meetings.getByLabel('Shortest meeting (minutes)')).toHaveValue('60');
  await expect(meetings.getByLabel('Longest meeting (minutes)')).toHaveValue('90');
  await expect(plan.meetingPlanSummary).toHaveText('4 meetings of 60–90 minutes, one every 14 days: about 6 weeks from the first meeting to the last.');
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
  await expect(new Frame(page).notice('Meeting plan saved.')).toBeVisible();
  await expect(plan.meetingPlanSummary).toHaveText('6 meetings of 45–75 minutes, one every 21 days: about 15 weeks from the first meeting to the last.');
});

test('the support protocol: a contact (its name required) and escalation steps put in order', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const plan = new PlanScreen(page);
  const { support } = plan;
  await plan.open(pilotId, 'support');
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
  await expect(new Frame(page).notice('Support protocol saved.')).toBeVisible();

  await page.reload();
  await expect(support.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Student Wellbeing Service');
  await expect(support.getByRole('textbox', { name: 'Step 2', exact: true })).toHaveValue('Tell the scheme coordinator the same day.');
});

test('consent form versions: added, edited, a version label used twice refused; frozen once someone consents on it', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const plan = new PlanScreen(page);
  const frame = new Frame(page);
  await plan.open(pilotId, 'consent-forms');
  await page.getByRole('button', { name: 'Add the first version' }).click();
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill('1.0');
  await fillDate(page, 'Dated', '2026-09-15');
  await page.getByLabel('Form text').fill('I agree to take part in the reverse-mentoring scheme.\nI can withdraw at any time without giving a reason.');
  await page.getByRole('button', { name: 'Add version' }).click();
  await expect(plan.consentForms.getByRole('row', { name: /1\.0/ })).toContainText('None yet');
  await page.getByRole('button', { name: 'Edit version 1.0' }).click();
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill('1.1');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(frame.notice('Version 1.1 saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a version' }).click();
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill('1.1');
  await page.getByLabel('Form text').fill('Second wording.');
  await page.getByRole('button', { name: 'Add version' }).click();
  await expect(page.getByText('Version "1.1" already exists for this pilot.', { exact: false })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Version', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill('2.0');
  await page.getByRole('button', { name: 'Add version' }).click();
  await expect(plan.consentForms.getByRole('row')).toHaveCount(3);

  // Someone consents on version 1.1 (recorded elsewhere in the app): it is now frozen.
  const person = await seed(bridge.registry, 'participants.create', { pilotId, participant: { name: 'Ada Example', email: 'ada@uni.example', role: 'mentor' } });
  const form = (await seed(bridge.registry, 'plan.get', { pilotId })).consentForms.find((f) => f.version === '1.1')!;
  await seed(bridge.registry, 'consent.record', {
    participantId: person.id,
    formId: form.id,
    givenOn: isoDay(),
    choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: false },
  });
  await page.reload();
  await expect(plan.heading).toBeVisible();
  await expect(plan.consentForms.getByRole('row', { name: /1\.1/ })).toContainText('Frozen: 1 person has consented on this wording.');
  await expect(page.getByRole('button', { name: 'Edit version 1.1' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit version 2.0' })).toBeVisible();
});

test('ethics and retention saved; the plan filled in, after a reload', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const registry = bridge.registry;
  await seed(registry, 'milestones.applyTemplate', { pilotId });
  await seed(registry, 'themes.create', { pilotId, theme: { title: 'Identity', description: 'Who we are, and who we are seen to be.', iceBreakers: ['When did you first feel you belonged here?'] } });
  await seed(registry, 'plan.setEligibility', { pilotId, categories: ['Ethnically minoritised', 'Mature (21 and over)', 'Care-experienced', 'Widening participation'] });
  await seed(registry, 'plan.setMeetingPlan', { pilotId, meetingPlan: { meetingCount: 6, cadenceDays: 21, durationMin: 45, durationMax: 75, mode: 'in-person', place: '', onlineLink: '' } });
  await seed(registry, 'plan.setSupport', {
    pilotId,
    support: {
      contacts: [{ name: 'Student Wellbeing Service', role: 'Wellbeing advisers', contact: 'wellbeing@uni.example, ext. 4000' }],
      escalationSteps: ['Pause the conversation and check the person is safe.', 'Tell the scheme coordinator the same day.'],
    },
  });
  await seed(registry, 'consentForms.create', { pilotId, form: { version: '1.1', datedOn: '2026-09-15', text: 'I agree to take part in the reverse-mentoring scheme.' } });
  await seed(registry, 'consentForms.create', { pilotId, form: { version: '2.0', datedOn: '2026-09-15', text: 'Second wording.' } });
  const plan = new PlanScreen(page);
  const { governance } = plan;
  await plan.open(pilotId, 'governance');
  await governance.getByLabel('Ethics approval reference').fill('FREC 2026-117');
  await governance.getByLabel('Keep personal data for (months)').fill('72');
  await governance.getByRole('button', { name: 'Save ethics and retention' }).click();
  await expect(new Frame(page).notice('Ethics and retention saved.')).toBeVisible();

  await page.reload();
  await expect(plan.heading).toBeVisible();
  await expect(governance.getByLabel('Ethics approval reference')).toHaveValue('FREC 2026-117');
  await expect(governance.getByLabel('Keep personal data for (months)')).toHaveValue('72');
  await expectAccessible(page, 'plan, filled in');
  await keepScreenshot(page, 'plan-07-filled-in');
});

test('by keyboard alone: a theme added with two ice-breakers', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const plan = new PlanScreen(page);
  await plan.open(pilotId, 'themes');
  await expect(plan.heading).toBeFocused();
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
  await expect(new Frame(page).notice('Theme “Being heard” added.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit Being heard' })).toBeFocused();
  await expect(plan.theme('Being heard').getByRole('list', { name: 'Ice-breaker questions' }).getByRole('listitem')).toHaveText(['Who listens to you?', 'Who should ask you?']);
});
