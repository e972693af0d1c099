import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../errors';
import type { Db } from '../db/types';
import { asWriteDb, run } from '../db/query';
import { createVaultDatabase, openVaultDatabase, openVaultDatabaseReadOnly, restrictVaultFileModes } from '../db/open';
import type { CoordinatorSecret, IncompleteVault } from '../../../shared/vault/contract';
import { fsyncDirectory } from '../util/atomic-write';
import { DATA_KEY_BYTES, DEFAULT_SCRYPT, wipe } from './crypto';
import { readKeyFile, readKeyFileWithText, writeKeyFile, KEYFILE_FORMAT, type KeyFile } from './keyfile';
import { generateRecoveryKey } from './recovery-key';
import { assertStrongPassphrase, makeSlot, passphraseBytes, unwrapDataKey, unwrapInterviewerKey, unwrapInterviewKey, wrapInterviewKey, type ScryptCost } from './slots';
import { attachInterviewDatabase, createInterviewDatabase, newInterviewKey, openInterviewerConnection, prepareInterviewDatabase } from '../db/interview-database';
import { commitKeyFileChange } from './key-change';
import { appendAudit } from '../audit';

export { passphraseBytes };

export const DB_FILE = 'vault.sqlite';
export const KEY_FILE = 'vault.keys.json';
const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const SQLCIPHER_PAGE_SIZE = 4096;

export interface VaultOptions {
  /** Lower only in tests; stored in the key file, so each vault keeps the cost it was made with. */
  scrypt?: ScryptCost;
}

export interface OpenVault {
  dir: string;
  vaultId: string;
  db: Db;
  /** The raw database key; overwritten with zeros on close. */
  dataKey: Buffer;
  /** Set when the integrity check at unlock found damage: `db` is then a read-only connection. */
  damage?: string[];
  /**
   * Set when an interviewer's key opened the vault: `db` is then an empty in-memory database with
   * only the interview database attached, and `dataKey` is the interview database's key.
   */
  interviewerSlot?: string;
}

export type VaultDirState = 'absent' | 'incomplete' | 'present';

/**
 * Whether `dir` holds a vault, nothing yet, or an incomplete one (a database without its key file:
 * left by an interrupted creation in versions before creation was atomic, or a vault whose key file
 * was lost; nobody can tell which from the files alone). Anything else that is not a vault is
 * thrown as a clear error.
 */
export function inspectVaultDir(dir: string): VaultDirState {
  const names = folderEntries(dir);
  if (names === undefined) return 'absent';
  const hasKeys = names.includes(KEY_FILE);
  if (!hasKeys) return names.some((name) => name.startsWith(DB_FILE)) ? 'incomplete' : 'absent';
  if (!names.includes(DB_FILE)) {
    throw new AppError('DATABASE_MISSING', 'This folder has the vault’s key file but not its database (vault.sqlite), so there is nothing to unlock. Restore vault.sqlite from a backup of this vault folder; nothing was changed.');
  }
  assertLooksEncrypted(join(dir, DB_FILE));
  return 'present';
}

/** The names in the vault folder, or undefined when there is no folder yet. */
function folderEntries(dir: string): string[] | undefined {
  if (!existsSync(dir)) return undefined;
  if (!statSync(dir).isDirectory()) {
    throw new AppError('NOT_A_VAULT', `${dir} is a file, not a vault folder.`);
  }
  try {
    return readdirSync(dir);
  } catch (error) {
    throw new AppError('IO_ERROR', `The vault folder ${dir} could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Check the folder permissions.`);
  }
}

/** Said wherever an incomplete vault stops something: both possibilities, honestly, and what to do about each. */
export function incompleteVaultError(dir: string): AppError {
  return new AppError(
    'VAULT_INCOMPLETE',
    `The vault folder ${dir} holds a vault database (vault.sqlite) but no key file (vault.keys.json), so it cannot be opened. Either creating a vault was interrupted (the app closed or crashed, or the disk was full) before it finished: then its recovery key was never shown, nothing was ever saved in it, and it can be set aside. Or this is a vault that was used and its key file was lost: then restore vault.keys.json from a backup of this folder instead. Setting it aside moves the folder, whole, to a dated folder beside it; nothing is deleted. Nothing was changed.`,
  );
}

