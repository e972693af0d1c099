import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { AUTO_LOCK_CHOICES } from '../../../../shared/settings/contract';
import { ApiError, call } from '../../api';
import { useChannel, useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { SelectInput, TextInput } from '../../ui/Field';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { formatMinutes } from '../../ui/format';
import { applyServerErrors } from '../../ui/form-errors';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { ReplaceRecoveryKey } from '../vault/ReplaceRecoveryKey';
import { FormError } from '../../ui/FormDialog';
import { errorText } from '../../ui/words';

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="How the vault protects itself on this laptop." />
      <AutoLockSetting />
      <TimeZoneSetting />
      <ChangePassphrase />
      <ReplaceRecoveryKey />
      <RevealKey />
    </>
  );
}

/** The usual choices, plus a stored value set elsewhere (e.g. 45 minutes from the command line) so the list shows what is in force. */
function autoLockChoices(current: number): number[] {
  const choices: number[] = [...AUTO_LOCK_CHOICES];
  return choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
}

function AutoLockSetting() {
  const settings = useChannel('settings.get', {});
  const update = useCommand('settings.update', ['settings']);
  const { notify } = useNotices();
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorMessage error={settings.error} />;
  return (
    <section className="panel" aria-labelledby="auto-lock-heading">
      <h2 id="auto-lock-heading">Auto-lock</h2>
      <SelectInput
        label="Lock the vault after this long without activity"
        description="The vault also locks when the screen locks or the laptop sleeps."
        value={String(settings.data.autoLockMinutes)}
        options={autoLockChoices(settings.data.autoLockMinutes).map((m) => ({ value: String(m), label: formatMinutes(m) }))}
        onChange={(event) =>
          update.mutate(
            { autoLockMinutes: Number(event.target.value) },
            {
              onSuccess: (saved) => notify(`Auto-lock set to ${formatMinutes(saved.autoLockMinutes)}.`),
              onError: (error) => notify(error.message, { tone: 'error' }),
            },
          )
        }
      />
    </section>
  );
}

/** Every zone the runtime knows, the current one first if it is somehow missing from the list. */
function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

function TimeZoneSetting() {
  const settings = useChannel('settings.get', {});
  const update = useCommand('settings.update', ['settings', 'meetings']);
  const { notify } = useNotices();
  if (!settings.data) return null;
  return (
    <section className="panel" aria-labelledby="time-zone-heading">
      <h2 id="time-zone-heading">Time zone</h2>
      <SelectInput
        label="Meetings take place in this time zone"
        description="Meeting times are wall-clock times here; calendar files carry the zone, so a meeting after the clocks change keeps its time."
        value={settings.data.timeZone}
        options={timeZones(settings.data.timeZone).map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
        onChange={(event) =>
          update.mutate(
            { timeZone: event.target.value },
            {
              onSuccess: (saved) => notify(`Time zone set to ${saved.timeZone.replace(/_/g, ' ')}.`),
              onError: (error) => notify(error.message, { tone: 'error' }),
            },
          )
        }
      />
    </section>
  );
}

interface ChangeValues {
  current: string;
  passphrase: string;
  confirmation: string;
}

function ChangePassphrase() {
  const { notify } = useNotices();
  const [formError, setFormError] = useState<string>();
  const { register, watch, handleSubmit, setError, formState, reset } = useForm<ChangeValues>({ defaultValues: { current: '', passphrase: '', confirmation: '' } });
  const submit = handleSubmit(async ({ current, passphrase }) => {
    setFormError(undefined);
    try {
      await call('vault.changePassphrase', { current: { passphrase: current }, next: passphrase });
      reset();
      notify('Passphrase changed. Your recovery key still works.');
    } catch (error) {
      const message = applyServerErrors(error, setError, { next: 'passphrase', 'current.passphrase': 'current' });
      if (error instanceof ApiError && error.code === 'WRONG_PASSPHRASE') setError('current', { type: 'server', message: error.message });
      else setFormError(message);
    }
  });
  return (
    <section className="panel" aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">Change passphrase</h2>
      <form onSubmit={submit} noValidate className="form">
        <TextInput label="Current passphrase" type="password" autoComplete="current-password" required error={formState.errors.current?.message} {...register('current', { required: 'Enter your current passphrase' })} />
        <NewPassphraseFields register={register} watch={watch} errors={formState.errors} label="New passphrase" />
        <FormError message={formError} />
        <Button type="submit" variant="primary" busy={formState.isSubmitting}>
          Change passphrase
        </Button>
      </form>
    </section>
  );
}

function RevealKey() {
  const [key, setKey] = useState<string>();
  const { register, handleSubmit, setError, formState, reset } = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' } });
  const submit = handleSubmit(async ({ passphrase }) => {
    try {
      setKey((await call('vault.revealKey', { passphrase })).key);
      reset();
    } catch (error) {
      setError('passphrase', { type: 'server', message: errorText(error) });
    }
  });
  return (
    <section className="panel" aria-labelledby="auditor-heading">
      <h2 id="auditor-heading">Access for an auditor</h2>
      <p>
        An IT or ethics auditor can open the vault file (<code>vault.sqlite</code>) in standard SQLCipher 4 tools with the raw database key. Showing it is recorded in the audit trail.
      </p>
      {key ? (
        <>
          <p className="raw-key" data-testid="raw-key">
            {key}
          </p>
          <p className="hint">
            In the <code>sqlcipher</code> shell: <code>PRAGMA key = "{key}";</code> Anyone with this key can read the vault: do not store it with the file.
          </p>
          <Button onPress={() => setKey(undefined)}>Hide the key</Button>
        </>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <TextInput label="Passphrase" type="password" autoComplete="current-password" required error={formState.errors.passphrase?.message} {...register('passphrase', { required: 'Enter your passphrase' })} />
          <Button type="submit" busy={formState.isSubmitting}>
            Show the raw key
          </Button>
        </form>
      )}
    </section>
  );
}
