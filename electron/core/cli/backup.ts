import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { HandlerRegistry } from '../index';
import type { Host } from '../host';
import { AppError } from '../errors';
import { backupSound, restoreBackup, verifyBackupFile } from '../backup';
import { BACKUP_EXTENSION, type BackupCheck } from '../../../shared/backup/contract';
import { plural } from '../../../shared/words';
import { CliError, EXIT, exitCodeFor, usageError, type CliIo } from './io';
import { currentPassphrase, currentSecret } from './secrets';

/** Opens the vault (asking for the secret given, or the usual one) with the host given; the caller locks. */
export type OpenVault = (host: Host, secret?: { passphrase: string }) => Promise<{ registry: HandlerRegistry; lock: () => void }>;

const BACKUP_USAGE = 'Use: backup create --vault DIR --out FILE | backup verify FILE | backup restore FILE --vault NEWDIR';

function describeCheck(check: BackupCheck): string {
  const lines = [
    `made: ${check.createdAt}`,
    check.integrity.ok ? 'integrity: ok' : `integrity: DAMAGED\n${check.integrity.problems.map((p) => `  ${p}`).join('\n')}`,
    check.audit.ok ? `audit chain: ok, ${plural(check.audit.entries, 'entry', 'entries')}${check.audit.headHash ? ` (head ${check.audit.headHash})` : ''}` : `audit chain: BROKEN at entry ${check.audit.brokenAt}`,
    `holds: ${plural(check.participants, 'participant')}, ${plural(check.rows, 'row')} in ${plural(check.tables, 'table')}; schema version ${check.schemaVersion}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `backup create` goes through the app's channel (the same snapshot, audit entry and check);
 * `verify` and `restore` read only the backup file: they need no vault, and never open one.
 */
export async function backupCommand(args: string[], values: { vault?: string | undefined; out?: string | undefined }, io: CliIo, openVault: OpenVault): Promise<number> {
  const [sub, file, ...extra] = args;
  switch (sub) {
    case 'create': {
      if (file || !values.vault || !values.out) throw usageError(BACKUP_USAGE);
      const out = resolve(values.out);
      const intoFolder = existsSync(out) && statSync(out).isDirectory();
      const fileName = intoFolder ? undefined : basename(out);
      if (fileName && !fileName.endsWith(BACKUP_EXTENSION)) throw usageError(`--out must be a folder or a file name ending in ${BACKUP_EXTENSION} (got "${values.out}").`);
      if (!intoFolder && existsSync(out)) throw new CliError(EXIT.failure, `${out} already exists; a backup never overwrites a file. Choose another name.`);
      const folder = intoFolder ? out : dirname(out);
      const passphrase = await currentPassphrase(io);
      const host: Host = {
        chooseExportFolder: async () => {
          mkdirSync(folder, { recursive: true });
          return folder;
        },
      };
      const vault = await openVault(host, { passphrase });
      try {
        const result = await vault.registry.call('backup.create', fileName ? { passphrase, fileName } : { passphrase }, 'cli');
        if (!result.ok) throw new AppError(result.error.code, result.error.message);
        io.stdout(`Backup written to ${result.value.file}\n${describeCheck(result.value.check)}`);
        return backupSound(result.value.check) ? EXIT.ok : EXIT.failure;
      } finally {
        vault.lock();
      }
    }
    case 'verify': {
      if (!file || extra.length > 0 || values.vault || values.out) throw usageError('Use: backup verify FILE (no --vault: the vault is never opened)');
      const check = await verifyBackupFile(resolve(file), await currentSecret(io));
      io.stdout(describeCheck(check));
      return backupSound(check) ? EXIT.ok : EXIT.failure;
    }
    case 'restore': {
      if (!file || extra.length > 0 || !values.vault) throw usageError('Use: backup restore FILE --vault NEWDIR (a folder that does not exist yet)');
      const target = resolve(values.vault);
      // Said before the passphrase is asked for; the restore checks again right before it renames into place.
      if (existsSync(target)) throw new CliError(exitCodeFor('VAULT_EXISTS'), `${target} already exists. A backup is only restored into a new folder; nothing was changed.`);
      const check = await restoreBackup(resolve(file), await currentSecret(io), target, 'cli', new Date());
      io.stdout(
        `Restored into ${target}. It opens with the passphrase and recovery key the vault had when the backup was made.\n${describeCheck(check)}` +
          `Anyone erased after ${check.createdAt} is back in this copy: erase them again (their erasure certificates list them).\n`,
      );
      return EXIT.ok;
    }
    default:
      throw usageError(BACKUP_USAGE);
  }
}

/** `export subject`: one person's subject access documents (HTML and JSON) into the folder given. */
export async function exportSubjectCommand(values: { participant?: string | undefined; out?: string | undefined }, io: CliIo, openVault: OpenVault): Promise<number> {
  const participantId = Number(values.participant);
  if (!values.out || !Number.isInteger(participantId) || participantId <= 0) throw usageError('Use: export subject --participant ID --out DIR --vault DIR');
  const out = resolve(values.out);
  const host: Host = {
    chooseExportFolder: async () => {
      mkdirSync(out, { recursive: true });
      return out;
    },
  };
  const vault = await openVault(host);
  try {
    const result = await vault.registry.call('subjectAccess.export', { participantId }, 'cli');
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    io.stdout(`Wrote ${result.value.files.join(' and ')} to ${result.value.folder}\n${result.value.sections.map((s) => `  ${s.kind}: ${s.records}`).join('\n')}\nLeft out: ${result.value.leftOut.length} kinds of data (listed, with why, in both files).\n`);
    return EXIT.ok;
  } finally {
    vault.lock();
  }
}
