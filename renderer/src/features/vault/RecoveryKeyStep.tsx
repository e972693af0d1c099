import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { confirmRecoveryKey } from './api';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { GateScreen } from './GateScreen';
import { FormError } from '../../ui/FormDialog';
import { errorText } from '../../ui/errors';

/**
 * The recovery key, shown once, and proof it was noted: a checkbox and its last group typed back.
 * Confirming is recorded in the vault; until then the app offers a new key at every unlock, so a
 * key lost to a crash, a reload or an auto-lock is never silently the only way back in.
 */
export function RecoveryKeyConfirmation({ recoveryKey, folder, onConfirmed, submitLabel }: { recoveryKey: string; folder?: string | undefined; onConfirmed: () => void; submitLabel: string }) {
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
      <KeyActions recoveryKey={recoveryKey} folder={folder} />
      {folder ? (
        <p className="recovery-folder">
          The vault is stored in <code className="recovery-folder-path">{folder}</code>
          <span className="recovery-folder-note"> Note it with the key: a backup of that folder and this key are all you need to open the data on another computer.</span>
        </p>
      ) : null}
      <p className="hint">Write it on paper or store it in your institution’s password manager, away from this laptop. Anyone with this key and the laptop can read the vault.</p>
      <form onSubmit={submit} noValidate className="form no-print">
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

/**
 * Copy (to the clipboard, for a password manager) and Print (the print stylesheet shows only the
 * key and where the vault is). Copying says so in words; a refused clipboard says what to do instead.
 */
function KeyActions({ recoveryKey, folder }: { recoveryKey: string; folder?: string | undefined }) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(folder ? `Reciprocal recovery key: ${recoveryKey}\nVault folder: ${folder}` : recoveryKey);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="recovery-actions no-print">
      <Button onPress={() => void copy()}>Copy the key</Button>
      <Button onPress={() => window.print()}>Print the key</Button>
      <span role="status" className="recovery-copied">
        {copied === 'yes' ? 'Copied. Paste it into your password manager, then clear the clipboard.' : copied === 'failed' ? 'This computer did not allow copying: select the key and copy it, or print it.' : ''}
      </span>
    </div>
  );
}

/** The full-screen step after creating a vault, or after a new key replaced an unconfirmed one. */
export function RecoveryKeyStep({ recoveryKey, folder, onConfirmed, replaced = false }: { recoveryKey: string; folder?: string; onConfirmed: () => void; replaced?: boolean }) {
  return (
    <GateScreen
      title={replaced ? 'Write down your new recovery key' : 'Write down your recovery key'}
      description={
        replaced
          ? 'This key replaces the earlier one, which no longer works. If you forget your passphrase, this key is the only way back in. It is shown now and never again.'
          : 'If you forget your passphrase, this key is the only way back in. It is shown now and never again.'
      }
    >
      <RecoveryKeyConfirmation recoveryKey={recoveryKey} folder={folder} onConfirmed={onConfirmed} submitLabel="Continue to Reciprocal" />
    </GateScreen>
  );
}
