import { useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { participantDraft, participantRoles, roleLabels, type Participant, type ParticipantRole } from '../../../../shared/participants/contract';
import { AVAILABILITY_SLOTS, DAY_PARTS, WEEKDAYS } from '../../../../shared/participants/availability';
import { ApiError } from '../../api';
import { Button } from '../../ui/Button';
import { useReportUnsaved } from '../../ui/unsaved-changes';
import { Table } from '../../ui/Table';
import { FieldFrame, TextAreaInput, TextInput } from '../../ui/Field';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { applyServerErrors } from '../../ui/form-errors';
import { useAddParticipant, useDepartments, useParticipant, usePlan, useUpdateParticipant } from './api';
import { FormActions } from '../../ui/FormActions';
import { usePilotId } from '../../app/usePilotId';
import { listPath } from './list-memory';
import { participantsPath, planPath } from '../../app/paths';

type Draft = z.output<typeof participantDraft>;
/** The draft as the form holds it: no role until one is chosen. */
type FormValues = Omit<Draft, 'role'> & { role: ParticipantRole | '' };
type FieldName = keyof FormValues;

const fieldNames: FieldName[] = ['name', 'email', 'role', 'department', 'level', 'characteristics', 'topics', 'availability', 'notes'];
/** The main process reports issues as participant.email etc. */
const serverFields = Object.fromEntries(fieldNames.map((f) => [`participant.${f}`, f]));

// The same schema the main process enforces; only the message for a missing role is friendlier.
const resolver = zodResolver(participantDraft, {
  error: (issue) => (issue.code === 'invalid_value' && issue.values.includes('mentor') ? 'Choose whether they are a student (mentor) or a member of staff (mentee)' : undefined),
}) as unknown as Resolver<FormValues, unknown, Draft>;

const emptyDraft: FormValues = { name: '', email: '', role: '', department: '', level: '', characteristics: [], topics: [], availability: [], notes: '' };

const toForm = (p: Participant): FormValues => ({
  name: p.name,
  email: p.email,
  role: p.role,
  department: p.department,
  level: p.level,
  characteristics: p.characteristics,
  topics: p.topics,
  availability: p.availability,
  notes: p.notes,
});

export function NewParticipantPage() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const create = useAddParticipant();
  return (
    <>
      <p className="back-link">
        <Link to={listPath(pilotId)}>All participants</Link>
      </p>
      <PageHeader title="Add a participant" description="Someone who has expressed interest. They start as “Interested”; you record their consent and move them along from their page." />
      <ParticipantForm
        pilotId={pilotId}
        initial={emptyDraft}
        submitLabel="Add participant"
        onCancel={() => navigate(listPath(pilotId))}
        onSubmit={async (draft) => {
          const person = await create.mutateAsync({ pilotId, participant: draft });
          notify(`${person.name} added as interested.`);
          void navigate(participantsPath(pilotId, person.id));
        }}
      />
    </>
  );
}

export function EditParticipantPage() {
  const pilotId = usePilotId();
  const id = Number(useParams().participantId);
  const navigate = useNavigate();
  const { notify } = useNotices();
  const person = useParticipant(id);
  const update = useUpdateParticipant();
  if (person.isPending) return <Loading />;
  if (person.error) return <ErrorMessage error={person.error} />;
  const back = participantsPath(pilotId, id);
  return (
    <>
      <p className="back-link">
        <Link to={back}>{person.data.name}</Link>
      </p>
      <PageHeader title={`Edit ${person.data.name}`} description="Their details only: status and consent are changed on their page, where every change is kept in the history." />
      <ParticipantForm
        pilotId={pilotId}
        initial={toForm(person.data)}
        submitLabel="Save changes"
        onCancel={() => navigate(back)}
        onSubmit={async (draft) => {
          await update.mutateAsync({ id, participant: draft });
          notify('Changes saved.');
          void navigate(back);
        }}
      />
    </>
  );
}

interface FormProps {
  pilotId: number;
  initial: FormValues;
  submitLabel: string;
  onSubmit: (draft: Draft) => Promise<unknown>;
  onCancel: () => void;
}

