import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { channels, type Envelope } from '../../shared/contract';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../electron/main/app-path';
import { NATIVE_MODULE_FILE, NATIVE_STAMP_FILE, PREPARE_COMMAND, nativeFolderName, type NativeBuildStamp } from '../../electron/core/db/native-binding';
import { MainProcess, PRELOAD_BUNDLE, RENDERER_INDEX, assertBuilt } from './main-process';
import { toneWav } from '../../electron/core/demo/tone-wav';

/**
 * A start-up smoke test of OUR main-process wiring, not of Electron: the built out/main/index.js
 * runs under plain Node with a stand-in for the `electron` module (test/smoke/electron-stub) and is
 * driven through ready, the window, the app:// protocol, IPC registration, a real vault created and
 * unlocked through the registered handlers, and a quit. The real shell is tested by
 * test/electron (Playwright _electron) wherever the Electron binary is installed.
 */

const PASSPHRASE = 'lantern orbit pebble wisdom';
const ELECTRON_VERSION = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
const ELECTRON_ABI = readFileSync('node_modules/electron/abi_version', 'utf8').trim();
const NODE_BUILD = resolve('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');

const state = (reply: Envelope<{ state: string }>) => (reply.ok ? reply.value.state : reply.error.code);

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'reciprocal-smoke-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built main process under plain Node (Node build of SQLCipher)', () => {
  let main: MainProcess;
  beforeAll(async () => {
    main = await MainProcess.start({ RECIPROCAL_VAULT: join(dir, 'plain', 'vault') });
  });
  afterAll(() => main?.stop());

  it('before ready: one instance, sandbox on, app:// registered as a standard secure scheme, nothing else yet', async () => {
    const report = await main.report();
    expect(report.calls).toEqual(['protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock', 'app.enableSandbox', 'app.whenReady']);
    expect(report.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    expect(report.windows).toEqual([]);
  });

  it('on ready: hardens the session, opens one hardened window on app://, sets the menu', async () => {
    await main.send('ready');
    const report = await main.report();
    expect(report.errorBoxes).toEqual([]);
    expect(report.exitCode).toBeNull();
    expect(report.menuSet).toBe(true);
    expect(report.powerMonitorEvents.sort()).toEqual(['lock-screen', 'suspend']); // the vault locks on both
    expect(report.windows).toHaveLength(1);
    const [window] = report.windows;
    expect(window!.url).toBe(`${APP_ORIGIN}/index.html`);
    expect(window!.shown).toBe(true); // shown once the page is ready, not before
    const prefs = window!.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, webSecurity: true, devTools: false });
    expect(prefs.preload).toBe(PRELOAD_BUNDLE);
    expect(existsSync(prefs.preload as string)).toBe(true);
    // The session was hardened before the window existed.
    expect(report.calls.indexOf('session.setPermissionRequestHandler')).toBeLessThan(report.calls.indexOf('new BrowserWindow'));
  });

  it('denies permissions, cancels requests that leave app://, and keeps the window from navigating away', async () => {
    expect(await main.send('permission', 'media')).toEqual({ granted: false, checked: false });
    expect(await main.send('permission', 'geolocation')).toEqual({ granted: false, checked: false });
    // The microphone: only audio, only our page, only while the recording screen asks.
    const page = `${APP_ORIGIN}/index.html`;
    expect(await main.send('microphone', ['audio'], page, true)).toBe(true);
    expect(await main.send('microphone', ['audio'], page, false)).toBe(false);
    expect(await main.send('microphone', ['audio', 'video'], page, true)).toBe(false);
    expect(await main.send('microphone', ['audio'], 'https://example.com/', true)).toBe(false);
    expect(await main.send('request', 'https://example.com/tracker.js')).toEqual({ cancel: true });
    expect(await main.send('request', `${APP_ORIGIN}/assets/index.js`)).toEqual({ cancel: false });
    expect(await main.send('navigate', 'https://example.com/')).toEqual({ navigationPrevented: true, windowOpen: 'deny' });
  });

  it('serves the built renderer over app:// with the content security policy, and nothing outside it', async () => {
    const page = await main.send<{ status: number; headers: Record<string, string>; body: string }>('fetch', `${APP_ORIGIN}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).toBe(readFileSync(RENDERER_INDEX, 'utf8'));
    expect((await main.send<{ status: number }>('fetch', `${APP_ORIGIN}/..%2fmain/index.js`)).status).toBe(404);
  });

  it('registers exactly one IPC handler per contract channel', async () => {
    const report = await main.report();
    expect([...report.ipcChannels].sort()).toEqual([...channels].sort());
  });

  it('creates, locks and unlocks a real vault through the registered handlers, and refuses other senders', async () => {
    expect(state(await main.send('invoke', 'vault.status', {}))).toBe('absent');
    const created = await main.send<Envelope<{ recoveryKey: string }>>('invoke', 'vault.create', { passphrase: PASSPHRASE });
    expect(created.ok).toBe(true);
    expect(existsSync(join(dir, 'plain', 'vault', 'vault.sqlite'))).toBe(true);
    expect(await main.send('invoke', 'vault.lock', {})).toEqual({ ok: true, value: null });
    expect(state(await main.send('invoke', 'vault.status', {}))).toBe('locked');

    const refused = await main.send<Envelope<null>>('invoke', 'vault.unlock', { passphrase: PASSPHRASE }, 'another frame');
    expect(refused).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('did not come from the app window') } });
    expect(await main.send('invoke', 'vault.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: null });
    expect(state(await main.send('invoke', 'vault.status', {}))).toBe('unlocked');
  });

  it('plays an interview recording over app:// from the encrypted store, by range, and nothing once locked', async () => {
    const call = async <T,>(channel: string, input: unknown): Promise<T> => {
      const reply = await main.send<Envelope<T>>('invoke', channel, input);
      if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
      return reply.value;
    };
    const pilot = await call<{ id: number }>('pilots.create', { name: 'Smoke pilot', startDate: '2026-10-01', endDate: '2027-06-30' });
    const person = await call<{ id: number }>('participants.create', { pilotId: pilot.id, participant: { name: 'Amara Nwosu', email: 'amara@example.ac.uk', role: 'mentor', department: 'Law' } });
    const form = await call<{ id: number }>('consentForms.create', { pilotId: pilot.id, form: { version: '1', datedOn: '2026-09-01', text: 'Taking part in the pilot' } });
    await call('consent.record', { participantId: person.id, formId: form.id, givenOn: '2026-10-05', choices: { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: true, archiving: true } });
    const robin = await call<{ id: number }>('interviews.addInterviewer', { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
    const interview = await call<{ id: number }>('interviews.schedule', { pilotId: pilot.id, participantId: person.id, interviewerId: robin.id, scheduledOn: '2027-06-10', startsAt: '14:00', place: 'Room 2.14', onlineLink: '' });
    await call('interviews.checkConsent', { interviewId: interview.id });
    const wav = toneWav(2);
    const recording = await call<{ id: number }>('recordings.import', { interviewId: interview.id, fileName: 'dictaphone.wav', bytesBase64: Buffer.from(wav).toString('base64') });

    const url = `${APP_ORIGIN}/recordings/${recording.id}`;
    const part = await main.send<{ status: number; headers: Record<string, string>; bodyBase64: string }>('fetch', url, { Range: 'bytes=0-99' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${wav.length}`);
    expect(part.headers['content-type']).toBe('audio/wav');
    expect(Buffer.from(part.bodyBase64, 'base64').equals(Buffer.from(wav).subarray(0, 100))).toBe(true);
    expect((await main.send<{ status: number }>('fetch', `${APP_ORIGIN}/recordings/999999`)).status).toBe(404);

    expect(await main.send('invoke', 'vault.lock', {})).toEqual({ ok: true, value: null });
    expect((await main.send<{ status: number }>('fetch', url)).status).toBe(404);
    expect(await main.send('invoke', 'vault.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: null });
  });

  it('on quit, asks the page to save first, locks only after it has, then quits', async () => {
    await main.send('probeVaultOnQuit');
    await main.send('holdPageFlush');
    await main.send('quit');
    await vi.waitFor(async () => expect((await main.report()).events.length).toBeGreaterThan(0));
    await main.send('settleProbes');
    let report = await main.report();
    // The page is still saving: the quit waits, the vault is still open.
    const flushes = report.pageScripts.filter((code) => code.includes('Flush'));
    expect(flushes).toEqual(['window.__reciprocalFlushPendingSaves?.()']);
    expect(report.events).toEqual([{ event: 'before-quit', prevented: true, vault: 'unlocked' }]);
    expect(report.quitCompleted).toBe(false);

    await main.send('releasePageFlush');
    await main.send('waitForQuit');
    await main.send('settleProbes');
    report = await main.report();
    // Saved, then locked, then the repeated quit went straight through: no second save, no loop.
    expect(report.events).toEqual([
      { event: 'before-quit', prevented: true, vault: 'unlocked' },
      { event: 'before-quit', prevented: false, vault: 'locked' },
      { event: 'close', prevented: false, vault: 'locked' },
      { event: 'will-quit', prevented: false, vault: null },
      { event: 'quit', prevented: false, vault: null },
    ]);
    expect(report.pageScripts.filter((code) => code.includes('Flush'))).toHaveLength(1);
    expect(main.printed).not.toContain('Locking the vault before quitting failed');
  });
});

