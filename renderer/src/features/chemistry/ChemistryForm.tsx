import { useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { chemistryDraft, willingness, willingnessLabels, type ChemistryDraft, type ChemistryMeeting } from '../../../../shared/chemistry/contract';
import { TextAreaInput } from '../../ui/Field';
import { applyServerErrors } from '../../ui/form-errors';
import { Callout } from '../../ui/Callout';
import { PersonPicker, type PersonOption } from '../../ui/PersonPicker';
import { DialogFormActions } from '../../ui/FormActions';
import { FormDateInput } from '../../ui/DateInput';

/** The shared draft as the form holds it: people may be unchosen yet, radios carry strings. */
const chemistryFormSchema = z.object({
  heldOn: chemistryDraft.shape.heldOn,
  mentorId: z.number({ error: 'Choose the student mentor' }).int().positive(),
  menteeId: z.number({ error: 'Choose the staff mentee' }).int().positive(),
  happened: z.enum(['yes', 'no']),
  mentorWillingness: z.enum([...willingness.options, 'unasked']),
  menteeWillingness: z.enum([...willingness.options, 'unasked']),
  mentorNote: chemistryDraft.shape.mentorNote,
  menteeNote: chemistryDraft.shape.menteeNote,
});
type FormIn = z.input<typeof chemistryFormSchema>;
type FormOut = z.output<typeof chemistryFormSchema>;
type Answer = FormIn['mentorWillingness'];

const answerLabels: Record<Answer, string> = { ...willingnessLabels, unasked: 'Not asked yet' };
const answers: Answer[] = ['yes', 'maybe', 'no', 'unasked'];

export function toChemistryForm(m: ChemistryMeeting | undefined, today: string): FormIn {
  return {
    heldOn: m?.heldOn ?? today,
    mentorId: (m?.mentorId ?? null) as unknown as number,
    menteeId: (m?.menteeId ?? null) as unknown as number,
    happened: m && !m.happened ? 'no' : 'yes',
    mentorWillingness: m?.mentorWillingness ?? 'unasked',
    menteeWillingness: m?.menteeWillingness ?? 'unasked',
    mentorNote: m?.mentorNote ?? '',
    menteeNote: m?.menteeNote ?? '',
  };
}

function toDraft(v: FormOut): ChemistryDraft {
  const happened = v.happened === 'yes';
  // Willingness is only asked after a meeting that took place.
  const answer = (a: Answer) => (!happened || a === 'unasked' ? null : a);
  return {
    heldOn: v.heldOn,
    mentorId: v.mentorId,
    menteeId: v.menteeId,
    happened,
    mentorWillingness: answer(v.mentorWillingness),
    menteeWillingness: answer(v.menteeWillingness),
    mentorNote: v.mentorNote,
    menteeNote: v.menteeNote,
  };
}

const serverFields = {
  'meeting.heldOn': 'heldOn',
  'meeting.mentorId': 'mentorId',
  'meeting.menteeId': 'menteeId',
  'meeting.happened': 'happened',
  'meeting.mentorNote': 'mentorNote',
  'meeting.menteeNote': 'menteeNote',
};

function AnswerRadios({ name, legend, value, onChange, disabled }: { name: string; legend: string; value: Answer; onChange: (a: Answer) => void; disabled: boolean }) {
  const uid = useId();
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="cp-radio-row">
        {answers.map((a) => (
          <div key={a} className="checkbox-field">
            <input type="radio" id={`${uid}-${a}`} name={`${name}-${uid}`} value={a} checked={value === a} onChange={() => onChange(a)} />
            <label htmlFor={`${uid}-${a}`}>{answerLabels[a]}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function ChemistryForm({
  initial,
  mentors,
  mentees,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: FormIn;
  mentors: PersonOption[];
  mentees: PersonOption[];
  submitLabel: string;
  onSubmit: (draft: ChemistryDraft) => Promise<unknown>;
  onCancel: () => void;
}) {
  const uid = useId();
  const [formError, setFormError] = useState<string>();
  const { register, control, handleSubmit, setError, formState } = useForm<FormIn, unknown, FormOut>({
    defaultValues: initial,
    resolver: zodResolver(chemistryFormSchema),
    mode: 'onTouched',
  });
  const { errors } = formState;
  const [mentorId, menteeId, happened, mentorAnswer, menteeAnswer] = useWatch({ control, name: ['mentorId', 'menteeId', 'happened', 'mentorWillingness', 'menteeWillingness'] });
  const mentorName = mentors.find((p) => p.id === mentorId)?.name;
  const menteeName = mentees.find((p) => p.id === menteeId)?.name;
  const tookPlace = happened === 'yes';
  const saidNo = tookPlace && (mentorAnswer === 'no' || menteeAnswer === 'no');

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await onSubmit(toDraft(values));
    } catch (error) {
      setFormError(applyServerErrors(error, setError, serverFields));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="form">
      <div className="field-row">
        <Controller
          control={control}
          name="mentorId"
          render={({ field, fieldState }) => (
            <PersonPicker inputRef={field.ref} label="Student mentor" required autoFocus people={mentors} value={field.value ?? null} onChange={(id) => field.onChange(id)} error={fieldState.error?.message} emptyText="No student matches." />
          )}
        />
        <Controller
          control={control}
          name="menteeId"
          render={({ field, fieldState }) => (
            <PersonPicker inputRef={field.ref} label="Staff mentee" required people={mentees} value={field.value ?? null} onChange={(id) => field.onChange(id)} error={fieldState.error?.message} emptyText="No member of staff matches." />
          )}
        />
      </div>
      <div className="field-row">
        <FormDateInput control={control} name="heldOn" label="Date" required error={errors.heldOn?.message} />
        <fieldset className="fieldset">
          <legend>Did the meeting take place?</legend>
          <div className="cp-radio-row">
            <div className="checkbox-field">
              <input type="radio" id={`${uid}-happened-yes`} value="yes" {...register('happened')} />
              <label htmlFor={`${uid}-happened-yes`}>Yes, they met</label>
            </div>
            <div className="checkbox-field">
              <input type="radio" id={`${uid}-happened-no`} value="no" {...register('happened')} />
              <label htmlFor={`${uid}-happened-no`}>No, it did not happen</label>
            </div>
          </div>
          {errors.happened?.message ? <p className="field-error">{errors.happened.message}</p> : null}
        </fieldset>
      </div>
      {tookPlace ? null : <p className="hint">Each side is asked whether they would like to work together only after a meeting that took place.</p>}
      <div className="field-row">
        <Controller
          control={control}
          name="mentorWillingness"
          render={({ field }) => (
            <AnswerRadios
              name="mentor"
              legend={`Would ${mentorName ?? 'the student'} like to work with ${menteeName ?? 'the member of staff'}?`}
              value={field.value}
              onChange={field.onChange}
              disabled={!tookPlace}
            />
          )}
        />
        <Controller
          control={control}
          name="menteeWillingness"
          render={({ field }) => (
            <AnswerRadios
              name="mentee"
              legend={`Would ${menteeName ?? 'the member of staff'} like to work with ${mentorName ?? 'the student'}?`}
              value={field.value}
              onChange={field.onChange}
              disabled={!tookPlace}
            />
          )}
        />
      </div>
      {saidNo ? (
        <Callout tone="warning">
          A “no” from either side means {mentorName && menteeName ? `${mentorName} and ${menteeName}` : 'these two'} will never be proposed as a pair.
        </Callout>
      ) : null}
      <div className="field-row">
        <TextAreaInput label="Student’s note" rows={3} description="Optional: what they said about the meeting." error={errors.mentorNote?.message} {...register('mentorNote')} />
        <TextAreaInput label="Staff member’s note" rows={3} description="Optional: what they said about the meeting." error={errors.menteeNote?.message} {...register('menteeNote')} />
      </div>
      <DialogFormActions formError={formError} submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
