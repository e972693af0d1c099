import { createHash } from 'node:crypto';

/**
 * Stable GUIDs: UUID version 5 (RFC 9562, SHA-1 name-based) of a record's identity, so a second
 * export of the same vault gives every code, case and selection the same GUID and a QDA program can
 * recognise them on re-import. The namespace is the vault's own (derived from its pseudonym secret by
 * the adapter), so identities from two vaults never collide and a GUID says nothing about the record.
 */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

/** A GUID maker for one export: `guid('code', 12)` is the same in every export under the same namespace. */
export function guidMaker(namespace: string): (kind: string, ...identity: (string | number)[]) => string {
  return (kind, ...identity) => uuidV5(namespace, [kind, ...identity].join(':'));
}
