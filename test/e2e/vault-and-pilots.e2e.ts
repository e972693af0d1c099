import { test, expect, expectAccessible, keepScreenshot, createVault, PASSPHRASE } from './fixtures';
import { channels } from '../../shared/contract';

/** window.api exposes exactly the contract's namespaces. */
const namespaces = [...new Set(channels.map((c) => c.split('.')[0]!))].sort();

test('create vault → recovery key → pilot → lock → wrong passphrase → unlock → edit → archive', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await expectAccessible(page, 'create vault');
  await keepScreenshot(page, '01-create-vault');

  // A weak passphrase is refused with the reason.
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('password1234');
  await page.getByLabel('Type the passphrase again').fill('password1234');
  await expect(page.getByText('Strength: Weak')).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('This is similar to a commonly used password.').first()).toBeVisible();

  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await expect(page.getByText('Strength: Very strong')).toBeVisible();
  await keepScreenshot(page, '02-create-vault-strong');
  await page.getByRole('button', { name: 'Create vault' }).click();

  await expect(page.getByRole('heading', { name: 'Write down your recovery key' })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').textContent())!.trim();
  expect(key).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await expectAccessible(page, 'recovery key');
  await keepScreenshot(page, '03-recovery-key');
  await expect(page.getByRole('button', { name: 'Continue to Reciprocal' })).toBeDisabled();
  await page.getByLabel('I have stored the recovery key somewhere safe').check();
  await page.getByLabel('Type the last group of the key to confirm').fill('XXXX');
  await page.getByRole('button', { name: 'Continue to Reciprocal' }).click();
  await expect(page.getByText('That is not the last group of the key shown above')).toBeVisible();
  await page.getByLabel('Type the last group of the key to confirm').fill(key.split('-').at(-1)!.toLowerCase());
  await page.getByRole('button', { name: 'Continue to Reciprocal' }).click();

  // Empty state, then a pilot.
  await expect(page.getByRole('heading', { name: 'No pilots yet' })).toBeVisible();
  await expectAccessible(page, 'pilots empty');
  await keepScreenshot(page, '04-pilots-empty');
  await page.getByRole('button', { name: 'Create your first pilot' }).click();
  await expect(page.getByRole('heading', { name: 'New pilot' })).toBeVisible();
  await page.getByRole('button', { name: 'Create pilot' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await page.getByLabel('Name').fill('Belonging 2026/27');
  await page.getByLabel('Purpose and focus').fill('International and mature students mentor senior leaders.');
  await page.getByLabel('Start date').fill('2026-10-01');
  await page.getByLabel('End date').fill('2026-09-01');
  await page.getByRole('button', { name: 'Create pilot' }).click();
  await expect(page.getByText('The end date must be on or after the start date')).toBeVisible();
  await expectAccessible(page, 'pilot form with errors');
  await keepScreenshot(page, '05-pilot-form-errors');
  await page.getByLabel('End date').fill('2027-06-30');
  await page.getByRole('button', { name: 'Create pilot' }).click();
  await expect(page.getByRole('row', { name: /Belonging 2026\/27/ })).toBeVisible();
  await expectAccessible(page, 'pilots list');
  await keepScreenshot(page, '06-pilots-list');

  // Lock; a wrong passphrase shows the error; the right one brings the pilot back.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await page.getByLabel('Passphrase').fill('lantern orbit pebble wisdon');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(/That passphrase is not correct/);
  await expectAccessible(page, 'unlock with error');
  await keepScreenshot(page, '07-unlock-wrong');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('row', { name: /Belonging 2026\/27/ })).toBeVisible();

  // Edit.
  await page.getByRole('button', { name: 'Edit Belonging 2026/27' }).click();
  await expect(page.getByRole('heading', { name: 'Edit “Belonging 2026/27”' })).toBeVisible();
  await page.getByLabel('Status').selectOption('recruiting');
  await page.getByLabel('Name').fill('Belonging & voice 2026/27');
  await expectAccessible(page, 'edit pilot');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const row = page.getByRole('row', { name: /Belonging & voice 2026\/27/ });
  await expect(row).toContainText('Recruiting');

  // Archive with confirmation, then undo, then archive for good.
  await page.getByRole('button', { name: 'Archive Belonging & voice 2026/27' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Nothing is deleted');
  await expectAccessible(page, 'archive dialog');
  await keepScreenshot(page, '08-archive-dialog');
  await dialog.getByRole('button', { name: 'Archive pilot' }).click();
  await expect(page.getByRole('heading', { name: 'No pilots yet' })).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Belonging & voice/ })).toBeVisible();
  await page.getByRole('button', { name: 'Archive Belonging & voice 2026/27' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Archive pilot' }).click();
  await page.getByLabel('Show archived pilots').check();
  await expect(page.getByRole('row', { name: /Belonging & voice/ })).toContainText('Archived');
  await keepScreenshot(page, '09-pilots-archived');
});

test('the same path by keyboard alone', async ({ app: page }) => {
  const tab = async (times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
  };
  const focusOn = async (name: RegExp | string, role: Parameters<typeof page.getByRole>[0] = 'textbox', max = 20) => {
    for (let i = 0; i < max; i++) {
      const focused = page.locator(':focus');
      if ((await page.getByRole(role, { name, exact: typeof name === 'string' }).evaluate((el) => el === document.activeElement).catch(() => false))) return;
      await tab();
      void focused;
    }
    throw new Error(`could not reach ${String(name)} by Tab`);
  };

  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await focusOn('Passphrase');
  await page.keyboard.type(PASSPHRASE);
  await focusOn('Type the passphrase again');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Write down your recovery key' })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').textContent())!.trim();
  await focusOn('I have stored the recovery key somewhere safe', 'checkbox');
  await page.keyboard.press('Space');
  await focusOn('Type the last group of the key to confirm');
  await page.keyboard.type(key.split('-').at(-1)!);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();
  await focusOn('Create your first pilot', 'button');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New pilot' })).toBeVisible();
  await focusOn('Name');
  await page.keyboard.type('Keyboard pilot');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Keyboard pilot/ })).toBeVisible();

  await focusOn('Lock', 'button');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await page.keyboard.type('wrong passphrase here');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/not correct/);
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Keyboard pilot/ })).toBeVisible();

  await focusOn('Edit Keyboard pilot', 'button');
  await page.keyboard.press('Enter');
  await focusOn('Name');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Keyboard pilot, renamed');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Keyboard pilot, renamed/ })).toBeVisible();

  await focusOn('Archive Keyboard pilot, renamed', 'button');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toBeVisible();
  // Focus starts on Cancel (the safe choice); Tab reaches the destructive button.
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await tab();
  await expect(page.getByRole('button', { name: 'Archive pilot' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'No pilots yet' })).toBeVisible();
});

