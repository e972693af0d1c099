/**
 * Saves that must happen before the vault locks. An editor with unsaved text (a reflective log
 * still inside its typing pause) registers how to save it; whoever is about to lock the vault
 * awaits flushPendingSaves() first, so nothing typed is lost to the lock.
 */
type Save = () => Promise<void>;

const pending = new Set<Save>();

/** Registers a save to run before locking; returns the function that unregisters it. */
export function registerPendingSave(save: Save): () => void {
  pending.add(save);
  return () => {
    pending.delete(save);
  };
}

/**
 * Runs every registered save and waits for all of them. Never rejects: a save that fails has
 * already said so on its own screen, and locking must go ahead regardless.
 */
export async function flushPendingSaves(): Promise<void> {
  await Promise.allSettled([...pending].map((save) => save()));
}

declare global {
  interface Window {
    /** Called by the main process (webContents.executeJavaScript) before it locks on screen lock or sleep. */
    __reciprocalFlushPendingSaves?: () => Promise<void>;
  }
}

/** Lets the main process flush pending saves before a lock it starts itself (screen lock, sleep). */
export function exposeFlushToMainProcess(): void {
  window.__reciprocalFlushPendingSaves = flushPendingSaves;
}
