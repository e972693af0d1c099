import { beforeEach, describe, expect, it } from 'vitest';
import { AutoLock, activityClock } from '../../electron/core/auto-lock';
import { expectOk, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

describe('auto-lock', () => {
  it('locks after the idle time set by the coordinator (default 10 minutes), and not before', async () => {
    const { session, registry } = await unlockedCore(dir);
    let idle = 0;
    const lock = new AutoLock(session, { idleSeconds: () => idle });
    const reasons: string[] = [];
    session.onLock((reason) => reasons.push(reason));

    idle = 9 * 60 + 59;
    expect(lock.check()).toBe(false);
    expect(session.isUnlocked).toBe(true);
    idle = 10 * 60;
    expect(lock.check()).toBe(true);
    expect(session.isUnlocked).toBe(false);
    expect(reasons).toEqual(['idle']);

    expectOk(await registry.invoke('vault.unlock', { passphrase: 'lantern orbit pebble wisdom' }));
    expectOk(await registry.invoke('settings.update', { autoLockMinutes: 2 }));
    idle = 119;
    expect(lock.check()).toBe(false);
    idle = 120;
    expect(lock.check()).toBe(true);
    expect(lock.check()).toBe(false); // already locked: nothing to do
  });

  it('locks at once on screen lock or suspend, and the activity clock measures idleness', async () => {
    const { session } = await unlockedCore(dir);
    const lock = new AutoLock(session, { idleSeconds: () => 0 });
    lock.lockNow('suspend');
    expect(session.isUnlocked).toBe(false);

    let now = 1_000;
    const clock = activityClock(() => now);
    now += 30_000;
    expect(clock.idleSeconds()).toBe(30);
    clock.touch();
    expect(clock.idleSeconds()).toBe(0);
  });
});
