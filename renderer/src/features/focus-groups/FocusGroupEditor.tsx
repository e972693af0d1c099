import { useEffect, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Controller, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { attendanceSchema, audienceLabels, focusGroupAudience, focusGroupDraft, type FocusGroup, type FocusGroupDraft } from '../../../../shared/focus-groups/contract';
import { useFocusGroup, usePilotRegister, useRecordFocusGroup, useUpdateFocusGroup } from './api';
import { FieldErrorText, SelectInput, TextAreaInput, TextInput } from '../../ui/Field';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { FormActions } from '../../ui/FormActions';
import { numberMessages } from '../../ui/form-errors';
import { useSavingForm } from '../../ui/useSavingForm';
import { ConfirmWarnings, useConfirmations } from '../../ui/confirmations';
import { useToday } from '../../ui/today';
import { formatDate } from '../../../../shared/dates';
import { usePilotId } from '../../app/usePilotId';
import { focusGroupsPath, participantsPath } from '../../app/paths';
import { PeopleCheckList } from '../../ui/PeopleCheckList';
import { FormDateInput } from '../../ui/DateInput';

const countsAttendance = attendanceSchema.options[1];

// The shared draft flattened for the form: attendance mode as a radio, counts and names side by side.
const focusGroupFormSchema = z
  .object({
    heldOn: focusGroupDraft.shape.heldOn,
    audience: focusGroupAudience,
    facilitator: focusGroupDraft.shape.facilitator,
    mode: z.enum(['counts', 'named']),
    staff: z.unknown(),
    students: z.unknown(),
    participantIds: z.array(z.number()),
    notes: focusGroupDraft.shape.notes,
  })
  .superRefine(
    (values, ctx) => {
      if (values.mode !== 'counts') return;
      for (const key of ['staff', 'students'] as const) {
        const result = countsAttendance.shape[key].safeParse(values[key], numberMessages);
        if (!result.success) ctx.addIssue({ code: 'custom', path: [key], message: result.error.issues[0]?.message ?? 'Enter a number' });
      }
    },
    // Also when the date is malformed, so every mistake shows at once.
    { when: () => true },
  );
type FormIn = z.input<typeof focusGroupFormSchema>;
type FormOut = z.output<typeof focusGroupFormSchema>;

const toForm = (g: FocusGroupDraft): FormIn => {
  const attendance = g.attendance ?? { mode: 'counts', staff: 0, students: 0 };
  return {
    heldOn: g.heldOn,
    audience: g.audience,
    facilitator: g.facilitator ?? '',
    mode: attendance.mode,
    staff: attendance.mode === 'counts' ? attendance.staff : 0,
    students: attendance.mode === 'counts' ? attendance.students : 0,
    participantIds: attendance.mode === 'named' ? attendance.participantIds : [],
    notes: g.notes ?? '',
  };
};

const toDraft = (v: FormOut): FocusGroupDraft => ({
  heldOn: v.heldOn,
  audience: v.audience,
  facilitator: v.facilitator,
  attendance: v.mode === 'counts' ? { mode: 'counts', staff: Number(v.staff), students: Number(v.students) } : { mode: 'named', participantIds: v.participantIds },
  notes: v.notes,
});

const serverFields = {
  'focusGroup.heldOn': 'heldOn',
  'focusGroup.audience': 'audience',
  'focusGroup.facilitator': 'facilitator',
  'focusGroup.attendance.staff': 'staff',
  'focusGroup.attendance.students': 'students',
  'focusGroup.attendance.participantIds': 'participantIds',
  'focusGroup.notes': 'notes',
};

/** The pilot's register as a searchable checkbox list. */
function AttendeePicker({ pilotId, value, onChange, error }: { pilotId: number; value: number[]; onChange: (ids: number[]) => void; error: string | undefined }) {
  const uid = useId();
  const [search, setSearch] = useState('');
  const people = usePilotRegister(pilotId);
  const rows = people.data?.rows ?? [];
  const needle = search.trim().toLowerCase();
  const shown = needle ? rows.filter((p) => `${p.name} ${p.department} ${p.email}`.toLowerCase().includes(needle)) : rows;
  const chosen = rows.filter((p) => value.includes(p.id));
  const toggle = (id: number, checked: boolean) => onChange(checked ? [...value, id] : value.filter((v) => v !== id));

  return (
    <fieldset className="fieldset attendee-picker" aria-describedby={error ? `${uid}-error` : undefined}>
      <legend>Who attended</legend>
      {people.isPending ? <Loading label="Loading the register…" /> : null}
      <ErrorMessage error={people.error} />
      {people.data && rows.length === 0 ? (
        <p className="hint">
          This pilot’s register is empty. Add people under <Link to={participantsPath(pilotId)}>Participants</Link>, or record head counts instead.
        </p>
      ) : null}
      {rows.length > 0 ? (
        <>
          <TextInput
            label="Search the register"
            type="search"
            autoComplete="off"
            description="By name, department or email."
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            // Enter here filters; it must not save the form.
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
          <p className="chosen-summary" aria-live="polite">
            {chosen.length === 0 ? 'Nobody chosen yet.' : `Chosen (${chosen.length}): ${chosen.map((p) => p.name).join(', ')}.`}
          </p>
          {shown.length === 0 ? <p className="hint">Nobody in the register matches “{search.trim()}”.</p> : null}
          <PeopleCheckList label="People in the register" people={shown} chosen={value} onToggle={toggle} />
        </>
      ) : null}
      <FieldErrorText id={`${uid}-error`} message={error} />
    </fieldset>
  );
}

type Confirmed = 'outside-pilot'[];

function FocusGroupForm({
  pilotId,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  pilotId: number;
  initial: FocusGroupDraft;
  submitLabel: string;
  onSubmit: (draft: FocusGroupDraft, confirmed: Confirmed) => Promise<unknown>;
  onCancel: () => void;
}) {
  const uid = useId();
  // A date far from the pilot's asks first (shared/contract/confirm.ts).
  const confirmations = useConfirmations();
  const { register, control, formState, submit, formError, watch } = useSavingForm<FormIn, FormOut>(
    { defaultValues: toForm(initial), resolver: zodResolver(focusGroupFormSchema, numberMessages), mode: 'onTouched' },
    serverFields,
    (values) => confirmations.save((confirmed) => onSubmit(toDraft(values), confirmed as Confirmed)),
  );
  const { clear } = confirmations;
  // A warning is confirmed for the values it was about: any change asks again.
  useEffect(() => {
    const subscription = watch(() => clear());
    return () => subscription.unsubscribe();
  }, [watch, clear]);
  const mode = useWatch({ control, name: 'mode' });
  const { errors } = formState;
  const number = { valueAsNumber: true } as const;

  return (
    <form onSubmit={submit} noValidate className="form form-wide">
      <div className="field-row">
        <FormDateInput control={control} name="heldOn" label="Date" required error={errors.heldOn?.message} />
        <SelectInput label="Audience" options={focusGroupAudience.options.map((a) => ({ value: a, label: audienceLabels[a] }))} error={errors.audience?.message} {...register('audience')} />
      </div>
      <TextInput label="Facilitator" autoComplete="off" description="Who ran the session." error={errors.facilitator?.message} {...register('facilitator')} />
      <fieldset className="fieldset">
        <legend>Attendance</legend>
        <div className="radio-group">
          <div className="checkbox-field">
            <input type="radio" id={`${uid}-counts`} value="counts" {...register('mode')} />
            <label htmlFor={`${uid}-counts`}>Head counts (names were not taken)</label>
          </div>
          <div className="checkbox-field">
            <input type="radio" id={`${uid}-named`} value="named" {...register('mode')} />
            <label htmlFor={`${uid}-named`}>Named people from the register</label>
          </div>
        </div>
        {mode === 'counts' ? (
          <div className="field-row">
            <TextInput label="Staff" type="number" inputMode="numeric" min={0} error={errors.staff?.message} {...register('staff', number)} />
            <TextInput label="Students" type="number" inputMode="numeric" min={0} error={errors.students?.message} {...register('students', number)} />
          </div>
        ) : (
          <Controller
            control={control}
            name="participantIds"
            render={({ field, fieldState }) => <AttendeePicker pilotId={pilotId} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
          />
        )}
      </fieldset>
      <TextAreaInput label="Notes" rows={6} description="What was discussed, in your own words. Keep names out of notes where you can." error={errors.notes?.message} {...register('notes')} />
      <ConfirmWarnings warnings={confirmations.warnings} action={`${submitLabel} anyway`} />
      <FormActions formError={formError} submitLabel={confirmations.asking ? `${submitLabel} anyway` : submitLabel} busy={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}

export function NewFocusGroupPage() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const create = useRecordFocusGroup();
  const today = useToday();
  return (
    <>
      <p className="back-link">
        <Link to={focusGroupsPath(pilotId)}>All focus groups</Link>
      </p>
      <PageHeader title="Record a focus group" description="The session itself; you add its findings on the next screen." />
      <FocusGroupForm
        pilotId={pilotId}
        initial={{ heldOn: today, audience: 'mixed', facilitator: '', attendance: { mode: 'counts', staff: 0, students: 0 }, notes: '' }}
        submitLabel="Record focus group"
        onCancel={() => navigate(focusGroupsPath(pilotId))}
        onSubmit={async (draft, confirmed) => {
          const created = await create.mutateAsync({ pilotId, focusGroup: draft, confirmed });
          notify(`Focus group of ${formatDate(created.heldOn)} recorded. Add its findings next.`);
          void navigate(focusGroupsPath(pilotId, created.id));
        }}
      />
    </>
  );
}

export function EditFocusGroupPage() {
  const pilotId = usePilotId();
  const id = Number(useParams().focusGroupId);
  const navigate = useNavigate();
  const { notify } = useNotices();
  const group = useFocusGroup(id);
  const update = useUpdateFocusGroup();
  if (group.isPending) return <Loading />;
  if (group.error) return <ErrorMessage error={group.error} />;
  const g: FocusGroup = group.data;
  return (
    <>
      <p className="back-link">
        <Link to={focusGroupsPath(pilotId, g.id)}>Back to the focus group</Link>
      </p>
      <PageHeader title={`Edit the focus group of ${formatDate(g.heldOn)}`} />
      <FocusGroupForm
        pilotId={pilotId}
        initial={g}
        submitLabel="Save changes"
        onCancel={() => navigate(focusGroupsPath(pilotId, g.id))}
        onSubmit={async (draft, confirmed) => {
          await update.mutateAsync({ id: g.id, focusGroup: draft, confirmed });
          notify('Focus group saved.');
          void navigate(focusGroupsPath(pilotId, g.id));
        }}
      />
    </>
  );
}
