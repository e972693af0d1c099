import { useId } from 'react';
import { useFieldArray } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { safeguardingPlanSchema, type SafeguardingPlan } from '../../../../shared/plan/contract';
import { useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { FormError } from '../../ui/FormDialog';
import { numberMessages } from '../../ui/form-errors';
import { afterRemovingRow, useFocusLater } from '../../ui/focus';
import { useNotices } from '../../ui/Notices';
import { useSavingForm } from '../../ui/useSavingForm';
import { useReportUnsaved } from '../../ui/unsaved-changes';
import { Section } from './Section';
import './safeguarding-section.css';

const MAX_SERVICES = 50;
type FormIn = z.input<typeof safeguardingPlanSchema>;

/** For the safeguarding register: the university's services concerns are referred to, and how long closed concerns are kept. */
export function SafeguardingSection({ pilotId, safeguarding }: { pilotId: number; safeguarding: SafeguardingPlan }) {
  const { notify } = useNotices();
  const save = useCommand('plan.setSafeguarding');
  const focusLater = useFocusLater();
  const uid = useId();
  const { register, control, reset, formState, submit, formError } = useSavingForm<FormIn, SafeguardingPlan>(
    { defaultValues: safeguarding, resolver: zodResolver(safeguardingPlanSchema, numberMessages), mode: 'onSubmit' },
    (values) => ({
      'safeguarding.concernRetentionMonths': 'concernRetentionMonths',
      ...Object.fromEntries(values.referralServices.flatMap((_, i) => ['name', 'contact'].map((f) => [`safeguarding.referralServices.${i}.${f}`, `referralServices.${i}.${f}`]))),
    }),
    async (values) => {
      reset(await save.mutateAsync({ pilotId, safeguarding: values }));
      notify('Safeguarding settings saved.');
    },
  );
  const services = useFieldArray({ control, name: 'referralServices' });
  const { errors } = formState;
  useReportUnsaved('Safeguarding', formState.isDirty);
  return (
    <Section
      id="safeguarding"
      title="Safeguarding"
      intro="The university’s own services a safeguarding or wellbeing concern can be referred to, and how long closed concerns are kept. Concerns themselves are in the restricted register, never in exports."
    >
      <form onSubmit={submit} noValidate className="form" aria-label="Safeguarding">
        <fieldset className="fieldset">
          <legend>Services to refer to</legend>
          {services.fields.length === 0 ? <p className="hint">No services yet. Add, for example, the wellbeing service, the disability service, security and HR.</p> : null}
          {services.fields.map((field, i) => (
            <fieldset key={field.id} className="contact-row">
              <legend className="contact-legend">Service {i + 1}</legend>
              <div className="contact-fields sg-service-fields">
                <TextInput label="Service" required autoComplete="off" error={errors.referralServices?.[i]?.name?.message} {...register(`referralServices.${i}.name` as const)} />
                <TextInput label="How to reach them" autoComplete="off" error={errors.referralServices?.[i]?.contact?.message} {...register(`referralServices.${i}.contact` as const)} />
                <Button
                  variant="quiet"
                  data-focus-id={`${uid}-service-remove-${i}`}
                  aria-label={`Remove service ${i + 1}`}
                  onPress={() => {
                    services.remove(i);
                    focusLater(afterRemovingRow(`${uid}-service-remove-`, i, services.fields.length, `${uid}-service-add`));
                  }}
                >
                  Remove
                </Button>
              </div>
            </fieldset>
          ))}
          {services.fields.length < MAX_SERVICES ? (
            <Button id={`${uid}-service-add`} onPress={() => services.append({ name: '', contact: '' })}>
              Add a service
            </Button>
          ) : null}
        </fieldset>
        <div className="sg-retention-field">
          <TextInput
            label="Keep closed concerns for (months)"
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            description="After a concern is closed; separate from the research data’s retention. Leave empty until it is decided."
            error={errors.concernRetentionMonths?.message}
            {...register('concernRetentionMonths', { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) })}
          />
        </div>
        <FormError message={formError} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            Save safeguarding settings
          </Button>
        </div>
      </form>
    </Section>
  );
}
