import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from '../util/atomic-write';

export const KEYFILE_FORMAT = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const kdfParams = z.discriminatedUnion('algorithm', [
  z.object({
    algorithm: z.literal('scrypt'),
    N: z.number().int().min(2 ** 10).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64,
  }),
  z.object({ algorithm: z.literal('hkdf-sha256'), salt: base64 }),
]);
export type KdfParams = z.infer<typeof kdfParams>;

const wrappedKey = z.object({ algorithm: z.literal('aes-256-gcm'), iv: base64, ciphertext: base64, tag: base64 });
export type WrappedKey = z.infer<typeof wrappedKey>;

const slot = z.object({
  id: z.string().min(1),
  kind: z.enum(['passphrase', 'recovery']),
  kdf: kdfParams,
  wrapped: wrappedKey,
  updatedAt: z.string(),
  /**
   * Recovery slot only: when the coordinator confirmed they stored this key; null until then.
   * Kept beside the wrapped key so that one atomic rename replaces both: a new, never-shown
   * recovery key can never be on disk marked as confirmed. Absent in vaults made before this was
   * tracked, which were confirmed on screen at creation. Not secret and not a security control:
   * it only decides whether the app asks for the key to be written down again.
   */
  confirmedAt: z.string().nullable().optional(),
});
export type KeySlot = z.infer<typeof slot>;

/** `vault.keys.json`: everything needed to unwrap the database key, and nothing secret in clear. */
const keyFile = z.object({
  format: z.literal(KEYFILE_FORMAT),
  app: z.literal('reciprocal'),
  vaultId: z.string().min(8),
  createdAt: z.string(),
  cipher: z.object({ name: z.literal('sqlcipher'), legacy: z.literal(4) }),
  slots: z.array(slot).min(1),
});
export type KeyFile = z.infer<typeof keyFile>;

/** Associated data binds a wrapped key to its vault and slot, so slots cannot be swapped between vaults. */
export const slotAad = (vaultId: string, slotId: string) => `reciprocal:${vaultId}:${slotId}`;

export function readKeyFile(path: string): KeyFile {
  return readKeyFileWithText(path).keys;
}

/** The parsed key file and its exact text, so a change can check nothing else rewrote it meanwhile and restore it on failure. */
export function readKeyFileWithText(path: string): { keys: KeyFile; text: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('KEYFILE_MISSING', 'The vault’s key file (vault.keys.json) is missing, so the vault cannot be unlocked. Restore it from a backup of this vault folder.');
    }
    throw new AppError('IO_ERROR', `The vault’s key file (vault.keys.json) could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Check the disk and folder permissions.`);
  }
  return { keys: parseKeyFile(text), text };
}

function parseKeyFile(text: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('KEYFILE_INVALID', 'The vault’s key file (vault.keys.json) is not readable JSON. Restore it from a backup of this vault folder.');
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > KEYFILE_FORMAT) {
    throw new AppError('VAULT_TOO_NEW', 'This vault was made by a newer version of Reciprocal. Update the app to open it; nothing was changed.');
  }
  const parsed = keyFile.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('KEYFILE_INVALID', 'The vault’s key file (vault.keys.json) is damaged or not a Reciprocal key file. Restore it from a backup of this vault folder.');
  }
  return parsed.data;
}

export function serialiseKeyFile(file: KeyFile): string {
  return `${JSON.stringify(keyFile.parse(file), null, 2)}\n`;
}

export function writeKeyFile(path: string, file: KeyFile): void {
  writeFileAtomic(path, serialiseKeyFile(file));
}

/** Whether the coordinator has confirmed storing the recovery key (see `confirmedAt`). */
export function recoveryKeyConfirmed(keys: KeyFile): boolean {
  const slot = keys.slots.find((s) => s.kind === 'recovery');
  return slot !== undefined && slot.confirmedAt !== null;
}
