import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PASSPHRASE, expectOk, tempDir, unlockedCore } from '../helpers/vault';
import { createCore } from '../../electron/core';
import { TEST_SCRYPT } from '../helpers/vault';
import { seededRandom } from '../../electron/core/util/random';

const KILLS = 50;
const BATCH = 100;
let dir: string;
let cleanup: () => void;
// Bundled once so that each of the 50 children starts in plain Node, without compiling TypeScript again.
const writerBundle = join(__dirname, '.build', 'writer.mjs');
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('reciprocal-kill-'));
  await build({
    entryPoints: [join(__dirname, 'writer.ts')],
    outfile: writerBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    // Aliased: bundled dependencies may import createRequire themselves.
    banner: { js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
});
afterAll(() => cleanup());

/** Starts the writer, lets it run for `delayMs` after it is ready, then SIGKILLs it; returns what it reported as committed. */
function runAndKill(vaultDir: string, start: number, delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerBundle, vaultDir, String(start)], {
      env: { ...process.env, RECIPROCAL_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: number[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (line.startsWith('committed ')) committed.push(Number(line.slice(10)));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve(committed);
    });
  });
}

describe('a process killed during writes', () => {
  it(`never corrupts the vault and keeps every reported write (${KILLS} SIGKILLs at random moments)`, async () => {
    const { session, vaultDir } = await unlockedCore(dir);
    session.lock();
    const random = seededRandom(20261122);
    const reported: number[] = [];
    let next = 1;

    for (let round = 0; round < KILLS; round++) {
      const committed = await runAndKill(vaultDir, next, Math.floor(random() * 400));
      reported.push(...committed);
      next = (committed.at(-1) ?? next) + 1;

      const check = createCore(vaultDir, { scrypt: TEST_SCRYPT });
      expectOk(await check.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
      const db = check.session.db;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(expectOk(await check.registry.invoke('audit.verify', {}))).toMatchObject({ ok: true });

      const names = new Set((db.prepare('SELECT name FROM pilots').all() as { name: string }[]).map((r) => r.name));
      const batches = db.prepare('SELECT batch, count(*) AS n FROM reliability_batches GROUP BY batch').all() as { batch: number; n: number }[];
      for (const b of batches) expect(b.n, `batch ${b.batch} is whole`).toBe(BATCH);
      const batchIds = new Set(batches.map((b) => b.batch));
      for (const n of reported) {
        if (n % 4 === 0) expect(batchIds.has(n), `batch ${n} was reported committed`).toBe(true);
        else expect(names.has(`row ${n}`), `row ${n} was reported committed`).toBe(true);
      }
      // A write may land without being reported (killed between commit and print); the next run continues after it.
      const highest = Math.max(0, ...[...names].map((name) => Number(name.slice(4))), ...batchIds);
      if (highest >= next) next = highest + 1;
      check.session.lock();
    }
    expect(reported.length).toBeGreaterThan(KILLS);
    console.log(`kill -9 test: ${KILLS} kills, ${reported.length} reported writes all present, integrity ok each time`);
  }, 300_000);
});
