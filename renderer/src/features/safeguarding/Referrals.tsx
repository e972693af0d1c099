import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../../../shared/contract/common';
import type { Concern, Referral } from '../../../../shared/safeguarding/contract';
import type { SafeguardingPlan } from '../../../../shared/plan/contract';
import { formatDate } from '../../../../shared/dates';
import { Button } from '../../ui/Button';
import { SectionCard } from '../../ui/SectionCard';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectInput, TextAreaInput, TextInput } from '../../ui/Field';
import { DialogFormActions } from '../../ui/FormActions';
import { RegisterDialog, useRegisterDialogWhile } from './RegisterDialog';
import { useNotices } from '../../ui/Notices';
import { useToday } from '../../ui/today';
import { useSavingForm } from '../../ui/useSavingForm';
import { useConfirmDelete } from '../../ui/useEditAndDelete';
import { useConcernChange } from './api';
import { ConcernPartsTable } from './ConcernPartsTable';
import { FormDateInput } from '../../ui/DateInput';

const OTHER = '__other__';

/** Referrals to the university's own services (the list kept in the plan), each with its date and, once known, its outcome. */
export function Referrals({ concern: c, services }: { concern: Concern; services: SafeguardingPlan['referralServices'] }) {
  const [editing, setEditing] = useState<Referral | 'new'>();
  const remove = useConcernChange('safeguarding.removeReferral');
  const { deleting: removing, setDeleting: setRemoving, confirmDelete } = useConfirmDelete<Referral>(
    remove,
    (r) => `Referral to ${r.service} removed. The concern’s history keeps that it was made.`,
  );
  useRegisterDialogWhile(removing !== undefined);
  const open = c.status === 'open';
  return (
    <SectionCard headingId="sg-referrals-heading" title="Referrals" actions={open ? <Button onPress={() => setEditing('new')}>Add a referral</Button> : null}>
      <ConcernPartsTable
        caption="Referrals"
        rows={c.referrals}
        empty={<p className="muted">No referral yet. Refer to the university’s own services (the list is kept in the plan): wellbeing, disability, security, HR…</p>}
        columns={[
          {
            id: 'service',
            header: 'Service',
            rowHeader: true,
            cell: (r) => (
              <>
                {r.service}
                {r.note ? <div className="cell-note notes-text">{r.note}</div> : null}
              </>
            ),
          },
          { id: 'on', header: 'Referred on', className: 'nowrap', cell: (r) => formatDate(r.referredOn) },
          {
            id: 'outcome',
            header: 'Outcome',
            cell: (r) =>
              r.outcome ? (
                <>
                  <span className="notes-text">{r.outcome}</span>
                  {r.outcomeOn ? <div className="cell-note">{formatDate(r.outcomeOn)}</div> : null}
                </>
              ) : (
                <span className="muted">Not known yet</span>
              ),
          },
        ]}
        actions={
          open
            ? (r) => (
                <>
                  <Button variant="quiet" aria-label={`${r.outcome ? 'Edit' : 'Record the outcome of'} the referral to ${r.service}`} onPress={() => setEditing(r)}>
                    {r.outcome ? 'Edit' : 'Record outcome'}
                  </Button>
                  <Button variant="quiet" aria-label={`Remove the referral to ${r.service}`} onPress={() => setRemoving(r)}>
                    Remove
                  </Button>
                </>
              )
            : undefined
        }
      />
      {editing ? <ReferralDialog concernId={c.id} referral={editing === 'new' ? undefined : editing} services={services} onClose={() => setEditing(undefined)} /> : null}
      <ConfirmDialog
        isOpen={removing !== undefined}
        title="Remove this referral?"
        confirmLabel="Remove referral"
        isPending={remove.isPending}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => void confirmDelete()}
      >
        {removing ? `Remove the referral to ${removing.service} of ${formatDate(removing.referredOn)} only if it was recorded by mistake. The concern’s history keeps a line saying it was removed.` : null}
      </ConfirmDialog>
    </SectionCard>
  );
}

