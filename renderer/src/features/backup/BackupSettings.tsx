import { useState } from 'react';
import type { BackupCheck } from '../../../../shared/backup/contract';
import { formatDateTime } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { SelectInput, TextInput } from '../../ui/Field';
import { FormError } from '../../ui/FormDialog';
import { useNotices } from '../../ui/Notices';
import { ErrorMessage, Loading } from '../../ui/Page';
import { errorText } from '../../ui/errors';
import { isCancelled } from '../../ui/export-result';
import { ApiError } from '../../api';
import { useBackupStatus, useCreateBackup, useSettings, useUpdateSettings, useVerifyBackup } from './api';
import './backup.css';

const REMINDER_CHOICES = [1, 3, 7, 14, 30, 60, 90];

/** What a check found, in words: each check on its own line, so a failure says which. */
function CheckResult({ check, file }: { check: BackupCheck; file: string }) {
  const sound = check.integrity.ok && check.audit.ok;
  return (
    <div className="backup-result" role="status">
      <p>
        <strong>{sound ? 'The backup opened with your passphrase and passed both checks.' : 'The backup opened, but a check failed: do not rely on it. Make a new one.'}</strong>
      </p>
      <ul>
        <li>File: {file}</li>
        <li>Database: {check.integrity.ok ? 'intact' : `damaged (${check.integrity.problems.slice(0, 3).join('; ')})`}</li>
        <li>Audit trail: {check.audit.ok ? `intact, ${plural(check.audit.entries, 'entry', 'entries')}` : `broken at entry ${check.audit.brokenAt}`}</li>
        <li>
          Holds {plural(check.participants, 'participant')} and {plural(check.rows, 'record')} in all
        </li>
      </ul>
    </div>
  );
}

/**
 * Backups in Settings: when the last verified one was made, a reminder when it is older than the
 * setting, "Back up now" (the passphrase first, then a folder, then the written file is opened and
 * checked), and checking the latest one again, e.g. once the drive it is on is plugged back in.
 */
export function BackupSettings() {
  const status = useBackupStatus();
  const create = useCreateBackup();
  const verify = useVerifyBackup();
  const { notify } = useNotices();
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [result, setResult] = useState<{ check: BackupCheck; file: string }>();

  if (status.isPending) return <Loading />;
  if (status.error) return <ErrorMessage error={status.error} />;
  const { latest, lastVerifiedAt, due, reminderDays, daysSinceVerified, erasedSince } = status.data;
  const busy = create.isPending || verify.isPending;

  const run = async (action: 'create' | 'verify') => {
    setFormError(undefined);
    setPassphraseError(undefined);
    if (!passphrase) {
      setPassphraseError('Enter your passphrase');
      return;
    }
    setResult(undefined);
    try {
      const done = action === 'create' ? await create.mutateAsync({ passphrase }) : await verify.mutateAsync({ passphrase });
      setPassphrase('');
      setResult(done);
      notify(action === 'create' ? 'Backup written and checked.' : 'Backup checked.');
    } catch (error) {
      if (isCancelled(error)) notify(errorText(error));
      else if (error instanceof ApiError && error.code === 'WRONG_PASSPHRASE') setPassphraseError(error.message);
      else setFormError(errorText(error));
    }
  };

  return (
    <section className="panel backup-panel" aria-labelledby="backup-heading" id="backup">
      <h2 id="backup-heading">Backups</h2>
      <p>
        A backup is one encrypted file holding everything in the vault. It opens only with the passphrase the vault has when you make it (or your recovery key), so keep it somewhere else than this
        laptop: an external drive or the university’s approved storage.
      </p>
      {due ? (
        <Callout tone="warning">
          {erasedSince !== null
            ? `Data was erased on ${formatDateTime(erasedSince)}, after the latest backup was made: that backup and older ones still hold it. Make a new backup, then delete the older backup files from where you keep them.`
            : `${lastVerifiedAt === null ? 'There is no checked backup of this vault yet.' : `The last checked backup is ${plural(daysSinceVerified ?? 0, 'day')} old, older than the ${plural(reminderDays, 'day')} you chose.`} Make one now.`}
        </Callout>
      ) : null}
      <dl className="backup-facts">
        <dt>Last checked backup</dt>
        <dd>{lastVerifiedAt ? `${formatDateTime(lastVerifiedAt)} (${daysSinceVerified === 0 ? 'today' : `${plural(daysSinceVerified ?? 0, 'day')} ago`})` : 'None yet'}</dd>
        <dt>Latest backup file</dt>
        <dd>{latest ? `${latest.file}, made ${formatDateTime(latest.createdAt)}${latest.verifiedAt ? '' : ' (not checked)'}` : 'None yet'}</dd>
      </dl>
      <form className="form" noValidate onSubmit={(event) => {
          event.preventDefault();
          void run('create');
        }}>
        <TextInput
          label="Your passphrase, for the backup"
          description="Asked each time, so only you can make or check a backup."
          type="password"
          autoComplete="current-password"
          required
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          error={passphraseError}
        />
        <FormError message={formError} />
        <div className="backup-actions">
          <Button type="submit" variant="primary" busy={create.isPending} isDisabled={busy}>
            Back up now…
          </Button>
          {latest ? (
            <Button onPress={() => void run('verify')} busy={verify.isPending} isDisabled={busy}>
              Check latest backup again
            </Button>
          ) : null}
        </div>
        {busy ? (
          <p role="status" className="backup-progress">
            <progress aria-label="Backup progress" /> {create.isPending ? 'Choosing a folder, then writing and checking the backup…' : 'Opening the backup and checking it…'}
          </p>
        ) : null}
      </form>
      {result ? <CheckResult check={result.check} file={result.file} /> : null}
      <ReminderSetting />
    </section>
  );
}

/** How old the last checked backup may get before the app reminds: saved as soon as it is chosen. */
function ReminderSetting() {
  const settings = useSettings();
  const update = useUpdateSettings();
  const { notify } = useNotices();
  if (!settings.data) return null;
  const current = settings.data.backupReminderDays;
  const choices = REMINDER_CHOICES.includes(current) ? REMINDER_CHOICES : [...REMINDER_CHOICES, current].sort((a, b) => a - b);
  return (
    <div className="backup-reminder">
      <SelectInput
      label="Remind me when the last checked backup is older than"
      value={String(current)}
      options={choices.map((days) => ({ value: String(days), label: plural(days, 'day') }))}
      onChange={(event) =>
        update.mutate(
          { backupReminderDays: Number(event.target.value) },
          { onSuccess: (saved) => notify(`Backup reminder set to ${plural(saved.backupReminderDays, 'day')}.`), onError: (error) => notify(error.message, { tone: 'error' }) },
        )
      }
      />
    </div>
  );
}
