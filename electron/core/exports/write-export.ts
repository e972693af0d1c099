import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../errors';
import { appendAudit, type AuditEvent } from '../audit';
import { transaction, type WriteDb } from '../db/query';
import type { ActionContext } from '../registry/types';
import { writeFileAtomic } from '../util/atomic-write';

export interface ExportFile {
  /** A plain file name (no folders): ids, never names, where the file may be shared. */
  name: string;
  data: string | Uint8Array;
}

export interface ExportRequest {
  /** The folder dialog's title. */
  purpose: string;
  /** Made after the folder is chosen, so nothing decrypted waits in memory while the dialog is open. */
  render: () => ExportFile[] | Promise<ExportFile[]>;
  /** The entry, or one made from the rendered files (a research export's entry holds its manifest's hash). */
  audit: AuditEvent | ((files: readonly ExportFile[]) => AuditEvent);
  /** Anything else to record in the vault in the same step as the entry (a research export's replacement log). */
  record?: (db: WriteDb) => void;
}

const lockedMeanwhile = () => new AppError('VAULT_LOCKED', 'The vault locked before the export was written, so nothing was written. Unlock it and export again.');

/**
 * The one way a file leaves the vault. The folder is asked for first; then, only if the same vault
 * session is still unlocked, the audit entry and the files are written as one step: the entry is
 * committed only if every file was written, and files already written are removed if anything fails.
 * A vault that locked while the dialog was open writes nothing.
 */
export async function writeExport(ctx: ActionContext, request: ExportRequest): Promise<{ folder: string; files: string[] }> {
  const db = ctx.db; // throws VAULT_LOCKED now if it is locked already
  const folder = await ctx.host.chooseExportFolder(request.purpose);
  if (!folder) throw new AppError('CANCELLED', 'Export cancelled: nothing was written.');
  if (!ctx.session.isUnlocked || ctx.session.db !== db) throw lockedMeanwhile();
  const files = await request.render();
  for (const file of files) {
    if (basename(file.name) !== file.name) throw new Error(`Export file name ${JSON.stringify(file.name)} must not contain folders`);
  }
  // Rendering is asynchronous (PDF): check again right before writing, which is synchronous from here on.
  if (!ctx.session.isUnlocked || ctx.session.db !== db) throw lockedMeanwhile();

  const written: string[] = [];
  try {
    transaction(db, () => {
      appendAudit(db, ctx.actor, ctx.now().toISOString(), typeof request.audit === 'function' ? request.audit(files) : request.audit);
      request.record?.(db);
      for (const file of files) {
        const path = join(folder, file.name);
        writeFileAtomic(path, file.data);
        written.push(path);
      }
    });
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    throw fileSystemError(error, folder) ?? error;
  }
  return { folder, files: files.map((file) => file.name) };
}

/** A folder that cannot be written to is the coordinator's to fix, not a bug: say so plainly. */
function fileSystemError(error: unknown, folder: string): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC') return new AppError('DISK_FULL', `The disk holding ${folder} is full, so nothing was exported. Free some space or choose another folder.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('IO_ERROR', `Reciprocal may not write to ${folder}, so nothing was exported. Choose another folder.`);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('IO_ERROR', `The folder ${folder} no longer exists, so nothing was exported. Choose another folder.`);
  if (code === 'EEXIST' || code === 'EISDIR' || code === 'ENOTEMPTY') return new AppError('CONFLICT', `Something in ${folder} was in the way of the export (a folder with the same name as a file to write), so nothing was exported. Move it or choose another folder.`);
  return undefined;
}
