import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE, expectOk, snapshotFiles, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

describe('wrong secrets', () => {
  it('any wrong passphrase or recovery key is refused and leaves every file byte-identical, modification times included', async () => {
    const { registry, recoveryKey, vaultDir } = await unlockedCore(dir);
    expectOk(await registry.invoke('pilots.create', { name: 'Pilot', startDate: '2026-10-01', endDate: '2027-06-30' }));
    await registry.invoke('vault.lock', {});
    const before = snapshotFiles(dir);
    const mtimes = ['vault.sqlite', 'vault.keys.json'].map((f) => statSync(join(vaultDir, f)).mtimeMs);

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 64 }).filter((p) => p !== PASSPHRASE).map((passphrase) => ({ passphrase })),
          fc.string({ minLength: 1, maxLength: 64 }).filter((k) => k.trim().length > 0 && k.trim() !== recoveryKey).map((key) => ({ recoveryKey: key })),
        ),
        async (secret) => {
          const result = await registry.invoke('vault.unlock', secret);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(['WRONG_PASSPHRASE', 'WRONG_RECOVERY_KEY', 'INVALID_INPUT']).toContain(result.error.code);
        },
      ),
      { numRuns: 40 },
    );
    expect(snapshotFiles(dir)).toEqual(before);
    expect(['vault.sqlite', 'vault.keys.json'].map((f) => statSync(join(vaultDir, f)).mtimeMs)).toEqual(mtimes);
  });
});
