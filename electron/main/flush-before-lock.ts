import type { WebContents } from 'electron';

/** How long a lock waits for the page to save what is being typed: a screen lock must not hang on a busy page. */
export const FLUSH_TIMEOUT_MS = 1_500;

/**
 * Asks the page to save text still inside an editor's typing pause (a reflective log) before the
 * vault locks on screen lock or sleep. The page registers the function (renderer/src/ui/pending-saves.ts);
 * a page without it, a failure or the timeout all simply let the lock go ahead.
 */
export async function flushPageBeforeLock(contents: Pick<WebContents, 'isDestroyed' | 'executeJavaScript'> | undefined, timeoutMs = FLUSH_TIMEOUT_MS): Promise<void> {
  if (!contents || contents.isDestroyed()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushed = contents.executeJavaScript('window.__reciprocalFlushPendingSaves?.()').catch(() => undefined);
  const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([flushed, timedOut]);
  clearTimeout(timer);
}
