import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../errors';
import { appendAudit } from '../audit';
import { asWriteDb, transaction } from '../db/query';
import { openVaultDatabase } from '../db/open';
import { fsyncDirectory } from '../util/atomic-write';
import { DB_FILE, KEY_FILE, readKeyFile, unwrapDataKey, unwrapInterviewKey, wipe } from '../vault';
import { openDatabaseFile } from '../db/native-binding';
import { applyKey } from '../db/open';
import type { UnlockInput } from '../../../shared/vault/contract';
import type { BackupCheck } from '../../../shared/backup/contract';
import { MAIN_DATABASE, readBackup } from './format';
import { backupSound, checkDatabases, writeVaultFiles } from './check';

/**
 * Restores a backup into a new vault folder, never over anything that exists. All or nothing, like
 * creating a vault: the files are written, checked with the passphrase and fsynced in a temporary
 * folder beside the target, then renamed into place in one step. The restored vault opens with the
 * passphrase and recovery key the backup was made with; its audit trail gains one entry saying so.
 */
export async function restoreBackup(file: string, secret: UnlockInput, target: string, actor: string, now: Date, options: { intoEmptyFolder?: boolean } = {}): Promise<BackupCheck> {
  // The app's own vault folder may exist empty (made by an earlier run): with intoEmptyFolder that is no vault to protect.
  const usable = () => !existsSync(target) || (options.intoEmptyFolder === true && readdirSync(target).length === 0);
  if (!usable()) {
    throw new AppError('VAULT_EXISTS', `${target} already exists. A backup is only ever restored into a new folder, so nothing there can be overwritten: give a folder name that does not exist yet. Nothing was changed.`);
  }
  const { header, databases } = readBackup(file);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  const staging = join(parent, `.${basename(target)}.restoring-${process.pid}-${randomBytes(6).toString('hex')}`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    writeVaultFiles(staging, header, databases);
    const keys = readKeyFile(join(staging, KEY_FILE));
    const dataKey = await unwrapDataKey(keys, secret);
    try {
      const check = checkDatabases(staging, dataKey, header, databases);
      if (!backupSound(check)) {
        throw new AppError('VAULT_CORRUPT', `This backup failed its checks (${check.integrity.ok ? `the audit trail is broken at entry ${check.audit.brokenAt}` : 'the database is damaged'}), so it was not restored. Use another backup; nothing was changed.`);
      }
      for (const copy of databases) if (copy.file !== MAIN_DATABASE) rekeyToOwnKey(join(staging, copy.file), dataKey, unwrapInterviewKey(keys, dataKey));
      recordRestore(join(staging, DB_FILE), dataKey, actor, now, header.createdAt);
      for (const name of readdirSync(staging)) fsyncFile(join(staging, name));
      fsyncDirectory(staging);
      if (!usable()) throw new AppError('VAULT_EXISTS', `Something created ${target} while the backup was being restored, so nothing was restored there. Choose a new folder name.`);
      if (existsSync(target)) rmdirSync(target); // empty: checked just above
      renameSync(staging, target);
      fsyncDirectory(parent);
      return check;
    } finally {
      wipe(dataKey);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** One audit entry in the restored vault: from which backup (its time), so the trail explains the gap. */
function recordRestore(path: string, dataKey: Buffer, actor: string, now: Date, backupCreatedAt: string): void {
  // openVaultDatabase upgrades an older backup to this app's schema, as any unlock would.
  const db = openVaultDatabase(path, dataKey);
  try {
    const write = asWriteDb(db);
    transaction(write, () => appendAudit(write, actor, now.toISOString(), { action: 'backup.restore', entityType: 'backup', entityId: backupCreatedAt }));
  } finally {
    db.close(); // checkpoints the WAL into the file and removes -wal and -shm
  }
}

/**
 * An attached database comes out of VACUUM INTO under the main key; the key file wraps its own key
 * (the interview database's, which interviewers unlock with), so it is re-keyed to that one.
 */
function rekeyToOwnKey(path: string, dataKey: Buffer, ownKey: Buffer | undefined): void {
  if (!ownKey) throw new AppError('KEYFILE_INVALID', 'This backup holds an interview database but its key file has no key for it, so it cannot be restored. Use another backup; nothing was changed.');
  const db = openDatabaseFile(path, { fileMustExist: true });
  try {
    applyKey(db, dataKey);
    db.pragma(`rekey="x'${ownKey.toString('hex')}'"`);
  } finally {
    db.close();
    wipe(ownKey);
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
