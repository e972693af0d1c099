import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { RecoveryKeyConfirmation } from './RecoveryKeyStep';
import { useNewRecoveryKey } from './useNewRecoveryKey';
import { FormError } from '../../ui/FormDialog';

/** Settings: replace a lost or exposed recovery key. The old key stops working the moment the new one is made. */
export function ReplaceRecoveryKey() {
  const { notify } = useNotices();
  const { recoveryKey, forgetRecoveryKey, formError, submit, isSubmitting, passphraseField } = useNewRecoveryKey();

  return (
    <section className="panel" aria-labelledby="recovery-key-heading">
      <h2 id="recovery-key-heading">Recovery key</h2>
      {recoveryKey ? (
        <>
          <p role="status">
            <strong>Your new recovery key is below.</strong> The earlier key no longer works. It is shown only now.
          </p>
          <RecoveryKeyConfirmation
            recoveryKey={recoveryKey}
            submitLabel="Done: I have stored the new key"
            onConfirmed={() => {
              forgetRecoveryKey();
              notify('New recovery key confirmed. The earlier key no longer works.');
            }}
          />
        </>
      ) : (
        <>
          <p>If the recovery key is lost, or someone else may have seen it, replace it with a new one. The current key stops working at once; your passphrase stays the same.</p>
          <form onSubmit={submit} noValidate className="form">
            <TextInput label="Your passphrase" description="Needed to make the new key." {...passphraseField} />
            <FormError message={formError} />
            <Button type="submit" busy={isSubmitting}>
              Replace the recovery key
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
