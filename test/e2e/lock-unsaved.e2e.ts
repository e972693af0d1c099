import { test, expect, expectAccessible, keepScreenshot, createVault, seed, currentAcademicYear } from './fixtures';
import { Frame } from './pages/frame';
import { PlanScreen } from './pages/plan';

test.describe.configure({ mode: 'parallel' });

test('Lock with an unsaved plan edit asks first: keep editing keeps it, discard and lock locks', async ({ app: page, bridge }) => {
  await createVault(page);
  const { id: pilotId } = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', purpose: 'Students mentor senior leaders.', ...currentAcademicYear() });
  const plan = new PlanScreen(page);
  const frame = new Frame(page);
  await plan.open(pilotId, 'meeting-plan');
  await plan.meetingPlan.getByLabel('Number of meetings').fill('6');

  await frame.lockButton.click();
  const ask = page.getByRole('alertdialog', { name: 'Lock without saving?' });
  await expect(ask).toContainText('Your changes to Meeting plan are not saved yet.');
  await expectAccessible(page, 'lock with unsaved changes');
  await keepScreenshot(page, 'lock-01-unsaved-changes');
  await ask.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(ask).toHaveCount(0);
  await expect(plan.meetingPlan.getByLabel('Number of meetings')).toHaveValue('6');
  expect(bridge.session.isUnlocked).toBe(true);

  await frame.lockButton.click();
  await ask.getByRole('button', { name: 'Discard changes and lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  expect(bridge.session.isUnlocked).toBe(false);
  await frame.unlock();
  await expect(plan.meetingPlan.getByLabel('Number of meetings')).toHaveValue('4');
  // Discarded on purpose: nothing to report after unlocking.
  await expect(frame.notices).not.toContainText('The vault locked before you saved');

  // With nothing unsaved, Lock locks at once.
  await frame.lock();
});

test('an automatic lock still locks with an unsaved edit, drops it, and says so after unlocking', async ({ app: page, bridge }) => {
  await createVault(page);
  const { id: pilotId } = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', purpose: 'Students mentor senior leaders.', ...currentAcademicYear() });
  const plan = new PlanScreen(page);
  const frame = new Frame(page);
  await plan.open(pilotId, 'meeting-plan');
  await plan.meetingPlan.getByLabel('Number of meetings').fill('6');

  // As the idle timer does: the session locks and the window reloads to the unlock screen.
  bridge.session.lock('idle');
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await frame.unlock();
  await expect(frame.notice('The vault locked before you saved your changes to Meeting plan: they were discarded. Enter them again.')).toBeVisible();
  await expect(plan.meetingPlan.getByLabel('Number of meetings')).toHaveValue('4');
  expect((await seed(bridge.registry, 'plan.get', { pilotId })).meetingPlan.meetingCount).toBe(4);
  await keepScreenshot(page, 'lock-02-discarded-by-auto-lock');
});
