// A small stand-in for the `electron` module, so the BUILT main process (out/main/index.js) can be
// started under plain Node by the smoke test. It is a check of OUR wiring (what main calls, in what
// order, with what settings), not of Electron: it provides only the APIs main uses, with the rules
// Electron itself enforces where a mistake would matter (ready before windows and protocol handlers,
// sandbox and schemes before ready, one IPC handler per channel, destroyed windows throw). Anything
// else main reaches for fails loudly: an unknown property throws, an unknown export fails to link.
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';

// Pretend to be Electron, for the runs that drive the Electron-only path (choosing the SQLCipher module).
if (process.env.STUB_ELECTRON_VERSION) {
  process.versions.electron = process.env.STUB_ELECTRON_VERSION;
  Object.defineProperty(process.versions, 'modules', { value: process.env.STUB_ELECTRON_ABI, enumerable: true });
}

/** What the driver (test/smoke/run-main.mjs) reads and steers; not part of Electron's API. */
export const __stub = {
  ready: false,
  /** Every API call main made, in order, as 'module.method'. */
  calls: [],
  /** Cancellable events (before-quit, close, will-quit, quit) in order, with whether main prevented them. */
  events: [],
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  menu: undefined,
  errorBoxes: [],
  exitCode: undefined,
  quitCompleted: false,
  session: { permissionRequest: undefined, permissionCheck: undefined, beforeRequest: undefined, headersReceived: undefined },
  /** The page's flush (executeJavaScript) waits for this while set: lets a test look at the app mid-quit. */
  pageFlushGate: undefined,
  /** What the page answers to a script (code => value), where a test says; undefined otherwise. */
  pageAnswer: undefined,
  /** Called as each cancellable event is emitted (the driver records the vault's state there). */
  onEvent: undefined,
  emitReady() {
    this.ready = true;
    resolveReady();
    app.emit('ready', cancellable());
  },
};

const record = (api) => __stub.calls.push(api);

let resolveReady;
const readyPromise = new Promise((done) => (resolveReady = done));

function cancellable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** Emits a cancellable event on `target` and logs it; returns whether main let it go ahead. */
function emitCancellable(target, name, ...args) {
  const event = cancellable();
  const entry = { event: name, probe: __stub.onEvent?.(name) };
  target.emit(name, event, ...args);
  entry.prevented = event.defaultPrevented;
  __stub.events.push(entry);
  return !event.defaultPrevented;
}

/** Wraps an object so that main touching anything the stand-in lacks (or a destroyed window) throws. */
function strict(name, target) {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return Reflect.get(object, key, receiver);
      if (object.destroyed && key !== 'isDestroyed') throw new TypeError(`Object has been destroyed (${name}.${key})`);
      if (!(key in object)) {
        throw new TypeError(`The electron stand-in has no ${name}.${key}. If main now uses it, add it to test/smoke/electron-stub/electron.mjs with Electron's real behaviour.`);
      }
      return Reflect.get(object, key, receiver);
    },
  });
}

class AppStub extends EventEmitter {
  isPackaged = false;

  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  enableSandbox() {
    record('app.enableSandbox');
    if (__stub.ready) throw new Error('app.enableSandbox() can only be called before the app is ready');
  }
  whenReady() {
    record('app.whenReady');
    return readyPromise;
  }
  getAppPath() {
    record('app.getAppPath');
    return process.env.STUB_APP_PATH ?? resolve('.');
  }
  getPath(name) {
    record(`app.getPath`);
    throw new Error(`app.getPath('${name}') was called, but the smoke test sets RECIPROCAL_VAULT: main should use it and touch no real app-data folder.`);
  }
  /** Electron's order: before-quit, then every window's close, then will-quit, then quit; each of the first three can be prevented. */
  quit() {
    record('app.quit');
    if (!emitCancellable(this, 'before-quit')) return;
    for (const window of __stub.windows.filter((w) => !w.destroyed)) {
      if (!emitCancellable(window, 'close')) return;
      window.destroy();
    }
    if (!emitCancellable(this, 'will-quit')) return;
    __stub.quitCompleted = true;
    emitCancellable(this, 'quit');
  }
  exit(code) {
    record('app.exit');
    __stub.exitCode = code;
  }
}

class WebContentsStub extends EventEmitter {
  destroyed = false;
  url = '';
  mainFrame = { url: '' };
  windowOpenHandler = undefined;
  /** Scripts main ran in the page, in order. */
  scripts = [];

