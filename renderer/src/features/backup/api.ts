import { useChannel, useCommand } from '../../queries';

/** Backups: the latest one and the reminder, making one, and checking the latest again. */
export const useBackupStatus = () => useChannel('settings.backupStatus', {});
export const useCreateBackup = () => useCommand('backup.create');
export const useVerifyBackup = () => useCommand('backup.verify');
/** The reminder's setting lives with the other settings. */
export const useSettings = () => useChannel('settings.get', {});
export const useUpdateSettings = () => useCommand('settings.update');