test('recovery key unlocks and leads to choosing a new passphrase; settings work', async ({ app: page }) => {
  const key = await createVault(page);
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Forgot the passphrase? Use the recovery key' }).click();
  await page.getByLabel('Recovery key').fill(key.toLowerCase());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new passphrase' })).toBeVisible();
  await expectAccessible(page, 'reset passphrase');
  const next = 'copper meadow violin horizon';
  await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(next);
  await page.getByLabel('Type the new passphrase again').fill(next);
  await page.getByRole('button', { name: 'Save the new passphrase' }).click();
  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByLabel('Lock the vault after this long without activity').selectOption('5');
  await expect(page.getByRole('status').getByText('Auto-lock set to 5 minutes.')).toBeVisible();
  await page.getByLabel('Meetings take place in this time zone').selectOption('America/Toronto');
  await expect(page.getByRole('status').getByText('Time zone set to America/Toronto.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('not it at all');
  await page.getByRole('button', { name: 'Show the raw key' }).click();
  await expect(page.getByText('That passphrase is not correct').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(next);
  await page.getByRole('button', { name: 'Show the raw key' }).click();
  await expect(page.getByTestId('raw-key')).toHaveText(/^x'[0-9a-f]{64}'$/);
  await expectAccessible(page, 'settings');
  await keepScreenshot(page, '10-settings');

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByText(/Chain intact: \d+ entries verified/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'vault.revealKey' })).toBeVisible();
  await expectAccessible(page, 'audit trail');
  await keepScreenshot(page, '11-audit');

  // Locking reloads the page; unlocking returns to the same screen.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase').fill(next);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
});

test('the page cannot reach the network, and the bridge refuses requests without its token', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  const outside = await page.evaluate(async () => {
    try {
      await fetch('https://example.org/');
      return 'reached';
    } catch (error) {
      return `blocked: ${(error as Error).message}`;
    }
  });
  expect(outside).toMatch(/^blocked/);
  const noToken = await fetch(`${bridge.origin}/`);
  expect(noToken.status).toBe(403);
  const call = await fetch(`${bridge.origin}/__bridge/call/vault.status`, { method: 'POST', body: '{}' });
  expect(call.status).toBe(403);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys(window.api).sort())).toEqual(namespaces);
});

test.describe('auto-lock', () => {
  test.use({ minuteMs: 400 });
  test('after the idle time the vault locks and the window returns to the unlock screen', async ({ app: page }) => {
    await createVault(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Pilots' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toHaveCount(0);
    // With a test "minute" of 400 ms, one idle minute passes without any click from us.
    await page.getByLabel('Lock the vault after this long without activity').selectOption('1');
    await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
    await keepScreenshot(page, '12-auto-locked');
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });
});
