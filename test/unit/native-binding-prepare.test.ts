import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { NATIVE_MODULE_FILE, NATIVE_STAMP_FILE, PREPARE_COMMAND, nativeFolderName, type NativeBuildStamp } from '../../electron/core/db/native-binding';
import { abiProblem, installedTarget } from '../../scripts/prepare-electron-native';
import { tempDir } from '../helpers/vault';

/**
 * scripts/prepare-electron-native.ts where nothing can be had: a local server answers 404 to the
 * prebuilt-binary download and to Electron's headers, so the run is offline and fast whatever the
 * machine can reach. It must fail saying what to do, and never touch node_modules' Node build.
 */

const SCRIPT = resolve('scripts/prepare-electron-native.ts');
const NODE_BUILD = resolve('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
const target = installedTarget();
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let server: Server;
let mirror: string;
const requested: string[] = [];
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('reciprocal-prepare-'));
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    response.writeHead(404).end();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  cleanup();
});

function runPrepare(nativeDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    RECIPROCAL_NATIVE_DIR: nativeDir,
    RECIPROCAL_ELECTRON_HEADERS_URL: mirror,
    RECIPROCAL_ELECTRON_HEADERS_DIR: join(dir, 'headers'), // empty: nothing cached to compile against
    npm_config_better_sqlite3_multiple_ciphers_binary_host: mirror,
    npm_config_cache: join(dir, 'npm-cache'), // prebuild-install's download cache
    // npm's own setting on this machine, pointing at Node's headers: an Electron build must never use it.
    npm_config_nodedir: '/usr',
  };
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function writeBuild(nativeDir: string, stamp: NativeBuildStamp | ((file: string) => NativeBuildStamp)): string {
  const folder = join(nativeDir, nativeFolderName(target.platform, target.arch));
  mkdirSync(folder, { recursive: true });
  const file = join(folder, NATIVE_MODULE_FILE);
  writeFileSync(file, 'a module built earlier');
  writeFileSync(join(folder, NATIVE_STAMP_FILE), JSON.stringify(typeof stamp === 'function' ? stamp(file) : stamp));
  return folder;
}

describe('npm run prepare:electron', () => {
  it('when nothing can be downloaded or compiled: exits 1 saying what to do, and leaves node_modules and the old build alone', async () => {
    const nodeBuildBefore = sha256(NODE_BUILD);
    const nativeDir = join(dir, 'stale');
    const folder = writeBuild(nativeDir, { ...target, electron: '44.0.0', abi: '140', source: 'compiled', sha256: 'old' });
    const oldStamp = readFileSync(join(folder, NATIVE_STAMP_FILE), 'utf8');

    const { code, stdout, stderr } = await runPrepare(nativeDir);

    expect(code).toBe(1);
    expect(stdout).toContain(`the one there was built for Electron 44.0.0 (ABI 140) on ${target.platform}-${target.arch}, not Electron ${target.electron} (ABI ${target.abi})`);
    expect(stderr).toContain(`Could not prepare the SQLCipher module for Electron ${target.electron} (ABI ${target.abi}) on ${target.platform}-${target.arch}`);
    expect(stderr).toContain(`\`${PREPARE_COMMAND}\` again`);
    expect(stderr).toContain('RECIPROCAL_ELECTRON_HEADERS_URL');
    // Both ways were tried, against the Electron runtime: the prebuilt binary, then Electron's headers.
    expect(requested).toContain(`/v${target.module}/better-sqlite3-multiple-ciphers-v${target.module}-electron-v${target.abi}-${target.platform}-${target.arch}.tar.gz`);
    expect(requested.some((url) => url.includes(`v${target.electron}`) && url.includes('headers'))).toBe(true);
    expect(sha256(NODE_BUILD)).toBe(nodeBuildBefore);
    expect(readFileSync(join(folder, NATIVE_STAMP_FILE), 'utf8')).toBe(oldStamp);
    expect(readFileSync(join(folder, NATIVE_MODULE_FILE), 'utf8')).toBe('a module built earlier');
  });

  it('when the build for this Electron is there: says so and downloads nothing', async () => {
    const nativeDir = join(dir, 'ready');
    const folder = writeBuild(nativeDir, (file) => ({ ...target, source: 'prebuilt', sha256: sha256(file) }));
    const before = requested.length;
    const { code, stdout } = await runPrepare(nativeDir);
    expect(code).toBe(0);
    expect(stdout).toContain(`SQLCipher for Electron ${target.electron} (ABI ${target.abi}) on ${target.platform}-${target.arch} is ready: ${folder}`);
    expect(requested.length).toBe(before);
  });

  it('checks a result by loading it under Node: a build for Node is refused as an Electron build', () => {
    expect(abiProblem(NODE_BUILD, target.abi)).toBe(`${NODE_BUILD} is a module for this Node (ABI ${process.versions.modules}), not for ABI ${target.abi}`);
    expect(abiProblem(NODE_BUILD, process.versions.modules)).toBeUndefined();
  });
});
