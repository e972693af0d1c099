import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../api';
import { unlockVault } from './api';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { PageHeader } from '../../ui/Page';
import { FormError } from '../../ui/FormDialog';

type Mode = 'passphrase' | 'recoveryKey';

/** The unlock screen; the recovery key is the fallback for a forgotten passphrase. */
export function Unlock({ onUnlocked, lockedBecause }: { onUnlocked: (via: Mode, secret: string) => void; lockedBecause?: string }) {
  const [mode, setMode] = useState<Mode>('passphrase');
  const [error, setError] = useState<string>();
  const { register, handleSubmit, formState, reset, setFocus } = useForm<{ secret: string }>({ defaultValues: { secret: '' } });

  const submit = handleSubmit(async ({ secret }) => {
    setError(undefined);
    try {
      await unlockVault(mode === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret });
      onUnlocked(mode, secret);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      reset({ secret: '' });
      setFocus('secret');
    }
  });

  const switchMode = () => {
    setMode(mode === 'passphrase' ? 'recoveryKey' : 'passphrase');
    setError(undefined);
    reset({ secret: '' });
  };

  return (
    <main className="gate" id="main">
      <div className="gate-card">
        <PageHeader takeFocus={false} title="Unlock Reciprocal" description="Your vault is encrypted. Enter your passphrase to open it." />
        {lockedBecause ? (
          <p className="lock-reason" id="lock-reason">
            {lockedBecause}
          </p>
        ) : null}
        <form onSubmit={submit} noValidate className="form">
          <TextInput
            key={mode}
            label={mode === 'passphrase' ? 'Passphrase' : 'Recovery key'}
            type={mode === 'passphrase' ? 'password' : 'text'}
            autoComplete={mode === 'passphrase' ? 'current-password' : 'off'}
            spellCheck={false}
            autoFocus
            required
            description={mode === 'recoveryKey' ? '8 groups of 4 letters and digits, as you wrote them down.' : undefined}
            error={formState.errors.secret?.message}
            // Read out with the field that takes focus, so a screen reader hears why the vault locked.
            aria-describedby={lockedBecause ? 'lock-reason' : undefined}
            {...register('secret', { required: mode === 'passphrase' ? 'Enter your passphrase' : 'Enter your recovery key' })}
          />
          <FormError message={error} />
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            {formState.isSubmitting ? 'Unlocking…' : 'Unlock'}
          </Button>
          <Button variant="quiet" onPress={switchMode}>
            {mode === 'passphrase' ? 'Forgot the passphrase? Use the recovery key' : 'Use the passphrase instead'}
          </Button>
        </form>
      </div>
    </main>
  );
}
