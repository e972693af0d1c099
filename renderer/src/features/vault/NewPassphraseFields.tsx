import { useId } from 'react';
import type { FieldErrors, UseFormRegister, UseFormWatch } from 'react-hook-form';
import { TextInput } from '../../ui/Field';
import { assessPassphrase } from '../../../../shared/vault/passphrase';
import { PassphraseStrengthMeter, usePassphraseStrength } from './PassphraseStrength';

export interface NewPassphraseValues {
  passphrase: string;
  confirmation: string;
}

/** The new passphrase, its live strength and its confirmation; shared by vault creation and passphrase change. */
export function NewPassphraseFields<T extends NewPassphraseValues>({
  register,
  watch,
  errors,
  label = 'Passphrase',
}: {
  register: UseFormRegister<T>;
  watch: UseFormWatch<T>;
  errors: FieldErrors<T>;
  label?: string;
}) {
  const reg = register as unknown as UseFormRegister<NewPassphraseValues>;
  const passphrase = (watch as unknown as UseFormWatch<NewPassphraseValues>)('passphrase') ?? '';
  const strength = usePassphraseStrength(passphrase);
  const meterId = useId();
  const errs = errors as FieldErrors<NewPassphraseValues>;
  return (
    <>
      <TextInput
        label={label}
        type="password"
        autoComplete="new-password"
        required
        aria-describedby={meterId}
        error={errs.passphrase?.message}
        {...reg('passphrase', {
          required: 'Choose a passphrase',
          validate: async (value) => {
            const result = await assessPassphrase(value);
            return result.acceptable || result.problems.join(' ');
          },
        })}
      />
      <PassphraseStrengthMeter strength={strength} id={meterId} />
      <TextInput
        label={`Type the ${label.toLowerCase()} again`}
        type="password"
        autoComplete="new-password"
        required
        error={errs.confirmation?.message}
        {...reg('confirmation', {
          required: 'Type the passphrase again',
          validate: (value, all) => value === all.passphrase || 'The two passphrases are different',
        })}
      />
    </>
  );
}
