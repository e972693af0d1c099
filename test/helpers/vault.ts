import { mkdtempSync, rmSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import type { Envelope } from '../../shared/contract';

/** A cheap scrypt cost for tests: the real default (N=2^17) is exercised in the vault tests and the bench. */
export const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };
export const PASSPHRASE = 'lantern orbit pebble wisdom';

export function tempDir(prefix = 'reciprocal-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A core over a fresh vault folder (not yet created). */
export function newCore(dir: string, now?: () => Date) {
  return createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, logError: () => {}, ...(now ? { now } : {}) });
}

/** A core with a created, unlocked vault. */
export async function unlockedCore(dir: string, now?: () => Date) {
  const core = newCore(dir, now);
  const created = await core.registry.invoke('vault.create', { passphrase: PASSPHRASE });
  const recoveryKey = expectOk(created as Envelope<{ recoveryKey: string }>).recoveryKey;
  return { ...core, recoveryKey, vaultDir: join(dir, 'vault') };
}

export function expectOk<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

export function expectError(envelope: Envelope<unknown>, code: string): { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] } {
  if (envelope.ok) throw new Error(`expected error ${code}, got ok: ${JSON.stringify(envelope.value)}`);
  if (envelope.error.code !== code) throw new Error(`expected error ${code}, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.error;
}

/** Every file under a folder with its bytes, to prove an operation changed nothing. */
export function snapshotFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(path, readFileSync(path));
    }
  };
  walk(dir);
  return files;
}
