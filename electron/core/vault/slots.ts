import { AppError } from '../errors';
import { assessPassphrase } from '../../../shared/vault/passphrase';
import type { CoordinatorSecret } from '../../../shared/vault/contract';
import { randomUUID } from 'node:crypto';
import { DEFAULT_SCRYPT, deriveWrappingKey, keyFileDamaged, newHkdfParams, newScryptParams, scryptCostProblem, unwrapKey, wipe, wrapKey, type ScryptCost } from './crypto';
import { type KeyFile, type KeySlot, interviewerLogin, interviewKeyAad, readKeyFileWithText, recoveryKeyConfirmed, slotAad } from './keyfile';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';

/**
 * Key slots: each one wraps the same data key under a different secret (the passphrase, the
 * recovery key). Everything here derives and checks keys; nothing here writes a file. A change is
 * prepared as the whole next key file plus the exact text it was derived from, and committed by
 * `commitKeyFileChange` together with its audit entry.
 */

export type { ScryptCost } from './crypto';

/** The next key file and the text of the one it replaces (to detect a concurrent change and to restore). */
export interface PreparedKeyChange {
  basedOn: string;
  next: KeyFile;
}

export function passphraseBytes(passphrase: string): Buffer {
  // NFC so the same passphrase typed on another keyboard layout or OS gives the same bytes.
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

export async function assertStrongPassphrase(passphrase: string, field = 'passphrase'): Promise<void> {
  const strength = await assessPassphrase(passphrase);
  if (!strength.acceptable) {
    const message = [...strength.problems, ...strength.suggestions].join(' ');
    throw new AppError('WEAK_PASSPHRASE', `Choose a stronger passphrase. ${message}`, [{ path: [field], message }]);
  }
}

export async function makeSlot(vaultId: string, kind: 'passphrase' | 'recovery', secret: Buffer, dataKey: Buffer, cost: ScryptCost, now: string): Promise<KeySlot> {
  const kdf = kind === 'passphrase' ? newScryptParams(cost) : newHkdfParams();
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  try {
    const slot: KeySlot = { id: kind, kind, kdf, wrapped: wrapKey(dataKey, wrappingKey, slotAad(vaultId, kind)), updatedAt: now };
    // A new recovery key has not been written down yet: the app keeps asking until it is confirmed.
    return kind === 'recovery' ? { ...slot, confirmedAt: null } : slot;
  } finally {
    wipe(wrappingKey);
  }
}

/**
 * Finds the data key for a passphrase or recovery key: exactly one KDF run, nothing written.
 * A wrong secret fails the AES-GCM tag check and is reported without touching the database.
 */
export async function unwrapDataKey(keys: KeyFile, input: CoordinatorSecret): Promise<Buffer> {
  const kind = 'passphrase' in input ? 'passphrase' : 'recovery';
  const slot = keys.slots.find((s) => s.kind === kind);
  const wrongError =
    kind === 'passphrase'
      ? new AppError('WRONG_PASSPHRASE', 'That passphrase is not correct. Check Caps Lock and try again, or use your recovery key.')
      : new AppError('WRONG_RECOVERY_KEY', 'That recovery key is not correct. Check each group of characters and try again.');
  if (!slot) throw wrongError;
  let secret: Buffer | undefined;
  if ('passphrase' in input) {
    secret = passphraseBytes(input.passphrase);
  } else {
    secret = parseRecoveryKey(input.recoveryKey);
    if (!secret) {
      throw new AppError('WRONG_RECOVERY_KEY', 'A recovery key has 32 letters and digits in 8 groups of 4, like ABCD-1234-…. Check what you typed.');
    }
  }
  const wrappingKey = await deriveWrappingKey(secret, slot.kdf);
  try {
    const dataKey = unwrapKey(slot.wrapped, wrappingKey, slotAad(keys.vaultId, slot.id));
    if (!dataKey) throw wrongError;
    return dataKey;
  } finally {
    wipe(secret, wrappingKey);
  }
}

/** A new passphrase slot (never cheaper than the default cost); the recovery slot is kept as it is. */
export async function prepareNewPassphrase(keyPath: string, current: CoordinatorSecret, next: string, cost?: ScryptCost): Promise<PreparedKeyChange> {
  await assertStrongPassphrase(next, 'next');
  const { keys, text } = readKeyFileWithText(keyPath);
  const dataKey = await unwrapDataKey(keys, current);
  const secret = passphraseBytes(next);
  try {
    const previous = keys.slots.find((s) => s.kind === 'passphrase');
    const raised = previous?.kdf.algorithm === 'scrypt' ? { N: Math.max(previous.kdf.N, DEFAULT_SCRYPT.N), r: previous.kdf.r, p: previous.kdf.p } : DEFAULT_SCRYPT;
    // Raising N alone can leave scrypt's bounds (an r or p someone set by hand): then the default.
    const chosen = cost ?? (scryptCostProblem(raised) ? DEFAULT_SCRYPT : raised);
    const slot = await makeSlot(keys.vaultId, 'passphrase', secret, dataKey, chosen, new Date().toISOString());
    return { basedOn: text, next: { ...keys, slots: [slot, ...keys.slots.filter((s) => s.kind !== 'passphrase')] } };
  } finally {
    wipe(dataKey, secret);
  }
}

/** A fresh recovery key wrapping the same data key, replacing the old recovery slot (so the old key stops working). */
export async function prepareNewRecoveryKey(keyPath: string, passphrase: string): Promise<PreparedKeyChange & { recoveryKey: string }> {
  const { keys, text } = readKeyFileWithText(keyPath);
  const dataKey = await unwrapDataKey(keys, { passphrase });
  const recovery = generateRecoveryKey();
  try {
    const slot = await makeSlot(keys.vaultId, 'recovery', recovery.secret, dataKey, DEFAULT_SCRYPT, new Date().toISOString());
    return { basedOn: text, next: { ...keys, slots: [...keys.slots.filter((s) => s.kind !== 'recovery'), slot] }, recoveryKey: recovery.display };
  } finally {
    wipe(dataKey, recovery.secret);
  }
}

/** Marks the current recovery key as stored; undefined when it already is (nothing to write). */
export function prepareRecoveryConfirmation(keyPath: string, now: string): PreparedKeyChange | undefined {
  const { keys, text } = readKeyFileWithText(keyPath);
  if (recoveryKeyConfirmed(keys)) return undefined;
  if (!keys.slots.some((s) => s.kind === 'recovery')) {
    throw new AppError('CONFLICT', 'This vault has no recovery key to confirm. Make one in Settings.');
  }
  return { basedOn: text, next: { ...keys, slots: keys.slots.map((s) => (s.kind === 'recovery' ? { ...s, confirmedAt: now } : s)) } };
}

/** The interview database key, unwrapped with the main key (the coordinator's way to it); undefined before the upgrade. */
export function unwrapInterviewKey(keys: KeyFile, dataKey: Buffer): Buffer | undefined {
  if (!keys.interviews) return undefined;
  const key = unwrapKey(keys.interviews.wrapped, dataKey, interviewKeyAad(keys.vaultId));
  if (!key) throw keyFileDamaged('the interview database key does not unwrap with the vault’s key');
  return key;
}

/** The key-file entry for a new interview database key, wrapped under the main key. */
export function wrapInterviewKey(vaultId: string, interviewKey: Buffer, dataKey: Buffer): NonNullable<KeyFile['interviews']> {
  return { file: 'interviews.sqlite', wrapped: wrapKey(interviewKey, dataKey, interviewKeyAad(vaultId)) };
}

const wrongInterviewer = () => new AppError('WRONG_PASSPHRASE', 'That email and passphrase do not open this vault as an interviewer. Check both and Caps Lock, or ask the coordinator.');

/**
 * An interviewer's unlock: their slot is found by their email (one KDF run), and it yields the
 * interview database key only. The slot id is returned so the session can name the interviewer.
 */
export async function unwrapInterviewerKey(keys: KeyFile, email: string, passphrase: string): Promise<{ key: Buffer; slotId: string }> {
  const login = interviewerLogin(keys.vaultId, email);
  const slot = keys.slots.find((s) => s.kind === 'interviewer' && s.login === login);
  if (!slot) throw wrongInterviewer();
  const secret = passphraseBytes(passphrase);
  const wrappingKey = await deriveWrappingKey(secret, slot.kdf);
  try {
    const key = unwrapKey(slot.wrapped, wrappingKey, slotAad(keys.vaultId, slot.id));
    if (!key) throw wrongInterviewer();
    return { key, slotId: slot.id };
  } finally {
    wipe(secret, wrappingKey);
  }
}

/**
 * A new interviewer slot wrapping the interview database key (taken from the open vault's main
 * key) under the interviewer's own passphrase. Refuses a weak passphrase or an email that already
 * has a slot.
 */
export async function prepareInterviewerSlot(keyPath: string, dataKey: Buffer, interviewer: { email: string; passphrase: string }, cost: ScryptCost = DEFAULT_SCRYPT): Promise<PreparedKeyChange & { slotId: string }> {
  await assertStrongPassphrase(interviewer.passphrase);
  const { keys, text } = readKeyFileWithText(keyPath);
  const login = interviewerLogin(keys.vaultId, interviewer.email);
  if (keys.slots.some((s) => s.login === login)) {
    throw new AppError('CONFLICT', 'An interviewer with this email can already open the vault. Remove them first to give them a new passphrase.', [{ path: ['email'], message: 'Already an interviewer' }]);
  }
  const interviewKey = unwrapInterviewKey(keys, dataKey);
  if (!interviewKey) throw new AppError('CONFLICT', 'This vault has no interview database yet. Lock and unlock it with your passphrase, then try again.');
  const slotId = `interviewer-${randomUUID()}`;
  const secret = passphraseBytes(interviewer.passphrase);
  const kdf = newScryptParams(cost);
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  try {
    const slot: KeySlot = { id: slotId, kind: 'interviewer', login, kdf, wrapped: wrapKey(interviewKey, wrappingKey, slotAad(keys.vaultId, slotId)), updatedAt: new Date().toISOString() };
    return { basedOn: text, next: { ...keys, slots: [...keys.slots, slot] }, slotId };
  } finally {
    wipe(secret, wrappingKey, interviewKey);
  }
}

/**
 * An interviewer's own slot wrapped again under a new passphrase they chose: the current one must
 * open it first (a session left open is not enough). The interview key itself does not change.
 */
export async function prepareInterviewerPassphrase(keyPath: string, slotId: string, current: string, next: string, cost: ScryptCost = DEFAULT_SCRYPT): Promise<PreparedKeyChange> {
  const { keys, text } = readKeyFileWithText(keyPath);
  const slot = keys.slots.find((s) => s.id === slotId && s.kind === 'interviewer');
  if (!slot) throw new AppError('FORBIDDEN', 'Your interviewer access was removed by the coordinator, so there is no passphrase to change. Nothing was changed.');
  const currentSecret = passphraseBytes(current);
  const currentKey = await deriveWrappingKey(currentSecret, slot.kdf);
  let interviewKey: Buffer | undefined;
  try {
    interviewKey = unwrapKey(slot.wrapped, currentKey, slotAad(keys.vaultId, slot.id)) ?? undefined;
  } finally {
    wipe(currentSecret, currentKey);
  }
  if (!interviewKey) throw new AppError('WRONG_PASSPHRASE', 'That is not your current passphrase, so it was not changed.', [{ path: ['current'], message: 'Not your current passphrase' }]);
  try {
    await assertStrongPassphrase(next, 'next');
    const kdf = newScryptParams(cost);
    const nextSecret = passphraseBytes(next);
    const wrappingKey = await deriveWrappingKey(nextSecret, kdf);
    try {
      const renewed: KeySlot = { ...slot, kdf, wrapped: wrapKey(interviewKey, wrappingKey, slotAad(keys.vaultId, slot.id)), updatedAt: new Date().toISOString() };
      return { basedOn: text, next: { ...keys, slots: keys.slots.map((s) => (s.id === slot.id ? renewed : s)) } };
    } finally {
      wipe(nextSecret, wrappingKey);
    }
  } finally {
    wipe(interviewKey);
  }
}

/** The key file without an interviewer's slot: their passphrase opens nothing from then on. */
export function prepareInterviewerRemoval(keyPath: string, slotId: string): PreparedKeyChange {
  const { keys, text } = readKeyFileWithText(keyPath);
  return { basedOn: text, next: { ...keys, slots: keys.slots.filter((s) => s.id !== slotId) } };
}
