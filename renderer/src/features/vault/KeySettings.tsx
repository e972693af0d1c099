import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../api';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { applyServerErrors } from '../../ui/form-errors';
import { NewPassphraseFields } from './NewPassphraseFields';
import { changePassphrase, revealRawKey } from './api';
import { FormError } from '../../ui/FormDialog';
import { errorText } from '../../ui/errors';

interface ChangeValues {
  current: string;
  passphrase: string;
  confirmation: string;
}

/** A new passphrase, after the current one; the recovery key keeps working. */
export function ChangePassphrase() {
  const { notify } = useNotices();
  const [formError, setFormError] = useState<string>();
  const { register, watch, handleSubmit, setError, formState, reset } = useForm<ChangeValues>({ defaultValues: { current: '', passphrase: '', confirmation: '' } });
  const submit = handleSubmit(async ({ current, passphrase }) => {
    setFormError(undefined);
    try {
      await changePassphrase({ current: { passphrase: current }, next: passphrase });
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

/** The raw database key for an auditor's SQLCipher tools, after the passphrase (the showing is audited). */
export function RevealKey() {
  const [key, setKey] = useState<string>();
  const { register, handleSubmit, setError, formState, reset } = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' } });
  const submit = handleSubmit(async ({ passphrase }) => {
    try {
      setKey((await revealRawKey(passphrase)).key);
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
