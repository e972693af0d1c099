import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { AppError, fromDatabaseError } from '../errors';
import type { Db } from './types';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations';

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
 * verified and the schema is older than the app's.
 */
export function openVaultDatabase(path: string, key: Buffer): Db {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (error) {
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
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
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
  closeSync(openSync(path, 'wx', OWNER_ONLY));
  const db = new Database(path);
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
