import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, keepScreenshot, createVault, PASSPHRASE } from './fixtures';

const KEY_PATTERN = /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/;

/** First run up to the recovery key, which is read but not confirmed. */
async function createVaultWithoutConfirming(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Write down your recovery key' })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').textContent())!.trim();
  expect(key).toMatch(KEY_PATTERN);
  return key;
}

async function confirmShownKey(page: Page, button = 'Continue to Reciprocal'): Promise<string> {
  const key = (await page.getByTestId('recovery-key').textContent())!.trim();
  await page.getByLabel('I have stored the recovery key somewhere safe').check();
  await page.getByLabel('Type the last group of the key to confirm').fill(key.split('-').at(-1)!);
  await page.getByRole('button', { name: button }).click();
  return key;
}

/** Locks, then checks that `refused` no longer unlocks and `accepted` does (landing on the new-passphrase offer). */
async function expectOnlyNewKeyUnlocks(page: Page, refused: string, accepted: string) {
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await page.getByRole('button', { name: 'Forgot the passphrase? Use the recovery key' }).click();
  await page.getByLabel('Recovery key').fill(refused);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(/That recovery key is not correct/);
  await page.getByLabel('Recovery key').fill(accepted);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new passphrase' })).toBeVisible();
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();
}

test('a recovery key not confirmed before a reload is replaced after the passphrase, and the old key stops working', async ({ app: page }) => {
  const firstKey = await createVaultWithoutConfirming(page);

  // The window reloads (or crashes) before the coordinator confirms: the key is offered again, as a new one.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Make a new recovery key' })).toBeVisible();
  await expect(page.getByText('the earlier key will stop working', { exact: false })).toBeVisible();
  await expectAccessible(page, 'make a new recovery key');
  await keepScreenshot(page, 'recovery-01-make-new-key');

  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(page.getByText('Enter your passphrase')).toBeVisible();
  await page.getByLabel('Passphrase').fill('lantern orbit pebble wisdon');
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(page.getByText('That passphrase is not correct')).toBeVisible();
  await expectAccessible(page, 'make a new recovery key, wrong passphrase');
  await keepScreenshot(page, 'recovery-02-wrong-passphrase');

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(page.getByRole('heading', { name: 'Write down your new recovery key' })).toBeVisible();
  await expect(page.getByText('replaces the earlier one, which no longer works', { exact: false })).toBeVisible();
  const newKey = (await page.getByTestId('recovery-key').textContent())!.trim();
  expect(newKey).toMatch(KEY_PATTERN);
  expect(newKey).not.toBe(firstKey);
  await expectAccessible(page, 'new recovery key');
  await keepScreenshot(page, 'recovery-03-new-key');

  await confirmShownKey(page);
  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();
  // Confirmed for good: another reload goes straight to the app.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();

  await expectOnlyNewKeyUnlocks(page, firstKey, newKey);
});

test('a vault that locks before the key is confirmed offers a new key after unlocking', async ({ app: page }) => {
  const firstKey = await createVaultWithoutConfirming(page);
  // As the idle lock would: the vault locks and the window reloads to the unlock screen.
  await page.evaluate(() => window.api.vault.lock({}));
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();

  await expect(page.getByRole('heading', { name: 'Make a new recovery key' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(page.getByRole('heading', { name: 'Write down your new recovery key' })).toBeVisible();
  const newKey = await confirmShownKey(page);
  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();

  await expectOnlyNewKeyUnlocks(page, firstKey, newKey);
});

test('Settings replaces the recovery key: the passphrase is asked for, the new key is shown once and confirmed', async ({ app: page }) => {
  const firstKey = await createVault(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Recovery key' });
  await expect(section).toContainText('The current key stops working at once');
  await section.getByLabel('Your passphrase').fill('not the passphrase at all');
  await section.getByRole('button', { name: 'Replace the recovery key' }).click();
  await expect(section.getByText('That passphrase is not correct')).toBeVisible();

  await section.getByLabel('Your passphrase').fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Replace the recovery key' }).click();
  await expect(section.getByText('Your new recovery key is below.')).toBeVisible();
  const newKey = (await section.getByTestId('recovery-key').textContent())!.trim();
  expect(newKey).toMatch(KEY_PATTERN);
  expect(newKey).not.toBe(firstKey);
  await expect(section.getByRole('button', { name: 'Done: I have stored the new key' })).toBeDisabled();
  await expectAccessible(page, 'settings, new recovery key');
  await keepScreenshot(page, 'recovery-04-settings-new-key');

  await section.getByLabel('I have stored the recovery key somewhere safe').check();
  await section.getByLabel('Type the last group of the key to confirm').fill('ZZZZ');
  await section.getByRole('button', { name: 'Done: I have stored the new key' }).click();
  await expect(section.getByText('That is not the last group of the key shown above')).toBeVisible();
  await section.getByLabel('Type the last group of the key to confirm').fill(newKey.split('-').at(-1)!);
  await section.getByRole('button', { name: 'Done: I have stored the new key' }).click();
  await expect(page.getByRole('status').getByText('New recovery key confirmed. The earlier key no longer works.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Replace the recovery key' })).toBeVisible();
  await expectAccessible(page, 'settings after replacing the recovery key');
  await keepScreenshot(page, 'recovery-05-settings-done');

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('cell', { name: 'Replaced the recovery key' })).toBeVisible();
  await page.getByRole('link', { name: 'Pilots' }).click();
  await expectOnlyNewKeyUnlocks(page, firstKey, newKey);
});

test('making and confirming a new recovery key works by keyboard alone', async ({ app: page }) => {
  await createVaultWithoutConfirming(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Make a new recovery key' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Write down your new recovery key' })).toBeFocused();
  const key = (await page.getByTestId('recovery-key').textContent())!.trim();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Copy the key' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Print the key' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('I have stored the recovery key somewhere safe')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Type the last group of the key to confirm')).toBeFocused();
  await page.keyboard.type(key.split('-').at(-1)!);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();
});
