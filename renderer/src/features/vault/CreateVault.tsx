import { useState } from 'react';
import { createVault } from './api';
import { Button } from '../../ui/Button';
import { useSavingForm } from '../../ui/useSavingForm';
import { NewPassphraseFields, type NewPassphraseValues } from './NewPassphraseFields';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { GateScreen } from './GateScreen';
import { FormError } from '../../ui/FormDialog';
import { RestoreBackup } from './RestoreBackup';

/** First run: choose a passphrase, then note the recovery key, which is shown only this once; or restore a backup. */
export function CreateVault({ onDone }: { onDone: () => void }) {
  const [created, setCreated] = useState<{ recoveryKey: string; folder: string }>();
  const [restoring, setRestoring] = useState(false);
  const { register, watch, formState, submit, formError } = useSavingForm<NewPassphraseValues>({ mode: 'onSubmit', defaultValues: { passphrase: '', confirmation: '' } }, ['passphrase'], async ({ passphrase }) => {
    setCreated(await createVault(passphrase));
  });

  if (restoring) return <RestoreBackup onRestored={onDone} onCancel={() => setRestoring(false)} />;
  if (created) return <RecoveryKeyStep recoveryKey={created.recoveryKey} folder={created.folder} onConfirmed={onDone} />;

  return (
    <GateScreen
      title="Create your vault"
      description="Everything you record in Reciprocal is encrypted on this laptop with a passphrase only you know. Nothing is sent anywhere."
    >
      <form onSubmit={submit} noValidate className="form">
        <NewPassphraseFields register={register} watch={watch} errors={formState.errors} />
        <FormError message={formError} />
        <p className="hint">There is no reset by e-mail. If you lose both the passphrase and the recovery key you will get next, the data cannot be recovered by anyone.</p>
        <Button type="submit" variant="primary" busy={formState.isSubmitting}>
          {formState.isSubmitting ? 'Creating the vault…' : 'Create vault'}
        </Button>
        <Button variant="quiet" onPress={() => setRestoring(true)}>
          Restore from a backup instead
        </Button>
      </form>
    </GateScreen>
  );
}
