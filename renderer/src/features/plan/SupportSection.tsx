import { useId } from 'react';
import { useFieldArray } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { supportContactSchema, supportProtocolSchema, type SupportProtocol } from '../../../../shared/plan/contract';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { Section } from './Section';
import { FormError } from '../../ui/FormDialog';
import { afterRemovingRow, useFocusLater } from '../../ui/focus';
import { useSavingForm } from '../../ui/useSavingForm';
import { useReportUnsaved } from '../../ui/unsaved-changes';
import { useSaveSupport } from './api';

const MAX_ROWS = 50;
const supportFormSchema = z.object({
  contacts: z.array(supportContactSchema),
  steps: z.array(z.object({ text: supportProtocolSchema.shape.escalationSteps.element })),
});
type SupportFormIn = z.input<typeof supportFormSchema>;
type SupportFormOut = z.output<typeof supportFormSchema>;

/** Whom to turn to when a conversation raises something difficult, and the escalation steps in order. */
export function SupportSection({ pilotId, support }: { pilotId: number; support: SupportProtocol }) {
  const { notify } = useNotices();
  const save = useSaveSupport();
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
  useReportUnsaved('Support protocol', formState.isDirty);

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
