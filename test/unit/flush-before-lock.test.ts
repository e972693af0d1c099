import { describe, expect, it } from 'vitest';
import { flushPageBeforeLock } from '../../electron/main/flush-before-lock';

/** A page as main sees it: it runs the script it is given, or is gone. */
function page(run: (script: string) => Promise<unknown>, destroyed = false) {
  const scripts: string[] = [];
  return {
    scripts,
    contents: {
      isDestroyed: () => destroyed,
      executeJavaScript: (script: string) => {
        scripts.push(script);
        return run(script);
      },
    },
  };
}

describe('before a screen-lock or sleep lock, main asks the page to save', () => {
  it('waits for the page to finish saving', async () => {
    let saved = false;
    const { contents, scripts } = page(() => new Promise((resolve) => setTimeout(() => resolve((saved = true)), 30)));
    await flushPageBeforeLock(contents, 1_000);
    expect(saved).toBe(true);
    expect(scripts).toEqual(['window.__reciprocalFlushPendingSaves?.()']);
  });

  it('gives up after the timeout, so a hung page never stops the lock', async () => {
    const { contents } = page(() => new Promise(() => undefined));
    const started = Date.now();
    await flushPageBeforeLock(contents, 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('goes ahead when the script fails or the window is gone', async () => {
    await expect(flushPageBeforeLock(page(() => Promise.reject(new Error('page crashed'))).contents, 1_000)).resolves.toBeUndefined();
    const gone = page(() => Promise.resolve(), true);
    await flushPageBeforeLock(gone.contents, 1_000);
    expect(gone.scripts).toEqual([]);
    await expect(flushPageBeforeLock(undefined)).resolves.toBeUndefined();
  });
});
