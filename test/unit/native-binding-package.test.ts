import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { NATIVE_MODULE_FILE, NATIVE_STAMP_FILE, nativeFolderName } from '../../electron/core/db/native-binding';
import { packagedNativeProblem } from '../../scripts/check-packaged-native.mjs';
import { tempDir } from '../helpers/vault';

/**
 * Packaging cannot run here (no Electron binary), so this checks what can be checked: that
 * electron-builder.yml is valid for the installed electron-builder, ships the prepared SQLCipher
 * module to the folder the app looks in, never rebuilds node_modules in place, and that its
 * afterPack check agrees with the core about the folder's layout.
 */

// Untyped packages of electron-builder's own, loaded the way it loads them.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface FileSet {
  from: string;
  to: string;
}
type Config = Record<string, unknown> & Record<'win' | 'mac' | 'linux', { extraResources?: FileSet[] }>;
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("is valid for the installed electron-builder's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('never rebuilds node_modules in place, and leaves its Node build out of the package', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('!**/node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**');
  });

  it('ships the prepared module of each platform where the packaged app looks: resources/native/<folder>', () => {
    for (const [section, platform] of [
      ['win', 'win32'],
      ['mac', 'darwin'],
      ['linux', 'linux'],
    ] as const) {
      const folder = `native/${nativeFolderName(platform, '${arch}')}`;
      expect(config[section].extraResources).toEqual([{ from: folder, to: folder }]);
    }
    expect(config.afterPack).toBe('./scripts/check-packaged-native.mjs');
  });
});

describe('the afterPack check', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('reciprocal-package-')));
  afterEach(() => cleanup());

  const packaged = (stamp: Record<string, string>) => {
    const folder = join(dir, 'native', nativeFolderName('linux', 'x64'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, NATIVE_MODULE_FILE), 'module');
    writeFileSync(join(folder, NATIVE_STAMP_FILE), JSON.stringify(stamp));
  };
  const check = () => packagedNativeProblem({ resourcesDir: dir, platform: 'linux', arch: 'x64', electronVersion: '45.4.1' });

  it('passes a package holding the module for the Electron it ships', () => {
    packaged({ electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64' });
    expect(check()).toBeUndefined();
  });

  it('fails a package without the module, or with one for another Electron, saying what to run', () => {
    expect(check()).toContain('The package has no SQLCipher module');
    packaged({ electron: '44.0.0', abi: '140', platform: 'linux', arch: 'x64' });
    expect(check()).toBe(
      'The packaged SQLCipher module was built for Electron 44.0.0 on linux-x64, not Electron 45.4.1 on linux-x64: run `npm run prepare:electron -- --platform linux --arch x64`.',
    );
  });
});
