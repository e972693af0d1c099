import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a printed key cannot be misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 20;

export function generateRecoveryKey(): { display: string; secret: Buffer } {
  const secret = randomBytes(KEY_BYTES);
  return { display: formatGroups(encodeBase32(secret)), secret };
}

/** Accepts the key as printed, in any case, with or without dashes and spaces; O/I/L read as 0/1/1. */
export function parseRecoveryKey(input: string): Buffer | undefined {
  const normalised = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (normalised.length !== 32 || [...normalised].some((c) => !ALPHABET.includes(c))) return undefined;
  return decodeBase32(normalised);
}

function encodeBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function decodeBase32(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = ((value << 5) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

function formatGroups(text: string): string {
  return text.match(/.{1,4}/g)!.join('-');
}
