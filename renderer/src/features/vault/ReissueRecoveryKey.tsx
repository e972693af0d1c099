import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { GateScreen } from './GateScreen';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { useNewRecoveryKey } from './useNewRecoveryKey';
import { FormError } from '../../ui/FormDialog';

/**
 * Shown on opening the vault while its recovery key was never confirmed (the app closed, reloaded
 * or locked before the coordinator finished): the key shown then may be lost, so make a new one.
 */
export function ReissueRecoveryKey({ onDone }: { onDone: () => void }) {
  const { recoveryKey, formError, submit, isSubmitting, passphraseField } = useNewRecoveryKey({ clearWrongPassphrase: true });

  if (recoveryKey) return <RecoveryKeyStep recoveryKey={recoveryKey} onConfirmed={onDone} replaced />;

  return (
    <GateScreen
      title="Make a new recovery key"
      description="You did not confirm that you had written down your recovery key: Reciprocal closed, reloaded or locked before you finished, so that key may be lost. Make a new one now. The earlier key will stop working."
    >
      <form onSubmit={submit} noValidate className="form">
        <TextInput label="Passphrase" {...passphraseField} />
        <FormError message={formError} />
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {isSubmitting ? 'Making the key…' : 'Make a new recovery key'}
        </Button>
      </form>
    </GateScreen>
  );
}
