import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { saveBeforeQuitting } from '../../electron/main/save-before-quit';

/** Just enough of Electron's app and window to follow main's quit and close (both events cancellable). */
function harness({ unlocked = true, save = () => Promise.resolve() }: { unlocked?: boolean; save?: () => Promise<void> } = {}) {
  const log: string[] = [];
  let vaultUnlocked = unlocked;
  const emit = (target: EventEmitter, name: string) => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    target.emit(name, event);
    log.push(`${name}${event.prevented ? ' (put off)' : ''}`);
    return !event.prevented;
  };
  const window = Object.assign(new EventEmitter(), {
    destroyed: false,
    isDestroyed: () => window.destroyed,
    close: () => {
      if (emit(window, 'close')) window.destroyed = true;
    },
  });
  const app = Object.assign(new EventEmitter(), {
    quitted: false,
    quit: () => {
      if (!emit(app, 'before-quit')) return;
      if (!window.destroyed) {
        if (!emit(window, 'close')) return;
        window.destroyed = true;
      }
      app.quitted = true;
    },
  });
  const { guardWindow } = saveBeforeQuitting(app, {
    needsSaving: () => vaultUnlocked,
    save: () => {
      log.push('page saves');
      return save();
    },
    lock: () => {
      log.push('vault locks');
      vaultUnlocked = false;
    },
  });
  guardWindow(window);
  const settle = () => new Promise((done) => setTimeout(done, 10));
  return { app, window, log, settle };
}

describe('quitting saves what is being typed, then locks, then quits', () => {
  it('Quit from the menu: puts the quit off, the page saves, the vault locks, the quit goes through', async () => {
    const { app, window, log, settle } = harness();
    app.quit();
    expect(app.quitted).toBe(false);
    await settle();
    expect(log).toEqual(['page saves', 'before-quit (put off)', 'vault locks', 'before-quit', 'close']);
    expect(app.quitted).toBe(true);
    expect(window.destroyed).toBe(true);
  });

  it("closing the window (which quits the app) saves first too: by then the page would be gone", async () => {
    const { window, log, settle } = harness();
    window.close();
    expect(window.destroyed).toBe(false);
    await settle();
    expect(log).toEqual(['page saves', 'close (put off)', 'vault locks', 'close']);
    expect(window.destroyed).toBe(true);
  });

  it('waits for a slow save, saves once however often quit is asked, and never loops', async () => {
    let finish!: () => void;
    const { app, log, settle } = harness({ save: () => new Promise<void>((done) => (finish = done)) });
    app.quit();
    app.quit();
    await settle();
    expect(log).toEqual(['page saves', 'before-quit (put off)', 'before-quit (put off)']);
    expect(app.quitted).toBe(false);
    finish();
    await settle();
    expect(log.filter((entry) => entry === 'page saves')).toHaveLength(1);
    expect(log.filter((entry) => entry === 'vault locks')).toHaveLength(1);
    expect(app.quitted).toBe(true);
  });

  it('quits even when saving fails', async () => {
    const { app, log, settle } = harness({ save: () => Promise.reject(new Error('page crashed')) });
    app.quit();
    await settle();
    expect(log).toContain('vault locks');
    expect(app.quitted).toBe(true);
  });

  it('with the vault locked there is nothing to save: the quit goes straight through', () => {
    const { app, log } = harness({ unlocked: false });
    app.quit();
    expect(log).toEqual(['before-quit', 'close']);
    expect(app.quitted).toBe(true);
  });
});
