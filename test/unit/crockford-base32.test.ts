import { describe, expect, it } from 'vitest';
import { decodeCrockford, encodeCrockford, isCrockford, normaliseCrockford } from '../../electron/core/util/crockford-base32';
import { generateRecoveryKey, parseRecoveryKey } from '../../electron/core/vault/recovery-key';

/** An independent reading of Crockford's base 32: the bits as one big number, five at a time. */
function referenceEncode(bytes: Uint8Array): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const totalBits = bytes.length * 8;
  const padded = Math.ceil(totalBits / 5) * 5;
  let n = 0n;
  for (const byte of bytes) n = (n << 8n) | BigInt(byte);
  n <<= BigInt(padded - totalBits);
  let out = '';
  for (let shift = padded - 5; shift >= 0; shift -= 5) out += alphabet[Number((n >> BigInt(shift)) & 31n)];
  return out;
}

describe('Crockford base 32', () => {
  it('encodes as the reference does, whole and partial bytes alike', () => {
    for (const hex of ['', '00', 'ff', '0102030405', 'deadbeefcafe', '00112233445566778899aabbccddeeff00112233']) {
      const bytes = Buffer.from(hex, 'hex');
      expect(encodeCrockford(bytes)).toBe(referenceEncode(bytes));
    }
  });

  it('reads back what it wrote for whole groups of five bytes', () => {
    const bytes = Buffer.from('00112233445566778899aabbccddeeff00112233', 'hex');
    expect(decodeCrockford(encodeCrockford(bytes)).equals(bytes)).toBe(true);
  });

  it('reads a hand-typed code: any case, spaces and dashes, O as 0 and I or L as 1', () => {
    expect(normaliseCrockford('ab-cd efo il')).toBe('ABCDEF0' + '11');
    expect(isCrockford('ABCDEF011')).toBe(true);
    expect(isCrockford('ABCU')).toBe(false);
  });

  it('keeps recovery keys as printed: eight groups of four that parse back to the secret', () => {
    const { display, secret } = generateRecoveryKey();
    expect(display).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(display.toLowerCase().replace(/-/g, ' '))?.equals(secret)).toBe(true);
    expect(parseRecoveryKey(display.slice(0, -1))).toBeUndefined();
  });
});
