// Child process of the smoke test: loads the BUILT main process (out/main/index.js) under plain Node,
// with 'electron' resolved to the stand-in (started with `--import ./electron-stub/register.mjs`),
// then does what the test asks over the IPC channel and answers with plain data.
import { __stub as electron, app, powerMonitor } from 'electron';
import { pathToFileURL } from 'node:url';

const bundle = process.env.MAIN_BUNDLE;
if (!bundle) throw new Error('MAIN_BUNDLE is not set');

const until = async (what, condition, timeoutMs = 10_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const mainWindow = () => electron.windows[0];
const cancellable = () => ({ defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } });

/** An IPC call as the renderer would make it: from the window's own top frame, or from some other frame. */
function invoke(channel, input, from = 'window') {
  const handler = electron.ipcHandlers.get(channel);
  if (!handler) throw new Error(`No IPC handler for ${channel}`);
  const senderFrame = from === 'window' ? mainWindow().contents.mainFrame : { url: 'app://reciprocal/index.html' };
  return handler({ senderFrame }, input);
}

let releaseFlush;

const commands = {
  /** Fires 'ready' and waits until start-up has created the window (or given up). */
  async ready() {
    electron.emitReady();
    await until('a window or an exit after ready', () => electron.windows.length > 0 || electron.exitCode !== undefined);
    await new Promise((resolve) => setImmediate(resolve));
  },
  report() {
    const window = mainWindow();
    return {
      calls: electron.calls,
      privilegedSchemes: electron.privilegedSchemes,
      protocols: [...electron.protocolHandlers.keys()],
      ipcChannels: [...electron.ipcHandlers.keys()],
      menuSet: electron.menu !== undefined,
      powerMonitorEvents: powerMonitor.eventNames(),
      errorBoxes: electron.errorBoxes,
      exitCode: electron.exitCode ?? null,
      quitCompleted: electron.quitCompleted,
      events: electron.events.map(({ event, prevented, vault }) => ({ event, prevented, vault: vault ?? null })),
      windows: electron.windows.map((w) => ({ options: w.options, url: w.contents.url, shown: w.shown, destroyed: w.destroyed })),
      pageScripts: window ? window.contents.scripts : [],
    };
  },
  /** A request to the app:// protocol handler, as Chromium would make it. */
  async fetch(url, headers = {}) {
    const handler = electron.protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`No protocol handler for ${url}`);
    const response = await handler(new Request(url, { headers }));
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: Object.fromEntries(response.headers), body: bytes.toString('utf8'), bodyBase64: bytes.toString('base64') };
  },
  invoke,
  /** Whether the session lets the page ask for a permission, and whether a request to `url` is cancelled. */
  permission(name) {
    let granted;
    electron.session.permissionRequest(mainWindow().contents, name, (answer) => (granted = answer), {});
    return { granted, checked: electron.session.permissionCheck(mainWindow().contents, name, 'app://reciprocal', {}) };
  },
  /** A getUserMedia request from the page (as Electron details it), with the recording screen asking or not. */
  async microphone(mediaTypes, requestingUrl, screenAsks) {
    electron.pageAnswer = (code) => (code.includes('__reciprocalMicrophoneWanted') ? screenAsks : undefined);
    try {
      return await new Promise((resolve) => electron.session.permissionRequest(mainWindow().contents, 'media', resolve, { requestingUrl, isMainFrame: true, mediaTypes }));
    } finally {
      electron.pageAnswer = undefined;
    }
  },
  request(url) {
    let cancel;
    electron.session.beforeRequest({ url }, (answer) => (cancel = answer.cancel));
    return { cancel };
  },
  /** What the window's guards do with a navigation and a window.open to `url`. */
  navigate(url) {
    const contents = mainWindow().contents;
    const event = cancellable();
    contents.emit('will-navigate', event, url);
    return { navigationPrevented: event.defaultPrevented, windowOpen: contents.windowOpenHandler({ url }).action };
  },
  /** Holds the page's answer to executeJavaScript (its pending saves) until releasePageFlush. */
  holdPageFlush() {
    electron.pageFlushGate = new Promise((resolve) => (releaseFlush = resolve));
  },
  releasePageFlush() {
    releaseFlush?.();
    electron.pageFlushGate = undefined;
  },
  /** Records the vault's state (asked through IPC, from the window) as each quit event is emitted. */
  probeVaultOnQuit() {
    electron.onEvent = (name) => {
      if (name !== 'before-quit' && name !== 'close') return undefined;
      return invoke('vault.status', {}).then((reply) => (reply.ok ? reply.value.state : reply.error.code));
    };
  },
  async settleProbes() {
    for (const entry of electron.events) entry.vault = await entry.probe;
  },
  quit() {
    // Like the menu's Quit: the call returns at once, whatever main does with before-quit.
    setImmediate(() => app.quit());
  },
  async waitForQuit() {
    await until('the quit to complete', () => electron.quitCompleted);
  },
  /** The SQLCipher modules this process has loaded (Node's diagnostic report lists every shared object). */
  sqlcipherModules() {
    return process.report.getReport().sharedObjects.filter((path) => path.includes('better_sqlite3'));
  },
};

process.on('message', async ({ id, command, args }) => {
  try {
    const value = await commands[command](...(args ?? []));
    process.send({ id, ok: true, value: value ?? null });
  } catch (error) {
    process.send({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

await import(pathToFileURL(bundle).href);
process.send({ loaded: true });
