import { changePassphrase } from './api';
import { Button } from '../../ui/Button';
import { GateScreen } from './GateScreen';
import { useSavingForm } from '../../ui/useSavingForm';
import { NewPassphraseFields, type NewPassphraseValues } from './NewPassphraseFields';
import { FormError } from '../../ui/FormDialog';

/** After unlocking with the recovery key: choose a new passphrase so the key can go back in the drawer. */
export function ResetPassphrase({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { register, watch, formState, submit, formError } = useSavingForm<NewPassphraseValues>({ defaultValues: { passphrase: '', confirmation: '' } }, { next: 'passphrase' }, async ({ passphrase }) => {
    await changePassphrase({ current: { recoveryKey }, next: passphrase });
    onDone();
  });
  return (
    <GateScreen title="Choose a new passphrase" description="You unlocked with the recovery key. Set a new passphrase now; the recovery key keeps working.">
      <form onSubmit={submit} noValidate className="form">
        <NewPassphraseFields register={register} watch={watch} errors={formState.errors} label="New passphrase" />
        <FormError message={formError} />
        <Button type="submit" variant="primary" busy={formState.isSubmitting}>
          Save the new passphrase
        </Button>
        <Button variant="quiet" onPress={onDone}>
          Not now
        </Button>
      </form>
    </GateScreen>
  );
}
