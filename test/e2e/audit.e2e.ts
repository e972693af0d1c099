import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo, isoDay } from './fixtures';
import { fillDate } from './pages/dates';

// Each test has its own vault and bridge, so they run side by side.
test.describe.configure({ mode: 'parallel' });

test('the audit trail: all entries a page at a time, filtered by what and when, records named and linked', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilot = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', startDate: isoDay(-30), endDate: isoDay(200) });
  const people = [];
  for (let i = 0; i < 60; i++) {
    people.push(await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: `Person ${String(i).padStart(2, '0')}`, email: `p${i}@example.ac.uk`, role: i % 2 ? 'mentee' : 'mentor' } }));
  }
  await seed(bridge.registry, 'themes.create', { pilotId: pilot.id, theme: { title: 'Belonging' } });
  const total = (await seed(bridge.registry, 'audit.page', {})).total;

  await goTo(page, '/audit');
  const table = page.getByRole('table', { name: 'Latest audit entries, newest first' });
  await expect(page.getByText(`${total} entries in all`)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(51);
  const pager = page.getByRole('group', { name: 'Pages of entries' });
  await expect(pager).toContainText(`Showing 1–50 of ${total} entries`);
  // Records by their names today, linked to their screens.
  await expect(table.getByRole('row').nth(1)).toContainText('Added a theme');
  await expect(table.getByRole('row').nth(1).getByRole('link', { name: 'Theme “Belonging”' })).toHaveAttribute('href', `#/pilots/${pilot.id}/plan`);
  await expect(table.getByRole('link', { name: 'Person 59' })).toHaveAttribute('href', `#/pilots/${pilot.id}/participants/${people[59]!.id}`);
  await expectAccessible(page, 'audit trail, paged');
  await keepScreenshot(page, 'audit-01-paged');

  // The oldest entries are there too.
  await pager.getByRole('button', { name: /^Next/ }).click();
  await expect(pager).toContainText(`Showing 51–${Math.min(100, total)} of ${total} entries`);

  // Only pilots: the pilot created, named and linked.
  await page.getByLabel('What').selectOption({ label: 'Pilots' });
  await expect(page.getByText('1 entry match')).toBeVisible();
  await expect(table.getByRole('link', { name: 'Pilot “Belonging 2026/27”' })).toBeVisible();
  await expect(pager).toHaveCount(0);
  // A day with nothing on it.
  await page.getByLabel('What').selectOption({ label: 'Everything' });
  await fillDate(page, 'From', isoDay(2));
  await expect(page.getByText('No entry matches these filters.')).toBeVisible();
  await fillDate(page, 'To', isoDay(1));
  await expect(page.getByText('The last day must not be before the first')).toBeVisible();
  await expectAccessible(page, 'audit trail, filtered');
  await keepScreenshot(page, 'audit-02-filtered');

  // Following a link opens the person.
  await fillDate(page, 'From', '');
  await fillDate(page, 'To', '');
  await page.getByRole('link', { name: 'Person 59' }).click();
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilot.id}/participants/${people[59]!.id}$`));
});
