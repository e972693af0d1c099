import { describe, expect, it } from 'vitest';
import { readLockNotice, urlAfterLock, withoutLockNotice } from '../../shared/auto-lock/lock-notice';

describe('why the vault locked, carried on the reload', () => {
  it('keeps the screen and adds the reason (and idle minutes, rounded down)', () => {
    const next = urlAfterLock('app://reciprocal/index.html#/settings', 'idle', 10 * 60 + 4);
    expect(next).toBe('app://reciprocal/index.html?locked=idle&idleMinutes=10#/settings');
    expect(readLockNotice(next)).toEqual({ reason: 'idle', idleMinutes: 10 });
  });

  it('keeps other parameters (the bridge token) and replaces an earlier reason', () => {
    const first = urlAfterLock('http://127.0.0.1:4000/?token=abc#/pilots', 'idle', 120);
    const second = urlAfterLock(first, 'suspend');
    expect(second).toBe('http://127.0.0.1:4000/?token=abc&locked=suspend#/pilots');
    expect(readLockNotice(second)).toEqual({ reason: 'suspend' });
    expect(withoutLockNotice(second)).toBe('http://127.0.0.1:4000/?token=abc#/pilots');
  });

  it('says nothing for a lock the person asked for, and clears a stale reason', () => {
    expect(urlAfterLock('app://reciprocal/index.html#/pilots', 'user')).toBe('app://reciprocal/index.html#/pilots');
    expect(urlAfterLock('app://reciprocal/index.html?locked=idle&idleMinutes=5#/pilots', 'user')).toBe('app://reciprocal/index.html#/pilots');
    expect(readLockNotice('app://reciprocal/index.html#/pilots')).toBeUndefined();
  });

  it('ignores anything malformed in the address', () => {
    expect(readLockNotice('app://reciprocal/?locked=<script>')).toBeUndefined();
    expect(readLockNotice('app://reciprocal/?locked=idle&idleMinutes=-3')).toEqual({ reason: 'idle' });
    expect(readLockNotice('app://reciprocal/?locked=idle&idleMinutes=2.5')).toEqual({ reason: 'idle' });
    expect(readLockNotice('app://reciprocal/?locked=screen-locked&idleMinutes=9')).toEqual({ reason: 'screen-locked' });
  });
});
