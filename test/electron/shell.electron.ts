import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import { channels } from '../../shared/contract';

/** window.api exposes exactly the contract's namespaces. */
const namespaces = [...new Set(channels.map((c) => c.split('.')[0]!))].sort();
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
if ('missing' in binary) console.log(`Electron shell tests skipped: ${binary.missing}`);

test.describe('Electron shell', () => {
  test.skip('missing' in binary, `Electron binary not available: ${'missing' in binary ? binary.missing : ''}`);

  let app: ElectronApplication;
  let dir: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reciprocal-electron-'));
    app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: ['.'],
      env: { ...process.env, RECIPROCAL_VAULT: join(dir, 'vault'), NODE_ENV: 'production' },
    });
  });
  test.afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('opens one window from app:// with the hardened settings', async () => {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/reciprocal\//);
    const state = await app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      return { windows: windows.length, devTools: windows[0]!.webContents.isDevToolsOpened(), title: windows[0]!.getTitle() };
    });
    expect(state).toEqual({ windows: 1, devTools: false, title: 'Reciprocal' });
    // Sandbox + context isolation: the page sees no Node globals and cannot reach the preload's world.
    expect(await page.evaluate(() => [typeof (globalThis as { Buffer?: unknown }).Buffer, typeof (globalThis as { global?: unknown }).global])).toEqual(['undefined', 'undefined']);
  });

  test('window.api has only the contract, and Node is out of reach', async () => {
    const page = await app.firstWindow();
    const shape = await page.evaluate(() => ({
      api: Object.keys(window.api).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(shape).toEqual({ api: namespaces, require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
    expect(await page.evaluate(async () => (await window.api.vault.status({})).ok)).toBe(true);
  });

  test('new windows, navigation and the network are refused', async () => {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => window.open('https://example.org') === null)).toBe(true);
    const fetched = await page.evaluate(() => fetch('https://example.org').then(() => 'reached', () => 'blocked'));
    expect(fetched).toBe('blocked');
    await page.evaluate(() => {
      location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/reciprocal\//);
    expect(app.windows()).toHaveLength(1);
  });
});
