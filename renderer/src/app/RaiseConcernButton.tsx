import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ConcernPrefill, ConcernSource } from '../../../shared/safeguarding/contract';
import { useCommand } from '../queries';
import { Button } from '../ui/Button';
import { FormDialog } from '../ui/FormDialog';
import { useNotices } from '../ui/Notices';
import { ErrorMessage, Loading } from '../ui/Page';
import { useToday } from '../ui/today';
import { ConcernDetailsForm } from './ConcernDetailsForm';
import { StepUpForm } from './StepUpForm';
import { safeguardingPath } from './paths';
import { useRecheckStepUp, useRestrictedChannel, useStepUpStatus } from './step-up';
import './safeguarding-entry.css';

/**
 * "Raise a concern", one action away from a meeting, a reflective log, a participant (and, later,
 * an interview): it asks for the passphrase again if the register is closed, pre-fills where it
 * was raised from, and opens the new concern in the register. Any screen mounts it with its source.
 */
export function RaiseConcernButton({
  source,
  label = 'Raise a concern',
  variant = 'secondary',
  ariaLabel,
}: {
  source: ConcernSource;
  label?: string;
  variant?: 'secondary' | 'quiet';
  /** Where the screen shows several (one per meeting), which one this is: "Raise a concern from meeting 2". */
  ariaLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} className="raise-concern-button" aria-label={ariaLabel} onPress={() => setOpen(true)}>
        {label}
      </Button>
      {open ? <RaiseConcernDialog source={source} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function RaiseConcernDialog({ source, onClose }: { source: ConcernSource; onClose: () => void }) {
  const status = useStepUpStatus();
  // Once open, the form stays mounted even if the register closes while typing, so nothing typed is lost.
  const [wasOpen, setWasOpen] = useState(false);
  if (status.data?.open && !wasOpen) setWasOpen(true);
  const isOpen = status.data?.open === true;
  return (
    <FormDialog title="Raise a safeguarding concern" onClose={onClose} size="wide">
      {status.isPending ? <Loading /> : null}
      <ErrorMessage error={status.error} />
      {status.data && !isOpen ? (
        <div className="raise-concern-step-up">
          <p className="dialog-intro">{wasOpen ? 'The register closed while this was open. Enter your passphrase again to save what you wrote; it is kept below.' : 'Concerns are kept in the restricted safeguarding register.'}</p>
          <StepUpForm submitLabel="Continue" extraActions={<Button onPress={onClose}>Cancel</Button>} />
        </div>
      ) : null}
      {wasOpen ? (
        <div hidden={!isOpen}>
          <NewConcern source={source} onClose={onClose} />
        </div>
      ) : null}
    </FormDialog>
  );
}

function NewConcern({ source, onClose }: { source: ConcernSource; onClose: () => void }) {
  const prefill = useRestrictedChannel('safeguarding.prefill', { source });
  if (prefill.isPending) return <Loading label="Preparing the form…" />;
  if (prefill.error) return <ErrorMessage error={prefill.error} />;
  return <NewConcernForm source={source} prefill={prefill.data} onClose={onClose} />;
}

function NewConcernForm({ source, prefill, onClose }: { source: ConcernSource; prefill: ConcernPrefill; onClose: () => void }) {
  const today = useToday();
  const raise = useCommand('safeguarding.raise');
  const recheck = useRecheckStepUp();
  const navigate = useNavigate();
  const { notify } = useNotices();
  return (
    <ConcernDetailsForm
      pilotId={prefill.pilotId}
      link={prefill.link}
      initial={{
        whatWasSaid: '',
        aboutParticipantId: prefill.aboutParticipantId,
        aboutOther: '',
        raisedVia: prefill.raisedVia,
        ...(prefill.raisedBy ? { raisedBy: prefill.raisedBy } : {}),
        raisedOn: today,
      }}
      submitLabel="Raise concern"
      onCancel={onClose}
      onSubmit={async (details) => {
        try {
          const concern = await raise.mutateAsync({ source, details });
          onClose();
          notify(`Concern ${concern.id} raised. It is in the safeguarding register.`);
          void navigate(safeguardingPath(prefill.pilotId, concern.id));
        } catch (error) {
          recheck(error);
          throw error;
        }
      }}
    />
  );
}
