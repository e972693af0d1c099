import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { AppError, fromDatabaseError } from '../errors';
import type { Db } from './types';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations';
import { openDatabaseFile, sqlcipherBinding } from './native-binding';

/** Applies SQLCipher 4 settings and the raw 32-byte key, before anything reads the file. */
export function applyKey(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  // A raw key (x'…') skips SQLCipher's own PBKDF2: our KDF already ran once, on unlock.
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

export function applyConnectionSettings(db: Db): void {
  db.pragma('temp_store=MEMORY'); // temp files would not be encrypted
  db.pragma('foreign_keys=ON');
  db.pragma('synchronous=FULL');
  // 64 MiB of decrypted pages: screens re-read the same rows, and every miss costs a page decryption.
  db.pragma('cache_size=-65536');
}

/**
 * Opens an existing vault database with its data key. Verifies the key with a read before anything
 * else, refuses a schema newer than this app, then migrates. Nothing is written unless the key
 * verified and the schema is older than the app's. With `integrity`, quick_check runs before the
 * migration and its findings are put there; a damaged file that needs migrating is refused.
 */
export function openVaultDatabase(path: string, key: Buffer, integrity?: { problems: string[] }): Db {
  let db: Db;
  try {
    db = openDatabaseFile(path, { fileMustExist: true });
  } catch (error) {
    if (error instanceof AppError) throw error; // no SQLCipher module for this runtime: its own message says what to run
    throw fromDatabaseError(error) ?? new AppError('IO_ERROR', `The vault database could not be opened: ${(error as Error).message}`);
  }
  try {
    applyKey(db, key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new AppError(
          'VAULT_CORRUPT',
          'The vault database cannot be read with this vault’s key: the file is damaged or belongs to a different key file. Nothing was changed.',
        );
      }
      throw error;
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('VAULT_TOO_NEW', `This vault uses data format ${version}, newer than this app understands (${LATEST_SCHEMA_VERSION}). Update Reciprocal to open it; nothing was changed.`);
    }
    applyConnectionSettings(db);
    if ((db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode=WAL');
    if (integrity) {
      // Before migrating: an upgrade rewrites tables, which must not happen on a damaged file.
      integrity.problems = quickCheck(db);
      if (integrity.problems.length > 0 && version < LATEST_SCHEMA_VERSION) {
        throw new AppError(
          'VAULT_CORRUPT',
          `The vault database is damaged (its quick check failed), and it is in an older data format (${version}) that this app would have to upgrade, which is not safe on a damaged file. Nothing was changed: restore the vault from your latest backup, or open it with the version of Reciprocal that made it.`,
        );
      }
    }
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw fromDatabaseError(error) ?? error;
  }
}

/** At most this many findings are kept: enough to describe the damage, never a flood. */
const QUICK_CHECK_LIMIT = 10;

/**
 * SQLite's quick_check (every page and b-tree, without matching indexes to rows): its findings, or
 * none when the file is sound. Reads the whole file, about 50–180 ms for the 15 MB 5,000-person demo
 * vault; damage that stops the check itself is a finding too.
 */
export function quickCheck(db: Db): string[] {
  const whole = quickCheckFindings(db, `quick_check(${QUICK_CHECK_LIMIT})`);
  if (whole.length === 0) return [];
  // Only when damaged: once a page fails SQLCipher's HMAC, the rest of that statement's reads fail
  // too, so the whole-file findings overstate the damage. Table by table shows where it really is.
  let tables: string[];
  try {
    tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
  } catch {
    return whole; // the schema itself is unreadable
  }
  const byTable = tables.flatMap((name) => quickCheckFindings(db, `quick_check("${name.replace(/"/g, '""')}")`).slice(0, 3).map((finding) => `${name}: ${finding}`));
  // Nothing table by table: the damage is outside every table (the free-page list), which only the whole-file check sees.
  return (byTable.length > 0 ? byTable : whole).slice(0, QUICK_CHECK_LIMIT);
}

function quickCheckFindings(db: Db, pragma: string): string[] {
  try {
    // One row per finding, or (newer SQLite) one row of lines under a "*** in database main ***" heading.
    const findings = (db.pragma(pragma) as { quick_check: string }[])
      .flatMap((row) => row.quick_check.split('\n'))
      .filter((line) => line.trim() !== '' && !line.startsWith('*** in database'));
    return findings.length === 1 && findings[0] === 'ok' ? [] : findings;
  } catch (error) {
    if (fromDatabaseError(error)?.code !== 'VAULT_CORRUPT') throw error;
    return [`part of it cannot be read (${(error as Error).message})`];
  }
}

/**
 * Opens a damaged vault database read-only: SQLite itself then refuses every write, and closing it
 * never checkpoints into the file. The caller has already verified the key on a normal connection.
 */
export function openVaultDatabaseReadOnly(path: string, key: Buffer): Db {
  const db = openDatabaseFile(path, { fileMustExist: true, readonly: true });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    applyConnectionSettings(db);
    db.pragma('query_only=ON');
    return db;
  } catch (error) {
    db.close();
    throw fromDatabaseError(error) ?? error;
  }
}

/** Owner-only: the files are encrypted, but their size and timing are nobody else's business either. */
const OWNER_ONLY = 0o600;

/**
 * Creates the database file of a new vault, keyed and migrated. The empty file is made owner-only
 * before SQLite sees it: SQLite would create it 0644, and it gives the -wal and -shm files the
 * database file's own mode.
 */
export function createVaultDatabase(path: string, key: Buffer): Db {
  sqlcipherBinding(); // a missing SQLCipher module must fail before the file exists, or the folder would no longer be empty
  closeSync(openSync(path, 'wx', OWNER_ONLY));
  const db = openDatabaseFile(path);
  try {
    applyKey(db, key);
    applyConnectionSettings(db);
    db.pragma('journal_mode=WAL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw fromDatabaseError(error) ?? error;
  }
}

/**
 * Takes group and other access away from a vault database and its -wal/-shm files, which older
 * versions created 0644 (POSIX only). Best effort: a file we may not chmod must not block unlocking.
 */
export function restrictVaultFileModes(path: string): void {
  if (process.platform === 'win32') return;
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, OWNER_ONLY);
    } catch {
      /* absent (no WAL yet) or not ours to change */
    }
  }
}
