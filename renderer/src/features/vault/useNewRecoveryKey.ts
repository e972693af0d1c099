import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../api';
import { replaceRecoveryKey } from './api';
import { errorText } from '../../ui/errors';

/**
 * The passphrase form that makes a new recovery key (the earlier key stops working at once). A wrong
 * passphrase is shown at its field, anything else above the form; the passphrase is cleared once the
 * key is made. `clearWrongPassphrase` also empties the field after a wrong one and puts focus back in it.
 */
export function useNewRecoveryKey({ clearWrongPassphrase = false }: { clearWrongPassphrase?: boolean } = {}) {
  const [recoveryKey, setRecoveryKey] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState, reset, setFocus } = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' } });

  const submit = handleSubmit(async ({ passphrase }) => {
    setFormError(undefined);
    try {
      setRecoveryKey((await replaceRecoveryKey(passphrase)).recoveryKey);
      reset();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'WRONG_PASSPHRASE') {
        if (clearWrongPassphrase) reset({ passphrase: '' });
        setError('passphrase', { type: 'server', message: error.message });
        if (clearWrongPassphrase) setFocus('passphrase');
      } else {
        setFormError(errorText(error));
      }
    }
  });

  return {
    recoveryKey,
    /** Back to the form once the new key is confirmed. */
    forgetRecoveryKey: () => setRecoveryKey(undefined),
    formError,
    submit,
    isSubmitting: formState.isSubmitting,
    /** Props for the passphrase TextInput. */
    passphraseField: {
      type: 'password',
      autoComplete: 'current-password',
      required: true,
      error: formState.errors.passphrase?.message,
      ...register('passphrase', { required: 'Enter your passphrase' }),
    },
  };
}
