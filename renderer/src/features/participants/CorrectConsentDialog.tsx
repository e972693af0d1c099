import { useEffect, useId } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { participantsContract, type ConsentRecord, type Participant } from '../../../../shared/participants/contract';
import type { ConsentForm } from '../../../../shared/plan/contract';
import { formatDate } from '../../../../shared/dates';
import { TextAreaInput } from '../../ui/Field';
import { ConsentRecordFields } from './ConsentRecordFields';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { ConfirmWarnings, useConfirmations } from '../../ui/confirmations';
import { useNotices } from '../../ui/Notices';
import { useSavingForm } from '../../ui/useSavingForm';
import { useToday } from '../../ui/today';
import { useCorrectConsent, useWithdrawalPreview } from './api';
import { WithdrawalConsequences } from './WithdrawalPreview';
import { consentChoiceKeys } from './words';

// The schema the main process enforces, less what the dialog already knows.
const correctSchema = participantsContract['consent.correct'].input.omit({ id: true, previewFingerprint: true, confirmed: true });
type CorrectIn = z.input<typeof correctSchema>;
type CorrectOut = z.output<typeof correctSchema>;

/**
 * Correcting the latest consent record entered by mistake: the record as it was, to change, and a
 * required reason. Saving adds a record that corrects it; the earlier one stays, marked corrected.
 * Taking away "take part" from someone still in the scheme is a withdrawal of consent: what it
 * changes is shown here, and the main process asks for confirmation before it does it.
 */
export function CorrectConsentDialog({ person, record, forms, onClose, onDone }: { person: Participant; record: ConsentRecord; forms: ConsentForm[]; onClose: () => void; onDone: () => void }) {
  const uid = useId();
  const correct = useCorrectConsent();
  const preview = useWithdrawalPreview(person.id);
  const confirmations = useConfirmations();
  const { notify } = useNotices();
  const today = useToday();
  const stillIn = person.status !== 'withdrawn' && person.status !== 'completed';
  const versions = [...forms].sort((a, b) => (a.datedOn === b.datedOn ? b.id - a.id : b.datedOn.localeCompare(a.datedOn)));
  const { register, control, formState, submit, formError, watch } = useSavingForm<CorrectIn, CorrectOut>(
    {
      defaultValues: { formId: record.formId, givenOn: record.givenOn, choices: record.choices, reason: '', withdrawParticipant: true },
      resolver: zodResolver(correctSchema),
      mode: 'onTouched',
    },
    ['formId', 'givenOn', 'reason', 'choices', ...consentChoiceKeys.map((key) => `choices.${key}`)],
    async (values) => {
      const endsTakingPart = stillIn && record.choices.takePart && !values.choices.takePart;
      const withdrawParticipant = endsTakingPart && values.withdrawParticipant;
      const result = await confirmations.save((confirmed) =>
        correct.mutateAsync({
          id: record.id,
          ...values,
          withdrawParticipant,
          previewFingerprint: endsTakingPart ? preview.data?.fingerprint : undefined,
          confirmed: confirmed as 'ends-taking-part'[],
        }),
      );
      if (!result.saved) return;
      notify(`Consent record corrected for ${person.name}${withdrawParticipant ? ', and withdrawn from the scheme' : ''}. The earlier record is kept, marked corrected.`);
      onDone();
    },
  );
  const { errors } = formState;
  const { clear } = confirmations;
  // A warning is confirmed for the values it was about: any change asks again.
  useEffect(() => {
    const subscription = watch(() => clear());
    return () => subscription.unsubscribe();
  }, [watch, clear]);
  const endsTakingPart = stillIn && record.choices.takePart && watch('choices.takePart') === false;
  const submitLabel = confirmations.asking ? 'Save correction anyway' : 'Save correction';

  return (
    <FormDialog title={`Correct ${person.name}’s consent record`} onClose={onClose} size="wide">
      <form onSubmit={submit} noValidate className="form">
        <p className="muted">
          For a record entered by mistake (version {record.formVersion}, given {formatDate(record.givenOn)}): change what was wrong. Your correction is added as a new record; this one stays in the
          history, marked corrected.
        </p>
        <ConsentRecordFields versions={versions} today={today} control={control} register={register} errors={{ formId: errors.formId?.message, givenOn: errors.givenOn?.message }} />
        {errors.choices?.message ? <p className="field-error">{errors.choices.message}</p> : null}
        <TextAreaInput label="Reason for the correction" required rows={2} description="What was entered by mistake. It is kept with both records." error={errors.reason?.message} {...register('reason')} />
        {endsTakingPart ? (
          <div className="pp-callout pp-consent-note">
            <p>
              <strong>Without consent to take part</strong>, {person.name} cannot stay in the scheme as it stands: this correction has the same effect as withdrawing their consent.
            </p>
            <div className="checkbox-field">
              <input type="checkbox" id={`${uid}-leave`} {...register('withdrawParticipant')} />
              <label htmlFor={`${uid}-leave`}>Also withdraw them from the scheme</label>
            </div>
            {preview.data ? <WithdrawalConsequences preview={preview.data} /> : null}
          </div>
        ) : null}
        <ConfirmWarnings warnings={confirmations.warnings} action="Save correction anyway" />
        <DialogFormActions formError={formError} submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
