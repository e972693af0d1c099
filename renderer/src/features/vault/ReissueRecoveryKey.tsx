import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, call } from '../../api';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { PageHeader } from '../../ui/Page';
import { RecoveryKeyStep } from './RecoveryKeyStep';

/**
 * Shown on opening the vault while its recovery key was never confirmed (the app closed, reloaded
 * or locked before the coordinator finished): the key shown then may be lost, so make a new one.
 */
export function ReissueRecoveryKey({ onDone }: { onDone: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState, reset, setFocus } = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' } });

  const submit = handleSubmit(async ({ passphrase }) => {
    setFormError(undefined);
    try {
      setRecoveryKey((await call('vault.replaceRecoveryKey', { passphrase })).recoveryKey);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'WRONG_PASSPHRASE') {
        reset({ passphrase: '' });
        setError('passphrase', { type: 'server', message: error.message });
        setFocus('passphrase');
      } else {
        setFormError((error as Error).message);
      }
    }
  });

  if (recoveryKey) return <RecoveryKeyStep recoveryKey={recoveryKey} onConfirmed={onDone} replaced />;

  return (
    <main className="gate" id="main">
      <div className="gate-card">
        <PageHeader
          title="Make a new recovery key"
          description="You did not confirm that you had written down your recovery key: Reciprocal closed, reloaded or locked before you finished, so that key may be lost. Make a new one now. The earlier key will stop working."
        />
        <form onSubmit={submit} noValidate className="form">
          <TextInput
            label="Passphrase"
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
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            {formState.isSubmitting ? 'Making the key…' : 'Make a new recovery key'}
          </Button>
        </form>
      </div>
    </main>
  );
}
