import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { PageHeader } from '../../ui/Page';

/** Shows the recovery key once and asks for proof it was noted: its last group, typed back. */
export function RecoveryKeyStep({ recoveryKey, onConfirmed }: { recoveryKey: string; onConfirmed: () => void }) {
  const lastGroup = recoveryKey.split('-').at(-1)!;
  const [stored, setStored] = useState(false);
  const { register, handleSubmit, formState } = useForm<{ lastGroup: string }>({ defaultValues: { lastGroup: '' } });
  const submit = handleSubmit(() => onConfirmed());

  return (
    <main className="gate" id="main">
      <div className="gate-card">
        <PageHeader
          title="Write down your recovery key"
          description="If you forget your passphrase, this key is the only way back in. It is shown now and never again."
        />
        <p className="recovery-key" data-testid="recovery-key">
          {recoveryKey.split('-').map((group, index) => (
            <span key={index} className="key-group">
              {index > 0 ? '-' : ''}
              {group}
            </span>
          ))}
        </p>
        <p className="hint">Write it on paper or store it in your institution’s password manager, away from this laptop. Anyone with this key and the laptop can read the vault.</p>
        <form onSubmit={submit} noValidate className="form">
          <div className="checkbox-field">
            <input id="stored" type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
            <label htmlFor="stored">I have stored the recovery key somewhere safe</label>
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
          <Button type="submit" variant="primary" isDisabled={!stored}>
            Continue to Reciprocal
          </Button>
        </form>
      </div>
    </main>
  );
}
