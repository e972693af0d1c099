import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { raiserLabels, safeguardingContract, type Concern } from '../../../../shared/safeguarding/contract';
import type { Plan } from '../../../../shared/plan/contract';
import { formatDate } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { usePilotId } from '../../app/usePilotId';
import { pairMeetingsPath, participantsPath, safeguardingPath, writeLogPath } from '../../app/paths';
import { ConcernDetailsForm, linkWords } from '../../app/ConcernDetailsForm';
import { Button } from '../../ui/Button';
import { SectionCard } from '../../ui/SectionCard';
import { Callout } from '../../ui/Callout';
import { TextAreaInput } from '../../ui/Field';
import { DialogFormActions } from '../../ui/FormActions';
import { RegisterDialog } from './RegisterDialog';
import { useNotices } from '../../ui/Notices';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useToday } from '../../ui/today';
import { useSavingForm } from '../../ui/useSavingForm';
import { useConcern, useConcernChange, usePlan } from './api';
import { ProtocolSteps } from './ProtocolSteps';
import { Referrals } from './Referrals';
import { FollowUps } from './FollowUps';
import { ConcernHistory } from './ConcernHistory';
import { categoryWords, concernName, riskWords, viaWords } from './words';
import { FormDateInput } from '../../ui/DateInput';

/** One concern: what was said, the protocol steps, referrals and follow-ups, its outcome and its history. Opening it is an audited read. */
export function ConcernPage() {
  const pilotId = usePilotId();
  const id = Number(useParams().concernId);
  const concern = useConcern(id);
  const plan = usePlan(pilotId);
  const back = (
    <p className="back-link">
      <Link to={safeguardingPath(pilotId)}>Safeguarding concerns</Link>
    </p>
  );
  if (concern.isPending || (concern.error && concern.error.code === 'STEP_UP_REQUIRED')) return <>{back}<Loading /></>;
  if (concern.error) {
    return (
      <>
        {back}
        <PageHeader title={concernName(id)} />
        <ErrorMessage error={concern.error} />
      </>
    );
  }
  return (
    <>
      {back}
      <ConcernView concern={concern.data} plan={plan.data} />
    </>
  );
}

type Dialog = 'edit' | 'close' | 'reopen';

function ConcernView({ concern: c, plan }: { concern: Concern; plan: Plan | undefined }) {
  const [dialog, setDialog] = useState<Dialog>();
  const open = c.status === 'open';
  return (
    <>
      <PageHeader
        title={`${concernName(c.id)}: ${categoryWords(c.category)}`}
        description={`${riskWords(c.risk)} · ${open ? 'Open' : `Closed on ${formatDate(c.closedOn!)}`} · about ${c.about?.name ?? c.aboutOther}`}
        actions={
          open ? (
            <>
              <Button onPress={() => setDialog('edit')}>Edit details</Button>
              <Button variant="primary" onPress={() => setDialog('close')}>
                Close concern
              </Button>
            </>
          ) : (
            <Button onPress={() => setDialog('reopen')}>Reopen</Button>
          )
        }
      />
      <div className="sg-concern">
        <WhatWasSaid concern={c} />
        <ProtocolSteps concern={c} protocol={plan?.support.escalationSteps ?? []} />
        <Referrals concern={c} services={plan?.safeguarding.referralServices ?? []} />
        <FollowUps concern={c} />
        <Outcome concern={c} retentionMonths={plan?.safeguarding.concernRetentionMonths ?? null} onClose={() => setDialog('close')} onReopen={() => setDialog('reopen')} />
        <ConcernHistory history={c.history} />
      </div>
      {dialog === 'edit' ? <EditDetailsDialog concern={c} onClose={() => setDialog(undefined)} /> : null}
      {dialog === 'close' ? <CloseDialog concern={c} onClose={() => setDialog(undefined)} /> : null}
      {dialog === 'reopen' ? <ReopenDialog concern={c} onClose={() => setDialog(undefined)} /> : null}
    </>
  );
}

