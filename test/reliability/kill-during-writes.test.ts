import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bundleChild, runChild } from './child-process';
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
  await bundleChild(join(__dirname, 'writer.ts'), writerBundle);
});
afterAll(() => cleanup());

/** Starts the writer, lets it run for `delayMs` after it is ready, then SIGKILLs it; returns what it reported as committed. */
async function runAndKill(vaultDir: string, start: number, delayMs: number): Promise<number[]> {
  const run = await runChild(writerBundle, [vaultDir, String(start)], { RECIPROCAL_PASSPHRASE: PASSPHRASE }, delayMs);
  if (!run.killed) throw new Error(`writer exited by itself: ${run.lines.join(' | ')}`);
  return run.lines.filter((line) => line.startsWith('committed ')).map((line) => Number(line.slice(10)));
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
