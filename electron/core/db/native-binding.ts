import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AppError } from '../errors';
import type { Db } from './types';

/**
 * Which compiled SQLCipher module a process loads. Plain Node (tests, the CLI, the test bridge)
 * loads the build in node_modules, made by `npm ci` for Node's ABI. Electron needs a build for its
 * own ABI (NODE_MODULE_VERSION differs); it is kept beside the Node build, in a folder of its own
 * that `npm run prepare:electron` fills (scripts/prepare-electron-native.ts), and chosen here with
 * better-sqlite3's `nativeBinding` option. Swapping the one build in node_modules would break
 * whichever runtime it was not built for.
 *
 * Layout, under a native root (`<app>/native` in development, `<resources>/native` when packaged):
 *   electron-<platform>-<arch>/better_sqlite3.node         the module
 *   electron-<platform>-<arch>/better_sqlite3.stamp.json   what it was built for (NativeBuildStamp)
 */

export const NATIVE_MODULE_FILE = 'better_sqlite3.node';
export const NATIVE_STAMP_FILE = 'better_sqlite3.stamp.json';
export const SQLCIPHER_PACKAGE = 'better-sqlite3-multiple-ciphers';
export const PREPARE_COMMAND = 'npm run prepare:electron';

/** The folder for one platform and CPU; one build per folder, replaced when Electron changes. */
export const nativeFolderName = (platform: string, arch: string) => `electron-${platform}-${arch}`;

/** Written beside the module by the preparation script, last, so a stamp means a complete file. */
export interface NativeBuildStamp {
  electron: string;
  /** NODE_MODULE_VERSION of that Electron, e.g. "150" for Electron 45. */
  abi: string;
  platform: string;
  arch: string;
  /** The better-sqlite3-multiple-ciphers version whose sources were built: its JS must match. */
  module: string;
  /** How it was made: downloaded prebuilt binary or compiled against Electron's headers. */
  source: 'prebuilt' | 'compiled';
  /** SHA-256 of the module file, so the preparation script can tell a replaced file. */
  sha256: string;
}

/** The running process as far as the choice is concerned (process.versions, platform, arch). */
export interface NativeRuntime {
  /** process.versions.electron: unset under plain Node. */
  electron?: string | undefined;
  /** process.versions.modules. */
  abi: string;
  platform: string;
  arch: string;
  /** The installed better-sqlite3-multiple-ciphers version; unchecked when undefined. */
  module?: string | undefined;
}

const describe = (build: { electron: string; abi: string }) => `Electron ${build.electron} (ABI ${build.abi})`;

function readStamp(path: string): Partial<NativeBuildStamp> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<NativeBuildStamp>;
  } catch {
    return {};
  }
}

/** Why a stamp does not fit this runtime, or undefined when it does. */
function mismatch(stamp: Partial<NativeBuildStamp>, runtime: NativeRuntime & { electron: string }): string | undefined {
  const built = `${describe({ electron: stamp.electron ?? '?', abi: stamp.abi ?? '?' })} on ${stamp.platform ?? '?'}-${stamp.arch ?? '?'}`;
  const running = `${describe(runtime)} on ${runtime.platform}-${runtime.arch}`;
  if (stamp.electron !== runtime.electron || stamp.abi !== runtime.abi || stamp.platform !== runtime.platform || stamp.arch !== runtime.arch) {
    return `was built for ${built}, but this is ${running}`;
  }
  if (runtime.module !== undefined && stamp.module !== runtime.module) {
    return `was built from ${SQLCIPHER_PACKAGE} ${stamp.module ?? '?'}, but ${runtime.module} is installed`;
  }
  return undefined;
}

/**
 * The path of the SQLCipher module this runtime must load: undefined under plain Node (the default
 * build in node_modules), else the Electron build in the first root whose stamp fits. Throws an
 * AppError saying what to run when there is none, or only one made for another Electron.
 */
export function selectSqlcipherBinding(runtime: NativeRuntime, roots: readonly string[]): string | undefined {
  const { electron } = runtime;
  if (electron === undefined) return undefined;
  const folder = nativeFolderName(runtime.platform, runtime.arch);
  const problems: string[] = [];
  for (const root of roots) {
    const modulePath = join(root, folder, NATIVE_MODULE_FILE);
    const stamp = readStamp(join(root, folder, NATIVE_STAMP_FILE));
    if (!stamp || !existsSync(modulePath)) continue;
    const why = mismatch(stamp, { ...runtime, electron });
    if (!why) return modulePath;
    problems.push(`The SQLCipher module ${modulePath} ${why}.`);
  }
  const fix = `In a development checkout run \`${PREPARE_COMMAND}\` (\`npm start\` and \`npm run dev\` run it first); an installed app is damaged and needs reinstalling.`;
  if (problems.length > 0) throw new AppError('NATIVE_MODULE_MISSING', `${problems.join(' ')} ${fix}`);
  const looked = roots.length > 0 ? roots.map((root) => join(root, folder, NATIVE_MODULE_FILE)).join(', ') : 'no folder was configured';
  throw new AppError('NATIVE_MODULE_MISSING', `The SQLCipher module for ${describe({ electron, abi: runtime.abi })} on ${runtime.platform}-${runtime.arch} is missing (looked in: ${looked}). ${fix}`);
}

let roots: readonly string[] = [];
let chosen: { path: string | undefined } | undefined;

/** Where this process's Electron build lives; Electron's main process calls it (through createCore) at start-up. */
export function useNativeModulesFrom(nativeRoots: readonly string[]): void {
  roots = [...nativeRoots];
  chosen = undefined;
}

/** The installed package's version: its JS and the native module must come from the same release. */
function installedModuleVersion(): string {
  const require = createRequire(import.meta.url);
  return (require(`${SQLCIPHER_PACKAGE}/package.json`) as { version: string }).version;
}

/** This process's choice (see selectSqlcipherBinding), made once. */
export function sqlcipherBinding(): string | undefined {
  if (!chosen) {
    const electron = process.versions.electron;
    const runtime: NativeRuntime = { electron, abi: process.versions.modules, platform: process.platform, arch: process.arch };
    if (electron !== undefined) runtime.module = installedModuleVersion();
    chosen = { path: selectSqlcipherBinding(runtime, roots) };
  }
  return chosen.path;
}

/** `new Database(path, options)` with this runtime's SQLCipher module. Every vault database is opened through it. */
export function openDatabaseFile(path: string, options: Database.Options = {}): Db {
  const nativeBinding = sqlcipherBinding();
  return new Database(path, nativeBinding === undefined ? options : { ...options, nativeBinding });
}
