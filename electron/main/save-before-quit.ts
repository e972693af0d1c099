import type { App, BrowserWindow } from 'electron';

type Cancellable = { preventDefault(): void };
type Quitter = Pick<App, 'quit'> & { on(event: 'before-quit', listener: (event: Cancellable) => void): unknown };
type Closable = Pick<BrowserWindow, 'close' | 'isDestroyed'> & { on(event: 'close', listener: (event: Cancellable) => void): unknown };

export interface QuitSteps {
  /** Whether there is anything to save and lock (an unlocked vault). */
  needsSaving: () => boolean;
  /** Asks the page to save what is still inside an editor's typing pause; must not reject for long (it has a timeout). */
  save: () => Promise<void>;
  /** Locks the vault (closes the database, drops the key). */
  lock: () => void;
}

/**
 * Quitting, or closing the window (which quits), saves first: the page saves what is being typed,
 * then the vault locks, then the quit or close goes on. Electron's events cannot wait for a promise,
 * so the first one is put off (preventDefault) and repeated once saving is done; the repeat, and any
 * later one, goes straight through, so the app can never loop or hang on a quit. Closing the window
 * needs its own guard: by the time the last window's close has turned into a quit, the page is gone.
 */
export function saveBeforeQuitting(app: Quitter, steps: QuitSteps): { guardWindow(window: Closable): void } {
  let saved = false;
  let saving: Promise<void> | undefined;
  // Never rejects: whatever fails, the quit must still happen (a process that exits keeps no key either).
  const saveOnce = () =>
    (saving ??= steps
      .save()
      .catch(() => undefined)
      .then(() => steps.lock())
      .catch((error: unknown) => console.error('Locking the vault before quitting failed:', error))
      .then(() => {
        saved = true;
      }));

  const putOff = (event: Cancellable, resume: () => void) => {
    if (saved || !steps.needsSaving()) return;
    event.preventDefault();
    void saveOnce().then(resume);
  };

  app.on('before-quit', (event) => putOff(event, () => app.quit()));
  return {
    guardWindow: (window) => {
      window.on('close', (event) => putOff(event, () => window.isDestroyed() || window.close()));
    },
  };
}
