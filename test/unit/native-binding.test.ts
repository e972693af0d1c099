import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NATIVE_MODULE_FILE,
  NATIVE_STAMP_FILE,
  PREPARE_COMMAND,
  nativeFolderName,
  selectSqlcipherBinding,
  useNativeModulesFrom,
  type NativeBuildStamp,
  type NativeRuntime,
} from '../../electron/core/db/native-binding';
import { AppError } from '../../electron/core/errors';
import { PASSPHRASE, expectError, expectOk, newCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';

const electron45: NativeRuntime = { electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', module: '12.11.1' };
const stampFor = (runtime: NativeRuntime, overrides: Partial<NativeBuildStamp> = {}): NativeBuildStamp => ({
  electron: runtime.electron!,
  abi: runtime.abi,
  platform: runtime.platform,
  arch: runtime.arch,
  module: runtime.module!,
  source: 'compiled',
  sha256: '0'.repeat(64),
  ...overrides,
});

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-native-'));

/** A native root holding a build (the module file is a placeholder: selection never loads it). */
function prepared(root: string, stamp: NativeBuildStamp | undefined, withModule = true): string {
  const folder = join(root, nativeFolderName(stamp?.platform ?? 'linux', stamp?.arch ?? 'x64'));
  mkdirSync(folder, { recursive: true });
  if (withModule) writeFileSync(join(folder, NATIVE_MODULE_FILE), 'placeholder');
  if (stamp) writeFileSync(join(folder, NATIVE_STAMP_FILE), JSON.stringify(stamp));
  return join(folder, NATIVE_MODULE_FILE);
}

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

describe('which SQLCipher module a runtime loads', () => {
  it('plain Node: none of ours (better-sqlite3 loads the build in node_modules), whatever the folders hold', () => {
    prepared(join(dir, 'native'), stampFor(electron45));
    expect(selectSqlcipherBinding({ abi: '115', platform: 'linux', arch: 'x64' }, [join(dir, 'native')])).toBeUndefined();
    expect(selectSqlcipherBinding({ abi: '115', platform: 'linux', arch: 'x64' }, [])).toBeUndefined();
  });

  it('Electron with its build prepared: that build, from the first root that has a fitting one', () => {
    const path = prepared(join(dir, 'resources', 'native'), stampFor(electron45));
    expect(selectSqlcipherBinding(electron45, [join(dir, 'resources', 'native')])).toBe(path);
    expect(selectSqlcipherBinding(electron45, [join(dir, 'elsewhere'), join(dir, 'resources', 'native')])).toBe(path);
  });

  it('Electron with nothing prepared: a clear error naming the Electron, the ABI, where it looked and what to run', () => {
    const root = join(dir, 'native');
    const error = errorOf(() => selectSqlcipherBinding(electron45, [root]));
    expect(error.code).toBe('NATIVE_MODULE_MISSING');
    expect(error.message).toContain('The SQLCipher module for Electron 45.4.1 (ABI 150) on linux-x64 is missing');
    expect(error.message).toContain(join(root, 'electron-linux-x64', NATIVE_MODULE_FILE));
    expect(error.message).toContain(`run \`${PREPARE_COMMAND}\``);
    // A stamp without its module (an interrupted copy) is missing too.
    prepared(root, stampFor(electron45), false);
    expect(errorOf(() => selectSqlcipherBinding(electron45, [root])).message).toContain('is missing');
  });

  it('a build stamped for another Electron: an error naming both versions', () => {
    const root = join(dir, 'native');
    prepared(root, stampFor(electron45, { electron: '44.0.0', abi: '140' }));
    const error = errorOf(() => selectSqlcipherBinding(electron45, [root]));
    expect(error.message).toContain('was built for Electron 44.0.0 (ABI 140) on linux-x64, but this is Electron 45.4.1 (ABI 150) on linux-x64');
    expect(error.message).toContain(PREPARE_COMMAND);
  });

  it('a build from another better-sqlite3-multiple-ciphers release: an error naming both releases', () => {
    const root = join(dir, 'native');
    prepared(root, stampFor(electron45, { module: '12.10.0' }));
    expect(errorOf(() => selectSqlcipherBinding(electron45, [root])).message).toContain('was built from better-sqlite3-multiple-ciphers 12.10.0, but 12.11.1 is installed');
  });

  it('an unreadable stamp is not trusted', () => {
    const root = join(dir, 'native');
    const path = prepared(root, stampFor(electron45));
    writeFileSync(join(path, '..', NATIVE_STAMP_FILE), '{ not json');
    expect(errorOf(() => selectSqlcipherBinding(electron45, [root])).message).toContain('was built for Electron ? (ABI ?)');
  });
});

describe('opening vault databases in a runtime whose module is missing', () => {
  const hadElectron = Object.prototype.hasOwnProperty.call(process.versions, 'electron');
  afterEach(() => {
    // This file runs in its own process (pool: forks); put Node's identity back regardless.
    if (!hadElectron) delete (process.versions as Record<string, string | undefined>).electron;
    useNativeModulesFrom([]);
  });
  const pretendElectron = (roots: string[]) => {
    (process.versions as Record<string, string | undefined>).electron = '45.4.1';
    useNativeModulesFrom(roots);
  };

  it('creating a vault fails with the clear message before any database file exists', async () => {
    pretendElectron([join(dir, 'native')]);
    const core = newCore(dir);
    const error = expectError(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }), 'NATIVE_MODULE_MISSING');
    expect(error.message).toContain(PREPARE_COMMAND);
    const vaultDir = join(dir, 'vault');
    expect(existsSync(vaultDir) ? readdirSync(vaultDir) : []).toEqual([]);
  });

  it('unlocking passes the clear message through, not as a generic I/O error', async () => {
    const core = newCore(dir);
    expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
    expectOk(await core.registry.invoke('vault.lock', {}));
    pretendElectron([join(dir, 'native')]);
    const error = expectError(await core.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'NATIVE_MODULE_MISSING');
    expect(error.message).toContain('The SQLCipher module for Electron 45.4.1');
  });
});
