import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { formatClock } from '../../../../shared/dates';
import { STEP_UP_IDLE_MINUTES } from '../../../../shared/safeguarding/contract';
import { StepUpForm } from '../../app/StepUpForm';
import { useStepUpStatus } from '../../app/step-up';
import { pilotPath } from '../../app/paths';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useCloseRegister, useConcernSummary } from './api';
import { summaryWords } from './words';

interface Gate {
  /** Closing the register on purpose (not the same as it closing by itself while in use). */
  closeRegister: () => Promise<void>;
  /** It closed by itself while in use: dialogs ask for the passphrase themselves, keeping what was typed. */
  closedWhileInUse: boolean;
  /** A dialog of the register is open (see RegisterDialog); returns the call that says it closed. */
  dialogOpened: () => () => void;
}
const GateContext = createContext<Gate>({ closeRegister: async () => {}, closedWhileInUse: false, dialogOpened: () => () => {} });
export const useRegisterGate = () => useContext(GateContext);

/**
 * The register opens only once the passphrase is given again. Closed when first visited: a page
 * asking for it. Closed while in use (left alone for a few minutes): the screen is hidden, not
 * left, so a form half filled in is still there once the passphrase is given.
 */
export function StepUpGate({ pilotId, children }: { pilotId: number; children: ReactNode }) {
  const status = useStepUpStatus();
  const close = useCloseRegister();
  const [wasOpen, setWasOpen] = useState(false);
  // Closed on purpose: back to the passphrase page, not the cover for a register that closed by itself.
  const [leaving, setLeaving] = useState(false);
  if (status.data?.open && !wasOpen && !leaving) setWasOpen(true);
  if (leaving && status.data && !status.data.open) {
    setLeaving(false);
    setWasOpen(false);
  }
  const { mutateAsync } = close;
  const closeRegister = useCallback(async () => {
    setLeaving(true);
    await mutateAsync({});
  }, [mutateAsync]);
  const [dialogs, setDialogs] = useState(0);
  const dialogOpened = useCallback(() => {
    setDialogs((n) => n + 1);
    return () => setDialogs((n) => n - 1);
  }, []);
  const closedWhileInUse = status.data?.open === false && wasOpen && !leaving;
  const gate = useMemo(() => ({ closeRegister, closedWhileInUse, dialogOpened }), [closeRegister, closedWhileInUse, dialogOpened]);

  if (status.isPending) return <Loading label="Opening the register…" />;
  if (status.error) return <ErrorMessage error={status.error} />;
  if (!status.data.open && (!wasOpen || leaving)) return <ClosedRegister pilotId={pilotId} />;
  return (
    <GateContext.Provider value={gate}>
      {status.data.expiresAt ? (
        <p className="sg-register-bar">
          <span>
            Register open until {formatClock(status.data.expiresAt)} unless you use it. <span className="muted">Reads and changes are recorded in the audit trail.</span>
          </span>
          <Button variant="quiet" onPress={() => void closeRegister()}>
            Close the register
          </Button>
        </p>
      ) : null}
      {/* Hidden, not left: a form half filled in is still there once the passphrase is given. */}
      <div hidden={closedWhileInUse}>{children}</div>
      {/* An open dialog asks for the passphrase itself (one modal at a time keeps the keyboard where it should be). */}
      {closedWhileInUse && dialogs === 0 ? <ClosedWhileInUse pilotId={pilotId} /> : null}
    </GateContext.Provider>
  );
}

function ClosedRegister({ pilotId }: { pilotId: number }) {
  const summary = useConcernSummary(pilotId);
  return (
    <>
      <PageHeader
        title="Safeguarding concerns"
        description="The restricted register of safeguarding and wellbeing concerns raised in the scheme: what was raised, the protocol steps taken, referrals, follow-ups and outcomes."
      />
      {summary.data ? <p className="summary-line">{summaryWords(summary.data)}</p> : null}
      <Callout>Only you can open this register, and only with your passphrase. Concerns never appear in searches, log books, reports or exports.</Callout>
      <section className="panel" aria-labelledby="sg-step-up-heading">
        <h2 id="sg-step-up-heading">Enter your passphrase to open the register</h2>
        <StepUpForm autoFocus={false} />
      </section>
    </>
  );
}

/** Covers the screen (its content stays, hidden) until the passphrase is given again, or the coordinator leaves. */
function ClosedWhileInUse({ pilotId }: { pilotId: number }) {
  const navigate = useNavigate();
  return (
    <ModalOverlay isOpen isDismissable={false} isKeyboardDismissDisabled className="modal-overlay sg-closed-overlay">
      <Modal className="modal form-modal">
        <Dialog className="dialog" aria-describedby="sg-closed-why">
          <Heading slot="title" className="dialog-title">
            The register closed
          </Heading>
          <p id="sg-closed-why" className="dialog-intro">
            It closes {STEP_UP_IDLE_MINUTES} minutes after its last use. Enter your passphrase to carry on where you were: nothing you typed is lost.
          </p>
          <StepUpForm submitLabel="Continue" extraActions={<Button onPress={() => navigate(pilotPath(pilotId))}>Leave the register</Button>} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
