import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/app-path';
import { findElectronBinary } from './electron-binary';

/** window.api exposes exactly the contract's namespaces. */
const namespaces = [...new Set(channels.map((c) => c.split('.')[0]!))].sort();

const binary = findElectronBinary();
if ('missing' in binary) console.log(`Electron shell tests skipped: ${binary.missing}`);

test.describe('Electron shell', () => {
  test.skip('missing' in binary, `Electron binary not available: ${'missing' in binary ? binary.missing : ''}`);

  let app: ElectronApplication;
  let dir: string;
  let env: Record<string, string>;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reciprocal-electron-'));
    const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
    env = { ...Object.fromEntries(inherited), RECIPROCAL_VAULT: join(dir, 'vault'), NODE_ENV: 'production' };
    app = await electron.launch({ executablePath: (binary as { path: string }).path, args: ['.'], env });
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

  test('the window runs isolated, sandboxed, without Node or webviews', async () => {
    await app.firstWindow();
    // getLastWebPreferences is on every WebContents at runtime but not in Electron's typings.
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      if (typeof contents.getLastWebPreferences !== 'function') return 'getLastWebPreferences is missing';
      const p = contents.getLastWebPreferences();
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames, webviewTag: p.webviewTag, webSecurity: p.webSecurity, devTools: p.devTools };
    });
    expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, devTools: false });
  });

  test('every permission the page asks for is denied', async () => {
    const page = await app.firstWindow();
    const answers = await page.evaluate(async () => ({
      notifications: await Notification.requestPermission(),
      geolocation: await new Promise<string>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (error) => resolve(error.code === error.PERMISSION_DENIED ? 'denied' : `error ${error.code}`),
        ),
      ),
      microphone: await navigator.mediaDevices.getUserMedia({ audio: true }).then(
        () => 'granted',
        (error: Error) => error.name,
      ),
      query: (await navigator.permissions.query({ name: 'geolocation' })).state,
    }));
    expect(answers).toEqual({ notifications: 'denied', geolocation: 'denied', microphone: 'NotAllowedError', query: 'denied' });
  });

  test('app:// answers with the CSP and refuses paths outside the renderer', async () => {
    const page = await app.firstWindow();
    // Through the real protocol handler: the page's own fetch of app:// URLs.
    const responses = await page.evaluate(async () => {
      const index = await fetch('/index.html');
      const escape = await fetch('/..%2f..%2fpackage.json');
      const escapeEncoded = await fetch('/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json');
      return { csp: index.headers.get('content-security-policy'), nosniff: index.headers.get('x-content-type-options'), escape: escape.status, escapeEncoded: escapeEncoded.status };
    });
    expect(responses).toEqual({ csp: CONTENT_SECURITY_POLICY, nosniff: 'nosniff', escape: 404, escapeEncoded: 404 });
  });

  test('the application menu has no DevTools, Reload or web links', async () => {
    const items = await app.evaluate(({ Menu }) => {
      const collect = (menu: Electron.Menu | null): string[] => (menu?.items ?? []).flatMap((item) => [item.role ?? item.label, ...collect(item.submenu ?? null)]);
      return collect(Menu.getApplicationMenu());
    });
    expect(items.map((i) => i.toLowerCase())).toEqual(expect.arrayContaining(['editmenu', 'windowmenu']));
    for (const banned of ['toggledevtools', 'reload', 'forcereload', 'help']) expect(items.map((i) => i.toLowerCase())).not.toContain(banned);
  });

  test('a second copy of the app quits at once and leaves the first one as it was', async () => {
    const second = spawn((binary as { path: string }).path, ['.'], { env, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the second instance did not quit within 15 s')), 15_000);
      second.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(0);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
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
