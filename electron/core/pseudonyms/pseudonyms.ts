import { createHmac } from 'node:crypto';
import { value, type ReadDb } from '../db/query';
import { encodeCrockford, isCrockford, normaliseCrockford } from '../util/crockford-base32';

/**
 * Pseudonym codes: a short code that stands for a person wherever their name must not appear (free
 * text in the surveys screen, research exports) and that a forms tool can collect instead of an
 * email. HMAC-SHA-256 of the person's id under a secret made once per vault (migration 010, kept in
 * `meta`), so the same person has the same code in every screen and export of that vault, and nobody
 * without the vault can tell who a code belongs to or make one for a given person.
 */

/** 40 bits (8 characters): collisions stay unlikely for a whole university's participants (1 in ~10^5 at 5,000 people), and are checked where codes are matched. */
const CODE_CHARACTERS = 8;

const secrets = new WeakMap<ReadDb, Buffer>();

function secretOf(db: ReadDb): Buffer {
  let secret = secrets.get(db);
  if (!secret) {
    const hex = value<string>(db, "SELECT value FROM meta WHERE key = 'pseudonym_secret'");
    if (!hex || !/^[0-9a-f]{64}$/.test(hex)) throw new Error('The vault has no pseudonym secret (migration 010 makes one)');
    secret = Buffer.from(hex, 'hex');
    secrets.set(db, secret);
  }
  return secret;
}

/** The first 40 bits of the digest in Crockford's base 32 (no I, L, O or U, so a code read aloud or typed by hand survives). */
function encode(digest: Buffer): string {
  const out = encodeCrockford(digest.subarray(0, (CODE_CHARACTERS * 5) / 8));
  return `P-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** A coder for one open vault: person id → "P-7K3Q-X2PD". */
export function pseudonymCoder(db: ReadDb): (participantId: number) => string {
  const secret = secretOf(db);
  return (participantId) => encode(createHmac('sha256', secret).update(`participant:${participantId}`).digest());
}

/** A code as someone may have typed it ("p 7k3q x2pd", "7K3QX2PO") in its one written form, or undefined if it cannot be one. */
export function normalCode(typed: string): string | undefined {
  const compact = normaliseCrockford(typed.toUpperCase().replace(/^P[\s-]*/, ''));
  if (compact.length !== CODE_CHARACTERS || !isCrockford(compact)) return undefined;
  return `P-${compact.slice(0, 4)}-${compact.slice(4)}`;
}
