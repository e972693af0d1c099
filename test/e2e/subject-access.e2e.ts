import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo, currentAcademicYear } from './fixtures';

test('subject access from a person’s page: says what goes out and what is left out, then writes HTML and JSON', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilot = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', ...currentAcademicYear() });
  const helen = await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Helen Marsh', email: 'helen@example.ac.uk', role: 'mentee', department: 'Registry' } });
  await goTo(page, `/pilots/${pilot.id}/participants/${helen.id}`);
  await expect(page.getByRole('heading', { name: 'Helen Marsh', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Subject access…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Subject access: Helen Marsh' });
  await expect(dialog).toContainText('their partner’s reflective logs');
  await expect(dialog).toContainText('safeguarding records');
  await expectAccessible(page, 'subject access dialog');
  await keepScreenshot(page, 'subject-access-01-dialog');

  await dialog.getByRole('button', { name: 'Choose folder and write' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Messages' }).getByText(/Wrote Helen Marsh’s subject access documents/)).toBeVisible();
  const files = readdirSync(bridge.exportDir).sort();
  expect(files).toEqual([expect.stringMatching(new RegExp(`^subject-access-${helen.id}-.*\\.html$`)), expect.stringMatching(new RegExp(`^subject-access-${helen.id}-.*\\.json$`))]);
  const json = JSON.parse(readFileSync(join(bridge.exportDir, files[1]!), 'utf8')) as { record: { email: string } };
  expect(json.record.email).toBe('helen@example.ac.uk');

  // The readable copy, as the person will see it.
  await page.goto(`data:text/html;base64,${readFileSync(join(bridge.exportDir, files[0]!)).toString('base64')}`);
  await expect(page.getByRole('heading', { name: 'Subject access: Helen Marsh', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What is not in this document, and why' })).toBeVisible();
  await expectAccessible(page, 'subject access document');
  await keepScreenshot(page, 'subject-access-02-document');
});