function ParticipantForm({ pilotId, initial, submitLabel, onSubmit, onCancel }: FormProps) {
  const uid = useId();
  const plan = usePlan(pilotId);
  const departments = useDepartments(pilotId);
  const [formError, setFormError] = useState<string>();
  const { register, control, handleSubmit, setError, setFocus, formState } = useForm<FormValues, unknown, Draft>({
    defaultValues: initial,
    resolver,
    mode: 'onTouched',
  });
  const { errors } = formState;
  // Asks before leaving with changes not saved; not while saving, which leaves for the person's page.
  useReportUnsaved('this person’s details', formState.isDirty && !formState.isSubmitting);
  const submit = handleSubmit(async (draft) => {
    setFormError(undefined);
    try {
      await onSubmit(draft);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, serverFields));
      const first = error instanceof ApiError ? error.issues.map((i) => serverFields[i.path.join('.')]).find(Boolean) : undefined;
      if (first) setFocus(first as FieldName);
    }
  });

  // A category dropped from the plan since stays visible here so it can be unticked.
  const categories = [...(plan.data?.eligibility ?? [])];
  for (const c of initial.characteristics) if (!categories.includes(c)) categories.push(c);
  const roleError = errors.role?.message;

  return (
    <form onSubmit={submit} noValidate className="form form-wide pp-form">
      <div className="field-row">
        <TextInput label="Name" required autoComplete="off" error={errors.name?.message} {...register('name')} />
        <TextInput label="Email" type="email" required autoComplete="off" spellCheck={false} error={errors.email?.message} {...register('email')} />
      </div>
      <fieldset className="fieldset" aria-describedby={roleError ? `${uid}-role-error` : undefined}>
        <legend>
          Role <span className="required-mark">(required)</span>
        </legend>
        <p className="field-description">In reverse mentoring the student mentors and the member of staff is mentored.</p>
        <div className="radio-group">
          {participantRoles.map((r) => (
            <div className="checkbox-field" key={r}>
              <input type="radio" id={`${uid}-role-${r}`} value={r} aria-invalid={roleError ? true : undefined} {...register('role')} />
              <label htmlFor={`${uid}-role-${r}`}>{roleLabels[r]}</label>
            </div>
          ))}
        </div>
        {roleError ? (
          <p className="field-error" id={`${uid}-role-error`}>
            {roleError}
          </p>
        ) : null}
      </fieldset>
      <div className="field-row">
        <TextInput
          label="Department"
          autoComplete="off"
          description="Faculty, school or service. Departments already in the pilot are suggested as you type: the same spelling keeps “never pair within the same department” right."
          list={`${uid}-departments`}
          error={errors.department?.message}
          {...register('department')}
        />
        <datalist id={`${uid}-departments`}>
          {(departments.data ?? []).map((d) => (
            <option key={d.name} value={d.name} />
          ))}
        </datalist>
        <TextInput label="Level or seniority" autoComplete="off" description="Year of study, or job title or grade." error={errors.level?.message} {...register('level')} />
      </div>
      <Controller
        control={control}
        name="characteristics"
        render={({ field }) => (
          <fieldset className="fieldset" aria-describedby={`${uid}-sc-note`}>
            <legend>
              Self-identified characteristics <span className="pp-legend-note">(optional, special-category data)</span>
            </legend>
            <p className="pp-special-note" id={`${uid}-sc-note`}>
              Tick only what the person chose to tell you about themselves. This is special-category personal data (UK GDPR article 9): it stays encrypted in the vault and is used for eligibility and for balancing the pilot.
            </p>
            {plan.data && categories.length === 0 ? (
              <p className="hint">
                This pilot lists no eligibility categories. Add them in the <Link to={planPath(pilotId)}>plan</Link>.
              </p>
            ) : null}
            <ul className="checkbox-list checkbox-columns">
              {categories.map((c, index) => (
                <li key={c} className="checkbox-field">
                  <input
                    type="checkbox"
                    id={`${uid}-c-${index}`}
                    ref={index === 0 ? field.ref : undefined}
                    checked={field.value.includes(c)}
                    onChange={(e) => field.onChange(e.target.checked ? [...field.value, c] : field.value.filter((v) => v !== c))}
                    onBlur={field.onBlur}
                  />
                  <label htmlFor={`${uid}-c-${index}`}>{c}</label>
                </li>
              ))}
            </ul>
            {errors.characteristics ? <p className="field-error">{errors.characteristics.message ?? firstItemError(errors.characteristics)}</p> : null}
          </fieldset>
        )}
      />
      <Controller
        control={control}
        name="topics"
        render={({ field }) => (
          <TopicsInput
            inputRef={field.ref}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.topics ? (errors.topics.message ?? firstItemError(errors.topics)) : undefined}
          />
        )}
      />
      <Controller
        control={control}
        name="availability"
        render={({ field }) => (
          <fieldset className="fieldset">
            <legend>Availability</legend>
            <p className="field-description">When they can usually meet, week after week.</p>
            <Table
              look="plain"
              className="pp-availability"
              caption="When they can usually meet"
              rows={WEEKDAYS}
              rowKey={([day]) => day}
              columns={[
                { id: 'day', header: 'Day', hideHeader: true, rowHeader: true, cell: ([, dayLabel]) => dayLabel },
                ...DAY_PARTS.map(([part, partLabel]) => ({
                  id: part,
                  header: partLabel[0]!.toUpperCase() + partLabel.slice(1),
                  cell: ([day, dayLabel]: (typeof WEEKDAYS)[number]) => {
                    const slot = `${day}-${part}`;
                    return (
                      <label className="pp-slot">
                        <input
                          type="checkbox"
                          checked={field.value.includes(slot)}
                          onChange={(e) => field.onChange(AVAILABILITY_SLOTS.filter((s) => (s === slot ? e.target.checked : field.value.includes(s))))}
                          onBlur={field.onBlur}
                        />
                        <span className="visually-hidden">
                          {dayLabel} {partLabel}
                        </span>
                      </label>
                    );
                  },
                })),
              ]}
            />
            {errors.availability ? <p className="field-error">{errors.availability.message ?? firstItemError(errors.availability)}</p> : null}
          </fieldset>
        )}
      />
      <TextAreaInput label="Notes" rows={4} description="Anything useful for pairing them, in your own words." error={errors.notes?.message} {...register('notes')} />
      <FormActions formError={formError} submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}

