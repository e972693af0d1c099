import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, PASSPHRASE, seed, tabTo } from './fixtures';
import { Frame } from './pages/frame';
import { channels } from '../../shared/contract';
import { createVaultDatabase } from '../../electron/core/db/open';
import { fillDate } from './pages/dates';

/** window.api exposes exactly the contract's namespaces. */
const namespaces = [...new Set(channels.map((c) => c.split('.')[0]!))].sort();

/** Notices sit in a place of their own: their box never overlaps the page's content. */
async function expectOutsideContent(page: Page) {
  const frame = new Frame(page);
  const notices = (await frame.notices.boundingBox())!;
  const content = (await frame.main.boundingBox())!;
  const overlaps = notices.x < content.x + content.width && content.x < notices.x + notices.width && notices.y < content.y + content.height && content.y < notices.y + notices.height;
  expect(overlaps, `notices at ${JSON.stringify(notices)} overlap the content at ${JSON.stringify(content)}`).toBe(false);
}

/** Creates the vault and a pilot, and opens the pilots list. */
async function vaultWithPilot(page: Page, registry: HandlerRegistry) {
  await createVault(page);
  await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', purpose: 'International and mature students mentor senior leaders.', startDate: '2026-10-01', endDate: '2027-06-30' });
  await page.reload();
  await expect(page.getByRole('row', { name: /Belonging 2026\/27/ })).toBeVisible();
}

test('creating a vault: a weak passphrase refused with the reason, the recovery key confirmed by its last group', async ({ app: page }) => {
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
  await expect(page.getByRole('heading', { name: 'No pilots yet' })).toBeVisible();
});

