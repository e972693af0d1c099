import { test, expect, expectAccessible, keepScreenshot, createVault, seed, currentAcademicYear, goTo } from './fixtures';
import { Frame } from './pages/frame';

test('a session’s findings a page at a time, filtered by theme and words, each keeping its number', async ({ app: page, bridge }) => {
  await createVault(page);
  const { id: pilotId } = await seed(bridge.registry, 'pilots.create', { name: 'Voices 2026/27', purpose: 'Students mentor senior leaders on belonging.', ...currentAcademicYear() });
  const belonging = await seed(bridge.registry, 'themes.create', { pilotId, theme: { title: 'Belonging' } });
  await seed(bridge.registry, 'themes.create', { pilotId, theme: { title: 'Being heard' } });
  const group = await seed(bridge.registry, 'focusGroups.create', { pilotId, focusGroup: { heldOn: currentAcademicYear().startDate, audience: 'mixed' } });
  // 45 findings: every third about belonging, a few about the timetable.
  for (let n = 1; n <= 45; n++) {
    const text = n % 10 === 0 ? `Point ${n}: the timetable leaves no time to meet.` : `Point ${n}: people want to be asked first.`;
    await seed(bridge.registry, 'findings.create', { focusGroupId: group.id, finding: { text, themeIds: n % 3 === 0 ? [belonging.id] : [] } });
  }
  await goTo(page, `/pilots/${pilotId}/focus-groups/${group.id}`);
  const list = page.getByRole('list', { name: 'Findings of this session' }).getByRole('listitem');
  const pages = page.getByRole('group', { name: 'Pages of findings' });

  await expect(page.getByRole('heading', { name: 'Findings (45)' })).toBeVisible();
  await expect(list).toHaveCount(20);
  await expect(pages).toContainText('Showing 1–20 of 45 findings');
  await pages.getByRole('button', { name: 'Next 20' }).click();
  await expect(pages).toContainText('Showing 21–40 of 45 findings');
  await expect(list.first()).toContainText('Point 21:');
  await expectAccessible(page, 'focus group findings, page 2');

  const search = page.getByRole('search', { name: 'Find findings' });
  await search.getByLabel('Theme').selectOption({ label: 'Belonging' });
  // A new filter starts again from the first page.
  await expect(list).toHaveCount(15);
  await expect(pages).toHaveCount(0);
  await expect(list.first()).toContainText('Point 3:');
  await expect(list.first()).toContainText('Informs: Belonging');
  await search.getByLabel('Words').fill('timetable');
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('30. Point 30: the timetable');
  // Its number in the session, whatever the filter.
  await expect(list.first().getByRole('button', { name: 'Edit finding 30' })).toBeVisible();
  await keepScreenshot(page, 'focus-groups-10-findings-filtered');

  await search.getByLabel('Theme').selectOption({ label: 'Being heard' });
  await expect(page.getByRole('status').filter({ hasText: 'No finding linked to “Being heard” mentions “timetable”.' })).toBeVisible();

  // Editing a finding on a filtered page keeps its number and saves it.
  await search.getByLabel('Theme').selectOption({ label: 'Any theme' });
  await search.getByLabel('Words').fill('Point 40:');
  await list.first().getByRole('button', { name: 'Edit finding 40' }).click();
  const edit = page.getByRole('form', { name: 'Edit finding 40' });
  await edit.getByLabel('Being heard').check();
  await edit.getByRole('button', { name: 'Save finding' }).click();
  await expect(new Frame(page).notice('Finding 40 saved.')).toBeVisible();
  await expect(list.first()).toContainText('Informs: Being heard');
});
