import { z } from 'zod';
import { channel, roles } from '../contract/define';
import { empty, nothing } from '../contract/common';

/**
 * 'incomplete': the folder holds a vault database but no key file, so it cannot be opened: a
 * creation interrupted by an older version (nothing to lose), or a vault whose key file was lost
 * (restore it from a backup). The coordinator decides; vault.clearIncomplete sets the files aside.
 */
export const vaultState = z.enum(['absent', 'incomplete', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof vaultState>;

/** What an incomplete vault folder holds, so the coordinator can tell an interrupted creation from a used vault. */
export const incompleteVault = z.object({
  folder: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), modifiedAt: z.string() })),
});
export type IncompleteVault = z.infer<typeof incompleteVault>;

/** The integrity check at unlock found damage: the session is read-only until the vault is restored. */
export const damagedVault = z.object({
  folder: z.string(),
  /** SQLite's quick_check findings (at most a handful), for whoever supports the coordinator. */
  problems: z.array(z.string()).min(1),
});
export type DamagedVault = z.infer<typeof damagedVault>;

const passphrase = z.string().min(1, 'Enter your passphrase').max(1024, 'A passphrase is at most 1024 characters');
const recoveryKey = z.string().trim().min(1, 'Enter the recovery key').max(200, 'That is too long to be a recovery key');

const interviewerEmail = z.string().trim().min(1, 'Enter your email').max(254, 'That is too long to be an email').email('Enter the email the coordinator registered you with');

/** The coordinator's secrets: the passphrase or the recovery key. */
export const coordinatorSecret = z.union([z.object({ passphrase }).strict(), z.object({ recoveryKey }).strict()]);
export type CoordinatorSecret = z.infer<typeof coordinatorSecret>;

/** The coordinator's passphrase or recovery key, or an interviewer's email and own passphrase (opens the interview database only). */
export const unlockInput = z.union([
  z.object({ passphrase }).strict(),
  z.object({ recoveryKey }).strict(),
  z.object({ interviewer: interviewerEmail, passphrase }).strict(),
]);
export type UnlockInput = z.infer<typeof unlockInput>;

/** Whose key opened the vault: the coordinator's, or an interviewer's (with their name, for the header). */
export const sessionIdentity = z.object({ role: z.enum(roles), interviewerId: z.number().int().optional(), interviewerName: z.string().optional() });
export type SessionIdentity = z.infer<typeof sessionIdentity>;

export const vaultContract = {
  'vault.status': channel({
    summary:
      'Whether a vault exists in the configured folder (or only an unfinished one) and whether it is unlocked; while unlocked, whether the recovery key was confirmed as written down and whether the vault is damaged (then read-only).',
    invalidates: [],
    input: empty,
    output: z.object({
      state: vaultState,
      /** Only while unlocked: false until the coordinator confirms they stored the current recovery key. */
      recoveryKeyConfirmed: z.boolean().optional(),
      /** Only when incomplete: the files found, with their sizes and dates. */
      incomplete: incompleteVault.optional(),
      /** Only while unlocked, when the check at unlock found damage: every write is refused (VAULT_READ_ONLY). */
      damaged: damagedVault.optional(),
      /** Only while an interviewer's key has it open: who they are (they see only their interviews). Absent for the coordinator. */
      identity: sessionIdentity.optional(),
    }),
    // Whoever holds a key must be able to see the vault's state, open it with their key and lock it.
    access: roles,
  }),
  'vault.clearIncomplete': channel({
    summary:
      'Set aside an unfinished vault (a database without its key file): the folder is moved, whole, to a dated folder beside it, so a new vault can be created. Nothing is deleted; returns where it went.',
    invalidates: ['vault'],
    input: empty,
    output: z.object({ movedTo: z.string() }),
  }),
  'vault.create': channel({
    summary: 'Create a new vault protected by a passphrase; returns the recovery key, shown once and unconfirmed until vault.confirmRecoveryKey.',
    invalidates: ['vault'],
    input: z.object({ passphrase }).strict(),
    /** `folder`: where the vault is stored, for the coordinator to note beside the key. */
    output: z.object({ recoveryKey: z.string(), folder: z.string() }),
  }),
  'vault.unlock': channel({
    summary: 'Unlock the vault with the passphrase or the recovery key, or as an interviewer with their email and own passphrase (the interview database only).',
    invalidates: ['vault'],
    input: unlockInput,
    output: nothing,
    access: roles,
  }),
  'vault.lock': channel({
    summary: 'Close the database and forget the key.',
    invalidates: ['vault'],
    input: empty,
    output: nothing,
    access: roles,
  }),
  'vault.changePassphrase': channel({
    summary: 'Replace the passphrase (or set one after unlocking with the recovery key).',
    invalidates: [],
    input: z.object({ current: coordinatorSecret, next: passphrase }).strict(),
    output: nothing,
  }),
  'vault.confirmRecoveryKey': channel({
    summary: 'Record that the coordinator has stored the current recovery key (after it was shown at creation or replacement).',
    invalidates: ['vault'],
    input: empty,
    output: nothing,
  }),
  'vault.replaceRecoveryKey': channel({
    summary: 'Make a new recovery key (after the passphrase); the old one stops working. Returns the new key once, unconfirmed.',
    invalidates: ['vault'],
    input: z.object({ passphrase }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  }),
  'vault.revealKey': channel({
    summary: 'Show the raw SQLCipher key (after the passphrase) so an auditor can open the file in standard tools.',
    invalidates: [],
    input: z.object({ passphrase }).strict(),
    output: z.object({ key: z.string().regex(/^x'[0-9a-f]{64}'$/) }),
  }),
} as const;
