import { test, expect, expectAccessible, keepScreenshot, createVault, seed, currentAcademicYear } from './fixtures';
import { Frame } from './pages/frame';
import { PlanScreen } from './pages/plan';
import { fillDate } from './pages/dates';

test('a milestone dated outside the pilot asks first, and saves once the coordinator confirms', async ({ app: page, bridge }) => {
  await createVault(page);
  const year = currentAcademicYear();
  const { id: pilotId } = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', purpose: 'Students mentor senior leaders.', ...year });
  const plan = new PlanScreen(page);
  await plan.open(pilotId);

  await page.getByRole('button', { name: 'Add a milestone' }).click();
  const form = page.getByRole('form', { name: 'New milestone' });
  await form.getByRole('textbox', { name: 'Milestone', exact: true }).fill('Report to the sponsor');
  // A typo'd year: after the pilot ends.
  await fillDate(form, 'Due date', '2099-05-01');
  await form.getByRole('button', { name: 'Add milestone' }).click();
  const warning = form.getByRole('alert');
  await expect(warning).toContainText('Please check before saving.');
  await expect(warning).toContainText('Nothing has been saved yet.');
  expect((await seed(bridge.registry, 'plan.get', { pilotId })).milestones).toEqual([]);
  await expectAccessible(page, 'plan, milestone outside the pilot');
  await keepScreenshot(page, 'plan-20-milestone-outside-pilot');

  // Changing the date asks again (the warning was about the old one); a date inside saves at once.
  await fillDate(form, 'Due date', '2099-06-01');
  await expect(warning).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Add milestone', exact: true })).toBeVisible();
  await form.getByRole('button', { name: 'Add milestone' }).click();
  await expect(warning).toBeVisible();
  await form.getByRole('button', { name: 'Add milestone anyway' }).click();
  await expect(new Frame(page).notice('“Report to the sponsor” added to the timeline.')).toBeVisible();
  expect((await seed(bridge.registry, 'plan.get', { pilotId })).milestones.map((m) => [m.title, m.dueOn])).toEqual([['Report to the sponsor', '2099-06-01']]);

  // Marking it done keeps the due date already confirmed: no second question.
  await plan.milestone('Report to the sponsor').getByRole('button', { name: 'Mark done: Report to the sponsor' }).click();
  await expect(new Frame(page).notice('“Report to the sponsor” marked done.')).toBeVisible();

  // Editing it into the pilot's dates saves without asking.
  await plan.milestone('Report to the sponsor').getByRole('button', { name: 'Edit Report to the sponsor' }).click();
  const edit = page.getByRole('form', { name: 'Edit “Report to the sponsor”' });
  await fillDate(edit, 'Due date', year.endDate);
  await edit.getByRole('button', { name: 'Save milestone' }).click();
  await expect(new Frame(page).notice('Milestone saved.')).toBeVisible();
  expect((await seed(bridge.registry, 'plan.get', { pilotId })).milestones[0]!.dueOn).toBe(year.endDate);
});
