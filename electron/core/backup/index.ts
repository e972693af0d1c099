/** Backups for the command line: checking and restoring a backup file need no open vault. */
export { verifyBackupFile, backupSound } from './check';
export { restoreBackup } from './restore';
export { readBackup, BACKUP_MAGIC } from './format';
