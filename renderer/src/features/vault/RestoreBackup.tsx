import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ChannelOutput } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { ApiError } from '../../api';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { TextInput } from '../../ui/Field';
import { FormError } from '../../ui/FormDialog';
import { restoreBackup } from './api';
import { GateScreen } from './GateScreen';

type Restored = NonNullable<ChannelOutput<'backup.restore'>>;

/**
 * First run on a new laptop (or after losing the vault): bring the vault back from a backup file.
 * The secret is asked first, so the file dialog is the last step; the main process checks the file
 * with it and restores only a backup that passes, never over an existing vault.
 */
export function RestoreBackup({ onRestored, onCancel }: { onRestored: () => void; onCancel: () => void }) {
  const [withRecoveryKey, setWithRecoveryKey] = useState(false);
  const [error, setError] = useState<string>();
  const [notChosen, setNotChosen] = useState(false);
  const [restored, setRestored] = useState<Restored>();
  const { register, handleSubmit, formState, reset, setFocus } = useForm<{ secret: string }>({ defaultValues: { secret: '' } });

  const submit = handleSubmit(async ({ secret }) => {
    setError(undefined);
    setNotChosen(false);
    try {
      const result = await restoreBackup(withRecoveryKey ? { recoveryKey: secret } : { passphrase: secret });
      if (result) setRestored(result);
      else setNotChosen(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      reset({ secret: '' });
      setFocus('secret');
    }
  });

  if (restored) {
    const { check } = restored;
    return (
      <GateScreen title="Vault restored" description={`From ${restored.file}.`}>
        <Callout>
          The backup made on {formatDateTime(check.createdAt)} passed its checks: every page of its databases is sound and its audit trail ({plural(check.audit.entries, 'entry', 'entries')}) is
          unbroken. It holds {plural(check.participants, 'participant')}.
        </Callout>
        <p>Unlock it with the passphrase (or the recovery key) the backup was made with. Anything recorded after the backup was made is not in it, and anyone erased since then is in it again: erase them again before going on.</p>
        <Button variant="primary" onPress={onRestored}>
          Continue to unlock
        </Button>
      </GateScreen>
    );
  }

  return (
    <GateScreen
      title="Restore from a backup"
      description="Bring your vault back from a backup file (a .reciprocal-backup file, for example on an external drive). You need the passphrase or the recovery key the backup was made with."
    >
      <form onSubmit={submit} noValidate className="form">
        <TextInput
          key={String(withRecoveryKey)}
          label={withRecoveryKey ? 'Recovery key of the backup' : 'Passphrase of the backup'}
          type={withRecoveryKey ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          required
          description={withRecoveryKey ? '8 groups of 4 letters and digits, as you wrote them down.' : 'The passphrase the vault had when the backup was made.'}
          error={formState.errors.secret?.message}
          {...register('secret', { required: withRecoveryKey ? 'Enter the recovery key' : 'Enter the passphrase' })}
        />
        <FormError message={error} />
        {notChosen ? <p role="status">No backup file was chosen, so nothing was restored.</p> : null}
        <Button type="submit" variant="primary" busy={formState.isSubmitting}>
          {formState.isSubmitting ? 'Checking and restoring the backup…' : 'Choose the backup file and restore'}
        </Button>
        <Button
          variant="quiet"
          onPress={() => {
            setWithRecoveryKey(!withRecoveryKey);
            setError(undefined);
            reset({ secret: '' });
          }}
        >
          {withRecoveryKey ? 'Use the passphrase instead' : 'Forgot the passphrase? Use the recovery key'}
        </Button>
        <Button variant="quiet" onPress={onCancel}>
          Create a new vault instead
        </Button>
      </form>
    </GateScreen>
  );
}
