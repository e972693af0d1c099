import type { PowerMonitor } from 'electron';
import type { LockReason } from '../core/session';

/** How often the screen-lock state is polled where no event reports it (Linux). */
export const SCREEN_LOCK_POLL_MS = 15_000;

type Monitor = Pick<PowerMonitor, 'on' | 'off' | 'getSystemIdleState'>;

/**
 * Locks the vault when the screen locks or the computer sleeps. Electron's 'lock-screen' event
 * fires only on macOS and Windows, so the idle state is polled as well: 'locked' means the screen
 * locker is on (on Linux Electron asks the desktop's screen saver service). Takes the power monitor
 * as a parameter (main passes Electron's) so the wiring is unit-tested without Electron.
 */
export function lockOnScreenLockAndSleep(monitor: Monitor, lock: (reason: LockReason) => void, pollMs = SCREEN_LOCK_POLL_MS): () => void {
  const onLockScreen = () => lock('screen-locked');
  const onSuspend = () => lock('suspend');
  monitor.on('lock-screen', onLockScreen);
  monitor.on('suspend', onSuspend);
  const poll = setInterval(() => {
    // The threshold only matters for 'idle', which idle auto-lock handles; 'locked' is reported whatever it is.
    if (monitor.getSystemIdleState(60) === 'locked') lock('screen-locked');
  }, pollMs);
  poll.unref?.();
  return () => {
    clearInterval(poll);
    monitor.off('lock-screen', onLockScreen);
    monitor.off('suspend', onSuspend);
  };
}
