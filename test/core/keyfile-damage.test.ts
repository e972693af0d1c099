import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import type * as NodeCrypto from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE, expectError, expectOk, snapshotFiles, tempDir, unlockedCore } from '../helpers/vault';
import { createCore } from '../../electron/core';
import { prepareNewPassphrase } from '../../electron/core/vault/slots';

/**
 * Issue 9: a damaged or edited key file must be told apart from a wrong secret, and must never
 * start a key derivation it asks for that would take gigabytes and minutes.
 */

// The real scrypt, observed; a run that would need more than 1 GiB is refused here instead of
// being attempted (so this test cannot take the machine down if the bounds ever regress).
const scryptRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  return {
    ...actual,
    scrypt: (...args: unknown[]) => {
      scryptRuns.count += 1;
      const options = args[3] as { N: number; r: number };
      const callback = args.at(-1) as (error: Error | null) => void;
      if (128 * options.N * options.r > 2 ** 30) return void callback(new Error('test: refused to run a scrypt needing over 1 GiB'));
      return (actual.scrypt as (...a: unknown[]) => void)(...args);
    },
  };
});

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  scryptRuns.count = 0;
});
afterEach(() => cleanup());

/** Every file's SHA-256 (comparing whole buffers with toEqual is slow). */
const fingerprint = () => new Map([...snapshotFiles(dir)].map(([path, bytes]) => [path, createHash('sha256').update(bytes).digest('hex')]));

type Json = Record<string, unknown>;
type Slot = { kind: string; kdf: Json; wrapped: Json };

/** The checksum as the README documents it, written independently of the app's code. */
function documentedChecksum(content: Json): string {
  const canonical = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(canonical).join(',')}]`
      : v !== null && typeof v === 'object'
        ? `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical((v as Json)[k])}`)
            .join(',')}}`
        : JSON.stringify(v);
  const { checksum: _checksum, ...rest } = content;
  return `sha256:${createHash('sha256').update(canonical(rest)).digest('hex')}`;
}

async function lockedVault() {
  const core = await unlockedCore(dir);
  core.session.lock();
  const keyPath = join(core.vaultDir, 'vault.keys.json');
  const read = () => JSON.parse(readFileSync(keyPath, 'utf8')) as Json & { slots: Slot[] };
  /** Rewrites the key file: `checksum` 'keep' leaves the old one (damage), 'recompute' makes it match (a careful edit), 'drop' makes it a pre-checksum file. */
  const edit = (change: (keys: Json & { slots: Slot[] }) => void, checksum: 'keep' | 'recompute' | 'drop') => {
    const keys = read();
    change(keys);
    if (checksum === 'drop') delete keys.checksum;
    if (checksum === 'recompute') keys.checksum = documentedChecksum(keys);
    writeFileSync(keyPath, JSON.stringify(keys, null, 2));
  };
  return { ...core, keyPath, read, edit };
}

const flipLast = (base64: string) => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[bytes.length - 1]! ^= 0x01;
  return bytes.toString('base64');
};
const damagedMessage = /key file \(vault\.keys\.json\) is damaged.*Restore vault\.keys\.json from a backup.*nothing was changed/;

