import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createVault, closeVault, unlockVault, passphraseBytes } from '../electron/core/vault/vault';
import { DEFAULT_SCRYPT, deriveWrappingKey, newScryptParams } from '../electron/core/vault/crypto';
import { applyKey, applyConnectionSettings } from '../electron/core/db/open';
import { seededRandom } from '../electron/core/util/random';
import { median, report, timeMs, timeMsAsync } from './stats';

const PASSPHRASE = 'lantern orbit pebble wisdom';
const ROWS = 100_000;

/** Text shaped like a Gibbs reflective log: six short paragraphs. */
function logRows(count: number): string[][] {
  const random = seededRandom(7);
  const words = 'belonging feedback seminar confidence culture assessment timetable voice listening perspective induction campus'.split(' ');
  const paragraph = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  return Array.from({ length: count }, () => Array.from({ length: 6 }, () => paragraph(30 + Math.floor(random() * 20))));
}

function openDb(path: string, key: Buffer | undefined): Database.Database {
  const db = new Database(path);
  if (key) applyKey(db, key);
  applyConnectionSettings(db);
  db.pragma('journal_mode=WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS logs (id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL, author_id INTEGER NOT NULL,
    description TEXT, feelings TEXT, evaluation TEXT, analysis TEXT, conclusion TEXT, action_plan TEXT);
    CREATE INDEX IF NOT EXISTS logs_by_meeting ON logs (meeting_id);`);
  return db;
}

function insertAll(db: Database.Database, rows: string[][]): number {
  const insert = db.prepare('INSERT INTO logs (meeting_id, author_id, description, feelings, evaluation, analysis, conclusion, action_plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  return timeMs(() => db.transaction(() => rows.forEach((r, i) => insert.run(i >> 1, i % 2, ...r))).immediate());
}

function warmReads(db: Database.Database): number {
  const byId = db.prepare('SELECT * FROM logs WHERE id = ?');
  const byMeeting = db.prepare('SELECT id, author_id, length(description) FROM logs WHERE meeting_id BETWEEN ? AND ?');
  const random = seededRandom(11);
  // The working set of a screen: the most recent 10,000 logs, read once to warm the cache, then timed.
  const run = () => {
    for (let i = 0; i < 20_000; i++) byId.get(ROWS - Math.floor(random() * 10_000));
    for (let i = 0; i < 2_000; i++) {
      const m = ROWS / 2 - Math.floor(random() * 5_000);
      byMeeting.all(m, m + 5);
    }
  };
  run();
  return median([timeMs(run), timeMs(run), timeMs(run)]);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reciprocal-bench-'));
  try {
    // KDF alone vs a whole unlock (KDF + unwrap + open + key check + migration check).
    const kdf = newScryptParams(DEFAULT_SCRYPT);
    const kdfTimes: number[] = [];
    for (let i = 0; i < 5; i++) kdfTimes.push(await timeMsAsync(() => deriveWrappingKey(passphraseBytes(PASSPHRASE), kdf)));
    const vaultDir = join(dir, 'vault');
    closeVault((await createVault(vaultDir, PASSPHRASE)).vault);
    const unlockTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      let vault: Awaited<ReturnType<typeof unlockVault>> | undefined;
      unlockTimes.push(await timeMsAsync(async () => (vault = await unlockVault(vaultDir, { passphrase: PASSPHRASE }))));
      closeVault(vault!);
    }
    const kdfMs = median(kdfTimes);
    const unlockMs = median(unlockTimes);
    report('kdf_scrypt_N2^17', kdfMs, 'ms', 1);
    report('unlock', unlockMs, 'ms', 1);
    report('unlock_over_kdf', unlockMs / kdfMs, 'ratio');

    // 100,000 log-sized rows in one transaction, encrypted vs plain, alternating to share machine noise.
    const rows = logRows(ROWS);
    const insertTimes = { encrypted: [] as number[], plain: [] as number[] };
    const readTimes = { encrypted: [] as number[], plain: [] as number[] };
    for (let round = 0; round < 3; round++) {
      for (const kind of ['plain', 'encrypted'] as const) {
        const path = join(dir, `${kind}-${round}.sqlite`);
        const db = openDb(path, kind === 'encrypted' ? randomBytes(32) : undefined);
        insertTimes[kind].push(insertAll(db, rows));
        readTimes[kind].push(warmReads(db));
        db.close();
        rmSync(path, { force: true });
      }
    }
    const ins = { encrypted: median(insertTimes.encrypted), plain: median(insertTimes.plain) };
    const rd = { encrypted: median(readTimes.encrypted), plain: median(readTimes.plain) };
    report('insert_100k_logs_encrypted', ins.encrypted, 'ms', 0);
    report('insert_100k_logs_plain', ins.plain, 'ms', 0);
    report('insert_encrypted_over_plain', ins.encrypted / ins.plain, 'ratio');
    report('warm_reads_encrypted', rd.encrypted, 'ms', 1);
    report('warm_reads_plain', rd.plain, 'ms', 1);
    report('warm_reads_encrypted_over_plain', rd.encrypted / rd.plain, 'ratio');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
