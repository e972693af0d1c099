import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import type { KdfParams, WrappedKey } from './keyfile';

/** Default scrypt cost: 128 MiB and about half a second on a 2-core laptop. Stored per vault, so it can be raised later. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export const DATA_KEY_BYTES = 32;

export function newScryptParams(cost: { N: number; r: number; p: number } = DEFAULT_SCRYPT): KdfParams {
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
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** Overwrites secret bytes we own; JS strings cannot be wiped, so secrets stay in Buffers wherever we control them. */
export function wipe(...buffers: (Buffer | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}
