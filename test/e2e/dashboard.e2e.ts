import { test, expect, expectAccessible, keepScreenshot, createVault, seed, isoDay } from './fixtures';
import { DashboardScreen } from './pages/dashboard';
import { seedMeetingsPilot, seedMeetingsUnderWay, seedPairs } from './worlds/meetings';

test.describe.configure({ mode: 'parallel' });

test('the dashboard is the pilot’s first page: nothing needs attention in a new pilot', async ({ app: page, bridge }) => {
  await createVault(page);
  await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', startDate: isoDay(-7), endDate: isoDay(240) });
  await page.reload();
  await page.getByRole('link', { name: 'Belonging 2026/27' }).click();
  const dashboard = new DashboardScreen(page);
  await expect(dashboard.heading).toBeFocused();
  await expect(page.getByRole('list', { name: 'Stages of this pilot' }).getByRole('link').first()).toHaveText('Overview');
  await expect(dashboard.attention.getByRole('heading', { name: 'Nothing needs attention' })).toBeVisible();
  await expect(dashboard.figure(dashboard.people, 'Interested')).toHaveAccessibleName(/^0 Interested$/);
  await expect(dashboard.surveys).toContainText('No survey wave yet');
  // Closing interviews by state, none yet.
  await expect(page.getByRole('link', { name: /^0 Interviews done$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^0 Interviews scheduled$/ })).toBeVisible();
  await expectAccessible(page, 'dashboard, new pilot');
  await keepScreenshot(page, 'dashboard-01-empty');
});

test('a pilot under way: counts per stage, and each “needs attention” item leads to where it is fixed', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilotId = await seedMeetingsPilot(bridge.registry);
  const world = await seedPairs(bridge.registry, pilotId);
  await seedMeetingsUnderWay(bridge.registry, world);
  await seed(bridge.registry, 'milestones.create', { pilotId, milestone: { title: 'Training sessions', dueOn: isoDay(-10) }, confirmed: [] });
  await seed(bridge.registry, 'milestones.create', { pilotId, milestone: { title: 'Closing interviews', dueOn: isoDay(60) }, confirmed: [] });
  await seed(bridge.registry, 'participants.create', { pilotId, participant: { name: 'Orla Byrne', email: 'orla@example.ac.uk', role: 'mentor' } });
  const dashboard = new DashboardScreen(page);
  await dashboard.open(pilotId);
  await expect(dashboard.heading).toBeVisible();

  await expect(dashboard.item(/^1 meeting overdue/)).toBeVisible();
  await expect(dashboard.item(/^2 reflective logs owed/)).toBeVisible();
  await expect(dashboard.item(/^1 milestone late/)).toBeVisible();
  // Pair B has not met yet and nobody has been trained: Bilal and David are named, each a link to their page.
  await expect(dashboard.item(/^2 paired people not trained yet/)).toBeVisible();
  await expect(dashboard.attention.getByRole('link', { name: 'Bilal Khan' })).toBeVisible();
  await expect(dashboard.attention.getByRole('link', { name: 'David Okafor' })).toBeVisible();
  await expect(dashboard.timeline).toContainText('Training sessions');
  await expect(dashboard.timeline).toContainText(/Next milestone\s*Closing interviews/);
  await expect(dashboard.figure(dashboard.people, 'Interested')).toHaveAccessibleName(/^1 Interested$/);
  await expect(dashboard.figure(dashboard.meetings, 'Meetings held')).toHaveAccessibleName(/^1 Meetings held$/);
  await expect(dashboard.figure(dashboard.meetings, 'Current pairs')).toHaveAccessibleName(/^2 Current pairs$/);
  await expectAccessible(page, 'dashboard, pilot under way');
  await keepScreenshot(page, 'dashboard-02-under-way');

  await dashboard.item(/^2 reflective logs owed/).click();
  await expect(page.getByRole('heading', { name: 'Reflective logs', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Owed' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await dashboard.item(/^2 paired people not trained yet/).click();
  await expect(page.getByRole('heading', { name: 'Training', level: 1 })).toBeVisible();
  await page.goBack();
  await dashboard.item(/^1 meeting overdue/).click();
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();
  await page.goBack();
  await dashboard.figure(dashboard.people, 'Interested').click();
  await expect(page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/status=interested/);
});
