import { z } from 'zod';
import { channel } from '../contract/define';
import { empty, nothing } from '../contract/common';

export const vaultState = z.enum(['absent', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof vaultState>;

const passphrase = z.string().min(1, 'Enter your passphrase').max(1024, 'A passphrase is at most 1024 characters');
const recoveryKey = z.string().trim().min(1, 'Enter the recovery key').max(200, 'That is too long to be a recovery key');

export const unlockInput = z.union([
  z.object({ passphrase }).strict(),
  z.object({ recoveryKey }).strict(),
]);
export type UnlockInput = z.infer<typeof unlockInput>;

export const vaultContract = {
  'vault.status': channel({
    summary: 'Whether a vault exists in the configured folder and whether it is unlocked; while unlocked, whether the recovery key was confirmed as written down.',
    input: empty,
    output: z.object({
      state: vaultState,
      /** Only while unlocked: false until the coordinator confirms they stored the current recovery key. */
      recoveryKeyConfirmed: z.boolean().optional(),
    }),
  }),
  'vault.create': channel({
    summary: 'Create a new vault protected by a passphrase; returns the recovery key, shown once and unconfirmed until vault.confirmRecoveryKey.',
    input: z.object({ passphrase }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  }),
  'vault.unlock': channel({
    summary: 'Unlock the vault with the passphrase or the recovery key.',
    input: unlockInput,
    output: nothing,
  }),
  'vault.lock': channel({
    summary: 'Close the database and forget the key.',
    input: empty,
    output: nothing,
  }),
  'vault.changePassphrase': channel({
    summary: 'Replace the passphrase (or set one after unlocking with the recovery key).',
    input: z.object({ current: z.union([z.object({ passphrase }).strict(), z.object({ recoveryKey }).strict()]), next: passphrase }).strict(),
    output: nothing,
  }),
  'vault.confirmRecoveryKey': channel({
    summary: 'Record that the coordinator has stored the current recovery key (after it was shown at creation or replacement).',
    input: empty,
    output: nothing,
  }),
  'vault.replaceRecoveryKey': channel({
    summary: 'Make a new recovery key (after the passphrase); the old one stops working. Returns the new key once, unconfirmed.',
    input: z.object({ passphrase }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  }),
  'vault.revealKey': channel({
    summary: 'Show the raw SQLCipher key (after the passphrase) so an auditor can open the file in standard tools.',
    input: z.object({ passphrase }).strict(),
    output: z.object({ key: z.string().regex(/^x'[0-9a-f]{64}'$/) }),
  }),
} as const;
