import { randomBytes } from 'node:crypto';
import { decodeCrockford, encodeCrockford, isCrockford, normaliseCrockford } from '../util/crockford-base32';

const KEY_BYTES = 20;

export function generateRecoveryKey(): { display: string; secret: Buffer } {
  const secret = randomBytes(KEY_BYTES);
  return { display: formatGroups(encodeCrockford(secret)), secret };
}

/** Accepts the key as printed, in any case, with or without dashes and spaces; O/I/L read as 0/1/1. */
export function parseRecoveryKey(input: string): Buffer | undefined {
  const normalised = normaliseCrockford(input);
  if (normalised.length !== 32 || !isCrockford(normalised)) return undefined;
  return decodeCrockford(normalised);
}

function formatGroups(text: string): string {
  return text.match(/.{1,4}/g)!.join('-');
}
