import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from '../util/atomic-write';
import { DATA_KEY_BYTES, keyFileDamaged, scryptCostProblem } from './crypto';

/**
 * 2: the interview database (`interviews` below) and interviewer slots. Format 1 files are read as
 * they are and upgraded at the coordinator's next unlock (vault/interview-database.ts).
 */
export const KEYFILE_FORMAT = 2;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
/** Base64 of exactly `bytes` bytes (AES-GCM throws on an IV or tag of another size, rather than failing the check). */
const base64Of = (bytes: number) => base64.refine((text) => Buffer.from(text, 'base64').length === bytes && Buffer.from(text, 'base64').toString('base64') === text);
const salt = base64.max(128);

// scrypt's N, r and p are bounded again by `scryptCostProblem` once the file has parsed (a clearer message).
const kdfParams = z.discriminatedUnion('algorithm', [
  z.object({
    algorithm: z.literal('scrypt'),
    N: z.number().int().min(2 ** 10).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt,
  }),
  z.object({ algorithm: z.literal('hkdf-sha256'), salt }),
]);
export type KdfParams = z.infer<typeof kdfParams>;

const wrappedKey = z.object({ algorithm: z.literal('aes-256-gcm'), iv: base64Of(12), ciphertext: base64Of(DATA_KEY_BYTES), tag: base64Of(16) });
export type WrappedKey = z.infer<typeof wrappedKey>;

const slot = z.object({
  id: z.string().min(1),
  /**
   * 'passphrase' and 'recovery' are the coordinator's: `wrapped` is the main database key.
   * 'interviewer': `wrapped` is the interview database's key and nothing else (see `interviews`).
   */
  kind: z.enum(['passphrase', 'recovery', 'interviewer']),
  /**
   * Interviewer slots only: `sha256:` and the hex SHA-256 of `reciprocal:<vaultId>:interviewer:`
   * and the interviewer's email in lower case, so unlocking finds their slot with one KDF run
   * without the email being written in clear.
   */
  login: z.string().regex(/^sha256:[0-9a-f]{64}$/).optional(),
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
  format: z.union([z.literal(1), z.literal(KEYFILE_FORMAT)]),
  app: z.literal('reciprocal'),
  vaultId: z.string().min(8),
  createdAt: z.string(),
  cipher: z.object({ name: z.literal('sqlcipher'), legacy: z.literal(4) }),
  slots: z.array(slot).min(1),
  /**
   * Format 2: the interview database (`file`, in the vault folder) and its own random 32-byte key,
   * AES-256-GCM-wrapped under the main database key (associated data
   * `reciprocal:<vaultId>:interviews`). The coordinator's slots unwrap the main key and through it
   * this one; an interviewer's slot wraps only the interview key, so the main key cannot be had from it.
   */
  interviews: z.object({ file: z.literal('interviews.sqlite'), wrapped: wrappedKey }).optional(),
  /**
   * `sha256:` and the hex SHA-256 of the canonical JSON of every other field (see `keyFileChecksum`),
   * written on every write. It tells damage or an edit (a changed tag or vault id) apart from a wrong
   * passphrase, which otherwise look the same: the AES-GCM check fails either way. Not a security
   * control (anyone can recompute it). Absent in key files written before it existed; those are
   * accepted as they are and get one at their next write.
   */
  checksum: z.string().optional(),
});
export type KeyFile = z.infer<typeof keyFile>;

/** JSON with object keys sorted at every level and no whitespace: the same text for the same content. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The checksum of a key file's content as read from JSON (its own `checksum` field left out). */
export function keyFileChecksum(content: Record<string, unknown>): string {
  const { checksum: _ignored, ...rest } = content;
  return `sha256:${createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex')}`;
}

/** Associated data binds a wrapped key to its vault and slot, so slots cannot be swapped between vaults. */
export const slotAad = (vaultId: string, slotId: string) => `reciprocal:${vaultId}:${slotId}`;

/** Associated data of the interview database key wrapped under the main key. */
export const interviewKeyAad = (vaultId: string) => `reciprocal:${vaultId}:interviews`;

/** How an interviewer's slot is found from their email (see the slot's `login`). */
export const interviewerLogin = (vaultId: string, email: string) =>
  `sha256:${createHash('sha256').update(`reciprocal:${vaultId}:interviewer:${email.trim().toLowerCase()}`, 'utf8').digest('hex')}`;

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
  // Checked before anything else is read from the file, so damage is never reported as a wrong passphrase.
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.hasOwn(raw, 'checksum')) {
    const content = raw as Record<string, unknown>;
    if (content.checksum !== keyFileChecksum(content)) throw keyFileDamaged('its contents do not match its checksum');
  }
  const parsed = keyFile.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('KEYFILE_INVALID', 'The vault’s key file (vault.keys.json) is damaged or not a Reciprocal key file. Restore it from a backup of this vault folder; nothing was changed.');
  }
  // Refused before any KDF runs: an edited cost could otherwise take gigabytes and minutes.
  for (const s of parsed.data.slots) {
    const problem = s.kdf.algorithm === 'scrypt' ? scryptCostProblem(s.kdf) : undefined;
    if (problem) throw keyFileDamaged(problem);
  }
  return parsed.data;
}

/** The key file's text, with a fresh checksum over exactly what is written. */
export function serialiseKeyFile(file: KeyFile): string {
  const { checksum: _stale, ...content } = keyFile.parse(file);
  // The checksum is computed over the JSON as it will be read back (no undefined, same numbers).
  const written = JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
  return `${JSON.stringify({ ...written, checksum: keyFileChecksum(written) }, null, 2)}\n`;
}

export function writeKeyFile(path: string, file: KeyFile): void {
  writeFileAtomic(path, serialiseKeyFile(file));
}

/** Whether the coordinator has confirmed storing the recovery key (see `confirmedAt`). */
export function recoveryKeyConfirmed(keys: KeyFile): boolean {
  const slot = keys.slots.find((s) => s.kind === 'recovery');
  return slot !== undefined && slot.confirmedAt !== null;
}
