import { useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { NOT_HELD_YET, SUGGESTED_TRAINING_TOPICS, audienceFits, trainingAudience, trainingAudienceLabels, trainingDraft, type TrainingAudience, type TrainingDraft, type TrainingSession } from '../../../../shared/training/contract';
import { Button } from '../../ui/Button';
import { FieldErrorText, TextAreaInput, TextInput } from '../../ui/Field';
import { applyServerErrors } from '../../ui/form-errors';
import type { PersonOption } from '../../ui/PersonPicker';
import { useFocusLater } from '../../ui/focus';
import { plural } from '../../../../shared/words';
import { PeopleCheckList } from '../../ui/PeopleCheckList';
import { DialogFormActions } from '../../ui/FormActions';
import { FormDateInput } from '../../ui/DateInput';

/** The draft's rules, and the core's: attendance only for a session on or before today. */
const trainingFormSchema = (today: string) =>
  z
    .object({
      heldOn: trainingDraft.shape.heldOn,
      audience: trainingAudience,
      topics: trainingDraft.shape.topics,
      attendeeIds: z.array(z.number()),
      notes: trainingDraft.shape.notes,
    })
    .refine((v) => v.attendeeIds.length === 0 || v.heldOn <= today, { path: ['attendeeIds'], message: NOT_HELD_YET });
type FormValues = z.input<ReturnType<typeof trainingFormSchema>>;

export function toTrainingForm(s: TrainingSession | undefined, today: string): FormValues {
  return {
    heldOn: s?.heldOn ?? today,
    audience: s?.audience ?? 'both',
    topics: s?.topics ?? [],
    attendeeIds: s?.attendees.map((a) => a.id) ?? [],
    notes: s?.notes ?? '',
  };
}

const serverFields: Record<string, string> = {
  'session.heldOn': 'heldOn',
  'session.audience': 'audience',
  'session.topics': 'topics',
  'session.attendeeIds': 'attendeeIds',
  'session.notes': 'notes',
};
// A topic's own issue ("session.topics.2") belongs to the topics field.
for (let i = 0; i < 30; i++) serverFields[`session.topics.${i}`] = 'topics';

/** The suggested topics as checkboxes, and any others typed in. */
function TopicsField({ value, onChange, error }: { value: string[]; onChange: (topics: string[]) => void; error: string | undefined }) {
  const uid = useId();
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string>();
  const focusLater = useFocusLater();
  const suggested: readonly string[] = SUGGESTED_TRAINING_TOPICS;
  const others = value.filter((t) => !suggested.includes(t));
  const toggle = (topic: string, on: boolean) => onChange(on ? [...value, topic] : value.filter((t) => t !== topic));
  const add = () => {
    const topic = draft.trim();
    if (!topic) return setDraftError('Type the topic first');
    if (topic.length > 200) return setDraftError('Topic must be at most 200 characters');
    if (value.some((t) => t.toLowerCase() === topic.toLowerCase())) return setDraftError(`“${topic}” is already listed`);
    setDraftError(undefined);
    onChange([...value, topic]);
    setDraft('');
  };
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${uid}-error` : undefined}>
      <legend>
        Topics covered<span className="required-mark"> (at least one)</span>
      </legend>
      <ul className="checkbox-list">
        {suggested.map((topic, i) => (
          <li key={topic} className="checkbox-field">
            <input id={`${uid}-s${i}`} type="checkbox" checked={value.includes(topic)} onChange={(e) => toggle(topic, e.target.checked)} />
            <label htmlFor={`${uid}-s${i}`}>{topic}</label>
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <ul className="cp-chip-list" aria-label="Other topics">
          {others.map((topic, i) => (
            <li key={topic} className="cp-chip">
              <span>{topic}</span>
              <Button
                variant="quiet"
                data-focus-id={`topic-remove-${i}`}
                aria-label={`Remove the topic ${topic}`}
                onPress={() => {
                  onChange(value.filter((t) => t !== topic));
                  focusLater(`topic-remove-${i}`, `topic-remove-${i - 1}`, `${uid}-other`);
                }}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-add">
        <TextInput
          data-focus-id={`${uid}-other`}
          label="Another topic"
          autoComplete="off"
          value={draft}
          error={draftError}
          onChange={(e) => setDraft(e.target.value)}
          // Enter adds the topic; it must not save the whole form.
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button onPress={add}>Add topic</Button>
      </div>
      <FieldErrorText id={`${uid}-error`} message={error} />
    </fieldset>
  );
}

/** People whose role fits the audience, as a checkbox list with a filter. */
function AttendancePicker({
  people,
  audience,
  value,
  onChange,
  error,
  future,
}: {
  people: PersonOption[];
  audience: TrainingAudience;
  value: number[];
  onChange: (ids: number[]) => void;
  error: string | undefined;
  /** The date is after today: nobody can have attended yet. */
  future: boolean;
}) {
  const uid = useId();
  const [search, setSearch] = useState('');
  const fitting = people.filter((p) => audienceFits(audience, p.role));
  const needle = search.trim().toLowerCase();
  const shown = needle ? fitting.filter((p) => `${p.name} ${p.department}`.toLowerCase().includes(needle)) : fitting;
  const chosen = fitting.filter((p) => value.includes(p.id));
  const toggle = (id: number, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset className="fieldset" aria-describedby={`${uid}-chosen${error ? ` ${uid}-error` : ''}`}>
      <legend>Who attended</legend>
      {future ? <p className="hint">The date is in the future: save the session now as planned, and tick who attended once it has taken place.</p> : null}
      {fitting.length === 0 ? (
        <p className="hint">Nobody in the register is a {audience === 'mentors' ? 'student mentor' : audience === 'mentees' ? 'staff mentee' : 'mentor or mentee'} yet.</p>
      ) : (
        <>
          <div className="inline-add">
            <TextInput
              label="Filter people"
              type="search"
              autoComplete="off"
              description="By name or department."
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            />
            <Button onPress={() => onChange([...new Set([...value, ...shown.map((p) => p.id)])])}>{needle ? 'Tick everyone shown' : 'Tick everyone'}</Button>
            <Button onPress={() => onChange(value.filter((id) => !shown.some((p) => p.id === id)))} isDisabled={!shown.some((p) => value.includes(p.id))}>
              Clear
            </Button>
          </div>
          <p className="chosen-summary cp-chosen" id={`${uid}-chosen`} aria-live="polite">
            {chosen.length === 0 ? 'Nobody ticked yet.' : `${plural(chosen.length, 'person', 'people')} attended.`}
          </p>
          {shown.length === 0 ? <p className="hint">Nobody matches “{search.trim()}”.</p> : null}
          <PeopleCheckList label="People who could attend" className="cp-scroll-list" people={shown} chosen={value} onToggle={toggle} />
        </>
      )}
      <FieldErrorText id={`${uid}-error`} message={error} />
    </fieldset>
  );
}

export function TrainingForm({
  initial,
  today,
  people,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: FormValues;
  /** YYYY-MM-DD where the scheme runs. */
  today: string;
  people: PersonOption[];
  submitLabel: string;
  onSubmit: (draft: TrainingDraft) => Promise<unknown>;
  onCancel: () => void;
}) {
  const uid = useId();
  const [formError, setFormError] = useState<string>();
  const { register, control, handleSubmit, setError, setValue, getValues, formState } = useForm<FormValues>({
    defaultValues: initial,
    resolver: zodResolver(trainingFormSchema(today)) as never,
    mode: 'onTouched',
  });
  const { errors } = formState;
  const audience = useWatch({ control, name: 'audience' });
  const heldOn = useWatch({ control, name: 'heldOn' });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const attendeeIds = values.attendeeIds.filter((id) => people.some((p) => p.id === id && audienceFits(values.audience, p.role)));
      await onSubmit({ ...values, attendeeIds });
    } catch (error) {
      setFormError(applyServerErrors(error, setError, serverFields));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="form">
      <div className="field-row">
        <FormDateInput control={control} name="heldOn" label="Date" required autoFocus error={errors.heldOn?.message} />
        <fieldset className="fieldset">
          <legend>Who the session was for</legend>
          <div className="cp-radio-stack">
            {trainingAudience.options.map((a) => (
              <div key={a} className="checkbox-field">
                <input
                  type="radio"
                  id={`${uid}-${a}`}
                  value={a}
                  {...register('audience', {
                    // Ticks for people the session was not for are dropped.
                    onChange: (e: { target: { value: TrainingAudience } }) =>
                      setValue(
                        'attendeeIds',
                        (getValues('attendeeIds') ?? []).filter((id) => people.some((p) => p.id === id && audienceFits(e.target.value, p.role))),
                      ),
                  })}
                />
                <label htmlFor={`${uid}-${a}`}>{trainingAudienceLabels[a]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <Controller control={control} name="topics" render={({ field, fieldState }) => <TopicsField value={field.value} onChange={field.onChange} error={fieldState.error?.message ?? errors.topics?.root?.message} />} />
      <Controller
        control={control}
        name="attendeeIds"
        render={({ field, fieldState }) => (
          <AttendancePicker people={people} audience={audience} value={field.value ?? []} onChange={field.onChange} error={fieldState.error?.message} future={heldOn > today} />
        )}
      />
      <TextAreaInput label="Notes" rows={3} description="Optional: who ran it, materials, anything to follow up." error={errors.notes?.message} {...register('notes')} />
      <DialogFormActions formError={formError} submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
