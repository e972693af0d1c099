import { Controller, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  aboutMessage,
  aboutSomeone,
  categoryLabels,
  concernCategories,
  concernDetails,
  raisedViaLabels,
  raisedVias,
  raiserLabels,
  raisers,
  riskLabels,
  riskLevels,
  type ConcernDetails,
  type ConcernLink,
} from '../../../shared/safeguarding/contract';
import { formatDay } from '../../../shared/dates';
import { useChannel } from '../queries';
import { Callout } from '../ui/Callout';
import { SelectInput, TextAreaInput, TextInput } from '../ui/Field';
import { DialogFormActions } from '../ui/FormActions';
import { PersonPicker, type PersonOption } from '../ui/PersonPicker';
import { useSavingForm } from '../ui/useSavingForm';
import { FormDateInput } from '../ui/DateInput';

/** Choices not made yet are empty (''): the coordinator decides category, risk and who raised it, nothing is assumed. */
const choose = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });

const formSchema = z
  .object({
    ...concernDetails.shape,
    category: choose(concernCategories, 'Choose a category'),
    risk: choose(riskLevels, 'Choose the risk level'),
    raisedBy: choose(raisers, 'Say who raised it'),
  })
  .refine(aboutSomeone, aboutMessage);
type Choices = 'category' | 'risk' | 'raisedBy';
/** What the form holds: a choice not made yet is ''. */
type FormIn = Omit<z.input<typeof formSchema>, Choices> & { [K in Choices]: ConcernDetails[K] | '' };

export type ConcernDetailsStart = Omit<FormIn, Choices> & Partial<Pick<ConcernDetails, Choices>>;

const options = <K extends string>(values: readonly K[], labels: Record<K, string>, placeholder?: string) => [
  ...(placeholder ? [{ value: '', label: placeholder }] : []),
  ...values.map((value) => ({ value, label: labels[value] })),
];

/** Where the concern was raised from, in words: "Amara Nwosu’s reflective log for meeting 1 (Identity), Tue 27 Oct 2026". */
export function linkWords(link: ConcernLink): string | undefined {
  const m = link.meeting;
  if (link.log && m) return `${link.log.authorName}’s reflective log for meeting ${m.sequence} (${m.themeTitle}), ${formatDay(m.date)}`;
  if (link.log) return `${link.log.authorName}’s reflective log`;
  if (m) return `Meeting ${m.sequence} (${m.themeTitle}) of ${m.mentorName} and ${m.menteeName}, ${formatDay(m.date)}`;
  return undefined;
}

/** The pilot's people for "About", withdrawn people included (a concern does not depend on taking part). */
function usePeople(pilotId: number): PersonOption[] {
  const list = useChannel('participants.list', { pilotId, sortBy: 'name' });
  return (list.data?.rows ?? []).map(({ id, name, role, department, status }) => ({ id, name, role, department: status === 'withdrawn' ? [department, 'withdrawn'].filter(Boolean).join(' · ') : department }));
}

/** What a concern is: what was said, about whom, who raised it and how, its category and risk. For raising one and for changing it. */
export function ConcernDetailsForm({
  pilotId,
  initial,
  link,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  pilotId: number;
  initial: ConcernDetailsStart;
  link?: ConcernLink;
  submitLabel: string;
  onSubmit: (details: ConcernDetails) => Promise<unknown>;
  onCancel: () => void;
}) {
  const people = usePeople(pilotId);
  const serverFields = Object.fromEntries(['raisedOn', 'raisedVia', 'raisedBy', 'aboutParticipantId', 'aboutOther', 'category', 'risk', 'whatWasSaid'].map((f) => [`details.${f}`, f]));
  const { register, control, formState, submit, formError } = useSavingForm<FormIn, ConcernDetails>(
    // The schema refuses '' with its message, so what is saved has every choice made. Checked on
    // submit, not on leaving a field: a message appearing then would move the button from under the pointer.
    { defaultValues: { category: '', risk: '', raisedBy: '', ...initial }, resolver: zodResolver(formSchema) as unknown as Resolver<FormIn, unknown, ConcernDetails>, mode: 'onSubmit' },
    serverFields,
    onSubmit,
  );
  const { errors } = formState;
  const from = link ? linkWords(link) : undefined;
  return (
    <form onSubmit={submit} noValidate className="form concern-form">
      {from ? (
        <p className="concern-form-link">
          <span className="concern-form-link-label">Raised from:</span> {from}
        </p>
      ) : null}
      <TextAreaInput label="What was said" rows={5} required autoFocus description="In the person’s words where you can; facts, not opinions." error={errors.whatWasSaid?.message} {...register('whatWasSaid')} />
      <div className="field-row">
        <Controller
          control={control}
          name="aboutParticipantId"
          render={({ field, fieldState }) => (
            <PersonPicker
              inputRef={field.ref}
              label="About"
              description="A participant of this pilot."
              showRole
              people={people}
              value={field.value ?? null}
              onChange={(id) => field.onChange(id)}
              error={fieldState.error?.message}
              emptyText="Nobody in this pilot matches."
            />
          )}
        />
        <TextInput label="Or, if not a participant, who" autoComplete="off" description="For example: a member of staff outside the scheme." error={errors.aboutOther?.message} {...register('aboutOther')} />
      </div>
      <div className="field-row">
        <SelectInput label="Category" required options={options(concernCategories, categoryLabels, 'Choose…')} error={errors.category?.message} {...register('category')} />
        <SelectInput label="Risk" required options={options(riskLevels, riskLabels, 'Choose…')} error={errors.risk?.message} {...register('risk')} />
      </div>
      <div className="field-row">
        <SelectInput label="Raised by" required options={options(raisers, raiserLabels, 'Choose…')} error={errors.raisedBy?.message} {...register('raisedBy')} />
        <SelectInput label="How it was raised" required options={options(raisedVias, raisedViaLabels)} error={errors.raisedVia?.message} {...register('raisedVia')} />
      </div>
      <FormDateInput control={control} name="raisedOn" label="Raised on" required className="input-date" error={errors.raisedOn?.message} />
      <Callout>Kept in the restricted safeguarding register only: never in searches, log books, reports or exports. If someone is at immediate risk, follow the emergency step of your support protocol now.</Callout>
      <DialogFormActions formError={formError} submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
