/**
 * The interview database: `interviews.sqlite` beside `vault.sqlite`, a SQLCipher 4 file of its own
 * with its own random key. The coordinator's session attaches it to the main connection as
 * `interviews`, so a command touching both (a withdrawal cancelling interviews) is one transaction;
 * an interviewer's session attaches it to an empty in-memory database, so the same SQL runs and
 * the main database is never opened (their key cannot open it).
 */
import { closeSync, existsSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AppError, fromDatabaseError } from '../errors';
import type { Db } from './types';
import { applyConnectionSettings, applyKey, quickCheck, restrictVaultFileModes } from './open';
import { openDatabaseFile } from './native-binding';
import { migrate } from './migrations';
import { interviewMigrations, LATEST_INTERVIEW_SCHEMA_VERSION } from './interview-migrations';
import { fsyncDirectory } from '../util/atomic-write';

export const INTERVIEW_DB_FILE = 'interviews.sqlite';
/** The schema name the interview database is attached under, in every session. */
export const INTERVIEWS_SCHEMA = 'interviews';

/** A new random 32-byte key for the interview database (the same size as the main key). */
export const newInterviewKey = (): Buffer => randomBytes(32);

/**
 * Makes the interview database in `dir`, keyed and migrated, all or nothing: built under a temporary
 * name and renamed into place. A file left by an interrupted upgrade (its key never reached the key
 * file, so nothing can have been written into it) is replaced.
 */
export function createInterviewDatabase(dir: string, key: Buffer): void {
  const target = join(dir, INTERVIEW_DB_FILE);
  for (const name of readdirSync(dir)) {
    if (name.startsWith(INTERVIEW_DB_FILE) || name.startsWith(`.${INTERVIEW_DB_FILE}.creating`)) rmSync(join(dir, name), { force: true });
  }
  const building = join(dir, `.${INTERVIEW_DB_FILE}.creating-${randomBytes(6).toString('hex')}`);
  try {
    closeSync(openSync(building, 'wx', 0o600)); // owner-only before SQLite sees it, as the main database
    const db = openDatabaseFile(building);
    try {
      applyKey(db, key);
      applyConnectionSettings(db);
      // Rollback journal while building: the file is complete once closed, with no -wal to carry along.
      migrate(db, interviewMigrations);
    } finally {
      db.close();
    }
    renameSync(building, target);
    fsyncDirectory(dir);
  } catch (error) {
    rmSync(building, { force: true });
    throw fromDatabaseError(error) ?? error;
  }
}

/**
 * Opens the interview database on its own to check and migrate it, then closes it: the caller
 * attaches it. Returns quick_check's findings (prefixed, so they read apart from the main file's).
 */
export function prepareInterviewDatabase(dir: string, key: Buffer): string[] {
  const path = join(dir, INTERVIEW_DB_FILE);
  if (!existsSync(path)) {
    throw new AppError('DATABASE_MISSING', `The interview database (${INTERVIEW_DB_FILE}) is missing from the vault folder. Restore it from a backup of this vault folder; nothing was changed.`);
  }
  const db = openDatabaseFile(path, { fileMustExist: true });
  try {
    applyKey(db, key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new AppError('VAULT_CORRUPT', `The interview database (${INTERVIEW_DB_FILE}) cannot be read with this vault’s key: the file is damaged or belongs to another vault. Nothing was changed.`);
      }
      throw error;
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_INTERVIEW_SCHEMA_VERSION) {
      throw new AppError('VAULT_TOO_NEW', `The interview database uses data format ${version}, newer than this app understands (${LATEST_INTERVIEW_SCHEMA_VERSION}). Update Reciprocal to open it; nothing was changed.`);
    }
    applyConnectionSettings(db);
    if ((db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode=WAL');
    const problems = quickCheck(db).map((finding) => `${INTERVIEW_DB_FILE}: ${finding}`);
    if (problems.length === 0) migrate(db, interviewMigrations);
    return problems;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fromDatabaseError(error) ?? error;
  } finally {
    db.close();
  }
}

/** Attaches the (prepared) interview database to a connection under `interviews`. */
export function attachInterviewDatabase(db: Db, dir: string, key: Buffer): void {
  db.prepare(`ATTACH DATABASE ? AS ${INTERVIEWS_SCHEMA} KEY ?`).run(join(dir, INTERVIEW_DB_FILE), `x'${key.toString('hex')}'`);
  db.pragma(`${INTERVIEWS_SCHEMA}.synchronous=FULL`);
  restrictVaultFileModes(join(dir, INTERVIEW_DB_FILE));
}

/** An interviewer's connection: an empty in-memory main database (temp storage in memory) with the interview database attached. */
export function openInterviewerConnection(dir: string, key: Buffer): Db {
  const db = openDatabaseFile(':memory:');
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    applyConnectionSettings(db);
    attachInterviewDatabase(db, dir, key);
    return db;
  } catch (error) {
    db.close();
    throw fromDatabaseError(error) ?? error;
  }
}

/** Whether a connection has the interview database attached (a vault opened damaged before its upgrade has none). */
export function hasInterviewDatabase(db: Db): boolean {
  return (db.pragma('database_list') as { name: string }[]).some((row) => row.name === INTERVIEWS_SCHEMA);
}
