/**
 * Forms with changes not yet saved, by name ("Meeting plan"). A form reports itself while it is
 * dirty (useReportUnsaved); the frame's UnsavedChangesGuard asks before any navigation away while
 * one is, and a tab set can mark its dirty tabs. Forms that save as you type (useAutosave) need not report.
 */
import { useEffect, useSyncExternalStore } from 'react';

const dirty = new Map<string, number>();
const listeners = new Set<() => void>();
let snapshot: readonly string[] = [];

function changed() {
  snapshot = [...dirty.keys()];
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