/** The files of an incomplete vault folder, with sizes and dates: a used vault is usually larger and dated later than an interrupted creation. */
export function describeIncompleteVault(dir: string): IncompleteVault {
  const files = (folderEntries(dir) ?? []).flatMap((name) => {
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    return stat?.isFile() ? [{ name, bytes: stat.size, modifiedAt: stat.mtime.toISOString() }] : [];
  });
  return { folder: dir, files: files.sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * Moves an incomplete vault folder, whole, to `<name>.set-aside-<UTC date and time>` beside it (one
 * rename: nothing is deleted or half-moved), so a new vault can be made. Returns the new path.
 */
export function setAsideIncompleteVault(dir: string, now: Date): string {
  if (inspectVaultDir(dir) !== 'incomplete') {
    throw new AppError('CONFLICT', 'There is no unfinished vault in this folder (any more) to set aside. Nothing was changed.');
  }
  const parent = dirname(dir);
  // No ':' in the name: Windows does not allow it.
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  let target = join(parent, `${basename(dir)}.set-aside-${stamp}Z`);
  for (let n = 2; existsSync(target); n++) target = join(parent, `${basename(dir)}.set-aside-${stamp}Z-${n}`);
  try {
    renameSync(dir, target);
  } catch (error) {
    throw new AppError('IO_ERROR', `The unfinished vault could not be moved to ${target} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Nothing was changed; check the folder permissions, or move the folder yourself.`);
  }
  fsyncDirectory(parent);
  return target;
}

/** An SQLCipher file is whole pages of random-looking bytes; a plain SQLite file or a stray file is not a vault. */
function assertLooksEncrypted(path: string): void {
  const size = statSync(path).size;
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.equals(SQLITE_PLAIN_HEADER)) {
    throw new AppError('NOT_A_VAULT', 'vault.sqlite is an unencrypted SQLite database, not a Reciprocal vault. Nothing was changed.');
  }
  if (size === 0 || size % SQLCIPHER_PAGE_SIZE !== 0) {
    throw new AppError('NOT_A_VAULT', 'vault.sqlite is not a Reciprocal vault database (its size does not fit the encrypted format). Nothing was changed.');
  }
}

/** `.<name>.creating-<pid>-<random>`: the temporary folder beside the target a new vault is built in. */
const buildPrefix = (dir: string) => `.${basename(dir)}.creating-`;

/**
 * Creates a vault in a new or empty folder and leaves it open. The recovery key is returned once
 * and never stored.
 *
 * All or nothing: the vault is built in a temporary folder beside the target (database created,
 * migrated and closed so no -wal/-shm remain, then the key file, everything fsynced), and that
 * folder is renamed into place in one step. A crash, a kill, a full disk or a missing SQLCipher
 * module leaves the target as it was; the leftover temporary folder held no vault anyone saw the
 * recovery key of, and the next creation removes it.
 */
export async function createVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<{ vault: OpenVault; recoveryKey: string }> {
  const found = inspectVaultDir(dir);
  if (found === 'present') {
    throw new AppError('VAULT_EXISTS', 'A vault already exists in this folder. Unlock it instead, or choose another folder.');
  }
  if (found === 'incomplete') throw incompleteVaultError(dir);
  await assertStrongPassphrase(passphrase);
  const others = folderEntries(dir) ?? [];
  if (others.length > 0) {
    const listed = others.slice(0, 5).join(', ') + (others.length > 5 ? ', …' : '');
    throw new AppError('VAULT_EXISTS', `The folder ${dir} already holds other files (${listed}); a vault needs a new or empty folder. Choose another folder, or move those files away. Nothing was changed.`);
  }

  const parent = dirname(dir);
  const vaultId = randomUUID();
  const now = new Date().toISOString();
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const interviewKey = newInterviewKey();
  const recovery = generateRecoveryKey();
  const secret = passphraseBytes(passphrase);
  const cost = options.scrypt ?? DEFAULT_SCRYPT;
  let building: string | undefined;
  try {
    const slots = [await makeSlot(vaultId, 'passphrase', secret, dataKey, cost, now), await makeSlot(vaultId, 'recovery', recovery.secret, dataKey, cost, now)];
    mkdirSync(parent, { recursive: true, mode: 0o700 });
    removeAbandonedBuilds(dir);
    building = join(parent, `${buildPrefix(dir)}${process.pid}-${randomBytes(6).toString('hex')}`);
    mkdirSync(building, { mode: 0o700 });

    const db = createVaultDatabase(join(building, DB_FILE), dataKey);
    try {
      run(asWriteDb(db), 'INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)', ['vault_id', vaultId, 'created_at', now]);
    } finally {
      // The last connection to close checkpoints the WAL into the file and removes -wal and -shm.
      db.close();
    }
    createInterviewDatabase(building, interviewKey);
    const interviews = wrapInterviewKey(vaultId, interviewKey, dataKey);
    writeKeyFile(join(building, KEY_FILE), { format: KEYFILE_FORMAT, app: 'reciprocal', vaultId, createdAt: now, cipher: { name: 'sqlcipher', legacy: 4 }, slots, interviews });
    for (const name of readdirSync(building)) fsyncFile(join(building, name));
    fsyncDirectory(building);
    moveIntoPlace(building, dir);
    building = undefined;
    fsyncDirectory(parent);
  } catch (error) {
    if (building) rmSync(building, { recursive: true, force: true });
    wipe(dataKey);
    throw fileSystemError(error) ?? error;
  } finally {
    wipe(secret, recovery.secret);
  }

  // The vault is in place: open it the way every unlock does.
  try {
    prepareInterviewDatabase(dir, interviewKey);
    const db = openVaultDatabase(join(dir, DB_FILE), dataKey);
    attachInterviewDatabase(db, dir, interviewKey);
    wipe(interviewKey);
    return { vault: { dir, vaultId, db, dataKey }, recoveryKey: recovery.display };
  } catch (error) {
    wipe(dataKey);
    throw error;
  }
}

/**
 * Renames the finished folder onto the target. POSIX renames over an empty folder in one step;
 * Windows refuses, so there the empty folder is removed first (until the rename, the vault is
 * simply absent, never half there).
 */
function moveIntoPlace(building: string, dir: string): void {
  try {
    renameSync(building, dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!existsSync(dir)) throw error;
    if (readdirSync(dir).length > 0) {
      throw new AppError('VAULT_EXISTS', `Something else wrote into ${dir} while the vault was being created, so no vault was made there. Choose an empty folder.`);
    }
    if (code !== 'EPERM' && code !== 'EEXIST' && code !== 'EACCES' && code !== 'ENOTEMPTY') throw error;
    rmdirSync(dir);
    renameSync(building, dir);
  }
}

/** Removes temporary folders of creations that were killed; one whose process is still running is left alone. */
function removeAbandonedBuilds(dir: string): void {
  const parent = dirname(dir);
  const prefix = buildPrefix(dir);
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (processRunning(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function processRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours to signal
  }
}

function fsyncFile(path: string): void {
  // 'r+': Windows refuses to flush a file opened read-only.
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A full disk or a folder we may not write to, said plainly; SQLite's own errors are mapped where they arise. */
function fileSystemError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return undefined;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC') return new AppError('DISK_FULL', 'The disk is full, so the vault was not created and nothing was left behind. Free some space and try again.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('IO_ERROR', `Reciprocal may not write beside the vault folder (${code}), so the vault was not created and nothing was left behind. Check the folder permissions.`);
  }
  return undefined;
}

/**
 * Unlocks a vault. The database gets SQLite's quick_check before anything is migrated or written:
 * a damaged vault opens read-only (`damage` set) so its data can still be read and copied, and one
 * that would first need migrating is refused.
 *
 * The check runs here, synchronously, because it is short next to the KDF (about 50–180 ms against
 * half a second for the 15 MB demo vault of 5,000 people), and because anything later would leave
 * a window in which a damaged vault accepts writes: better-sqlite3 is synchronous, so a check
 * deferred on this connection blocks the process just the same, and one on a worker thread would
 * need its own connection and the key in a second thread, while writes wait or run unchecked.
 */
export async function unlockVault(dir: string, input: CoordinatorSecret): Promise<OpenVault> {
  assertVaultPresent(dir);
  const keys = readKeyFile(join(dir, KEY_FILE));
  const dataKey = await unwrapDataKey(keys, input);
  const path = join(dir, DB_FILE);
  let interviewKey: Buffer | undefined;
  try {
    const integrity = { problems: [] as string[] };
    let db = openVaultDatabase(path, dataKey, integrity);
    if (integrity.problems.length > 0) {
      db.close();
      db = openVaultDatabaseReadOnly(path, dataKey);
    }
    // Vaults made before files were created owner-only: tighten them now that the key is proven.
    restrictVaultFileModes(path);
    try {
      interviewKey = unwrapInterviewKey(keys, dataKey) ?? (integrity.problems.length === 0 ? addInterviewDatabase(dir, db, dataKey) : undefined);
      if (interviewKey) {
        const problems = prepareInterviewDatabase(dir, interviewKey);
        attachOrExplain(db, dir, interviewKey, integrity.problems);
        if (problems.length > 0) {
          integrity.problems.push(...problems);
          db.pragma('query_only=ON'); // a damaged interview database makes the whole session read-only
        }
      }
    } catch (error) {
      db.close();
      throw error;
    }
    return { dir, vaultId: keys.vaultId, db, dataKey, ...(integrity.problems.length > 0 ? { damage: integrity.problems } : {}) };
  } catch (error) {
    wipe(dataKey);
    throw error;
  } finally {
    wipe(interviewKey);
  }
}

/**
 * Attaches the interview database. On a damaged vault's read-only connection that can fail (SQLite
 * cannot open the interview file's WAL index read-only): the damaged main database must still be
 * readable and copyable, so the interview database is then left closed and the reason recorded.
 */
function attachOrExplain(db: Db, dir: string, key: Buffer, damage: string[]): void {
  if (damage.length === 0) return attachInterviewDatabase(db, dir, key);
  try {
    attachInterviewDatabase(db, dir, key);
  } catch (error) {
    damage.push(`interviews.sqlite: not opened while the vault is read-only (${(error as Error).message})`);
  }
}

function assertVaultPresent(dir: string): void {
  const found = inspectVaultDir(dir);
  if (found === 'absent') {
    throw new AppError('VAULT_ABSENT', 'There is no vault in this folder yet. Create one first.');
  }
  if (found === 'incomplete') throw incompleteVaultError(dir);
}

/**
 * The upgrade of a vault made before interviews (key file format 1): a new random key, the
 * interview database built and renamed into place, then the key file rewritten (format 2, the key
 * wrapped under the main key) in one transaction with its audit entry. A crash before the key file
 * is replaced leaves an unused interview database that the next unlock builds again; after, the
 * upgrade is done. Needs no KDF run: the main key wraps the new key.
 */
function addInterviewDatabase(dir: string, db: Db, dataKey: Buffer): Buffer {
  const keyPath = join(dir, KEY_FILE);
  const { keys, text } = readKeyFileWithText(keyPath);
  const interviewKey = newInterviewKey();
  try {
    createInterviewDatabase(dir, interviewKey);
    const next: KeyFile = { ...keys, format: KEYFILE_FORMAT, interviews: wrapInterviewKey(keys.vaultId, interviewKey, dataKey) };
    commitKeyFileChange(db, keyPath, { basedOn: text, next }, () =>
      appendAudit(asWriteDb(db), 'system', new Date().toISOString(), { action: 'vault.addInterviewDatabase', entityType: 'vault', entityId: keys.vaultId }),
    );
    return interviewKey;
  } catch (error) {
    wipe(interviewKey);
    throw error;
  }
}

/**
 * Unlocks as an interviewer: their slot yields the interview database key only, and the session's
 * connection holds nothing but the interview database. One KDF run, as for the coordinator.
 */
export async function unlockAsInterviewer(dir: string, email: string, passphrase: string): Promise<OpenVault> {
  assertVaultPresent(dir);
  const keys = readKeyFile(join(dir, KEY_FILE));
  const { key, slotId } = await unwrapInterviewerKey(keys, email, passphrase);
  try {
    const problems = prepareInterviewDatabase(dir, key);
    const db = openInterviewerConnection(dir, key);
    if (problems.length > 0) db.pragma('query_only=ON');
    return { dir, vaultId: keys.vaultId, db, dataKey: key, interviewerSlot: slotId, ...(problems.length > 0 ? { damage: problems } : {}) };
  } catch (error) {
    wipe(key);
    throw error;
  }
}

export function closeVault(vault: OpenVault): void {
  try {
    if (vault.db.open) vault.db.close();
  } finally {
    wipe(vault.dataKey);
  }
}
