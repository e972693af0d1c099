import { closeSync, existsSync, openSync, readSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../errors';
import type { Db } from '../db/types';
import { createVaultDatabase, openVaultDatabase } from '../db/open';
import { assessPassphrase } from '../../../shared/vault/passphrase';
import type { UnlockInput } from '../../../shared/vault/contract';
import { DATA_KEY_BYTES, DEFAULT_SCRYPT, deriveWrappingKey, newHkdfParams, newScryptParams, unwrapKey, wipe, wrapKey } from './crypto';
import { type KeyFile, type KeySlot, readKeyFile, slotAad, writeKeyFile, KEYFILE_FORMAT } from './keyfile';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';

export const DB_FILE = 'vault.sqlite';
export const KEY_FILE = 'vault.keys.json';
const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const SQLCIPHER_PAGE_SIZE = 4096;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

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
    throw new AppError('NOT_A_VAULT', 'This folder has a vault key file but no vault database (vault.sqlite). Restore the database from a backup.');
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

export function passphraseBytes(passphrase: string): Buffer {
  // NFC so the same passphrase typed on another keyboard layout or OS gives the same bytes.
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

export async function assertStrongPassphrase(passphrase: string, field = 'passphrase'): Promise<void> {
  const strength = await assessPassphrase(passphrase);
  if (!strength.acceptable) {
    const message = [...strength.problems, ...strength.suggestions].join(' ');
    throw new AppError('WEAK_PASSPHRASE', `Choose a stronger passphrase. ${message}`, [{ path: [field], message }]);
  }
}

async function makeSlot(vaultId: string, kind: KeySlot['kind'], secret: Buffer, dataKey: Buffer, cost: ScryptCost, now: string): Promise<KeySlot> {
  const kdf = kind === 'passphrase' ? newScryptParams(cost) : newHkdfParams();
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  try {
    return { id: kind, kind, kdf, wrapped: wrapKey(dataKey, wrappingKey, slotAad(vaultId, kind)), updatedAt: now };
  } finally {
    wipe(wrappingKey);
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

/**
 * Finds the data key for a passphrase or recovery key: exactly one KDF run, nothing written.
 * A wrong secret fails the AES-GCM tag check and is reported without touching the database.
 */
export async function unwrapDataKey(keys: KeyFile, input: UnlockInput): Promise<Buffer> {
  const kind = 'passphrase' in input ? 'passphrase' : 'recovery';
  const slot = keys.slots.find((s) => s.kind === kind);
  const wrongError =
    kind === 'passphrase'
      ? new AppError('WRONG_PASSPHRASE', 'That passphrase is not correct. Check Caps Lock and try again, or use your recovery key.')
      : new AppError('WRONG_RECOVERY_KEY', 'That recovery key is not correct. Check each group of characters and try again.');
  if (!slot) throw wrongError;
  let secret: Buffer | undefined;
  if ('passphrase' in input) {
    secret = passphraseBytes(input.passphrase);
  } else {
    secret = parseRecoveryKey(input.recoveryKey);
    if (!secret) {
      throw new AppError('WRONG_RECOVERY_KEY', 'A recovery key has 32 letters and digits in 8 groups of 4, like ABCD-1234-…. Check what you typed.');
    }
  }
  const wrappingKey = await deriveWrappingKey(secret, slot.kdf);
  try {
    const dataKey = unwrapKey(slot.wrapped, wrappingKey, slotAad(keys.vaultId, slot.id));
    if (!dataKey) throw wrongError;
    return dataKey;
  } finally {
    wipe(secret, wrappingKey);
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
    return { dir, vaultId: keys.vaultId, db, dataKey };
  } catch (error) {
    wipe(dataKey);
    throw error;
  }
}

/** Re-wraps the data key under a new passphrase; only the small key file is rewritten, atomically. */
export async function rewrapPassphrase(dir: string, current: UnlockInput, next: string, options: VaultOptions = {}): Promise<void> {
  await assertStrongPassphrase(next, 'next');
  const keyPath = join(dir, KEY_FILE);
  const keys = readKeyFile(keyPath);
  const dataKey = await unwrapDataKey(keys, current);
  const secret = passphraseBytes(next);
  try {
    const previous = keys.slots.find((s) => s.kind === 'passphrase');
    const cost = options.scrypt ?? (previous?.kdf.algorithm === 'scrypt' ? { N: Math.max(previous.kdf.N, DEFAULT_SCRYPT.N), r: previous.kdf.r, p: previous.kdf.p } : DEFAULT_SCRYPT);
    const slot = await makeSlot(keys.vaultId, 'passphrase', secret, dataKey, cost, new Date().toISOString());
    writeKeyFile(keyPath, { ...keys, slots: [slot, ...keys.slots.filter((s) => s.kind !== 'passphrase')] });
  } finally {
    wipe(dataKey, secret);
  }
}

export function closeVault(vault: OpenVault): void {
  try {
    if (vault.db.open) vault.db.close();
  } finally {
    wipe(vault.dataKey);
  }
}
