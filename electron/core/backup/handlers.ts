import { existsSync, readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ActionContext, FeatureHandlers } from '../registry/types';
import { noPilot } from '../registry/scope';
import { transaction } from '../db/query';
import { appendAudit } from '../audit';
import { readSettings } from '../settings';
import { lastErasureAt } from '../erasure';
import { KEY_FILE, readKeyFile, unwrapDataKey, wipe } from '../vault';
import { writeExport } from '../exports/write-export';
import { AppError } from '../errors';
import { BACKUP_EXTENSION, type BackupCheck, type BackupRecord, type backupContract } from '../../../shared/backup/contract';
import { encodeBackup, type DatabaseCopy } from './format';
import { backupSound, checkWrittenBackup, verifyBackupFile } from './check';
import { copyMainDatabase, databaseFiles, lastVerifiedAt, latestBackup, recordBackup, schemaVersion, snapshotInto } from './repository';
import { backupStatus } from './status';
import { restoreBackup } from './restore';

/** `reciprocal-2026-12-03-1955.reciprocal-backup`: sorts by date, no ':' (Windows). */
const defaultFileName = (at: Date) => `reciprocal-${at.toISOString().slice(0, 16).replace('T', '-').replace(':', '')}${BACKUP_EXTENSION}`;

/** Every database of the vault as an encrypted snapshot, read back into memory: private temporary files in between. */
function snapshotDatabases(ctx: ActionContext): DatabaseCopy[] {
  const scratch = mkdtempSync(join(tmpdir(), 'reciprocal-backup-'));
  try {
    return databaseFiles(ctx.db).map(({ schema, file }, index) => {
      const copied = schema === 'main' ? copyMainDatabase(ctx.db, file) : undefined;
      if (copied) return { file: basename(file), bytes: copied };
      const path = join(scratch, `${index}.sqlite`);
      snapshotInto(ctx.db, schema, path);
      return { file: basename(file), bytes: readFileSync(path) };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Stores the latest backup and, when it passed, when it was verified; with its audit entry. */
function recordCheck(ctx: ActionContext, record: Omit<BackupRecord, 'verifiedAt'>, check: BackupCheck): void {
  const sound = backupSound(check);
  const at = ctx.now().toISOString();
  transaction(ctx.db, () => {
    recordBackup(ctx.db, { ...record, verifiedAt: sound ? at : null });
    appendAudit(ctx.db, ctx.actor, at, { action: sound ? 'backup.verify' : 'backup.verifyFailed', entityType: 'backup', entityId: record.createdAt });
  });
}

/** A passphrase that does not open a backup: say which passphrase a backup needs. */
async function unwrapForBackup(keys: ReturnType<typeof readKeyFile>, passphrase: string): Promise<Buffer> {
  try {
    return await unwrapDataKey(keys, { passphrase });
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
      throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not correct, so no backup was made. Enter the passphrase you unlock the vault with.');
    }
    throw error;
  }
}

export const backupHandlers: FeatureHandlers<keyof typeof backupContract> = {
  'settings.backupStatus': {
    kind: 'query',
    scope: noPilot,
    run: (_input, { db, now }) => backupStatus(latestBackup(db), lastVerifiedAt(db), readSettings(db).backupReminderDays, now(), lastErasureAt(db)),
  },
  'backup.create': {
    kind: 'action',
    scope: noPilot,
    run: async ({ passphrase, fileName }, ctx) => {
      ctx.session.assertWritable();
      const keyPath = join(ctx.session.dir, KEY_FILE);
      // Asked first, so a mistyped passphrase writes nothing; the same key then checks the written file.
      const keyFileText = readFileSync(keyPath, 'utf8');
      const dataKey = await unwrapForBackup(readKeyFile(keyPath), passphrase);
      try {
        const createdAt = ctx.now();
        const name = fileName ?? defaultFileName(createdAt);
        let bytes = 0;
        const { folder } = await writeExport(ctx, {
          purpose: 'Choose a folder for the backup (an external drive or the university’s approved storage)',
          render: () => {
            const databases = snapshotDatabases(ctx);
            const file = encodeBackup({ vaultId: ctx.session.vaultId, createdAt: createdAt.toISOString(), schemaVersion: schemaVersion(ctx.db), keyFile: keyFileText }, databases);
            bytes = file.length;
            return [{ name, data: file }];
          },
          audit: { action: 'backup.create', entityType: 'backup', entityId: createdAt.toISOString() },
        });
        const file = join(folder, name);
        const check = checkWrittenBackup(file, dataKey, keyFileText);
        recordCheck(ctx, { file, createdAt: createdAt.toISOString(), bytes }, check);
        return { folder, file, check };
      } finally {
        wipe(dataKey);
      }
    },
  },
  'backup.verify': {
    kind: 'action',
    scope: noPilot,
    run: async ({ passphrase }, ctx) => {
      const latest = latestBackup(ctx.db);
      if (!latest) throw new AppError('NOT_FOUND', 'No backup has been made from this vault yet. Make one first; nothing was checked.');
      let check: BackupCheck;
      try {
        check = await verifyBackupFile(latest.file, { passphrase });
      } catch (error) {
        if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
          throw new AppError('WRONG_PASSPHRASE', 'That passphrase does not open this backup. A backup opens with the passphrase the vault had when the backup was made. Nothing was changed.');
        }
        throw error;
      }
      ctx.session.assertWritable();
      recordCheck(ctx, { file: latest.file, createdAt: latest.createdAt, bytes: latest.bytes }, check);
      return { file: latest.file, check };
    },
  },
  'backup.restore': {
    kind: 'action',
    scope: noPilot,
    run: async (secret, ctx) => {
      const { session, host } = ctx;
      const dir = session.dir;
      const others = existsSync(dir) ? readdirSync(dir) : [];
      if (session.state() !== 'absent' || others.length > 0) {
        throw new AppError(
          'VAULT_EXISTS',
          `This computer already has a vault (${dir}), and a backup is never restored over one. To look at a backup beside it, use \`backup restore FILE --vault NEWDIR\` on the command line. Nothing was changed.`,
        );
      }
      if (!host.chooseBackupFile) throw new AppError('CONFLICT', 'Reciprocal cannot ask for a file here: use `backup restore FILE --vault DIR` on the command line. Nothing was changed.');
      const file = await host.chooseBackupFile('Choose the backup to restore');
      if (!file) return null;
      let check: BackupCheck;
      try {
        check = await restoreBackup(file, secret, dir, ctx.actor, ctx.now(), { intoEmptyFolder: true });
      } catch (error) {
        if (error instanceof AppError && (error.code === 'WRONG_PASSPHRASE' || error.code === 'WRONG_RECOVERY_KEY')) {
          const what = error.code === 'WRONG_PASSPHRASE' ? 'That passphrase' : 'That recovery key';
          throw new AppError(error.code, `${what} does not open this backup. Use the passphrase the vault had when the backup was made, or its recovery key. Nothing was restored.`);
        }
        throw error;
      }
      return { file, check };
    },
  },
};