function WhatWasSaid({ concern: c }: { concern: Concern }) {
  const pilotId = usePilotId();
  const from = linkWords(c.link);
  const fromPath = c.link.log && c.link.meeting ? writeLogPath(pilotId, c.link.meeting.id, c.link.log.authorId) : c.link.meeting ? pairMeetingsPath(pilotId, c.link.meeting.pairId) : undefined;
  return (
    <section className="section-card" aria-labelledby="sg-said-heading">
      <h2 id="sg-said-heading">What was said</h2>
      <p className="notes-text sg-said">{c.whatWasSaid}</p>
      <dl className="sg-facts">
        <dt>About</dt>
        <dd>
          {c.about ? <Link to={participantsPath(pilotId, c.about.id)}>{c.about.name}</Link> : c.aboutOther}
          {c.about?.status === 'withdrawn' ? <span className="muted"> (withdrawn from the scheme)</span> : null}
        </dd>
        <dt>Raised</dt>
        <dd>
          {formatDate(c.raisedOn)}, {viaWords(c.raisedVia)}
        </dd>
        <dt>Raised by</dt>
        <dd>{raiserLabels[c.raisedBy]}</dd>
        {from ? (
          <>
            <dt>Raised from</dt>
            <dd>{fromPath ? <Link to={fromPath}>{from}</Link> : from}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Outcome({ concern: c, retentionMonths, onClose, onReopen }: { concern: Concern; retentionMonths: number | null; onClose: () => void; onReopen: () => void }) {
  const pending = c.followUps.filter((f) => f.doneOn === null).length;
  return (
    <SectionCard headingId="sg-outcome-heading" title="Outcome and closure">
      {c.status === 'open' ? (
        <>
          {c.outcome ? (
            <p>
              <span className="sg-label">Outcome when it was last closed:</span> <span className="notes-text">{c.outcome}</span>
            </p>
          ) : null}
          <p className="section-intro">
            Close the concern with its outcome once nothing more is to be done.
            {pending > 0 ? ` ${plural(pending, 'follow-up')} still to do: mark ${pending === 1 ? 'it' : 'them'} done or remove ${pending === 1 ? 'it' : 'them'} first.` : ''}
          </p>
          <Button onPress={onClose}>Close concern</Button>
        </>
      ) : (
        <>
          <p className="notes-text sg-said">{c.outcome}</p>
          <dl className="sg-facts">
            <dt>Closed on</dt>
            <dd>{formatDate(c.closedOn!)}</dd>
            <dt>Kept until</dt>
            <dd>
              {c.keepUntil ? `${formatDate(c.keepUntil)} (${plural(retentionMonths ?? 0, 'month')} after closure)` : 'Not decided: set the concern retention period in the plan, under Safeguarding.'}
              {c.pastRetention ? <span className="pill pill-overdue sg-inline-pill">Past retention</span> : null}
            </dd>
          </dl>
          {c.pastRetention ? <Callout tone="warning">This concern has been kept longer than the pilot’s retention period. Nothing is deleted automatically.</Callout> : null}
          <Button onPress={onReopen}>Reopen</Button>
        </>
      )}
    </SectionCard>
  );
}

function EditDetailsDialog({ concern: c, onClose }: { concern: Concern; onClose: () => void }) {
  const update = useConcernChange('safeguarding.update');
  const { notify } = useNotices();
  return (
    <RegisterDialog title={`Edit ${concernName(c.id).toLowerCase()}`} onClose={onClose} size="wide">
      <ConcernDetailsForm
        pilotId={c.pilotId}
        link={c.link}
        initial={{ whatWasSaid: c.whatWasSaid, aboutParticipantId: c.about?.id ?? null, aboutOther: c.aboutOther, raisedVia: c.raisedVia, raisedBy: c.raisedBy, raisedOn: c.raisedOn, category: c.category, risk: c.risk }}
        submitLabel="Save changes"
        onCancel={onClose}
        onSubmit={async (details) => {
          await update.mutateAsync({ id: c.id, details });
          onClose();
          notify('Changes saved. The history keeps what changed.');
        }}
      />
    </RegisterDialog>
  );
}

const closeSchema = safeguardingContract['safeguarding.close'].input.pick({ closedOn: true, outcome: true });

function CloseDialog({ concern: c, onClose }: { concern: Concern; onClose: () => void }) {
  const today = useToday();
  const close = useConcernChange('safeguarding.close');
  const { notify } = useNotices();
  const pending = c.followUps.filter((f) => f.doneOn === null);
  const { register, control, formState, submit, formError } = useSavingForm<z.input<typeof closeSchema>>(
    { defaultValues: { closedOn: today, outcome: '' }, resolver: zodResolver(closeSchema), mode: 'onSubmit' },
    ['closedOn', 'outcome'],
    async ({ closedOn, outcome }) => {
      await close.mutateAsync({ id: c.id, closedOn, outcome });
      onClose();
      notify(`${concernName(c.id)} closed.`);
    },
  );
  return (
    <RegisterDialog title={`Close ${concernName(c.id).toLowerCase()}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        {pending.length > 0 ? <Callout tone="warning">{plural(pending.length, 'follow-up')} still to do. Mark {pending.length === 1 ? 'it' : 'them'} done, or remove {pending.length === 1 ? 'it' : 'them'}, before closing.</Callout> : null}
        <TextAreaInput label="Outcome" rows={4} required autoFocus description="What was done, and where things stand now." error={formState.errors.outcome?.message} {...register('outcome')} />
        <FormDateInput control={control} name="closedOn" label="Closed on" required className="input-date" error={formState.errors.closedOn?.message} />
        <DialogFormActions formError={formError} submitLabel="Close concern" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </RegisterDialog>
  );
}

const reopenSchema = safeguardingContract['safeguarding.reopen'].input.pick({ reason: true });

function ReopenDialog({ concern: c, onClose }: { concern: Concern; onClose: () => void }) {
  const reopen = useConcernChange('safeguarding.reopen');
  const { notify } = useNotices();
  const { register, formState, submit, formError } = useSavingForm<{ reason: string }>(
    { defaultValues: { reason: '' }, resolver: zodResolver(reopenSchema), mode: 'onSubmit' },
    ['reason'],
    async ({ reason }) => {
      await reopen.mutateAsync({ id: c.id, reason });
      onClose();
      notify(`${concernName(c.id)} reopened.`);
    },
  );
  return (
    <RegisterDialog title={`Reopen ${concernName(c.id).toLowerCase()}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <TextAreaInput label="Why it is reopened" rows={3} required autoFocus description="Kept in the concern’s history." error={formState.errors.reason?.message} {...register('reason')} />
        <DialogFormActions formError={formError} submitLabel="Reopen" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </RegisterDialog>
  );
}
