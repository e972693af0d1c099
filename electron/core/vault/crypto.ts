import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { AppError } from '../errors';
import type { KdfParams, WrappedKey } from './keyfile';

/** Default scrypt cost: 128 MiB and about half a second on a 2-core laptop. Stored per vault, so it can be raised later. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export const DATA_KEY_BYTES = 32;

/**
 * The scrypt costs a key file may ask for. The file is not secret and anyone can edit it, and the
 * KDF runs before anything can be checked, so an edited N=2^22, r=32 would take 16 GiB and
 * minutes. Memory (128·N·r bytes) is capped at 1 GiB and work (N·r·p) at 16 times the default
 * (several seconds): room to raise the cost later, but never a hang.
 */
export const SCRYPT_LIMITS = { minN: 2 ** 10, maxN: 2 ** 22, maxR: 32, maxP: 16, maxMemoryBytes: 2 ** 30, maxWork: 16 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p } as const;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** Why a scrypt cost is refused, or undefined when it is within SCRYPT_LIMITS and valid for scrypt. */
export function scryptCostProblem({ N, r, p }: ScryptCost): string | undefined {
  const L = SCRYPT_LIMITS;
  if (![N, r, p].every(Number.isSafeInteger)) return 'its scrypt settings are not whole numbers';
  if (N < L.minN || N > L.maxN || (N & (N - 1)) !== 0) return `its scrypt N (${N}) is not a power of two from ${L.minN} to ${L.maxN}`;
  if (r < 1 || r > L.maxR) return `its scrypt r (${r}) is not from 1 to ${L.maxR}`;
  if (p < 1 || p > L.maxP) return `its scrypt p (${p}) is not from 1 to ${L.maxP}`;
  // RFC 7914: N must be below 2^(16·r); Node's scrypt refuses it otherwise.
  if (Math.log2(N) >= 16 * r) return `its scrypt N (${N}) is too large for r=${r}`;
  if (128 * N * r > L.maxMemoryBytes) return `its scrypt settings would need ${Math.round((128 * N * r) / 2 ** 20)} MiB of memory (at most ${L.maxMemoryBytes / 2 ** 20} MiB)`;
  if (N * r * p > L.maxWork) return 'its scrypt settings would take minutes to check a passphrase';
  return undefined;
}

export function newScryptParams(cost: ScryptCost = DEFAULT_SCRYPT): KdfParams {
  const problem = scryptCostProblem(cost);
  if (problem) throw new Error(`scrypt cost out of bounds: ${problem}`);
  return { algorithm: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

export function newHkdfParams(): KdfParams {
  return { algorithm: 'hkdf-sha256', salt: randomBytes(16).toString('base64') };
}

/**
 * Derives the 32-byte wrapping key for one slot. Passphrases go through scrypt (memory-hard);
 * the recovery key already carries 160 random bits, so HKDF is enough and keeps recovery as quick.
 */
export async function deriveWrappingKey(secret: Buffer, kdf: KdfParams): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  if (kdf.algorithm === 'hkdf-sha256') {
    return Buffer.from(hkdfSync('sha256', secret, salt, 'reciprocal vault recovery key', 32));
  }
  // Checked here too, not only when the key file is read: nothing may start an unbounded KDF run.
  const problem = scryptCostProblem(kdf);
  if (problem) throw keyFileDamaged(problem);
  const maxmem = 128 * kdf.N * kdf.r * kdf.p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export function wrapKey(dataKey: Buffer, wrappingKey: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { algorithm: 'aes-256-gcm', iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns the data key, or undefined when the wrapping key is wrong (the GCM tag does not verify). */
export function unwrapKey(wrapped: WrappedKey, wrappingKey: Buffer, aad: string): Buffer | undefined {
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  // The key file's schema fixes the IV and tag sizes; a tag of another length would throw here.
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** The error for a key file that is damaged (or edited): distinct from a wrong passphrase, and names the way out. */
export function keyFileDamaged(detail: string): AppError {
  return new AppError(
    'KEYFILE_INVALID',
    `The vault’s key file (vault.keys.json) is damaged: ${detail}. Restore vault.keys.json from a backup of this vault folder; nothing was changed.`,
  );
}

/** Overwrites secret bytes we own; JS strings cannot be wiped, so secrets stay in Buffers wherever we control them. */
export function wipe(...buffers: (Buffer | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}
