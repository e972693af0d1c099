import { useEffect, type ReactNode } from 'react';
import { StepUpForm } from '../../app/StepUpForm';
import { Button } from '../../ui/Button';
import { FormDialog, type FormDialogSize } from '../../ui/FormDialog';
import { useRegisterGate } from './StepUpGate';

/**
 * A dialog of the register (a form in ui/FormDialog). Should the register close while it is open,
 * the dialog itself asks for the passphrase, with what was typed kept (hidden) underneath.
 */
export function RegisterDialog({ title, onClose, size, children }: { title: string; onClose: () => void; size?: FormDialogSize; children: ReactNode }) {
  const { closedWhileInUse, dialogOpened } = useRegisterGate();
  useEffect(() => dialogOpened(), [dialogOpened]);
  return (
    <FormDialog title={title} onClose={onClose} size={size}>
      {closedWhileInUse ? (
        <div className="sg-dialog-step-up">
          <p className="dialog-intro">The register closed. Enter your passphrase to carry on: what you wrote here is kept.</p>
          <StepUpForm submitLabel="Continue" extraActions={<Button onPress={onClose}>Cancel</Button>} />
        </div>
      ) : null}
      <div hidden={closedWhileInUse}>{children}</div>
    </FormDialog>
  );
}

/** For a question in ui/ConfirmDialog: while it is open the register's own cover waits. */
export function useRegisterDialogWhile(open: boolean) {
  const { dialogOpened } = useRegisterGate();
  useEffect(() => (open ? dialogOpened() : undefined), [open, dialogOpened]);
}
