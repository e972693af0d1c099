import { closeSync, existsSync, openSync, readSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../errors';
import type { Db } from '../db/types';
import { createVaultDatabase, openVaultDatabase, restrictVaultFileModes } from '../db/open';
import type { UnlockInput } from '../../../shared/vault/contract';
import { DATA_KEY_BYTES, DEFAULT_SCRYPT, wipe } from './crypto';
import { readKeyFile, writeKeyFile, KEYFILE_FORMAT } from './keyfile';
import { generateRecoveryKey } from './recovery-key';
import { assertStrongPassphrase, makeSlot, passphraseBytes, unwrapDataKey, type ScryptCost } from './slots';

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
}

/** Whether `dir` holds a vault, nothing yet, or something that is not a vault (thrown as a clear error). */
export function inspectVaultDir(dir: string): 'absent' | 'present' {
  if (!existsSync(dir)) return 'absent';
  if (!statSync(dir).isDirectory()) {
    throw new AppError('NOT_A_VAULT', `${dir} is a file, not a vault folder.`);
  }
  const hasDb = existsSync(join(dir, DB_FILE));
  const hasKeys = existsSync(join(dir, KEY_FILE));
  if (!hasDb && !hasKeys) return 'absent';
  if (!hasKeys) {
    throw new AppError('KEYFILE_MISSING', 'The vault’s key file (vault.keys.json) is missing, so the vault cannot be unlocked. Restore it from a backup of this vault folder.');
  }
  if (!hasDb) {
    throw new AppError('DATABASE_MISSING', 'This folder has the vault’s key file but not its database (vault.sqlite), so there is nothing to unlock. Restore vault.sqlite from a backup of this vault folder; nothing was changed.');
  }
  assertLooksEncrypted(join(dir, DB_FILE));
  return 'present';
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

/** Creates a vault in an empty or new folder and leaves it open. The recovery key is returned once and never stored. */
export async function createVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<{ vault: OpenVault; recoveryKey: string }> {
  if (inspectVaultDir(dir) === 'present') {
    throw new AppError('VAULT_EXISTS', 'A vault already exists in this folder. Unlock it instead, or choose another folder.');
  }
  await assertStrongPassphrase(passphrase);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const leftovers = readdirSync(dir).filter((name) => name.startsWith(DB_FILE));
  if (leftovers.length > 0) {
    throw new AppError('VAULT_EXISTS', `The folder already holds ${leftovers.join(', ')}; choose an empty folder.`);
  }

  const vaultId = randomUUID();
  const now = new Date().toISOString();
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const recovery = generateRecoveryKey();
  const secret = passphraseBytes(passphrase);
  const cost = options.scrypt ?? DEFAULT_SCRYPT;
  try {
    const slots = [await makeSlot(vaultId, 'passphrase', secret, dataKey, cost, now), await makeSlot(vaultId, 'recovery', recovery.secret, dataKey, cost, now)];
    const db = createVaultDatabase(join(dir, DB_FILE), dataKey);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('vault_id', vaultId, 'created_at', now);
    // The key file is written last: until it exists, the folder holds no unlockable vault.
    writeKeyFile(join(dir, KEY_FILE), { format: KEYFILE_FORMAT, app: 'reciprocal', vaultId, createdAt: now, cipher: { name: 'sqlcipher', legacy: 4 }, slots });
    return { vault: { dir, vaultId, db, dataKey }, recoveryKey: recovery.display };
  } catch (error) {
    wipe(dataKey);
    throw error;
  } finally {
    wipe(secret, recovery.secret);
  }
}

export async function unlockVault(dir: string, input: UnlockInput): Promise<OpenVault> {
  if (inspectVaultDir(dir) === 'absent') {
    throw new AppError('VAULT_ABSENT', 'There is no vault in this folder yet. Create one first.');
  }
  const keys = readKeyFile(join(dir, KEY_FILE));
  const dataKey = await unwrapDataKey(keys, input);
  try {
    const db = openVaultDatabase(join(dir, DB_FILE), dataKey);
    // Vaults made before files were created owner-only: tighten them now that the key is proven.
    restrictVaultFileModes(join(dir, DB_FILE));
    return { dir, vaultId: keys.vaultId, db, dataKey };
  } catch (error) {
    wipe(dataKey);
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
