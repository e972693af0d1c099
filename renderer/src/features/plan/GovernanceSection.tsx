import { zodResolver } from '@hookform/resolvers/zod';
import { governanceSchema, type Governance } from '../../../../shared/plan/contract';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { Section } from './Section';
import { FormError } from '../../ui/FormDialog';
import { numberMessages } from '../../ui/form-errors';
import { useSavingForm } from '../../ui/useSavingForm';
import { useReportUnsaved } from '../../ui/unsaved-changes';
import { useSaveGovernance } from './api';

/** The ethics approval the pilot runs under, and how long its personal data is kept. */
export function GovernanceSection({ pilotId, governance }: { pilotId: number; governance: Governance }) {
  const { notify } = useNotices();
  const save = useSaveGovernance();
  const { register, reset, formState, submit, formError } = useSavingForm<Governance>(
    { defaultValues: governance, resolver: zodResolver(governanceSchema, numberMessages), mode: 'onTouched' },
    { 'governance.ethicsReference': 'ethicsReference', 'governance.retentionMonths': 'retentionMonths' },
    async (values) => {
      const result = await save.mutateAsync({ pilotId, governance: values });
      reset(result);
      notify('Ethics and retention saved.');
    },
  );
  const { errors } = formState;
  useReportUnsaved('Ethics and retention', formState.isDirty);
  return (
    <Section id="governance" title="Ethics and retention" intro="The approval the pilot runs under, and how long its personal data is kept once it ends.">
      <form onSubmit={submit} noValidate className="form" aria-label="Ethics and retention">
        <div className="field-row">
          <TextInput label="Ethics approval reference" autoComplete="off" description="As it appears on the approval letter." error={errors.ethicsReference?.message} {...register('ethicsReference')} />
          <TextInput
            label="Keep personal data for (months)"
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            description="After the pilot ends. Leave empty until it is decided."
            error={errors.retentionMonths?.message}
            {...register('retentionMonths', { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) })}
          />
        </div>
        <FormError message={formError} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            Save ethics and retention
          </Button>
        </div>
      </form>
    </Section>
  );
}
