/**
 * Whether a recording is running on screen. The recording panel sets it; the frame reads it to ask
 * before leaving the screen (leaving stops the recording) instead of its unsaved-forms question, as a
 * router keeps one navigation blocker at a time.
 */
import { useSyncExternalStore } from 'react';

let active = false;
const listeners = new Set<() => void>();

export function setRecordingActive(value: boolean): void {
  if (active === value) return;
  active = value;
  for (const listener of listeners) listener();
}

export const isRecordingActive = (): boolean => active;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const useRecordingActive = (): boolean => useSyncExternalStore(subscribe, isRecordingActive);
