import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, call } from '../../api';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { RecoveryKeyConfirmation } from './RecoveryKeyStep';

/** Settings: replace a lost or exposed recovery key. The old key stops working the moment the new one is made. */
export function ReplaceRecoveryKey() {
  const { notify } = useNotices();
  const [recoveryKey, setRecoveryKey] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState, reset } = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' } });

  const submit = handleSubmit(async ({ passphrase }) => {
    setFormError(undefined);
    try {
      setRecoveryKey((await call('vault.replaceRecoveryKey', { passphrase })).recoveryKey);
      reset();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'WRONG_PASSPHRASE') setError('passphrase', { type: 'server', message: error.message });
      else setFormError((error as Error).message);
    }
  });

  return (
    <section className="panel" aria-labelledby="recovery-key-heading">
      <h2 id="recovery-key-heading">Recovery key</h2>
      {recoveryKey ? (
        <>
          <p role="status">
            <strong>Your new recovery key is below.</strong> The earlier key no longer works. It is shown only now.
          </p>
          <RecoveryKeyConfirmation
            recoveryKey={recoveryKey}
            submitLabel="Done: I have stored the new key"
            onConfirmed={() => {
              setRecoveryKey(undefined);
              notify('New recovery key confirmed. The earlier key no longer works.');
            }}
          />
        </>
      ) : (
        <>
          <p>If the recovery key is lost, or someone else may have seen it, replace it with a new one. The current key stops working at once; your passphrase stays the same.</p>
          <form onSubmit={submit} noValidate className="form">
            <TextInput
              label="Your passphrase"
              description="Needed to make the new key."
              type="password"
              autoComplete="current-password"
              required
              error={formState.errors.passphrase?.message}
              {...register('passphrase', { required: 'Enter your passphrase' })}
            />
            {formError ? (
              <p role="alert" className="error-banner">
                {formError}
              </p>
            ) : null}
            <Button type="submit" busy={formState.isSubmitting}>
              Replace the recovery key
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
