import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { confirmRecoveryKey } from './api';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { PageHeader } from '../../ui/Page';
import { FormError } from '../../ui/FormDialog';
import { errorText } from '../../ui/errors';

/**
 * The recovery key, shown once, and proof it was noted: a checkbox and its last group typed back.
 * Confirming is recorded in the vault; until then the app offers a new key at every unlock, so a
 * key lost to a crash, a reload or an auto-lock is never silently the only way back in.
 */
export function RecoveryKeyConfirmation({ recoveryKey, onConfirmed, submitLabel }: { recoveryKey: string; onConfirmed: () => void; submitLabel: string }) {
  const lastGroup = recoveryKey.split('-').at(-1)!;
  const [stored, setStored] = useState(false);
  const storedId = useId();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<{ lastGroup: string }>({ defaultValues: { lastGroup: '' } });
  const submit = handleSubmit(async () => {
    setFormError(undefined);
    try {
      await confirmRecoveryKey();
      onConfirmed();
    } catch (error) {
      setFormError(errorText(error));
    }
  });

  return (
    <>
      <p className="recovery-key" data-testid="recovery-key">
        {/* The dash ends a group, so a key that wraps breaks after a dash, never before one. */}
        {recoveryKey.split('-').map((group, index, groups) => (
          <span key={index} className="key-group">
            {group}
            {index < groups.length - 1 ? '-' : ''}
          </span>
        ))}
      </p>
      <p className="hint">Write it on paper or store it in your institution’s password manager, away from this laptop. Anyone with this key and the laptop can read the vault.</p>
      <form onSubmit={submit} noValidate className="form">
        <div className="checkbox-field">
          <input id={storedId} type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
          <label htmlFor={storedId}>I have stored the recovery key somewhere safe</label>
        </div>
        <TextInput
          label="Type the last group of the key to confirm"
          description="The four characters after the last dash."
          autoComplete="off"
          spellCheck={false}
          required
          error={formState.errors.lastGroup?.message}
          {...register('lastGroup', {
            validate: (value) => value.trim().toUpperCase() === lastGroup || 'That is not the last group of the key shown above',
          })}
        />
        <FormError message={formError} />
        <Button type="submit" variant="primary" isDisabled={!stored} busy={formState.isSubmitting}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}

/** The full-screen step after creating a vault, or after a new key replaced an unconfirmed one. */
export function RecoveryKeyStep({ recoveryKey, onConfirmed, replaced = false }: { recoveryKey: string; onConfirmed: () => void; replaced?: boolean }) {
  return (
    <main className="gate" id="main">
      <div className="gate-card">
        <PageHeader
          title={replaced ? 'Write down your new recovery key' : 'Write down your recovery key'}
          description={
            replaced
              ? 'This key replaces the earlier one, which no longer works. If you forget your passphrase, this key is the only way back in. It is shown now and never again.'
              : 'If you forget your passphrase, this key is the only way back in. It is shown now and never again.'
          }
        />
        <RecoveryKeyConfirmation recoveryKey={recoveryKey} onConfirmed={onConfirmed} submitLabel="Continue to Reciprocal" />
      </div>
    </main>
  );
}
