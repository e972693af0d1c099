/**
 * `npm run prepare:electron`: puts a SQLCipher module (better-sqlite3-multiple-ciphers) built for
 * Electron's ABI in native/electron-<platform>-<arch>/, beside a stamp saying what it was built for.
 * The app chooses it with better-sqlite3's `nativeBinding` option (electron/core/db/native-binding.ts);
 * tests and the CLI keep the Node build in node_modules, which this script never touches.
 *
 * Does nothing when the folder already holds a build for this Electron. Otherwise, in a temporary
 * folder: (1) a prebuilt binary for the Electron runtime (prebuild-install, as `npm ci` does for Node),
 * or else (2) a compile of a copy of the package against Electron's headers (node-gyp; this machine's
 * platform and CPU only). Then checks the result's ABI under Node and copies it in. Exits non-zero,
 * saying what to do, when neither works (offline, no compiler).
 *
 *   --platform P --arch A   for another target (prebuilt binaries only), e.g. when packaging for it
 *   --force                 rebuild even when a fitting build is there
 *
 * Environment: RECIPROCAL_NATIVE_DIR (default ./native), RECIPROCAL_ELECTRON_HEADERS_URL (node-gyp's
 * --dist-url, default Electron's), RECIPROCAL_ELECTRON_HEADERS_DIR (node-gyp's --devdir, its header
 * cache, default ~/.electron-gyp), npm_config_better_sqlite3_multiple_ciphers_binary_host (a mirror for prebuilt binaries).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { NATIVE_MODULE_FILE, NATIVE_STAMP_FILE, PREPARE_COMMAND, SQLCIPHER_PACKAGE, nativeFolderName, type NativeBuildStamp } from '../electron/core/db/native-binding';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'node_modules', SQLCIPHER_PACKAGE);
const ELECTRON_HEADERS = 'https://electronjs.org/headers';
const PREBUILT_TIMEOUT_MS = 5 * 60_000;
const COMPILE_TIMEOUT_MS = 30 * 60_000;

/** What is wanted: the installed Electron, its ABI, the target, and the installed package's version. */
export interface Target {
  electron: string;
  abi: string;
  platform: string;
  arch: string;
  module: string;
}

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const describe = (target: Pick<Target, 'electron' | 'abi'>) => `Electron ${target.electron} (ABI ${target.abi})`;

export function installedTarget(platform = process.platform as string, arch = process.arch as string): Target {
  const electronDir = join(root, 'node_modules', 'electron');
  return {
    electron: readJson<{ version: string }>(join(electronDir, 'package.json')).version,
    abi: readFileSync(join(electronDir, 'abi_version'), 'utf8').trim(),
    platform,
    arch,
    module: readJson<{ version: string }>(join(packageDir, 'package.json')).version,
  };
}

/** Why the folder's build does not fit (missing, other versions, altered file), or undefined when it does. */
export function staleness(folder: string, target: Target): string | undefined {
  const modulePath = join(folder, NATIVE_MODULE_FILE);
  const stampPath = join(folder, NATIVE_STAMP_FILE);
  if (!existsSync(modulePath) || !existsSync(stampPath)) return 'there is none yet';
  let stamp: Partial<NativeBuildStamp>;
  try {
    stamp = readJson<Partial<NativeBuildStamp>>(stampPath);
  } catch {
    return 'its stamp is unreadable';
  }
  if (stamp.electron !== target.electron || stamp.abi !== target.abi || stamp.platform !== target.platform || stamp.arch !== target.arch) {
    return `the one there was built for ${describe({ electron: stamp.electron ?? '?', abi: stamp.abi ?? '?' })} on ${stamp.platform}-${stamp.arch}, not ${describe(target)} on ${target.platform}-${target.arch}`;
  }
  if (stamp.module !== target.module) return `the one there was built from ${SQLCIPHER_PACKAGE} ${stamp.module}, not ${target.module}`;
  if (stamp.sha256 !== sha256(modulePath)) return 'the module file no longer matches its stamp';
  return undefined;
}

