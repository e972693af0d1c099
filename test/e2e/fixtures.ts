import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBridge } from '../bridge/server';
import { TEST_SCRYPT } from '../helpers/vault';

export const PASSPHRASE = 'lantern orbit pebble wisdom';
const screenshotDir = resolve('test/artifacts/screens');

type Bridge = Awaited<ReturnType<typeof startBridge>> & { exportDir: string };

/** Each test gets a fresh vault folder and its own bridge, so tests never share state. */
export const test = base.extend<{ bridge: Bridge; app: Page; minuteMs: number; expectedConsoleErrors: RegExp[] }>({
  minuteMs: [60_000, { option: true }],
  /** Console errors a test provokes on purpose (e.g. a request the CSP must block): each must then appear. */
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object; this one has none.
  expectedConsoleErrors: async ({}, use) => use([]),
  bridge: async ({ minuteMs }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'reciprocal-e2e-'));
    mkdirSync(join(dir, 'exports'));
    const bridge = await startBridge({ vaultDir: join(dir, 'vault'), exportDir: join(dir, 'exports'), staticDir: resolve(process.env.RECIPROCAL_OUT ?? 'out', 'renderer'), scrypt: TEST_SCRYPT, minuteMs });
    await use({ ...bridge, exportDir: join(dir, 'exports') });
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ page, bridge, expectedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(bridge.url);
    await use(page);
    // A CSP violation or an uncaught error in the page is a bug even if the path worked.
    const unexpected = problems.filter((p) => !p.includes('net::ERR_') && !p.includes('Failed to load resource') && !expectedConsoleErrors.some((e) => e.test(p)));
    expect(unexpected).toEqual([]);
    for (const expected of expectedConsoleErrors) expect(problems.some((p) => expected.test(p)), `console error matching ${expected}`).toBe(true);
  },
});
export { expect };

/** Scans the current screen with axe-core (WCAG 2.2 A/AA) and fails on any violation. */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `accessibility violations on ${screen}`).toEqual([]);
}

/** Keeps a screenshot of a screen as a test artifact (not committed). */
export async function keepScreenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  // From the top: a full-page capture of a scrolled page draws the sticky top bar and sidebar mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

export async function createVault(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  const key = (await page.getByTestId('recovery-key').textContent())!.trim();
  await page.getByLabel('I have stored the recovery key somewhere safe').check();
  await page.getByLabel('Type the last group of the key to confirm').fill(key.split('-').at(-1)!);
  await page.getByRole('button', { name: 'Continue to Reciprocal' }).click();
  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();
  return key;
}