describe('the key file checksum', () => {
  it('is written at creation over every other field, as the README describes', async () => {
    const { read } = await lockedVault();
    const keys = read();
    expect(keys.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(keys.checksum).toBe(documentedChecksum(keys));
  });

  it('an altered tag or vault id is reported as a damaged key file, not a wrong passphrase, and changes nothing', async () => {
    for (const damage of [
      (keys: Json & { slots: Slot[] }) => {
        const slot = keys.slots.find((s) => s.kind === 'passphrase')!;
        slot.wrapped.tag = flipLast(slot.wrapped.tag as string);
      },
      (keys: Json) => {
        keys.vaultId = `${keys.vaultId as string}0`;
      },
    ]) {
      const { registry, recoveryKey, edit } = await lockedVault();
      edit(damage, 'keep');
      const before = fingerprint();
      expect(expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'KEYFILE_INVALID').message).toMatch(damagedMessage);
      expect(expectError(await registry.invoke('vault.unlock', { recoveryKey }), 'KEYFILE_INVALID').message).toMatch(damagedMessage);
      expect(scryptRuns.count).toBe(1); // only the creation's; the damaged file ran no KDF
      expect(fingerprint()).toEqual(before);
      cleanup();
      ({ dir, cleanup } = tempDir());
      scryptRuns.count = 0;
    }
  });

  it('a key file from before the checksum opens as it is, and gets a checksum at its next write', async () => {
    const { registry, edit, read } = await lockedVault();
    edit(() => {}, 'drop');
    expect(read().checksum).toBeUndefined();
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(read().checksum).toBeUndefined(); // unlocking writes nothing
    expectOk(await registry.invoke('vault.confirmRecoveryKey', {}));
    const keys = read();
    expect(keys.checksum).toBe(documentedChecksum(keys));
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
  });

  it('without a checksum, an altered tag can only be reported as a wrong passphrase (the limit of old key files)', async () => {
    const { registry, edit } = await lockedVault();
    edit((keys) => {
      const slot = keys.slots.find((s) => s.kind === 'passphrase')!;
      slot.wrapped.tag = flipLast(slot.wrapped.tag as string);
    }, 'drop');
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'WRONG_PASSPHRASE');
  });

  it('a tag or IV of the wrong size is a damaged key file, not an unexpected failure', async () => {
    const { registry, edit } = await lockedVault();
    edit((keys) => {
      const slot = keys.slots.find((s) => s.kind === 'passphrase')!;
      slot.wrapped.tag = Buffer.alloc(3).toString('base64');
    }, 'drop');
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'KEYFILE_INVALID');
    edit((keys) => {
      const slot = keys.slots.find((s) => s.kind === 'recovery')!;
      slot.wrapped.iv = '';
    }, 'drop');
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'KEYFILE_INVALID');
  });
});

describe('key derivation settings in the key file', () => {
  const refused: [string, Json][] = [
    ['16 GiB of memory', { N: 2 ** 22, r: 32, p: 1 }],
    ['N not a power of two', { N: 3000, r: 8, p: 1 }],
    ['N too large for r=1', { N: 2 ** 17, r: 1, p: 1 }],
    ['1 GiB but 16 times the work limit', { N: 2 ** 20, r: 8, p: 16 }],
    ['N above the bound', { N: 2 ** 23, r: 8, p: 1 }],
    ['r beyond the bound', { N: 2 ** 12, r: 64, p: 1 }],
    ['p of zero', { N: 2 ** 12, r: 8, p: 0 }],
  ];

  it('anything outside the bounds is refused as a damaged key file before any KDF runs, with or without a matching checksum', async () => {
    const { registry, edit, keyPath } = await lockedVault();
    const original = readFileSync(keyPath, 'utf8');
    for (const [what, cost] of refused) {
      for (const checksum of ['recompute', 'drop'] as const) {
        writeFileSync(keyPath, original);
        edit((keys) => Object.assign(keys.slots.find((s) => s.kind === 'passphrase')!.kdf, cost), checksum);
        const before = fingerprint();
        scryptRuns.count = 0;
        const started = Date.now();
        const result = await registry.invoke('vault.unlock', { passphrase: PASSPHRASE });
        expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`, `${what} (${checksum})`).toMatch(/^KEYFILE_INVALID: .*damaged/);
        expect(Date.now() - started, what).toBeLessThan(2_000);
        expect(scryptRuns.count, what).toBe(0);
        expect(fingerprint(), what).toEqual(before);
      }
    }
  });

  it('the cost Reciprocal writes by default, and the cheap test cost, are within the bounds', async () => {
    const { registry } = await lockedVault();
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expectOk(await registry.invoke('vault.changePassphrase', { current: { passphrase: PASSPHRASE }, next: 'quartz meadow lantern violet' }));
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { passphrase: 'quartz meadow lantern violet' }));
  });

  it('a new passphrase on a vault made with r=1 gets the default cost rather than an N that scrypt refuses', async () => {
    const core = createCore(join(dir, 'vault'), { scrypt: { N: 2 ** 12, r: 1, p: 1 }, logError: () => {} });
    expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
    // No cost given: the previous slot's, with N raised to the default, would be N=2^17 with r=1.
    const change = await prepareNewPassphrase(join(dir, 'vault', 'vault.keys.json'), { passphrase: PASSPHRASE }, 'quartz meadow lantern violet');
    expect(change.next.slots.find((s) => s.kind === 'passphrase')!.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
  });
});
