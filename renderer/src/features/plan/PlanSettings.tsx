import { useId, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  DEFAULT_MEETING_PLAN,
  governanceSchema,
  meetingPlanSchema,
  planContract,
  supportContactSchema,
  supportProtocolSchema,
  type Governance,
  type MeetingPlan,
  type SupportProtocol,
} from '../../../../shared/plan/contract';
import { meetingModeLabels, meetingModes } from '../../../../shared/meetings/contract';
import { useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { Section } from './common';
import { FormError } from '../../ui/FormDialog';
import { afterRemovingRow, useFocusLater } from '../../ui/focus';
import { numberMessages } from '../../ui/form-errors';
import { useSavingForm } from '../../ui/useSavingForm';
import { plural } from '../../ui/words';

/* ---- Eligibility -------------------------------------------------------------------------- */

const MAX_CATEGORIES = 40;
const eligibilityFormSchema = z.object({
  // `saved` is the name the row had when the plan was loaded ('' for a new row): a changed name is a rename.
  categories: z.array(z.object({ name: planContract['plan.setEligibility'].input.shape.categories.element, saved: z.string() })),
});
type EligibilityValues = z.infer<typeof eligibilityFormSchema>;

export function EligibilitySection({ pilotId, categories }: { pilotId: number; categories: string[] }) {
  const { notify } = useNotices();
  const save = useCommand('plan.setEligibility', ['plan']);
  const focusLater = useFocusLater();
  const uid = useId();
  const { register, control, reset, formState, submit, formError } = useSavingForm<EligibilityValues>(
    {
      defaultValues: { categories: categories.map((name) => ({ name, saved: name })) },
      resolver: zodResolver(eligibilityFormSchema),
      // Checked on submit, then as you type: rows just added must not show errors before anyone typed in them.
      mode: 'onSubmit',
    },
    (values) => Object.fromEntries(values.categories.map((_, i) => [`categories.${i}`, `categories.${i}.name`])),
    async (values) => {
      const renames = values.categories.filter((c) => c.saved && c.saved !== c.name).map((c) => ({ from: c.saved, to: c.name }));
      const saved = await save.mutateAsync({ pilotId, categories: values.categories.map((c) => c.name), renames });
      reset({ categories: saved.map((name) => ({ name, saved: name })) });
      const merged = values.categories.length - saved.length;
      const renamed = renames.length > 0 ? `; ${plural(renames.length, 'category', 'categories')} renamed, on people’s records too` : '';
      notify(`Eligibility categories saved${renamed}${merged > 0 ? `; ${plural(merged, 'duplicate')} merged` : ''}.`);
    },
  );
  const rows = useFieldArray({ control, name: 'categories' });
  const current = useWatch({ control, name: 'categories' });
  const { errors } = formState;

  return (
    <Section
      id="eligibility"
      title="Eligibility categories"
      intro="Who the scheme is for. People tick any categories they identify with when they register; nobody has to prove one, and answering is optional. Renaming a category renames it on everyone who ticked it. A category someone has ticked cannot be removed: only they can say they no longer identify with it, so take it off their record first."
    >
      <p className="special-category-note">
        <strong>Special-category data.</strong> Categories such as ethnicity, disability, religion or sexual orientation are special-category personal data (UK GDPR article 9): ask only with explicit consent, keep the
        answer optional, and report it only in aggregate.
      </p>
      <form onSubmit={submit} noValidate className="form" aria-label="Eligibility categories">
        {rows.fields.length === 0 ? <p className="hint">No categories: anyone can take part. Add one if the scheme is for particular groups.</p> : null}
        <ul className="row-list">
          {rows.fields.map((field, i) => (
            <li key={field.id} className="list-row">
              <TextInput label={`Category ${i + 1}`} autoComplete="off" error={errors.categories?.[i]?.name?.message} {...register(`categories.${i}.name` as const)} />
              <Button
                variant="quiet"
                data-focus-id={`${uid}-remove-${i}`}
                aria-label={`Remove ${current?.[i]?.name.trim() || `category ${i + 1}`}`}
                onPress={() => {
                  rows.remove(i);
                  focusLater(afterRemovingRow(`${uid}-remove-`, i, rows.fields.length, `${uid}-add`));
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <div className="form-actions">
          {rows.fields.length < MAX_CATEGORIES ? (
            <Button id={`${uid}-add`} onPress={() => rows.append({ name: '', saved: '' })}>
              Add a category
            </Button>
          ) : null}
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            Save categories
          </Button>
        </div>
        <FormError message={formError} />
      </form>
    </Section>
  );
}

/* ---- Meeting plan ------------------------------------------------------------------------- */

function describeMeetingPlan(plan: MeetingPlan): string {
  const length = `${plan.durationMin === plan.durationMax ? plan.durationMin : `${plan.durationMin}–${plan.durationMax}`} minutes`;
  if (plan.meetingCount === 1) return `A single meeting of ${length}.`;
  const span = (plan.meetingCount - 1) * plan.cadenceDays;
  const weeks = Math.round(span / 7);
  return `${plan.meetingCount} meetings of ${length}, one every ${plural(plan.cadenceDays, 'day')}: about ${span < 14 ? plural(span, 'day') : plural(weeks, 'week')} from the first meeting to the last.`;
}

const meetingPlanFields = ['meetingCount', 'cadenceDays', 'durationMin', 'durationMax', 'mode', 'place', 'onlineLink'] as const;

export function MeetingPlanSection({ pilotId, meetingPlan }: { pilotId: number; meetingPlan: MeetingPlan }) {
  const { notify } = useNotices();
  const save = useCommand('plan.setMeetingPlan', ['plan']);
  const [saved, setSaved] = useState(meetingPlan);
  const uid = useId();
  const { register, reset, formState, watch, submit, formError } = useSavingForm<z.input<typeof meetingPlanSchema>, MeetingPlan>(
    { defaultValues: meetingPlan, resolver: zodResolver(meetingPlanSchema, numberMessages), mode: 'onTouched' },
    Object.fromEntries(meetingPlanFields.map((f) => [`meetingPlan.${f}`, f])),
    async (values) => {
      const result = await save.mutateAsync({ pilotId, meetingPlan: values });
      reset(result);
      setSaved(result);
      notify('Meeting plan saved.');
    },
  );
  const { errors } = formState;
  const online = watch('mode') === 'online';
  const number = { valueAsNumber: true } as const;

  return (
    <Section id="meeting-plan" title="Meeting plan" intro="How often each pair meets and for how long. Pairs may agree their own dates within this rhythm.">
      <p className="plan-fact" id="meeting-plan-summary">
        {describeMeetingPlan(saved)}
      </p>
      <form onSubmit={submit} noValidate className="form" aria-label="Meeting plan">
        <div className="field-row">
          <TextInput label="Number of meetings" type="number" inputMode="numeric" min={1} max={52} required error={errors.meetingCount?.message} {...register('meetingCount', number)} />
          <TextInput label="Days between meetings" type="number" inputMode="numeric" min={1} max={120} required error={errors.cadenceDays?.message} {...register('cadenceDays', number)} />
        </div>
        <div className="field-row">
          <TextInput label="Shortest meeting (minutes)" type="number" inputMode="numeric" min={15} max={480} required error={errors.durationMin?.message} {...register('durationMin', number)} />
          <TextInput label="Longest meeting (minutes)" type="number" inputMode="numeric" min={15} max={480} required error={errors.durationMax?.message} {...register('durationMax', number)} />
        </div>
        <fieldset className="fieldset">
          <legend>How pairs meet</legend>
          <div className="radio-group">
            {meetingModes.map((mode) => (
              <div key={mode} className="checkbox-field">
                <input id={`${uid}-${mode}`} type="radio" value={mode} {...register('mode')} />
                <label htmlFor={`${uid}-${mode}`}>{meetingModeLabels[mode]}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="field-row">
          <TextInput
            label="Usual place (optional)"
            autoComplete="off"
            description={online ? 'Kept for when meetings are in person.' : 'A room or café each new pair’s meetings start with. Pairs can change it.'}
            error={errors.place?.message}
            {...register('place')}
          />
          <TextInput
            label="Online link (optional)"
            autoComplete="off"
            description={online ? 'The video-call link each new pair’s meetings start with.' : 'Used when meetings are switched online by a schedule change.'}
            error={errors.onlineLink?.message}
            {...register('onlineLink')}
          />
        </div>
        <FormError message={formError} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            Save meeting plan
          </Button>
          <Button onPress={() => reset(DEFAULT_MEETING_PLAN, { keepDefaultValues: true })}>
            Use the defaults ({DEFAULT_MEETING_PLAN.meetingCount} meetings, every {DEFAULT_MEETING_PLAN.cadenceDays} days, {DEFAULT_MEETING_PLAN.durationMin}–{DEFAULT_MEETING_PLAN.durationMax} minutes)
          </Button>
        </div>
      </form>
    </Section>
  );
}

/* ---- Support protocol --------------------------------------------------------------------- */

const MAX_ROWS = 50;
const supportFormSchema = z.object({
  contacts: z.array(supportContactSchema),
  steps: z.array(z.object({ text: supportProtocolSchema.shape.escalationSteps.element })),
});
type SupportFormIn = z.input<typeof supportFormSchema>;
type SupportFormOut = z.output<typeof supportFormSchema>;

export function SupportSection({ pilotId, support }: { pilotId: number; support: SupportProtocol }) {
  const { notify } = useNotices();
  const save = useCommand('plan.setSupport', ['plan']);
  const focusLater = useFocusLater();
  const uid = useId();
  const toForm = (s: SupportProtocol): SupportFormIn => ({ contacts: s.contacts.map((c) => ({ ...c })), steps: s.escalationSteps.map((text) => ({ text })) });
  const { register, control, reset, formState, submit, formError } = useSavingForm<SupportFormIn, SupportFormOut>(
    { defaultValues: toForm(support), resolver: zodResolver(supportFormSchema), mode: 'onSubmit' },
    (values) => {
      const map: Record<string, string> = {};
      values.contacts.forEach((_, i) => ['name', 'role', 'contact'].forEach((f) => (map[`support.contacts.${i}.${f}`] = `contacts.${i}.${f}`)));
      values.steps.forEach((_, i) => (map[`support.escalationSteps.${i}`] = `steps.${i}.text`));
      return map;
    },
    async (values) => {
      const result = await save.mutateAsync({ pilotId, support: { contacts: values.contacts, escalationSteps: values.steps.map((s) => s.text) } });
      reset(toForm(result));
      notify('Support protocol saved.');
    },
  );
  const contacts = useFieldArray({ control, name: 'contacts' });
  const steps = useFieldArray({ control, name: 'steps' });
  const { errors } = formState;

  const moveStep = (i: number, direction: 'up' | 'down') => {
    const target = direction === 'up' ? i - 1 : i + 1;
    steps.swap(i, target);
    focusLater(`${uid}-step-${target}-${direction}`, `${uid}-step-${target}-${direction === 'up' ? 'down' : 'up'}`);
  };

  return (
    <Section id="support" title="Support protocol" intro="Who a mentor or mentee turns to if a conversation raises something difficult, and what happens next, in order.">
      <form onSubmit={submit} noValidate className="form" aria-label="Support protocol">
        <fieldset className="fieldset">
          <legend>Contacts</legend>
          {contacts.fields.length === 0 ? <p className="hint">No contacts yet. Add, for example, the wellbeing service, the scheme lead and the EDI office.</p> : null}
          {contacts.fields.map((field, i) => (
            <fieldset key={field.id} className="contact-row">
              <legend className="contact-legend">Contact {i + 1}</legend>
              <div className="contact-fields">
                <TextInput label="Name" required autoComplete="off" error={errors.contacts?.[i]?.name?.message} {...register(`contacts.${i}.name` as const)} />
                <TextInput label="Role" autoComplete="off" error={errors.contacts?.[i]?.role?.message} {...register(`contacts.${i}.role` as const)} />
                <TextInput label="How to reach them" autoComplete="off" error={errors.contacts?.[i]?.contact?.message} {...register(`contacts.${i}.contact` as const)} />
                <Button
                  variant="quiet"
                  data-focus-id={`${uid}-contact-remove-${i}`}
                  aria-label={`Remove contact ${i + 1}`}
                  onPress={() => {
                    contacts.remove(i);
                    focusLater(afterRemovingRow(`${uid}-contact-remove-`, i, contacts.fields.length, `${uid}-contact-add`));
                  }}
                >
                  Remove
                </Button>
              </div>
            </fieldset>
          ))}
          {contacts.fields.length < MAX_ROWS ? (
            <Button id={`${uid}-contact-add`} onPress={() => contacts.append({ name: '', role: '', contact: '' })}>
              Add a contact
            </Button>
          ) : null}
        </fieldset>
        <fieldset className="fieldset">
          <legend>Escalation steps, in order</legend>
          {steps.fields.length === 0 ? <p className="hint">No steps yet. Describe what a participant, and then you, should do if a concern comes up.</p> : null}
          <ol className="row-list">
            {steps.fields.map((field, i) => (
              <li key={field.id} className="list-row">
                <TextInput label={`Step ${i + 1}`} autoComplete="off" error={errors.steps?.[i]?.text?.message} {...register(`steps.${i}.text` as const)} />
                <span className="row-actions">
                  <Button variant="quiet" data-focus-id={`${uid}-step-${i}-up`} aria-label={`Move step ${i + 1} up`} isDisabled={i === 0} onPress={() => moveStep(i, 'up')}>
                    <span aria-hidden="true">↑</span> Up
                  </Button>
                  <Button variant="quiet" data-focus-id={`${uid}-step-${i}-down`} aria-label={`Move step ${i + 1} down`} isDisabled={i === steps.fields.length - 1} onPress={() => moveStep(i, 'down')}>
                    <span aria-hidden="true">↓</span> Down
                  </Button>
                  <Button
                    variant="quiet"
                    data-focus-id={`${uid}-step-remove-${i}`}
                    aria-label={`Remove step ${i + 1}`}
                    onPress={() => {
                      steps.remove(i);
                      focusLater(afterRemovingRow(`${uid}-step-remove-`, i, steps.fields.length, `${uid}-step-add`));
                    }}
                  >
                    Remove
                  </Button>
                </span>
              </li>
            ))}
          </ol>
          {steps.fields.length < MAX_ROWS ? (
            <Button id={`${uid}-step-add`} onPress={() => steps.append({ text: '' })}>
              Add a step
            </Button>
          ) : null}
        </fieldset>
        <FormError message={formError} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            Save support protocol
          </Button>
        </div>
      </form>
    </Section>
  );
}

/* ---- Ethics and retention ----------------------------------------------------------------- */

export function GovernanceSection({ pilotId, governance }: { pilotId: number; governance: Governance }) {
  const { notify } = useNotices();
  const save = useCommand('plan.setGovernance', ['plan']);
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