/** react-hook-form keeps an array field's item errors by index. */
function firstItemError(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  for (const value of Object.values(error as Record<string, unknown>)) {
    if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string') return value.message;
  }
  return undefined;
}

/** Topics as tags: type one and press Enter (or a comma); each tag has its own remove button. */
function TopicsInput({ value, onChange, onBlur, error, inputRef }: { value: string[]; onChange: (topics: string[]) => void; onBlur: () => void; error: string | undefined; inputRef: (element: HTMLInputElement | null) => void }) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement | null>(null);
  const add = (raw: string, keep = '') => {
    const next = [...value];
    for (const topic of raw.split(',').map((t) => t.trim()).filter(Boolean)) {
      if (!next.some((t) => t.toLowerCase() === topic.toLowerCase())) next.push(topic);
    }
    if (next.length !== value.length) onChange(next);
    setText(keep);
  };
  return (
    <FieldFrame label="Topics of interest" description="Type a topic and press Enter, or several separated by commas." error={error}>
      {({ id, describedBy, invalid }) => (
        <div className="pp-topics">
          {value.length > 0 ? (
            <ul className="pp-tags" aria-label="Topics added">
              {value.map((topic) => (
                <li key={topic} className="pp-tag">
                  <span>{topic}</span>
                  <Button
                    variant="quiet"
                    className="pp-tag-remove"
                    aria-label={`Remove topic ${topic}`}
                    onPress={() => {
                      onChange(value.filter((t) => t !== topic));
                      input.current?.focus();
                    }}
                  >
                    ×
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            id={id}
            ref={(element) => {
              input.current = element;
              inputRef(element);
            }}
            className="input"
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={text}
            onChange={(e) => {
              const typed = e.target.value;
              const comma = typed.lastIndexOf(',');
              if (comma >= 0) add(typed.slice(0, comma), typed.slice(comma + 1));
              else setText(typed);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && text.trim() !== '') {
                // Enter adds the topic; it does not send the form.
                e.preventDefault();
                add(text);
              }
            }}
            onBlur={() => {
              add(text);
              onBlur();
            }}
          />
        </div>
      )}
    </FieldFrame>
  );
}