/** npm passes its config as npm_config_* variables; these would steer a build at Node's own headers (npm's nodedir). */
const BUILD_STEERING = /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|build_from_source|debug|platform)$/i;
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !BUILD_STEERING.test(name)));
}

function run(what: string, command: string, args: string[], cwd: string, timeout: number): string | undefined {
  console.log(`\n> ${what}`);
  const result = spawnSync(command, args, { cwd, env: childEnv(), stdio: ['ignore', 'inherit', 'inherit'], timeout });
  if (result.error) return `${what} could not run: ${result.error.message}`;
  if (result.status !== 0) return `${what} failed (exit ${result.status ?? result.signal}; its output is above)`;
  return undefined;
}

/** (1) A prebuilt binary for the Electron runtime, downloaded by prebuild-install into a scratch package folder. */
function tryPrebuilt(work: string, target: Target): { file: string } | { failure: string } {
  const dir = join(work, 'prebuilt');
  mkdirSync(dir);
  copyFileSync(join(packageDir, 'package.json'), join(dir, 'package.json'));
  const cli = join(root, 'node_modules', 'prebuild-install', 'bin.js');
  if (!existsSync(cli)) return { failure: 'prebuild-install is not installed' };
  const args = [cli, '--runtime', 'electron', '--target', target.electron, '--platform', target.platform, '--arch', target.arch, '--verbose'];
  const failure = run(`prebuild-install: a prebuilt binary for ${describe(target)} on ${target.platform}-${target.arch}`, process.execPath, args, dir, PREBUILT_TIMEOUT_MS);
  const file = join(dir, 'build', 'Release', NATIVE_MODULE_FILE);
  if (failure) return { failure };
  return existsSync(file) ? { file } : { failure: `prebuild-install reported success but left no ${NATIVE_MODULE_FILE}` };
}

/** (2) A compile of a COPY of the package (node_modules' Node build stays as it is) against Electron's headers. */
function tryCompile(work: string, target: Target): { file: string } | { failure: string } {
  if (target.platform !== process.platform || target.arch !== process.arch) {
    return { failure: `compiling is possible only for this machine (${process.platform}-${process.arch})` };
  }
  const dir = join(work, 'source');
  cpSync(packageDir, dir, {
    recursive: true,
    filter: (path) => {
      const inside = relative(packageDir, path);
      return inside !== 'build' && !inside.startsWith(`build${sep}`) && inside !== 'node_modules' && !inside.startsWith(`node_modules${sep}`);
    },
  });
  const cli = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (!existsSync(cli)) return { failure: 'node-gyp is not installed' };
  const args = [
    cli,
    'rebuild',
    '--release',
    `--target=${target.electron}`,
    `--arch=${target.arch}`,
    `--dist-url=${process.env.RECIPROCAL_ELECTRON_HEADERS_URL ?? ELECTRON_HEADERS}`,
    `--jobs=${availableParallelism()}`,
    // Electron's headers in a cache of their own, as Electron's docs advise, apart from Node's.
    `--devdir=${process.env.RECIPROCAL_ELECTRON_HEADERS_DIR ?? join(homedir(), '.electron-gyp')}`,
  ];
  const failure = run(`node-gyp: compiling ${SQLCIPHER_PACKAGE} ${target.module} against the headers of ${describe(target)} (a few minutes)`, process.execPath, args, dir, COMPILE_TIMEOUT_MS);
  const file = join(dir, 'build', 'Release', NATIVE_MODULE_FILE);
  if (failure) return { failure };
  return existsSync(file) ? { file } : { failure: `node-gyp reported success but left no ${NATIVE_MODULE_FILE}` };
}

/**
 * Whether `file` is a module for `abi`, checked by loading it in this Node: a module for another ABI
 * is refused with a message naming its NODE_MODULE_VERSION. Returns the problem, or undefined when it
 * fits (or could not be told: other platforms word the refusal differently, so that is only a warning).
 */
