import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core';
import { fixedFolderHost } from '../electron/core/host';
import { verifyBackupFile } from '../electron/core/backup';
import { seededRandom } from '../electron/core/util/random';
import { BENCH_PASSPHRASE, consentEveryone, createBenchPilot, importBenchPeople, must, seedHeldPairsWithLogs } from './bench-vault';
import { median, report } from './stats';

const PEOPLE = 5_000;
const MEETINGS_PER_PAIR = 4;
const RUNS = 3;

/**
 * A full backup and its verification of a whole university's pilot (5,000 people, 2,500 pairs,
 * 10,000 meetings, 20,000 submitted logs), against copying the vault's files (target: each within
 * 3× the copy). The backup goes through the channel the screen calls (snapshot, file written,
 * then opened and checked); verify opens the written file with the passphrase. Key derivation is
 * at the bench's cheap cost (N = 2^12): the app's own (N = 2^17, about half a second each time) is
 * the vault bench's figure, paid once by a backup and once by a verification.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reciprocal-bench-backup-'));
  try {
    const out = join(dir, 'out');
    mkdirSync(out);
    const vaultDir = join(dir, 'vault');
    const core = createCore(vaultDir, { scrypt: { N: 2 ** 12, r: 8, p: 1 }, now: () => new Date('2027-06-15T09:00:00Z'), host: fixedFolderHost(out) });
    must(await core.registry.call('vault.create', { passphrase: BENCH_PASSPHRASE }));
    const { registry, session } = core;
    const pilotId = await createBenchPilot(registry);
    await importBenchPeople(registry, pilotId, PEOPLE);
    await consentEveryone(core, pilotId);

    // Seeding only, in one transaction: pairs, held meetings and two submitted logs per meeting.
    const db = session.db;
    const random = seededRandom(15);
    const words = 'belonging feedback seminar confidence culture assessment timetable voice listening perspective induction campus'.split(' ');
    const paragraph = () => Array.from({ length: 30 + Math.floor(random() * 20) }, () => words[Math.floor(random() * words.length)]).join(' ');
    db.transaction(() => {
      const people = db.prepare('SELECT id, role FROM participants WHERE pilot_id = ? ORDER BY id').all(pilotId) as { id: number; role: 'mentor' | 'mentee' }[];
      seedHeldPairsWithLogs(db, pilotId, people, MEETINGS_PER_PAIR, () => [paragraph(), paragraph(), paragraph(), paragraph(), paragraph(), paragraph()]);
    }).immediate();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const logs = db.prepare('SELECT count(*) FROM reflective_logs').pluck().get() as number;
    const vaultBytes = readdirSync(vaultDir).reduce((n, file) => n + statSync(join(vaultDir, file)).size, 0);
    console.log(`# seeded ${PEOPLE} people, ${logs} submitted logs; vault folder ${(vaultBytes / 1e6).toFixed(1)} MB`);

    // The baseline: copying every file of the vault folder (what a careful coordinator would do by hand).
    // Twice: as `cp` does it (into the page cache), and flushed to disk as a backup must be (the backup file is fsynced).
    const copy: number[] = [];
    const copyFlushed: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const flush of [false, true]) {
        const target = join(dir, `copy-${i}-${flush}`);
        mkdirSync(target);
        const t = performance.now();
        for (const file of readdirSync(vaultDir)) {
          copyFileSync(join(vaultDir, file), join(target, file));
          if (flush) {
            const fd = openSync(join(target, file), 'r+');
            fsyncSync(fd);
            closeSync(fd);
          }
        }
        (flush ? copyFlushed : copy).push(performance.now() - t);
        rmSync(target, { recursive: true, force: true });
      }
    }

    const backup: number[] = [];
    const verify: number[] = [];
    let file = '';
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const made = must(await registry.call('backup.create', { passphrase: BENCH_PASSPHRASE, fileName: `bench-${i}.reciprocal-backup` }));
      backup.push(performance.now() - t);
      file = made.file;
      t = performance.now();
      await verifyBackupFile(file, { passphrase: BENCH_PASSPHRASE });
      verify.push(performance.now() - t);
    }
    const copyMs = median(copy);
    report('backup-copy-files-5000-people-20000-logs', copyMs, 'ms (median of 3: the baseline, cp into the page cache)', 0);
    report('backup-copy-files-fsynced', median(copyFlushed), 'ms (median of 3: the same, flushed to disk)', 0);
    report('backup-create-vs-fsynced-copy', median(backup) / median(copyFlushed), '×', 2);
    report('backup-verify-vs-fsynced-copy', median(verify) / median(copyFlushed), '×', 2);
    report('backup-create-and-check-5000-people-20000-logs', median(backup), 'ms (median of 3)', 0);
    report('backup-verify-5000-people-20000-logs', median(verify), 'ms (median of 3)', 0);
    report('backup-create-vs-copy', median(backup) / copyMs, '× the copy (target ≤ 3)', 2);
    report('backup-verify-vs-copy', median(verify) / copyMs, '× the copy (target ≤ 3)', 2);
    report('backup-file-size', statSync(file).size / 1e6, 'MB', 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