describe('the built main process as Electron would run it (Electron build of SQLCipher chosen by nativeBinding)', () => {
  const electronEnv = (appPath: string) => ({ STUB_ELECTRON_VERSION: ELECTRON_VERSION, STUB_ELECTRON_ABI: ELECTRON_ABI, STUB_APP_PATH: appPath });

  it('without the prepared module: says what to run, and stops before opening a window', async () => {
    const appPath = join(dir, 'unprepared-app');
    mkdirSync(appPath);
    const main = await MainProcess.start({ RECIPROCAL_VAULT: join(dir, 'unprepared', 'vault'), ...electronEnv(appPath) });
    try {
      await main.send('ready');
      const report = await main.report();
      expect(report.windows).toEqual([]);
      expect(report.exitCode).toBe(1);
      expect(report.errorBoxes).toHaveLength(1);
      const { content } = report.errorBoxes[0]!;
      expect(content).toContain(`The SQLCipher module for Electron ${ELECTRON_VERSION} (ABI ${ELECTRON_ABI})`);
      expect(content).toContain(join(appPath, 'native', nativeFolderName(process.platform, process.arch), NATIVE_MODULE_FILE));
      expect(content).toContain(PREPARE_COMMAND);
    } finally {
      main.stop();
    }
  });

  it("loads SQLCipher from the app's native folder, not from node_modules", async () => {
    // A copy of the Node build stands in for the Electron one (this runtime is Node); the stamp says what Electron expects.
    const appPath = join(dir, 'prepared-app');
    const folder = join(appPath, 'native', nativeFolderName(process.platform, process.arch));
    mkdirSync(folder, { recursive: true });
    copyFileSync(NODE_BUILD, join(folder, NATIVE_MODULE_FILE));
    const moduleVersion = (JSON.parse(readFileSync('node_modules/better-sqlite3-multiple-ciphers/package.json', 'utf8')) as { version: string }).version;
    const stamp: NativeBuildStamp = { electron: ELECTRON_VERSION, abi: ELECTRON_ABI, platform: process.platform, arch: process.arch, module: moduleVersion, source: 'compiled', sha256: 'stand-in' };
    writeFileSync(join(folder, NATIVE_STAMP_FILE), JSON.stringify(stamp));

    const main = await MainProcess.start({ RECIPROCAL_VAULT: join(dir, 'prepared', 'vault'), ...electronEnv(appPath) });
    try {
      await main.send('ready');
      expect((await main.report()).errorBoxes).toEqual([]);
      expect((await main.send<Envelope<unknown>>('invoke', 'vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
      expect((await main.send<Envelope<unknown>>('invoke', 'vault.lock', {})).ok).toBe(true);
      expect(await main.send('invoke', 'vault.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: null });
      expect(await main.send('sqlcipherModules')).toEqual([join(folder, NATIVE_MODULE_FILE)]);
    } finally {
      main.stop();
    }
  });
});
