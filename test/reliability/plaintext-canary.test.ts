import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PASSPHRASE, expectOk, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import type { Pilot } from '../../shared/pilots/contract';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-canary-'));

/**
 * Every readable regular file below `root` (skipping other users' unreadable folders and huge files),
 * or only those modified since `since`: the canary is random and made when the test starts, so an
 * older file cannot hold it. That keeps the OS temp folder's scan short on a machine whose temp
 * folder holds a whole checkout with its node_modules (CI clones there).
 */
function* filesUnder(root: string, since = 0): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path, since);
    else if (entry.isFile()) {
      try {
        const stats = statSync(path);
        if (stats.size < 256 * 1024 * 1024 && stats.mtimeMs >= since) yield path;
      } catch {
        /* vanished while walking */
      }
    }
  }
}

function filesContaining(root: string, needles: Buffer[], since = 0): string[] {
  const hits: string[] = [];
  for (const path of filesUnder(root, since)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
  }
  return hits;
}

describe('plaintext canary', () => {
  it('a string written through the handlers appears nowhere on disk in clear, while open or after locking', async () => {
    // A second of slack for file systems that store coarse modification times.
    const testStart = Date.now() - 1000;
    const canary = `CANARY-${randomBytes(8).toString('hex')}`;
    const needles = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le')];
    const { registry, session, vaultDir } = await unlockedCore(dir);

    const pilot = expectOk(await registry.invoke('pilots.create', { name: `${canary} pilot`, purpose: `Purpose ${canary}`, startDate: '2026-10-01', endDate: '2027-06-30' })) as Pilot;
    expectOk(await registry.invoke('pilots.update', { id: pilot.id, changes: { purpose: `Changed ${canary} ${'long text '.repeat(300)}` } }));
    // Enough writes to spread the canary over many WAL frames and pages (about 250 KB of rows).
    for (let i = 0; i < 200; i++) expectOk(await registry.invoke('pilots.create', { name: `${canary} ${i}`, purpose: canary.repeat(50), startDate: '2026-10-01', endDate: '2027-06-30' }));
    // And a sort bigger than the page cache: pilots.list sorts on an unindexed column, and with the
    // cache cut from 64 MiB to 64 KiB its rows no longer fit. SQLite would spill such a sort to a
    // temp file; temp_store=MEMORY keeps it in memory instead. (SQLite unlinks its temp files as it
    // opens them, so the temp-folder scan below catches files left by anything else; the guard
    // against SQLite's own is temp_store, checked here and in vault.test.ts.)
    session.db.pragma('cache_size=-64');
    expect(session.db.pragma('temp_store', { simple: true })).toBe(2);
    expect((expectOk(await registry.invoke('pilots.list', {})) as Pilot[]).length).toBe(201);

    expect(filesContaining(vaultDir, needles), 'vault folder while unlocked (database + WAL)').toEqual([]);
    expectOk(await registry.invoke('vault.lock', {}));
    expect(filesContaining(vaultDir, needles), 'vault folder after locking').toEqual([]);
    expect(filesContaining(tmpdir(), needles, testStart), 'the OS temp folder').toEqual([]);

    // The test can find the canary where it is in clear, so a miss above is meaningful.
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'control.txt'), `control ${canary}`);
    expect(filesContaining(dir, needles)).toEqual([join(dir, 'control.txt')]);
    // …and the temp-folder scan, limited to files changed since the test began, still sees it.
    expect(filesContaining(tmpdir(), needles, testStart)).toEqual([join(dir, 'control.txt')]);
  });
});