export function abiProblem(file: string, abi: string): string | undefined {
  const result = spawnSync(process.execPath, ['-e', 'require(process.argv[1])', file], { encoding: 'utf8', timeout: 60_000 });
  if (result.status === 0) {
    return abi === process.versions.modules ? undefined : `${file} is a module for this Node (ABI ${process.versions.modules}), not for ABI ${abi}`;
  }
  const built = /NODE_MODULE_VERSION (\d+)/.exec(result.stderr ?? '')?.[1];
  if (built === undefined) {
    console.warn(`Could not confirm the ABI of ${file} under Node (it did not load: ${(result.stderr ?? '').trim().split('\n')[0] ?? ''}); going ahead.`);
    return undefined;
  }
  return built === abi ? undefined : `${file} was built for ABI ${built}, not ${abi}`;
}

/** Copies the module in, then writes the stamp: a stamp always describes a complete file. */
function install(file: string, folder: string, target: Target, source: NativeBuildStamp['source']): void {
  mkdirSync(folder, { recursive: true });
  rmSync(join(folder, NATIVE_STAMP_FILE), { force: true });
  const temporary = join(folder, `${NATIVE_MODULE_FILE}.partial`);
  copyFileSync(file, temporary);
  renameSync(temporary, join(folder, NATIVE_MODULE_FILE));
  const stamp: NativeBuildStamp = { ...target, source, sha256: sha256(join(folder, NATIVE_MODULE_FILE)) };
  writeFileSync(join(folder, `${NATIVE_STAMP_FILE}.partial`), `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(join(folder, `${NATIVE_STAMP_FILE}.partial`), join(folder, NATIVE_STAMP_FILE));
}

export function prepare(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { platform: { type: 'string' }, arch: { type: 'string' }, force: { type: 'boolean' } } });
  const target = installedTarget(values.platform, values.arch);
  const nativeRoot = resolve(process.env.RECIPROCAL_NATIVE_DIR ?? join(root, 'native'));
  const folder = join(nativeRoot, nativeFolderName(target.platform, target.arch));
  const why = values.force ? 'asked to (--force)' : staleness(folder, target);
  if (why === undefined) {
    console.log(`SQLCipher for ${describe(target)} on ${target.platform}-${target.arch} is ready: ${folder}`);
    return 0;
  }
  console.log(`Preparing SQLCipher (${SQLCIPHER_PACKAGE} ${target.module}) for ${describe(target)} on ${target.platform}-${target.arch}: ${why}.`);

  const work = mkdtempSync(join(tmpdir(), 'reciprocal-native-'));
  const failures: string[] = [];
  try {
    for (const [source, attempt] of [
      ['prebuilt', tryPrebuilt],
      ['compiled', tryCompile],
    ] as const) {
      const result = attempt(work, target);
      if ('failure' in result) {
        failures.push(`${source === 'prebuilt' ? 'Prebuilt binary' : 'Compiling'}: ${result.failure}.`);
        continue;
      }
      const problem = abiProblem(result.file, target.abi);
      if (problem) {
        failures.push(`${source === 'prebuilt' ? 'Prebuilt binary' : 'Compiling'}: ${problem}.`);
        continue;
      }
      install(result.file, folder, target, source);
      console.log(`SQLCipher for ${describe(target)} is ready (${source}): ${folder}`);
      return 0;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.error(
    [
      '',
      `Could not prepare the SQLCipher module for ${describe(target)} on ${target.platform}-${target.arch}, which the desktop app needs.`,
      ...failures.map((failure) => `  - ${failure}`),
      'What to do:',
      '  - On a machine that can reach GitHub (prebuilt binaries) or electronjs.org (Electron headers), run',
      `    \`${PREPARE_COMMAND}\` again; compiling also needs Python 3 and a C++ compiler (build-essential, Xcode tools, or Visual Studio Build Tools).`,
      '  - Or point it at mirrors: npm_config_better_sqlite3_multiple_ciphers_binary_host=<url> for prebuilt binaries,',
      '    RECIPROCAL_ELECTRON_HEADERS_URL=<url> for the headers (RECIPROCAL_ELECTRON_HEADERS_DIR=<dir> if they are already unpacked there).',
      'Tests and the command line do not need it: they use the Node build in node_modules, which was left as it was.',
    ].join('\n'),
  );
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = prepare(process.argv.slice(2));
}
