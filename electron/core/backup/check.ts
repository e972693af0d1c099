import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, fromDatabaseError } from '../errors';
import { applyKey } from '../db/open';
import { openDatabaseFile } from '../db/native-binding';
import { asReadDb, value } from '../db/query';
import type { Db } from '../db/types';
import { verifyAudit } from '../audit';
import { KEY_FILE, readKeyFile, unwrapDataKey, wipe } from '../vault';
import type { UnlockInput } from '../../../shared/vault/contract';
import type { BackupCheck } from '../../../shared/backup/contract';
import { MAIN_DATABASE, readBackup, type BackupHeader, type DatabaseCopy } from './format';
import { schemaVersion, tableRowCounts } from './repository';

const OWNER_ONLY = 0o600;

/** Writes a backup's files into `dir` as a vault folder: its databases and the key file, owner-only. */
export function writeVaultFiles(dir: string, header: BackupHeader, databases: DatabaseCopy[]): void {
  for (const copy of databases) writeFileSync(join(dir, copy.file), copy.bytes, { mode: OWNER_ONLY, flag: 'wx' });
  writeFileSync(join(dir, KEY_FILE), header.keyFile, { mode: OWNER_ONLY, flag: 'wx' });
}

/**
 * Opens a backup with the passphrase (or recovery key) it was made with and runs the integrity and
 * audit checks. The live vault is never opened: the backup's databases are written to a private
 * temporary folder (they stay encrypted there), checked, and removed.
 */
export async function verifyBackupFile(path: string, secret: UnlockInput): Promise<BackupCheck> {
  const { header, databases } = readBackup(path);
  const scratch = mkdtempSync(join(tmpdir(), 'reciprocal-verify-'));
  try {
    writeVaultFiles(scratch, header, databases);
    const dataKey = await unwrapDataKey(readKeyFile(join(scratch, KEY_FILE)), secret);
    try {
      return checkDatabases(scratch, dataKey, header, databases);
    } finally {
      wipe(dataKey);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Checks a backup just written, with the data key the passphrase already unwrapped from the same key
 * file (the header must hold exactly that file), so a new backup costs one key derivation, not two.
 * Reading the file back proves every database in it is byte for byte the snapshot taken (the
 * checksums in its header), and each opens with the key and has an intact audit trail; decrypting
 * and checking every page (SQLite's integrity_check, ~4× the time of copying the files) is left to
 * `backup verify` and restore, which run it on the file itself.
 */
export function checkWrittenBackup(path: string, dataKey: Buffer, keyFileText: string): BackupCheck {
  const { header, databases } = readBackup(path);
  if (header.keyFile !== keyFileText) throw new AppError('CONFLICT', 'The vault’s key file changed while the backup was being written (was the passphrase changed?). Make the backup again.');
  const scratch = mkdtempSync(join(tmpdir(), 'reciprocal-verify-'));
  try {
    writeVaultFiles(scratch, header, databases);
    return checkDatabases(scratch, dataKey, header, databases, 'opens');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * How deeply a backup's databases are checked: `pages` runs integrity_check over every page; `opens`
 * (a backup just written, already proven identical to the snapshot) only opens each with the key.
 */
export type CheckDepth = 'pages' | 'opens';

/** Enough page cache to hold the whole database (capped), so integrity_check decrypts each page once, not once per visit. */
const CHECK_CACHE_KIB = 512 * 1024;

/** Every database in the folder: integrity_check each (all are under the main key in a backup), the audit trail and counts in the main one. */
export function checkDatabases(dir: string, dataKey: Buffer, header: BackupHeader, databases: DatabaseCopy[], depth: CheckDepth = 'pages'): BackupCheck {
  const problems: string[] = [];
  let main: Omit<BackupCheck, 'integrity' | 'createdAt' | 'bytes'> | undefined;
  for (const copy of databases) {
    withBackupDatabase(join(dir, copy.file), dataKey, (db) => {
      if (depth === 'pages') {
        db.pragma(`cache_size=-${Math.min(CHECK_CACHE_KIB, Math.ceil(copy.bytes.length / 1024) + 1024)}`);
        const findings = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((row) => row.integrity_check);
        if (!(findings.length === 1 && findings[0] === 'ok')) problems.push(...findings.map((finding) => `${copy.file}: ${finding}`));
      }
      if (copy.file !== MAIN_DATABASE) return;
      const read = asReadDb(db);
      const audit = verifyAudit(read);
      const counts = tableRowCounts(read);
      main = {
        audit: { ok: audit.ok, entries: audit.entries, brokenAt: audit.brokenAt, headHash: audit.headHash },
        tables: counts.size,
        rows: [...counts.values()].reduce((sum, n) => sum + n, 0),
        participants: counts.get('participants') ?? 0,
        schemaVersion: schemaVersion(read),
      };
    });
  }
  if (!main) throw new AppError('VAULT_CORRUPT', 'This backup file has no main database. Use another backup; nothing was changed.');
  return { ...main, integrity: { ok: problems.length === 0, problems }, createdAt: header.createdAt, bytes: databases.reduce((sum, copy) => sum + copy.bytes.length, 0) };
}

/** Opens one backed-up database read-only in effect (query_only), keyed, and closes it after `work`. */
export function withBackupDatabase<T>(path: string, dataKey: Buffer, work: (db: Db) => T): T {
  let db: Db | undefined;
  try {
    db = openDatabaseFile(path, { fileMustExist: true });
    applyKey(db, dataKey);
    try {
      value(asReadDb(db), 'SELECT count(*) FROM sqlite_master');
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new AppError('VAULT_CORRUPT', 'The backup’s database cannot be read with its own key file: the file is damaged. Use another backup; nothing was changed.');
      }
      throw error;
    }
    db.pragma('query_only=ON');
    return work(db);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const mapped = fromDatabaseError(error);
    if (mapped?.code === 'VAULT_CORRUPT') throw new AppError('VAULT_CORRUPT', `The backup’s database is damaged (${(error as Error).message}). Use another backup; nothing was changed.`);
    throw mapped ?? error;
  } finally {
    db?.close();
  }
}

/** Whether a check found the backup fit to restore from. */
export const backupSound = (check: BackupCheck): boolean => check.integrity.ok && check.audit.ok;
