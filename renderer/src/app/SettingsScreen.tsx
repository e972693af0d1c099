import { PageHeader } from '../ui/Page';
import { AutoLockSetting, TimeZoneSetting } from '../features/settings/LockAndTimeZone';
import { ChangePassphrase, RevealKey } from '../features/vault/KeySettings';
import { ReplaceRecoveryKey } from '../features/vault/ReplaceRecoveryKey';
import { BackupSettings } from '../features/backup/BackupSettings';

/** Settings: the vault's own (auto-lock, time zone) and its keys (passphrase, recovery key, the raw key for an auditor). */
export function SettingsScreen() {
  return (
    <>
      <PageHeader title="Settings" description="How the vault protects itself on this laptop." />
      <AutoLockSetting />
      <TimeZoneSetting />
      <BackupSettings />
      <ChangePassphrase />
      <ReplaceRecoveryKey />
      <RevealKey />
    </>
  );
}
