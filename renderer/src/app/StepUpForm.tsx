import type { ReactNode } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { safeguardingContract, STEP_UP_IDLE_MINUTES } from '../../../shared/safeguarding/contract';
import { useCommand } from '../queries';
import { Button } from '../ui/Button';
import { TextInput } from '../ui/Field';
import { FormError } from '../ui/FormDialog';
import { useSavingForm } from '../ui/useSavingForm';

const schema = safeguardingContract['safeguarding.stepUp'].input;

/**
 * The passphrase asked again before the safeguarding register opens. The main process checks it
 * and keeps the register open for a few minutes; nothing here remembers it.
 */
export function StepUpForm({ onOpened, submitLabel = 'Open the register', autoFocus = true, extraActions }: { onOpened?: () => void; submitLabel?: string; autoFocus?: boolean; extraActions?: ReactNode }) {
  const stepUp = useCommand('safeguarding.stepUp');
  const { register, formState, submit, formError, reset, setFocus } = useSavingForm<{ passphrase: string }>(
    { defaultValues: { passphrase: '' }, resolver: zodResolver(schema), mode: 'onSubmit' },
    ['passphrase'],
    async ({ passphrase }) => {
      try {
        await stepUp.mutateAsync({ passphrase });
      } catch (error) {
        reset({ passphrase: '' }, { keepErrors: true });
        setFocus('passphrase');
        throw error;
      }
      onOpened?.();
    },
  );
  return (
    <form onSubmit={submit} noValidate className="form step-up-form" aria-label="Open the safeguarding register">
      <TextInput
        label="Passphrase"
        type="password"
        autoComplete="current-password"
        spellCheck={false}
        autoFocus={autoFocus}
        required
        description={`The register is the most protected part of the vault: it asks for the passphrase again, and closes ${STEP_UP_IDLE_MINUTES} minutes after you last use it. Opening it and reading a concern are recorded in the audit trail.`}
        error={formState.errors.passphrase?.message}
        {...register('passphrase')}
      />
      <FormError message={formError} />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={formState.isSubmitting}>
          {formState.isSubmitting ? 'Checking…' : submitLabel}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}
