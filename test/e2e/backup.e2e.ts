import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo, PASSPHRASE, currentAcademicYear } from './fixtures';
import { BackupSettings } from './pages/backup';
import { createCore } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import { TEST_SCRYPT } from '../helpers/vault';

test('backups in Settings: reminded, a wrong passphrase refused, a backup written and checked, the reminder gone', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilot = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', ...currentAcademicYear() });
  await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Amara Nwosu', email: 'amara@example.ac.uk', role: 'mentor', department: 'Law' } });

  // The overview reminds: there is no checked backup yet.
  await goTo(page, `/pilots/${pilot.id}/overview`);
  const reminder = page.getByText('This vault has no checked backup yet.');
  await expect(reminder).toBeVisible();
  await expectAccessible(page, 'overview with the backup reminder');
  await keepScreenshot(page, 'backup-00-overview-reminder');
  await page.getByRole('link', { name: 'Back up now in Settings' }).click();

  const backups = new BackupSettings(page);
  await expect(backups.section).toBeVisible();
  await expect(backups.section).toContainText('There is no checked backup of this vault yet.');
  await expect(backups.reminder).toHaveValue('7');
  await expectAccessible(page, 'settings with backups');
  await keepScreenshot(page, 'backup-01-settings-reminded');

  // Nothing typed: said at the field. A wrong passphrase: said at the field, nothing written.
  await backups.backUpNow.click();
  await expect(backups.section.getByText('Enter your passphrase')).toBeVisible();
  await backups.passphrase.fill('not my passphrase');
  await backups.backUpNow.click();
  await expect(backups.section.getByText(/That passphrase is not correct, so no backup was made/)).toBeVisible();
  expect(readdirSync(bridge.exportDir)).toEqual([]);

  await backups.passphrase.fill(PASSPHRASE);
  await backups.backUpNow.click();
  await expect(backups.result).toContainText('passed both checks');
  await expect(backups.result).toContainText('Holds 1 participant');
  await expect(backups.section).not.toContainText('There is no checked backup');
  await expect(backups.section).toContainText(/Last checked backup\s*.*today/);
  const [file] = readdirSync(bridge.exportDir);
  expect(file).toMatch(/^reciprocal-.*\.reciprocal-backup$/);
  // One encrypted file: no name or email in it.
  const bytes = readFileSync(join(bridge.exportDir, file!));
  expect(bytes.includes(Buffer.from('Amara Nwosu'))).toBe(false);
  expect(bytes.includes(Buffer.from('amara@example.ac.uk'))).toBe(false);
  await expectAccessible(page, 'settings after a backup');
  await keepScreenshot(page, 'backup-02-written-and-checked');

  // Checking it again, by keyboard; then the reminder setting.
  await backups.passphrase.fill(PASSPHRASE);
  await backups.checkAgain.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Messages' }).getByText('Backup checked.')).toBeVisible();
  await backups.reminder.selectOption('14');
  await expect(page.getByRole('status', { name: 'Messages' }).getByText('Backup reminder set to 14 days.')).toBeVisible();

  await goTo(page, `/pilots/${pilot.id}/overview`);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByText('This vault has no checked backup yet.')).toHaveCount(0);
});

test('a new laptop: the first screen restores the vault from a backup, asking for the backup’s passphrase first', async ({ app: page, bridge }) => {
  // The old laptop's vault, backed up to the drive the new one reads (the bridge's folder).
  const old = mkdtempSync(join(tmpdir(), 'reciprocal-old-laptop-'));
  try {
    const { registry, session } = createCore(join(old, 'vault'), { scrypt: TEST_SCRYPT, host: fixedFolderHost(bridge.exportDir) });
    await seed(registry, 'vault.create', { passphrase: PASSPHRASE });
    await seed(registry, 'vault.confirmRecoveryKey', {});
    const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', ...currentAcademicYear() });
    await seed(registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Amara Nwosu', email: 'amara@example.ac.uk', role: 'mentor', department: 'Law' } });
    await seed(registry, 'backup.create', { passphrase: PASSPHRASE });
    session.lock('user');
  } finally {
    rmSync(old, { recursive: true, force: true });
  }

  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore from a backup instead' }).click();
  await expect(page.getByRole('heading', { name: 'Restore from a backup' })).toBeVisible();
  await expectAccessible(page, 'restore from a backup');
  await keepScreenshot(page, 'backup-10-restore-first-run');

  const secret = page.getByRole('textbox', { name: 'Passphrase of the backup' });
  const restore = page.getByRole('button', { name: 'Choose the backup file and restore' });
  await restore.click();
  await expect(page.getByText('Enter the passphrase', { exact: true })).toBeVisible();
  await secret.fill('not the passphrase');
  await restore.click();
  await expect(page.getByText('That passphrase does not open this backup.', { exact: false })).toBeVisible();
  expect(readdirSync(bridge.exportDir)).toHaveLength(1);

  await secret.fill(PASSPHRASE);
  await restore.click();
  await expect(page.getByRole('heading', { name: 'Vault restored' })).toBeVisible();
  await expect(page.getByText(/passed its checks/)).toContainText('It holds 1 participant.');
  await expectAccessible(page, 'vault restored');
  await keepScreenshot(page, 'backup-11-restored');
  await page.getByRole('button', { name: 'Continue to unlock' }).click();

  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Pilots', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Belonging 2026/27' })).toBeVisible();
});

test('after an erasure the overview asks for a new backup: the older one still holds the erased person', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilot = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', ...currentAcademicYear() });
  const amara = await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Amara Nwosu', email: 'amara@example.ac.uk', role: 'mentor', department: 'Law' } });
  await seed(bridge.registry, 'backup.create', { passphrase: PASSPHRASE });
  await goTo(page, `/pilots/${pilot.id}/overview`);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByText(/after the latest backup was made/)).toHaveCount(0);

  await seed(bridge.registry, 'erasure.erasePerson', { participantId: amara.id, confirmName: 'Amara Nwosu' });
  await page.reload();
  const reminder = page.getByText(/Data was erased on .*, after the latest backup was made: that backup still holds it\./);
  await expect(reminder).toBeVisible();
  await expectAccessible(page, 'overview asking for a backup after an erasure');
  await keepScreenshot(page, 'backup-20-after-erasure');
  await page.getByRole('link', { name: 'Back up now in Settings' }).click();
  await expect(new BackupSettings(page).section).toContainText('Make a new backup, then delete the older backup files');
});