const referralForm = z
  .object({
    service: z.string(),
    otherService: z.string(),
    referredOn: isoDate,
    note: optionalText('Note', 4000),
    outcome: optionalText('Outcome', 4000),
    outcomeOn: z.string(),
  })
  .superRefine((values, ctx) => {
    if (!values.service) ctx.addIssue({ code: 'custom', path: ['service'], message: 'Choose the service' });
    if (values.service === OTHER) {
      const other = requiredText('Service', 200).safeParse(values.otherService);
      if (!other.success) ctx.addIssue({ code: 'custom', path: ['otherService'], message: other.error.issues[0]!.message });
    }
    if (values.outcomeOn && !isoDate.safeParse(values.outcomeOn).success) ctx.addIssue({ code: 'custom', path: ['outcomeOn'], message: 'Enter the date: day, month and year' });
  });
type ReferralForm = z.input<typeof referralForm>;

function ReferralDialog({ concernId, referral, services, onClose }: { concernId: number; referral: Referral | undefined; services: SafeguardingPlan['referralServices']; onClose: () => void }) {
  const today = useToday();
  const add = useConcernChange('safeguarding.addReferral');
  const update = useConcernChange('safeguarding.updateReferral');
  const { notify } = useNotices();
  const known = services.map((s) => s.name);
  const isKnown = referral === undefined || known.includes(referral.service);
  const { register, control, formState, submit, formError } = useSavingForm<ReferralForm>(
    {
      defaultValues: {
        service: referral ? (isKnown ? referral.service : OTHER) : '',
        otherService: referral && !isKnown ? referral.service : '',
        referredOn: referral?.referredOn ?? today,
        note: referral?.note ?? '',
        outcome: referral?.outcome ?? '',
        outcomeOn: referral?.outcomeOn ?? '',
      },
      resolver: zodResolver(referralForm),
      mode: 'onSubmit',
    },
    { 'referral.service': 'service', 'referral.referredOn': 'referredOn', 'referral.note': 'note', 'referral.outcome': 'outcome', 'referral.outcomeOn': 'outcomeOn' },
    async (values) => {
      const draft = {
        service: values.service === OTHER ? values.otherService.trim() : values.service,
        referredOn: values.referredOn,
        note: values.note,
        outcome: values.outcome,
        outcomeOn: values.outcomeOn || null,
      };
      if (referral) await update.mutateAsync({ id: referral.id, referral: draft });
      else await add.mutateAsync({ concernId, referral: draft });
      onClose();
      notify(referral ? 'Referral saved.' : `Referral to ${draft.service} recorded.`);
    },
  );
  const service = useWatch({ control, name: 'service' });
  const contact = services.find((s) => s.name === service)?.contact;
  return (
    <RegisterDialog title={referral ? `Referral to ${referral.service}` : 'Add a referral'} onClose={onClose} size="wide">
      <form onSubmit={submit} noValidate className="form">
        <div className="field-row">
          <SelectInput
            label="Service"
            required
            autoFocus={!referral}
            description={contact ? `Contact: ${contact}` : 'The list of services is kept in the plan, under Safeguarding.'}
            options={[{ value: '', label: 'Choose…' }, ...known.map((name) => ({ value: name, label: name })), { value: OTHER, label: 'Another service…' }]}
            error={formState.errors.service?.message}
            {...register('service')}
          />
          <FormDateInput control={control} name="referredOn" label="Referred on" required className="input-date" error={formState.errors.referredOn?.message} />
        </div>
        {service === OTHER ? <TextInput label="Which service" required autoComplete="off" error={formState.errors.otherService?.message} {...register('otherService')} /> : null}
        <TextAreaInput label="Note" rows={2} description="Optional: with the person’s agreement? Who was contacted?" error={formState.errors.note?.message} {...register('note')} />
        <div className="field-row">
          <TextAreaInput label="Outcome" rows={2} autoFocus={Boolean(referral)} description="Once known." error={formState.errors.outcome?.message} {...register('outcome')} />
          <FormDateInput control={control} name="outcomeOn" label="Outcome on" className="input-date" error={formState.errors.outcomeOn?.message} />
        </div>
        <DialogFormActions formError={formError} submitLabel={referral ? 'Save referral' : 'Add referral'} busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </RegisterDialog>
  );
}
