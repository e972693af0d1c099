import { test as base, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBridge } from '../bridge/server';
import { TEST_SCRYPT } from '../helpers/vault';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';

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

/* ---- helpers the screens' tests share ------------------------------------------------------- */

/** Sets up what a test is not about straight through the core the bridge serves (same vault, same session). */
export async function seed<C extends Channel>(registry: Bridge['registry'], channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await registry.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date as YYYY-MM-DD, `offset` days from today: the bridge dates milestones and meetings by this laptop's zone and clock. */
export function isoDay(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The academic year under way (from October), for a pilot that is running now. */
export function currentAcademicYear() {
  const now = new Date();
  const year = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return { startDate: `${year}-10-01`, endDate: `${year + 1}-06-30` };
}

/** Opens a screen by its route (the app routes by the URL hash). */
export async function goTo(page: Page, path: string) {
  await page.evaluate((hash) => (window.location.hash = hash), `#${path}`);
}

/** A confirmation or failure in the notices area (a status region named "Messages"). */
export const notice = (page: Page, text: string | RegExp) => page.getByRole('status', { name: 'Messages' }).getByText(text);

/** Presses Tab (or Shift+Tab) until the element is focused: the keyboard-only path never clicks. */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target.toString()} by ${backwards ? 'Shift+Tab' : 'Tab'}`);
}
