import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import { AutoLock } from '../core/auto-lock';
import { channels } from '../../shared/contract';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, mimeType, resolveAppPath } from './app-path';
import { devServerUrl, guardWebContents, hardenSession, isDevelopment, isTrustedSender } from './security';
import { applicationMenuTemplate } from './menu';
import { lockOnScreenLockAndSleep } from './lock-triggers';
import { flushPageBeforeLock } from './flush-before-lock';
import { saveBeforeQuitting } from './save-before-quit';
import { urlAfterLock } from '../../shared/auto-lock/lock-notice';
import { isRecordingRequest, serveRecording } from './audio-protocol';

// Must run before 'ready': app:// behaves like https (standard, secure), never bypasses CSP;
// `stream` lets <audio> play recordings from it by range (audio-protocol.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same vault twice.
  app.quit();
} else {
  void start();
}

let mainWindow: BrowserWindow | undefined;
/** When the page last sent a chunk of a recording (recordings.append): keeps the idle lock off while one runs. */
let lastRecordingChunkAt = 0;
const here = dirname(fileURLToPath(import.meta.url));

/** The window's page while it exists: a destroyed window throws on every property, webContents included. */
const page = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : undefined);

/**
 * Where the SQLCipher module built for Electron is (core/db/native-binding.ts): beside the app's
 * resources when packaged (electron-builder.yml extraResources), else `native/` in the checkout,
 * filled by `npm run prepare:electron`.
 */
const nativeModuleRoot = () => (app.isPackaged ? join(process.resourcesPath, 'native') : join(app.getAppPath(), 'native'));

async function start(): Promise<void> {
  app.enableSandbox();
  guardWebContents();
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  await app.whenReady();
  hardenSession();

  const vaultDir = process.env.RECIPROCAL_VAULT ?? join(app.getPath('userData'), 'vault');
  let core: ReturnType<typeof createCore>;
  try {
    core = createCore(vaultDir, {
      nativeModuleRoots: [nativeModuleRoot()],
      // Exports go only where the coordinator points, through the system's own folder dialog.
      host: {
        chooseExportFolder: async (purpose) => {
          const options = { title: purpose, buttonLabel: 'Export here', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
          const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
          return result.canceled ? undefined : result.filePaths[0];
        },
        chooseBackupFile: async (purpose) => {
          const options = { title: purpose, buttonLabel: 'Restore', properties: ['openFile'] as 'openFile'[], filters: [{ name: 'Reciprocal backup', extensions: ['reciprocal-backup'] }] };
          const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
          return result.canceled ? undefined : result.filePaths[0];
        },
      },
    });
  } catch (error) {
    // Without its SQLCipher module the app could open no vault: say what to do and stop, before any window.
    dialog.showErrorBox('Reciprocal cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const { session, registry } = core;
  serveRenderer(session);
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ platform: process.platform, development: isDevelopment })));
  registerIpc(registry);

  // A recording in progress is activity: an interview can run an hour without a key being touched.
  const autoLock = new AutoLock(session, { idleSeconds: () => Math.min(powerMonitor.getSystemIdleTime(), (Date.now() - lastRecordingChunkAt) / 1000) });
  autoLock.start();
  // Locking an already locked vault does nothing, so repeated 'locked' polls are harmless.
  // The page first saves what is being typed (a log inside its typing pause), then the vault locks.
  lockOnScreenLockAndSleep(powerMonitor, (reason) => {
    if (!session.isUnlocked) return;
    void flushPageBeforeLock(page()).then(() => autoLock.lockNow(reason));
  });
  // Locking drops every decrypted value the page holds: reload to the unlock screen, on the same
  // screen (hash), with the reason in the address so the unlock screen can say why it locked.
  session.onLock((reason) => {
    const contents = page();
    if (!contents || contents.isDestroyed() || reason === 'shutdown') return;
    const current = contents.getURL();
    // Before the first page has loaded there is no address to carry a reason in: a plain reload will do.
    const next = URL.canParse(current) ? urlAfterLock(current, reason, reason === 'idle' ? powerMonitor.getSystemIdleTime() : undefined) : current;
    if (next === current) contents.reload();
    else void contents.loadURL(next);
  });
  // Quitting (or closing the window) saves what is being typed first, then locks, then quits.
  const quitting = saveBeforeQuitting(app, {
    needsSaving: () => session.isUnlocked,
    save: () => flushPageBeforeLock(page()),
    lock: () => session.lock('shutdown'),
  });

  mainWindow = createWindow();
  quitting.guardWindow(mainWindow);
  app.on('window-all-closed', () => app.quit());
}

function serveRenderer(session: ReturnType<typeof createCore>['session']): void {
  const root = join(here, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    if (isRecordingRequest(request.url)) return serveRecording(session, request);
    const path = resolveAppPath(root, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    // Read directly: a net.fetch of file:// would itself be cancelled by the no-network rule.
    const body = await readFile(path).catch(() => undefined);
    if (!body) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(body), {
      headers: { 'Content-Type': mimeType(path), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

function registerIpc(registry: ReturnType<typeof createCore>['registry']): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, page())) {
        return { ok: false, error: { code: 'INTERNAL', message: 'Refused: the request did not come from the app window.' } };
      }
      if (channel === 'recordings.append') lastRecordingChunkAt = Date.now();
      return registry.invoke(channel, input, 'coordinator');
    });
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Reciprocal',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      // Justified: the preload exposes only the contract's methods through contextBridge (no ipcRenderer, no Node).
      preload: join(here, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows; there are none to open.
      disableBlinkFeatures: 'Auxclick',
      devTools: isDevelopment,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
