import { goTo } from '../fixtures';
import { Screen } from './screen';

/** Stage 14: Backups, in Settings — the last checked backup, "Back up now", checking again, the reminder. */
export class BackupSettings extends Screen {
  readonly section = this.page.getByRole('region', { name: 'Backups' });
  readonly passphrase = this.section.getByLabel('Your passphrase, for the backup');
  readonly backUpNow = this.section.getByRole('button', { name: 'Back up now…' });
  readonly checkAgain = this.section.getByRole('button', { name: 'Check latest backup again' });
  readonly reminder = this.section.getByRole('combobox', { name: 'Remind me when the last checked backup is older than' });
  readonly result = this.section.getByRole('status').filter({ hasText: 'The backup opened' });

  open() {
    return goTo(this.page, '/settings');
  }
}
