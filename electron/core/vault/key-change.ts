import { readFileSync } from 'node:fs';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { writeFileAtomic } from '../util/atomic-write';
import { serialiseKeyFile } from './keyfile';
import type { PreparedKeyChange } from './slots';

/**
 * Replaces the key file and records the change in the database, all or nothing.
 *
 * The write lock is taken first (BEGIN IMMEDIATE), so a vault busy in another program fails before
 * anything changes. Inside it: check the key file is still the one the change was derived from,
 * run `record` (the audit entry), replace the key file atomically, commit. If the key file cannot
 * be written the transaction rolls back; if the commit fails the previous key file is put back.
 * What remains is a crash between the rename and the commit, which leaves the new key file without
 * its audit entry: the change itself is never lost or half-made.
 */
export function commitKeyFileChange(db: Db, keyPath: string, change: PreparedKeyChange, record: () => void): void {
  let replaced = false;
  try {
    db.transaction(() => {
      if (readKeyFileText(keyPath) !== change.basedOn) {
        throw new AppError('CONFLICT', 'The vault’s keys were changed by another Reciprocal window or program a moment ago. Nothing was changed here; try again.');
      }
      record();
      writeKeyFileOrExplain(keyPath, serialiseKeyFile(change.next));
      replaced = true;
    }).immediate();
  } catch (error) {
    if (replaced) restore(keyPath, change.basedOn);
    throw error;
  }
}

function readKeyFileText(keyPath: string): string {
  try {
    return readFileSync(keyPath, 'utf8');
  } catch (error) {
    throw fileError(error, 'read');
  }
}

function writeKeyFileOrExplain(keyPath: string, text: string): void {
  try {
    writeFileAtomic(keyPath, text);
  } catch (error) {
    throw fileError(error, 'written');
  }
}

function restore(keyPath: string, previous: string): void {
  try {
    writeFileAtomic(keyPath, previous);
  } catch {
    throw new AppError(
      'IO_ERROR',
      'The change could not be recorded, and the previous key file (vault.keys.json) could not be put back, so the change may already have taken effect. Check the disk, then lock and unlock to see which passphrase works.',
    );
  }
}

function fileError(error: unknown, what: 'read' | 'written'): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new AppError('DISK_FULL', 'The disk is full, so the vault’s key file could not be saved and nothing was changed. Free some space and try again.');
  return new AppError('IO_ERROR', `The vault’s key file (vault.keys.json) could not be ${what} (${code ?? 'unknown error'}), so nothing was changed. Check the disk and folder permissions.`);
}
