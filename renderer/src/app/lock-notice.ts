import { readLockNotice, withoutLockNotice, type LockNotice } from '../../../shared/auto-lock/lock-notice';
import { formatMinutes } from '../../../shared/dates';

/**
 * Read once when the page loads (module scope): the reason the vault locked itself, if the reload
 * that followed the lock carried one. The address is then cleaned, so reloading later, or unlocking
 * and locking by hand, does not show a stale reason.
 */
export const lockNoticeAtLoad: LockNotice | undefined = (() => {
  const notice = readLockNotice(window.location.href);
  if (notice) window.history.replaceState(window.history.state, '', withoutLockNotice(window.location.href));
  return notice;
})();

export function describeLockNotice(notice: LockNotice): string {
  switch (notice.reason) {
    case 'idle':
      return notice.idleMinutes ? `Locked after ${formatMinutes(notice.idleMinutes)} without activity.` : 'Locked after a while without activity.';
    case 'screen-locked':
      return 'Locked because the screen was locked.';
    case 'suspend':
      return 'Locked because the computer went to sleep.';
  }
}
