/**
 * Crockford's base 32 (no I, L, O or U), for codes a person reads aloud, prints or types by hand:
 * recovery keys and pseudonym codes. One alphabet and one reading of what was typed, so a code
 * written down in one place is read back the same way everywhere.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Bytes → base 32, most significant bits first; the last character is padded with zero bits. */
export function encodeCrockford(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Base 32 → bytes; trailing bits that do not make a whole byte are dropped. Expects normalised text. */
export function decodeCrockford(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = ((value << 5) | CROCKFORD_ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** What someone typed, in its one written form: upper case, no spaces or dashes, O read as 0 and I/L as 1. */
export function normaliseCrockford(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** True when every character is in the alphabet (after normalising). */
export const isCrockford = (text: string): boolean => [...text].every((c) => CROCKFORD_ALPHABET.includes(c));
