import type { VaultSession, LockReason } from './session';
import { readSettings } from './settings';

/** Idle minutes before an interviewer's session locks itself. */
export const INTERVIEWER_AUTO_LOCK_MINUTES = 10;
import { asReadDb } from './db/query';

export interface IdleSource {
  /** Seconds since the person last did anything. */
  idleSeconds: () => number;
}

/**
 * Locks the vault after the idle time the coordinator chose (settings.autoLockMinutes).
 * Electron feeds it the system idle time; the test bridge, the time since the last call.
 */
export class AutoLock {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly session: VaultSession,
    private readonly source: IdleSource,
    /** Length of a "minute" in ms; shortened only by the test bridge so tests need not wait. */
    private readonly minuteMs = 60_000,
  ) {}

  start(checkEveryMs = 5_000): void {
    this.stop();
    this.timer = setInterval(() => this.check(), checkEveryMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Locks now if idle for longer than the setting; returns whether it locked. */
  check(): boolean {
    if (!this.session.isUnlocked) return false;
    // An interviewer's session cannot read the settings (they are in the main database): a fixed, short idle time.
    const autoLockMinutes = this.session.role === 'interviewer' ? INTERVIEWER_AUTO_LOCK_MINUTES : readSettings(asReadDb(this.session.db)).autoLockMinutes;
    if (this.source.idleSeconds() * 1000 < autoLockMinutes * this.minuteMs) return false;
    this.session.lock('idle');
    return true;
  }

  lockNow(reason: LockReason): void {
    this.session.lock(reason);
  }
}

/** Idle time measured from the last handler call. */
export function activityClock(now: () => number = Date.now) {
  let last = now();
  return {
    touch: () => {
      last = now();
    },
    idleSeconds: () => (now() - last) / 1000,
  };
}
