import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_EXTENSION } from '../../shared/backup/contract';

/**
 * What the core asks of whoever runs it: the Electron shell (native dialogs), the CLI (arguments)
 * or the test bridge (a configured folder). Keeps dialogs out of the core.
 */
export interface Host {
  /** Asks where to write an export; undefined when the coordinator cancels. */
  chooseExportFolder(purpose: string): Promise<string | undefined>;
  /** Asks which backup file to restore (the app's first run); absent where there is no one to ask (the CLI names the file). */
  chooseBackupFile?(purpose: string): Promise<string | undefined>;
}

/**
 * A host for tests and scripts: always the same folder, and as the backup to restore, the newest
 * backup file in it.
 */
export const fixedFolderHost = (folder: string): Host => ({
  chooseExportFolder: async () => folder,
  chooseBackupFile: async () => {
    const backups = readdirSync(folder)
      .filter((name) => name.endsWith(BACKUP_EXTENSION))
      .map((name) => ({ path: join(folder, name), modified: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    return backups[0]?.path;
  },
});

/** A host with nowhere to write: exports are refused with a clear message. */
export const noExportHost: Host = { chooseExportFolder: async () => undefined };
