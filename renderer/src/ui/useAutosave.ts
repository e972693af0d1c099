import { useCallback, useEffect, useRef } from 'react';
import { registerPendingSave } from './pending-saves';

/** Typing stops for this long → what was typed is saved. */
export const AUTOSAVE_PAUSE_MS = 800;

interface AutosaveOptions<T, Saved> {
  /** What the vault holds when the editor opens. */
  initial: T;
  /** Writes a value; throws when it could not. */
  save: (value: T) => Promise<Saved>;
  /** False while saving as you go must not happen (a submitted log changes only on Submit). */
  canSave?: () => boolean;
  onSaving?: () => void;
  onSaved?: (saved: Saved) => void;
  onFailed?: (error: unknown) => void;
  pauseMs?: number;
}

/**
 * Saves what is typed once typing pauses, and also when the window is hidden or the page goes away
 * (a reload on lock), when the editor closes, and before the vault locks (flushPendingSaves).
 * Saves run one after another, and only when the value differs from what was last saved. A save
 * started by closing the editor finishes afterwards, so `onSaved` may run once the editor is gone:
 * it is where caches learn what the vault now holds.
 */
export function useAutosave<T, Saved>({ initial, save, canSave, onSaving, onSaved, onFailed, pauseMs = AUTOSAVE_PAUSE_MS }: AutosaveOptions<T, Saved>) {
  // Refs, not state: the save that runs on pagehide or unmount must see the latest keystrokes.
  const latest = useRef(initial);
  const persisted = useRef(JSON.stringify(initial));
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const options = useRef({ save, canSave, onSaving, onSaved, onFailed });
  useEffect(() => {
    options.current = { save, canSave, onSaving, onSaved, onFailed };
  });

  const cancelPause = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  /** Saves now if anything changed since the last save; resolves once every save so far has run. */
  const flush = useCallback((): Promise<void> => {
    cancelPause();
    chain.current = chain.current.then(async () => {
      const { save, canSave, onSaving, onSaved, onFailed } = options.current;
      if (canSave && !canSave()) return;
      const snapshot = latest.current;
      const text = JSON.stringify(snapshot);
      if (text === persisted.current) return;
      onSaving?.();
      try {
        const saved = await save(snapshot);
        persisted.current = text;
        onSaved?.(saved);
      } catch (error) {
        onFailed?.(error);
      }
    });
    return chain.current;
  }, [cancelPause]);

  useEffect(() => {
    const unregister = registerPendingSave(flush);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      unregister();
      void flush();
    };
  }, [flush]);

  /** Records what is on screen now, and saves it after the pause (when saving as you go is allowed). */
  const change = useCallback(
    (value: T) => {
      latest.current = value;
      const { canSave } = options.current;
      if (canSave && !canSave()) return;
      cancelPause();
      timer.current = setTimeout(() => void flush(), pauseMs);
    },
    [cancelPause, flush, pauseMs],
  );

  /** Stops waiting for the pause and waits for the saves under way: before saving another way (Submit). */
  const settle = useCallback(() => {
    cancelPause();
    return chain.current;
  }, [cancelPause]);

  /** Records `value` as what the vault now holds, after it was saved another way. */
  const markSaved = useCallback((value: T) => {
    persisted.current = JSON.stringify(value);
  }, []);

  /** Whether `value` is what the vault holds. */
  const isSaved = useCallback((value: T) => JSON.stringify(value) === persisted.current, []);

  return { change, flush, settle, markSaved, isSaved, latest: () => latest.current };
}