  loadURL(url) {
    record('webContents.loadURL');
    this.url = url;
    this.mainFrame.url = url;
    return Promise.resolve();
  }
  getURL() {
    return this.url;
  }
  reload() {
    record('webContents.reload');
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler) {
    record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
  async executeJavaScript(code) {
    record('webContents.executeJavaScript');
    this.scripts.push(code);
    await __stub.pageFlushGate;
    // The page's answer where a test set one (e.g. whether the recording screen wants the microphone).
    return __stub.pageAnswer?.(code);
  }
}

// Methods reach the window itself through `target`: `this` is the strict proxy main holds, which throws once destroyed.
class BrowserWindowStub extends EventEmitter {
  destroyed = false;
  shown = false;
  options;
  contents;
  contentsProxy;
  target = this;

  constructor(options) {
    super();
    record('new BrowserWindow');
    if (!__stub.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    this.contents = new WebContentsStub();
    this.contentsProxy = strict('webContents', this.contents);
    __stub.windows.push(this);
    // Electron announces every new web contents; main's guards attach there.
    app.emit('web-contents-created', cancellable(), this.contentsProxy);
    return strict('BrowserWindow', this);
  }
  get webContents() {
    return this.contentsProxy;
  }
  loadURL(url) {
    record('BrowserWindow.loadURL');
    const self = this.target;
    return self.contents.loadURL(url).then(() => setImmediate(() => self.destroyed || self.emit('ready-to-show')));
  }
  show() {
    record('BrowserWindow.show');
    this.shown = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  /** The close button: 'close' can be prevented; the last window closed (outside a quit) emits window-all-closed. */
  close() {
    record('BrowserWindow.close');
    const self = this.target;
    if (!emitCancellable(self, 'close')) return;
    self.destroy();
    if (__stub.windows.every((w) => w.destroyed)) app.emit('window-all-closed');
  }
  destroy() {
    const self = this.target;
    self.destroyed = true;
    self.contents.destroyed = true;
    self.emit('closed');
  }
}

export const app = strict('app', new AppStub());
export const BrowserWindow = BrowserWindowStub;

export const protocol = strict('protocol', {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged');
    if (__stub.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    __stub.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    record('protocol.handle');
    if (!__stub.ready) throw new Error('protocol.handle can only be used after app is ready');
    if (__stub.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    __stub.protocolHandlers.set(scheme, handler);
  },
});

const webRequest = strict('session.webRequest', {
  onBeforeRequest(listener) {
    record('session.webRequest.onBeforeRequest');
    __stub.session.beforeRequest = listener;
  },
  onHeadersReceived(listener) {
    record('session.webRequest.onHeadersReceived');
    __stub.session.headersReceived = listener;
  },
});

export const session = strict('session', {
  defaultSession: strict('session.defaultSession', {
    webRequest,
    setPermissionRequestHandler(handler) {
      record('session.setPermissionRequestHandler');
      __stub.session.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler) {
      record('session.setPermissionCheckHandler');
      __stub.session.permissionCheck = handler;
    },
    setDevicePermissionHandler() {
      record('session.setDevicePermissionHandler');
    },
    setDisplayMediaRequestHandler() {
      record('session.setDisplayMediaRequestHandler');
    },
    setSpellCheckerDictionaryDownloadURL() {
      record('session.setSpellCheckerDictionaryDownloadURL');
    },
  }),
});

export const ipcMain = strict('ipcMain', {
  handle(channel, handler) {
    record('ipcMain.handle');
    if (__stub.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    __stub.ipcHandlers.set(channel, handler);
  },
});

class PowerMonitorStub extends EventEmitter {
  getSystemIdleState() {
    return 'active';
  }
  getSystemIdleTime() {
    return 0;
  }
}
export const powerMonitor = strict('powerMonitor', new PowerMonitorStub());

// macOS microphone consent (security.ts asks it only on darwin, before granting the recording screen's request).
export const systemPreferences = strict('systemPreferences', {
  getMediaAccessStatus() {
    record('systemPreferences.getMediaAccessStatus');
    return 'not-determined';
  },
  async askForMediaAccess() {
    record('systemPreferences.askForMediaAccess');
    return false;
  },
});

export const Menu = strict('Menu', {
  buildFromTemplate(template) {
    record('Menu.buildFromTemplate');
    return { template };
  },
  setApplicationMenu(menu) {
    record('Menu.setApplicationMenu');
    __stub.menu = menu;
  },
});

export const dialog = strict('dialog', {
  async showOpenDialog() {
    record('dialog.showOpenDialog');
    return { canceled: true, filePaths: [] };
  },
  showErrorBox(title, content) {
    record('dialog.showErrorBox');
    __stub.errorBoxes.push({ title, content });
  },
});
