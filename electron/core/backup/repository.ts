import { existsSync, readFileSync, statSync } from 'node:fs';
import { many, one, run, transaction, value, type ReadDb, type WriteDb } from '../db/query';
import { backupRecordSchema, type BackupRecord } from '../../../shared/backup/contract';

/**
 * The backup's SQL: the snapshot itself, the record of the latest backup (kept in `meta`, so it
 * needs no table of its own), and the counts a verification reports.
 */

/**
 * A consistent copy of the whole database, encrypted with the vault's key, in a new file. VACUUM INTO
 * reads one snapshot (writes made meanwhile are simply not in it) and cannot run inside a transaction.
 */
export function snapshotInto(db: WriteDb, schema: string, path: string): void {
  // The schema name comes from PRAGMA database_list, quoted; the path is bound.
  run(db, `VACUUM "${schema.replace(/"/g, '""')}" INTO ?`, [path]);
}

/**
 * The main database's file as it is on disk (already encrypted with the vault's key), when that is a
 * consistent snapshot: after a full checkpoint the WAL is empty and the file holds every committed
 * page, and the write lock is held while it is read, so nothing can be appended meanwhile. Ten times
 * faster than VACUUM INTO on a large vault (it copies bytes instead of rebuilding every table and
 * index). Undefined when another connection kept the checkpoint from finishing: use snapshotInto.
 */
export function copyMainDatabase(db: WriteDb, path: string): Buffer | undefined {
  const [checkpoint] = many<{ busy: number; log: number }>(db, 'PRAGMA main.wal_checkpoint(TRUNCATE)');
  if (!checkpoint || checkpoint.busy !== 0 || checkpoint.log !== 0) return undefined;
  return transaction(db, () => {
    const wal = `${path}-wal`;
    if (existsSync(wal) && statSync(wal).size !== 0) return undefined;
    return readFileSync(path);
  });
}

/** The databases on the connection that live in files: main, and any attached (interviews). */
export function databaseFiles(db: ReadDb): { schema: string; file: string }[] {
  return many<{ name: string; file: string }>(db, 'PRAGMA database_list')
    .filter((row) => row.name !== 'temp' && row.file !== '')
    .map((row) => ({ schema: row.name, file: row.file }));
}

const LATEST_BACKUP = 'latest_backup';
const LAST_VERIFIED = 'last_verified_backup_at';

export function latestBackup(db: ReadDb): BackupRecord | null {
  const text = value<string>(db, 'SELECT value FROM meta WHERE key = ?', [LATEST_BACKUP]);
  if (text === undefined) return null;
  const parsed = backupRecordSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

/** When the newest verified backup was verified (it may be older than the latest backup, if that one failed). */
export function lastVerifiedAt(db: ReadDb): string | null {
  return value<string>(db, 'SELECT value FROM meta WHERE key = ?', [LAST_VERIFIED]) ?? null;
}

export function recordBackup(db: WriteDb, record: BackupRecord): void {
  const upsert = 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';
  run(db, upsert, [LATEST_BACKUP, JSON.stringify(record)]);
  if (record.verifiedAt) run(db, upsert, [LAST_VERIFIED, record.verifiedAt]);
}

/** Every ordinary table with its row count (FTS shadow tables and SQLite's own are left out: they follow their tables). */
export function tableRowCounts(db: ReadDb): Map<string, number> {
  const tables = many<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%_fts_%' ORDER BY name",
  );
  // Table names come from the schema itself, quoted: no input reaches this SQL.
  return new Map(tables.map(({ name }) => [name, value<number>(db, `SELECT count(*) FROM "${name.replace(/"/g, '""')}"`) ?? 0]));
}

export function schemaVersion(db: ReadDb): number {
  return one<{ user_version: number }>(db, 'PRAGMA user_version')?.user_version ?? 0;
}