test('the first pilot: the empty list says what to do, the form refuses a missing name and dates the wrong way round', async ({ app: page }) => {
  await createVault(page);
  await expect(page.getByRole('heading', { name: 'No pilots yet' })).toBeVisible();
  await expectAccessible(page, 'pilots empty');
  await keepScreenshot(page, '04-pilots-empty');
  await page.getByRole('button', { name: 'Create your first pilot' }).click();
  await expect(page.getByRole('heading', { name: 'New pilot' })).toBeVisible();
  await expectAccessible(page, 'new pilot form');
  await keepScreenshot(page, '04b-new-pilot');
  await page.getByRole('button', { name: 'Create pilot' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await page.getByLabel('Name').fill('Belonging 2026/27');
  await page.getByLabel('Purpose and focus').fill('International and mature students mentor senior leaders.');
  await fillDate(page, 'Start date', '2026-10-01');
  await fillDate(page, 'End date', '2026-09-01');
  await page.getByRole('button', { name: 'Create pilot' }).click();
  await expect(page.getByText('The end date must be on or after the start date')).toBeVisible();
  await expectAccessible(page, 'pilot form with errors');
  await keepScreenshot(page, '05-pilot-form-errors');
  await fillDate(page, 'End date', '2027-06-30');
  await page.getByRole('button', { name: 'Create pilot' }).click();
  await expect(page.getByRole('row', { name: /Belonging 2026\/27/ })).toBeVisible();
  await expectAccessible(page, 'pilots list');
  await keepScreenshot(page, '06-pilots-list');
});

test('locked by hand: a wrong passphrase is refused, the right one brings the pilots back', async ({ app: page, bridge }) => {
  await vaultWithPilot(page, bridge.registry);
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  // Locked by hand: no reason to explain.
  await expect(page.getByText(/^Locked (after|because)/)).toHaveCount(0);
  await expectAccessible(page, 'unlock');
  await keepScreenshot(page, '06b-unlock');
  await page.getByLabel('Passphrase').fill('lantern orbit pebble wisdon');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(/That passphrase is not correct/);
  await expectAccessible(page, 'unlock with error');
  await keepScreenshot(page, '07-unlock-wrong');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('row', { name: /Belonging 2026\/27/ })).toBeVisible();
});

test('a pilot edited, archived after a question and brought back with Undo, then archived for good', async ({ app: page, bridge }) => {
  await vaultWithPilot(page, bridge.registry);
  const frame = new Frame(page);
  await page.getByRole('button', { name: 'Edit Belonging 2026/27' }).click();
  await expect(page.getByRole('heading', { name: 'Edit “Belonging 2026/27”' })).toBeVisible();
  await page.getByLabel('Status').selectOption('recruiting');
  await page.getByLabel('Name').fill('Belonging & voice 2026/27');
  await expectAccessible(page, 'edit pilot');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const row = page.getByRole('row', { name: /Belonging & voice 2026\/27/ });
  await expect(row).toContainText('Recruiting');
  await expect(frame.noticeMessages).toHaveText(['Changes saved.']);

  // Archive with confirmation, then undo, then archive for good.
  await page.getByRole('button', { name: 'Archive Belonging & voice 2026/27' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Nothing is deleted');
  await expectAccessible(page, 'archive dialog');
  await keepScreenshot(page, '08-archive-dialog');
  await dialog.getByRole('button', { name: 'Archive pilot' }).click();
  await expect(page.getByRole('heading', { name: 'No pilots yet' })).toBeVisible();
  // The undo notice replaces the earlier confirmation, rather than piling up under it.
  await expect(frame.noticeMessages).toHaveCount(1);
  await expect(frame.noticeMessages).toContainText('“Belonging & voice 2026/27” archived.');
  await expectOutsideContent(page);
  await frame.notices.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Belonging & voice/ })).toBeVisible();
  await page.getByRole('button', { name: 'Archive Belonging & voice 2026/27' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Archive pilot' }).click();
  await page.getByLabel('Show archived pilots').check();
  const archivedRow = page.getByRole('row', { name: /Belonging & voice/ });
  await expect(archivedRow).toContainText('Archived');
  // Archived says it all: no second, stale status beside it.
  await expect(archivedRow.getByRole('cell').nth(1)).toHaveText('Archived');
  await expectAccessible(page, 'archived pilots');
  await keepScreenshot(page, '09-pilots-archived');
});

test('the same path by keyboard alone', async ({ app: page }) => {
  const tab = async (times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
  };
  const focusOn = (name: RegExp | string, role: Parameters<typeof page.getByRole>[0] = 'textbox') => tabTo(page, page.getByRole(role, { name, exact: typeof name === 'string' }), { max: 20 });

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

test('recovery key unlocks and leads to choosing a new passphrase; settings work', async ({ app: page, bridge }) => {
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
  const autoLock = page.getByLabel('Lock the vault after this long without activity');
  // Every choice is within what the vault accepts (1 to 240 minutes), up to the longest.
  await expect(autoLock.getByRole('option')).toHaveText(['1 minute', '2 minutes', '5 minutes', '10 minutes', '15 minutes', '30 minutes', '1 hour', '2 hours', '4 hours']);
  await autoLock.selectOption('5');
  await expect(new Frame(page).notice('Auto-lock set to 5 minutes.')).toBeVisible();
  // About 400 zones: typed to search, then chosen.
  await page.getByRole('combobox', { name: 'Meetings take place in this time zone' }).fill('toronto');
  await page.getByRole('option', { name: 'America/Toronto' }).click();
  await expect(new Frame(page).notice('Time zone set to America/Toronto.')).toBeVisible();
  // The newer confirmation replaced the older one.
  await expect(new Frame(page).noticeMessages).toHaveText(['Time zone set to America/Toronto.']);
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
  // Leaving the page took its notices with it.
  await expect(new Frame(page).noticeMessages).toHaveCount(0);
  // Plain words, not channel names or internal ids.
  const revealed = page.getByRole('row', { name: /Showed the raw key to an auditor/ });
  await expect(revealed).toContainText('The vault');
  await expect(revealed).toContainText('Coordinator');
  await expect(page.getByRole('row', { name: /Changed settings/ }).first()).toContainText('Settings: time zone');
  await expect(page.getByRole('table', { name: 'Latest audit entries, newest first' })).not.toContainText(/vault\.|[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expectAccessible(page, 'audit trail');
  await keepScreenshot(page, '11-audit');

  // An auto-lock time set outside the usual choices (here by the command line) shows as it is.
  expect((await bridge.registry.invoke('settings.update', { autoLockMinutes: 45 }, 'cli')).ok).toBe(true);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.reload();
  await expect(autoLock.getByRole('option', { selected: true })).toHaveText('45 minutes');
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('row', { name: /Changed settings/ }).first()).toContainText('Command line');

  // Locking reloads the page; unlocking returns to the same screen.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase').fill(next);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
});

test('change passphrase in Settings: a wrong current one is refused on its field; the new one unlocks, the old one no longer', async ({ app: page }) => {
  await createVault(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('region', { name: 'Change passphrase' });
  const current = form.getByLabel('Current passphrase');
  const next = 'harbour velvet compass thistle';
  await current.fill('not the passphrase at all');
  await form.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(next);
  await form.getByLabel('Type the new passphrase again').fill(next);
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription(/That passphrase is not correct/);
  await expectAccessible(page, 'change passphrase with a wrong current one');
  await keepScreenshot(page, '10b-change-passphrase-wrong');

  await current.fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(new Frame(page).notices).toContainText('Passphrase changed. Your recovery key still works.');
  await expect(current).toHaveValue('');
  await expect(current).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(/That passphrase is not correct/);
  await page.getByLabel('Passphrase').fill(next);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});

test('keyboard focus is never hidden under the sticky top bar', async ({ app: page }) => {
  await createVault(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Show the raw key' }).focus();
  const topbarBottom = (await new Frame(page).topBar.boundingBox())!.height;
  // Backwards through the whole page: each focused control scrolls fully clear of the sticky top bar.
  for (let step = 0; step < 12; step++) {
    await page.keyboard.press('Shift+Tab');
    const box = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, inMain: Boolean(element.closest('main')), name: element.getAttribute('aria-label') ?? element.textContent?.slice(0, 40) ?? element.tagName };
    });
    if (!box.inMain) break;
    expect(box.top, `${box.name} is under the top bar`).toBeGreaterThanOrEqual(topbarBottom);
    expect(box.bottom, `${box.name} is below the window`).toBeLessThanOrEqual(860);
  }
});

test('notices: out of the way of the page, held while the pointer is on one, then gone', async ({ app: page }) => {
  await createVault(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const frame = new Frame(page);
  const notices = frame.noticeMessages;
  await page.getByLabel('Lock the vault after this long without activity').selectOption('15');
  await expect(notices).toHaveText(['Auto-lock set to 15 minutes.']);
  await expectOutsideContent(page);
  await keepScreenshot(page, '13-notice');

  // Held while the pointer is on it (a notice lasts 5 seconds)…
  await notices.hover();
  await page.waitForTimeout(6_000);
  await expect(notices).toHaveText(['Auto-lock set to 15 minutes.']);
  // …then gone a few seconds after it leaves.
  await page.mouse.move(900, 400);
  await expect(notices).toHaveCount(0, { timeout: 8_000 });
});

test('notices: Escape dismisses the one with focus (focus goes back to the page), and leaving the page clears them', async ({ app: page }) => {
  await createVault(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const frame = new Frame(page);
  const notices = frame.noticeMessages;
  await page.getByLabel('Lock the vault after this long without activity').selectOption('30');
  await frame.notices.getByRole('button', { name: 'Dismiss this message' }).focus();
  await page.keyboard.press('Escape');
  await expect(notices).toHaveCount(0);
  await expect(frame.main).toBeFocused();

  await page.getByLabel('Lock the vault after this long without activity').selectOption('10');
  await expect(notices).toHaveCount(1);
  await page.getByRole('link', { name: 'Pilots' }).click();
  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();
  await expect(notices).toHaveCount(0);
});

test('notices: a later confirmation does not cut an undo short; both show, and Undo still works', async ({ app: page, bridge }) => {
  await createVault(page);
  const dates = { startDate: '2026-10-01', endDate: '2027-06-30' };
  await seed(bridge.registry, 'pilots.create', { name: 'Round one', ...dates });
  const second = await seed(bridge.registry, 'pilots.create', { name: 'Round two', ...dates });
  await seed(bridge.registry, 'pilots.archive', { id: second.id });
  await page.reload();
  const frame = new Frame(page);
  await page.getByLabel('Show archived pilots').check();
  await page.getByRole('button', { name: 'Archive Round one' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Archive pilot' }).click();
  await page.getByRole('button', { name: 'Restore Round two' }).click();
  await expect(frame.noticeMessages).toHaveText(['“Round one” archived.', '“Round two” restored.']);
  await frame.notices.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Archive Round one' })).toBeVisible();
});

/** Another HTTP server on this machine, reachable from Node: what the page must not reach. */
async function startOutsideServer() {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    // Open to any origin, so only the CSP can be what stops the page.
    const headers = { 'Access-Control-Allow-Origin': '*' };
    if (req.url === '/attack.html') {
      return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Another page on this machine</title><p>Another page');
    }
    if (req.url === '/pixel.png') return void res.writeHead(200, { ...headers, 'Content-Type': 'image/png' }).end(Buffer.from(ONE_PIXEL_PNG, 'base64'));
    if (req.url === '/script.js') return void res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end('window.reached = true;');
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end('{"reached":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

test.describe('the page cannot reach the network', () => {
  let outside: Awaited<ReturnType<typeof startOutsideServer>>;
  test.beforeEach(async ({ expectedConsoleErrors }) => {
    outside = await startOutsideServer();
    // The CSP's own console reports of what it refused (each must appear: they show the blocking).
    const at = (path: string) => literal(`'${outside.origin}${path}'`);
    expectedConsoleErrors.push(
      new RegExp(`(Refused to connect to|Connecting to) ${at('/data.json')}.*connect-src`),
      new RegExp(`Fetch API cannot load ${literal(`${outside.origin}/data.json`)}`),
      new RegExp(`(Refused to load the image|Loading the image) ${at('/pixel.png')}.*img-src`),
      new RegExp(`(Refused to load the script|Loading the script) ${at('/script.js')}.*script-src`),
    );
  });
  test.afterEach(() => outside.close());

  test('a server Node can reach is blocked for the page by its CSP', async ({ app: page }) => {
    // From Node the server answers: it is really there.
    const fromNode = await fetch(`${outside.origin}/data.json`);
    expect(await fromNode.json()).toEqual({ reached: true });
    expect(outside.requests).toEqual(['/data.json']);

    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    const attempts = await page.evaluate(async (origin) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
      const fetched = await fetch(`${origin}/data.json`).then(
        () => 'reached',
        () => 'blocked',
      );
      const load = (element: HTMLImageElement | HTMLScriptElement) =>
        new Promise<string>((resolve) => {
          element.onload = () => resolve('reached');
          element.onerror = () => resolve('blocked');
        });
      const image = new Image();
      const imageLoaded = load(image);
      image.src = `${origin}/pixel.png`;
      const script = document.createElement('script');
      const scriptLoaded = load(script);
      script.src = `${origin}/script.js`;
      document.head.append(script);
      const result = { fetched, image: await imageLoaded, script: await scriptLoaded, reached: 'reached' in window };
      // The events are queued as tasks: let them arrive.
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Each is reported once per policy that forbids it (the response header and the page's meta tag).
      return { ...result, violations: [...new Set(violations)].sort() };
    }, outside.origin);
    expect(attempts).toEqual({
      fetched: 'blocked',
      image: 'blocked',
      script: 'blocked',
      reached: false,
      violations: [`connect-src ${outside.origin}/data.json`, `img-src ${outside.origin}/pixel.png`, `script-src-elem ${outside.origin}/script.js`],
    });
    // Nothing left the page: the server saw only Node's request.
    expect(outside.requests).toEqual(['/data.json']);
  });
});

test('the bridge refuses requests without its token, from other pages, and malformed paths', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  const noToken = await fetch(`${bridge.origin}/`);
  expect(noToken.status).toBe(403);
  const call = await fetch(`${bridge.origin}/__bridge/call/vault.status`, { method: 'POST', body: '{}' });
  expect(call.status).toBe(403);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys(window.api).sort())).toEqual(namespaces);

  // A page on another port of 127.0.0.1 is the same site, so the browser sends the bridge's cookie
  // along: a simple POST from it must still change nothing.
  const outside = await startOutsideServer();
  try {
    const attacker = await page.context().newPage();
    await attacker.goto(`${outside.origin}/attack.html`);
    const status = await attacker.evaluate(async (target) => {
      const response = await fetch(`${target}/__bridge/call/vault.create`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify({ passphrase: 'attacker chosen passphrase' }) });
      return response.type;
    }, bridge.origin);
    expect(status).toBe('opaque');
    await attacker.close();
  } finally {
    await outside.close();
  }
  expect(bridge.session.state()).toBe('absent');
  // The same refusal for headers a browser sends from another origin or site.
  const tokenUrl = (path: string) => `${bridge.origin}${path}?token=${bridge.token}`;
  const post = (headers: Record<string, string>) => fetch(tokenUrl('/__bridge/call/vault.status'), { method: 'POST', headers, body: '{}' });
  expect((await post({ Origin: 'http://127.0.0.1:1' })).status).toBe(403);
  expect((await post({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
  const ours = await post({ Origin: bridge.origin, 'Sec-Fetch-Site': 'same-origin' });
  expect(ours.status).toBe(200);
  expect(await ours.json()).toEqual({ ok: true, value: { state: 'absent' } });
  // The page itself still works: its own calls carry its origin.
  expect(await page.evaluate(async () => (await window.api.vault.status({})).ok)).toBe(true);

  // A malformed %-escape is not found, not a server error.
  expect((await fetch(tokenUrl('/assets/%E0%A4%A.js'))).status).toBe(404);
  expect((await fetch(tokenUrl('/%zz'))).status).toBe(404);
  expect((await fetch(tokenUrl('/__bridge/call/vault.%zz'), { method: 'POST', body: '{}' })).status).toBe(404);
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
    // The unlock screen says why, and the field that takes focus carries it for screen readers.
    await expect(page.getByText('Locked after 1 minute without activity.')).toBeVisible();
    await expect(page.getByLabel('Passphrase')).toHaveAccessibleDescription('Locked after 1 minute without activity.');
    await expectAccessible(page, 'auto-locked unlock screen');
    await keepScreenshot(page, '12-auto-locked');
    // Read once: the address is clean again, so a later reload or lock does not repeat a stale reason.
    expect(new URL(page.url()).searchParams.has('locked')).toBe(false);
    expect(new URL(page.url()).hash).toBe('#/settings');
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });
});

test('an unfinished vault (a database without its key file): both possibilities said, set aside after confirming, then the normal first run', async ({ app: page, bridge }) => {
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  // What an older version left when it was stopped between creating the database and writing the key file.
  const vaultDir = bridge.session.dir;
  mkdirSync(vaultDir, { recursive: true, mode: 0o700 });
  createVaultDatabase(join(vaultDir, 'vault.sqlite'), randomBytes(32)).close();
  await page.reload();

  await expect(page.getByRole('heading', { name: 'An unfinished vault was found' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Creating a vault was interrupted' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A vault you used has lost its key file' })).toBeVisible();
  await expect(page.getByText('Restore vault.keys.json from a backup of the vault folder')).toBeVisible();
  await expect(page.getByRole('row', { name: /vault\.sqlite/ })).toBeVisible();
  await expectAccessible(page, 'unfinished vault');
  await keepScreenshot(page, '14-unfinished-vault');

  // Escape backs out of the confirmation and nothing moves.
  await page.getByRole('button', { name: 'Set it aside and create a new vault' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Set the unfinished vault aside?' });
  await expect(dialog).toContainText('Nothing is deleted');
  await expect(dialog).toContainText('restore vault.keys.json from a backup instead');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'unfinished vault: confirm');
  await keepScreenshot(page, '14b-unfinished-vault-confirm');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(readdirSync(vaultDir)).toEqual(['vault.sqlite']);

  await page.getByRole('button', { name: 'Set it aside and create a new vault' }).click();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Set it aside' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'The unfinished vault was set aside' })).toBeVisible();
  const aside = readdirSync(dirname(vaultDir)).find((name) => name.startsWith(`${basename(vaultDir)}.set-aside-`))!;
  await expect(page.getByRole('main').getByRole('status')).toContainText(join(dirname(vaultDir), aside));
  expect(existsSync(vaultDir)).toBe(false);
  expect(readdirSync(join(dirname(vaultDir), aside))).toEqual(['vault.sqlite']);
  await expectAccessible(page, 'unfinished vault set aside');

  await page.getByRole('button', { name: 'Create a new vault' }).click();
  await createVault(page);
});

test('a damaged vault opens read-only: a warning on every screen, reads work, a save is refused with the reason', async ({ app: page, bridge }) => {
  await createVault(page);
  // Enough audit entries that their table spans many pages; the damage lands on one of them.
  for (let i = 0; i < 150; i++) expect((await bridge.registry.invoke('settings.update', { autoLockMinutes: 10 + (i % 5) })).ok).toBe(true);
  expect((await bridge.registry.invoke('pilots.create', { name: 'Belonging 2026/27', startDate: '2026-10-01', endDate: '2027-06-30' })).ok).toBe(true);
  const pages = bridge.session.db.prepare("SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[];
  expect(pages.length).toBeGreaterThan(3);
  bridge.session.lock();
  const path = join(bridge.session.dir, 'vault.sqlite');
  const bytes = readFileSync(path);
  const page0 = pages[1]!.pageno - 1; // dbstat counts pages from 1
  bytes[page0 * 4096 + 100] = bytes[page0 * 4096 + 100]! ^ 0xff;
  writeFileSync(path, bytes);

  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const banner = page.getByRole('alert', { name: 'The vault is damaged' });
  await expect(banner).toContainText('The vault is damaged, so it is open read-only.');
  await expect(banner).toContainText(bridge.session.dir);
  await expect(new Frame(page).topBar).toContainText('Read-only: the vault is damaged');
  // The pilots are still there to read.
  await expect(page.getByRole('row', { name: /Belonging 2026\/27/ })).toBeVisible();
  await banner.getByText('What the check found').click();
  // The findings point at the one table that was damaged.
  await expect(banner.getByRole('listitem').first()).toBeVisible();
  const findings = await banner.getByRole('listitem').allTextContents();
  for (const finding of findings) expect(finding).toMatch(/^audit_log: /);
  await expectAccessible(page, 'damaged vault');
  await keepScreenshot(page, '15-damaged-vault');

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('alert', { name: 'The vault is damaged' })).toBeVisible();
  const before = readFileSync(path);
  await page.getByLabel('Lock the vault after this long without activity').selectOption('5');
  await expect(new Frame(page).notices).toContainText(/The vault is damaged: .* open read-only/);
  await expectAccessible(page, 'damaged vault: a save refused');
  await keepScreenshot(page, '15b-damaged-vault-save-refused');
  expect(readFileSync(path).equals(before)).toBe(true);
});
