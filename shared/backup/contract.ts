import { z } from 'zod';
import { channel } from '../contract/define';
import { empty, timestamp } from '../contract/common';
import { coordinatorSecret } from '../vault/contract';

/**
 * Backups (stage 14): the whole vault as one encrypted file, written to a folder the coordinator
 * picks, checked with the passphrase it was made with. The file format is described in
 * electron/core/backup/format.ts.
 */

const passphrase = z.string().min(1, 'Enter your passphrase').max(1024, 'A passphrase is at most 1024 characters');

/** What a verification found: each check said on its own, so a damaged file names what is wrong. */
export const backupCheckSchema = z.object({
  /** SQLite's integrity_check over every page of each backed-up database (verify, restore); for a backup just written, that it is byte for byte the snapshot and opens with the key. */
  integrity: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
  /** The audit trail's hash chain inside the backup. */
  audit: z.object({ ok: z.boolean(), entries: z.number().int(), brokenAt: z.number().int().nullable(), headHash: z.string().nullable() }),
  /** Rows per table, for the coordinator to compare with what they expect. */
  tables: z.number().int(),
  rows: z.number().int(),
  participants: z.number().int(),
  schemaVersion: z.number().int(),
  createdAt: timestamp,
  bytes: z.number().int(),
});
export type BackupCheck = z.infer<typeof backupCheckSchema>;

export const backupRecordSchema = z.object({
  /** Where the file was written (full path), as the coordinator chose it. */
  file: z.string(),
  createdAt: timestamp,
  bytes: z.number().int(),
  /** When the file was last opened with the passphrase and passed both checks; null until then. */
  verifiedAt: timestamp.nullable(),
});
export type BackupRecord = z.infer<typeof backupRecordSchema>;

export const backupStatusSchema = z.object({
  /** The latest backup written from this vault, or null when none was ever made. */
  latest: backupRecordSchema.nullable(),
  /** When the newest verified backup was verified; null when there is none. */
  lastVerifiedAt: timestamp.nullable(),
  reminderDays: z.number().int(),
  /** True when there is no verified backup, the last one is older than `reminderDays`, or an erasure came after the latest backup. */
  due: z.boolean(),
  /** Whole days since the last verified backup; null when there is none. */
  daysSinceVerified: z.number().int().nullable(),
  /**
   * When someone's data was erased after the latest backup was made (the latest erasure), else null:
   * that backup and older ones still hold the erased data, so a new backup is due and the older files should go.
   */
  erasedSince: timestamp.nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** A plain file name: no folders, ending in the backup's extension. */
export const BACKUP_EXTENSION = '.reciprocal-backup';
const backupFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\:*?"<>|\0]+$/, 'A file name without folders or the characters / \\ : * ? " < > |')
  .refine((name) => name.endsWith(BACKUP_EXTENSION) && name !== BACKUP_EXTENSION && !name.startsWith('.'), `The file name must end in ${BACKUP_EXTENSION}`);

export const backupContract = {
  'settings.backupStatus': channel({
    summary: 'The latest backup of this vault, when it was last verified, and whether the reminder is due (no verified backup newer than the reminder setting).',
    input: empty,
    output: backupStatusSchema,
  }),
  'backup.create': channel({
    summary: 'Write a full backup (the encrypted database and its key file, one file) to a folder the coordinator picks, then open it with the passphrase and check it. Audited.',
    invalidates: ['settings', 'dashboard', 'audit'],
    input: z.object({ passphrase, fileName: backupFileName.optional() }).strict(),
    output: z.object({ folder: z.string(), file: z.string(), check: backupCheckSchema }),
  }),
  'backup.verify': channel({
    summary: 'Open the latest backup again with the passphrase it was made with and run the integrity and audit checks, without touching the vault. Audited.',
    invalidates: ['settings', 'dashboard', 'audit'],
    input: z.object({ passphrase }).strict(),
    output: z.object({ file: z.string(), check: backupCheckSchema }),
  }),
  'backup.restore': channel({
    summary:
      'Where this computer has no vault yet (a new laptop, a lost vault): choose a backup file, check it with the passphrase or recovery key it was made with, and restore it as the vault. Never over an existing vault; the restored vault is then unlocked as usual. Null when no file was chosen.',
    invalidates: ['vault'],
    input: coordinatorSecret,
    output: z.object({ file: z.string(), check: backupCheckSchema }).nullable(),
  }),
} as const;
