import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { lockOnScreenLockAndSleep, SCREEN_LOCK_POLL_MS } from '../../electron/main/lock-triggers';
import type { LockReason } from '../../electron/core/session';

/** Stands in for Electron's powerMonitor: the same events, and an idle state the test sets. */
class PowerMonitorStandIn extends EventEmitter {
  state: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  getSystemIdleState = () => this.state;
}

describe('screen lock and sleep lock the vault', () => {
  let monitor: PowerMonitorStandIn;
  let locks: LockReason[];
  let stop: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    monitor = new PowerMonitorStandIn();
    locks = [];
    stop = lockOnScreenLockAndSleep(monitor as never, (reason) => locks.push(reason));
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('on the macOS and Windows events', () => {
    monitor.emit('lock-screen');
    monitor.emit('suspend');
    expect(locks).toEqual(['screen-locked', 'suspend']);
  });

  it('on Linux, where no event comes, by polling the idle state', () => {
    vi.advanceTimersByTime(SCREEN_LOCK_POLL_MS * 2);
    expect(locks).toEqual([]);
    monitor.state = 'locked';
    vi.advanceTimersByTime(SCREEN_LOCK_POLL_MS);
    expect(locks).toEqual(['screen-locked']);
  });

  it('stops listening when asked', () => {
    stop();
    monitor.state = 'locked';
    monitor.emit('suspend');
    vi.advanceTimersByTime(SCREEN_LOCK_POLL_MS * 3);
    expect(locks).toEqual([]);
  });
});
