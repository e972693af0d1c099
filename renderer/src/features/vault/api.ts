import type { ChannelInput } from '../../../../shared/contract';
import { call } from '../../api';
import { useChannel } from '../../queries';

/**
 * The vault's lifecycle. These calls are made directly rather than as cached commands: after each
 * the app's gate decides what comes next, and unlocking or locking clears every cached answer.
 */
export const useVaultStatus = () => useChannel('vault.status', {});
export const createVault = (passphrase: string) => call('vault.create', { passphrase });
export const unlockVault = (secret: ChannelInput<'vault.unlock'>) => call('vault.unlock', secret);
export const lockVault = () => call('vault.lock', {});
export const restoreBackup = (secret: ChannelInput<'backup.restore'>) => call('backup.restore', secret);
export const setAsideUnfinishedVault = () => call('vault.clearIncomplete', {});
export const confirmRecoveryKey = () => call('vault.confirmRecoveryKey', {});
export const replaceRecoveryKey = (passphrase: string) => call('vault.replaceRecoveryKey', { passphrase });
export const changePassphrase = (input: ChannelInput<'vault.changePassphrase'>) => call('vault.changePassphrase', input);
export const revealRawKey = (passphrase: string) => call('vault.revealKey', { passphrase });
