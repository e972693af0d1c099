import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as NodeCrypto from 'node:crypto';
import { PASSPHRASE, unlockedCore, expectOk, expectError } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';

// Count real scrypt runs: the module is the real node:crypto, observed rather than replaced.
const scryptRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  return {
    ...actual,
    scrypt: (...args: Parameters<typeof actual.scrypt>) => {
      scryptRuns.count += 1;
      return (actual.scrypt as (...a: unknown[]) => void)(...args);
    },
  };
});

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

describe('key derivation cost', () => {
  it('runs the KDF exactly once per unlock, right or wrong', async () => {
    const { registry, recoveryKey } = await unlockedCore(dir);
    await registry.invoke('vault.lock', {});

    scryptRuns.count = 0;
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(scryptRuns.count).toBe(1);
    await registry.invoke('vault.lock', {});

    scryptRuns.count = 0;
    expectError(await registry.invoke('vault.unlock', { passphrase: 'wrong but long passphrase' }), 'WRONG_PASSPHRASE');
    expect(scryptRuns.count).toBe(1);

    // The recovery key carries 160 random bits: one HKDF, no scrypt.
    scryptRuns.count = 0;
    expectOk(await registry.invoke('vault.unlock', { recoveryKey }));
    expect(scryptRuns.count).toBe(0);
  });

  it('checks the passphrase with one KDF run when replacing the recovery key or unlocking an open vault', async () => {
    const { registry } = await unlockedCore(dir);
    scryptRuns.count = 0;
    expectOk(await registry.invoke('vault.replaceRecoveryKey', { passphrase: PASSPHRASE }));
    expect(scryptRuns.count).toBe(1);
    scryptRuns.count = 0;
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(scryptRuns.count).toBe(1);
  });
});
