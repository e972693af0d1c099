import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../api';
import { unlockVault } from './api';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { PageHeader } from '../../ui/Page';
import { FormError } from '../../ui/FormDialog';

type Mode = 'passphrase' | 'recoveryKey' | 'interviewer';

/** The unlock screen; the recovery key is the fallback for a forgotten passphrase. */
export function Unlock({ onUnlocked, lockedBecause }: { onUnlocked: (via: Mode, secret: string) => void; lockedBecause?: string }) {
  const [mode, setMode] = useState<Mode>('passphrase');
  const [error, setError] = useState<string>();
  const { register, handleSubmit, formState, reset, setFocus, getValues } = useForm<{ secret: string; email: string }>({ defaultValues: { secret: '', email: '' } });

  const submit = handleSubmit(async ({ secret, email }) => {
    setError(undefined);
    try {
      await unlockVault(mode === 'passphrase' ? { passphrase: secret } : mode === 'interviewer' ? { interviewer: email, passphrase: secret } : { recoveryKey: secret });
      onUnlocked(mode, secret);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      reset({ secret: '', email: getValues('email') });
      setFocus('secret');
    }
  });

  const switchMode = (next: Mode = mode === 'passphrase' ? 'recoveryKey' : 'passphrase') => {
    setMode(next);
    setError(undefined);
    reset({ secret: '', email: '' });
  };

  return (
    <main className="gate" id="main">
      <div className="gate-card">
        <PageHeader
          takeFocus={false}
          title={mode === 'interviewer' ? 'Unlock as an interviewer' : 'Unlock Reciprocal'}
          description={mode === 'interviewer' ? 'Your passphrase opens only the interviews the coordinator has given you.' : 'Your vault is encrypted. Enter your passphrase to open it.'}
        />
        {lockedBecause ? (
          <p className="lock-reason" id="lock-reason">
            {lockedBecause}
          </p>
        ) : null}
        <form onSubmit={submit} noValidate className="form">
          {mode === 'interviewer' ? (
            <TextInput label="Your email" type="email" autoComplete="username" autoFocus required error={formState.errors.email?.message} {...register('email', { required: 'Enter the email the coordinator registered you with' })} />
          ) : null}
          <TextInput
            key={mode}
            label={mode === 'recoveryKey' ? 'Recovery key' : mode === 'interviewer' ? 'Your passphrase' : 'Passphrase'}
            type={mode === 'recoveryKey' ? 'text' : 'password'}
            autoComplete={mode === 'recoveryKey' ? 'off' : 'current-password'}
            spellCheck={false}
            autoFocus={mode !== 'interviewer'}
            required
            description={mode === 'recoveryKey' ? '8 groups of 4 letters and digits, as you wrote them down.' : undefined}
            error={formState.errors.secret?.message}
            // Read out with the field that takes focus, so a screen reader hears why the vault locked.
            aria-describedby={lockedBecause ? 'lock-reason' : undefined}
            {...register('secret', { required: mode === 'recoveryKey' ? 'Enter your recovery key' : 'Enter your passphrase' })}
          />
          <FormError message={error} />
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            {formState.isSubmitting ? 'Unlocking…' : 'Unlock'}
          </Button>
          {mode === 'interviewer' ? null : (
            <Button variant="quiet" onPress={() => switchMode()}>
              {mode === 'passphrase' ? 'Forgot the passphrase? Use the recovery key' : 'Use the passphrase instead'}
            </Button>
          )}
          <Button variant="quiet" onPress={() => switchMode(mode === 'interviewer' ? 'passphrase' : 'interviewer')}>
            {mode === 'interviewer' ? 'I am the coordinator' : 'I am an interviewer'}
          </Button>
        </form>
      </div>
    </main>
  );
}
