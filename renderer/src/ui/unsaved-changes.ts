/**
 * Forms with changes not yet saved, by name ("Meeting plan"). A form reports itself while it is
 * dirty (useReportUnsaved); the frame's UnsavedChangesGuard asks before any navigation away while
 * one is, and a tab set can mark its dirty tabs. Forms that save as you type (useAutosave) need not report.
 */
import { useEffect, useSyncExternalStore } from 'react';

const dirty = new Map<string, number>();
const listeners = new Set<() => void>();
let snapshot: readonly string[] = [];

/*
 * The names (never the contents) of the forms that are dirty, kept in sessionStorage: a lock
 * reloads the page, so an automatic lock (idle, screen lock, sleep) discards unsaved edits, and the
 * page that loads after it can still say which forms lost them. Nothing typed survives the lock.
 */
const NAMES_AT_LOCK_KEY = 'reciprocal.unsavedFormNames';

function rememberNamesForAfterLock(names: readonly string[]) {
  try {
    if (names.length > 0) sessionStorage.setItem(NAMES_AT_LOCK_KEY, JSON.stringify(names));
    else sessionStorage.removeItem(NAMES_AT_LOCK_KEY);
  } catch {
    // Storage unavailable: after a lock the page simply cannot say what was discarded.
  }
}

/** Read once when the page loads: the forms that had unsaved changes when the page last went away (a lock's reload). */
export const formsDiscardedByLastLock: readonly string[] = (() => {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(NAMES_AT_LOCK_KEY) ?? '[]');
    sessionStorage.removeItem(NAMES_AT_LOCK_KEY);
    return Array.isArray(stored) ? stored.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
})();

/** The coordinator chose to discard the unsaved changes (and lock): nothing to report after the lock. */
export function forgetUnsavedForms() {
  rememberNamesForAfterLock([]);
}

function changed() {
  snapshot = [...dirty.keys()];
  rememberNamesForAfterLock(snapshot);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The names of the forms with unsaved changes now. */
export const unsavedForms = (): readonly string[] => snapshot;

/** The names of the forms with unsaved changes, re-rendering when that changes. */
export const useUnsavedForms = (): readonly string[] => useSyncExternalStore(subscribe, unsavedForms);

/** Marks the form `name` as having unsaved changes while `isDirty` holds (and while it is on screen). */
export function useReportUnsaved(name: string, isDirty: boolean) {
  useEffect(() => {
    if (!isDirty) return;
    // Counted, so two mounted forms of the same name do not clear each other.
    dirty.set(name, (dirty.get(name) ?? 0) + 1);
    changed();
    return () => {
      const left = (dirty.get(name) ?? 1) - 1;
      if (left > 0) dirty.set(name, left);
      else dirty.delete(name);
      changed();
    };
  }, [name, isDirty]);
}
