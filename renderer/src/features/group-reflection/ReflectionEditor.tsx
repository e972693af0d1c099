import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { GroupReflection, ReflectionAttendance } from '../../../../shared/group-reflection/contract';
import { useGroupReflection, useRecordReflection, useRegister, useUpdateReflection } from './api';
import { TextInput } from '../../ui/Field';
import { DateInput } from '../../ui/DateInput';
import { PersonPicker } from '../../ui/PersonPicker';
import { Button } from '../../ui/Button';
import { FormActions } from '../../ui/FormActions';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { ConfirmWarnings, useConfirmations } from '../../ui/confirmations';
import { useToday } from '../../ui/today';
import { errorText } from '../../ui/errors';
import { ApiError } from '../../api';
import { formatDate } from '../../../../shared/dates';
import { usePilotId } from '../../app/usePilotId';
import { groupReflectionPath, participantsPath } from '../../app/paths';
import { toPersonOption } from '../../app/pilot-people';

export interface EventFormValues {
  heldOn: string;
  place: string;
  attendance: ReflectionAttendance;
}

/** Named attendance: choose people from the whole register one at a time; each can be taken off again. */
function AttendeeChooser({ pilotId, chosen, onChange }: { pilotId: number; chosen: number[]; onChange: (ids: number[]) => void }) {
  const register = useRegister(pilotId);
  const rows = register.data?.rows ?? [];
  const byId = new Map(rows.map((p) => [p.id, p]));
  const choosable = rows.filter((p) => !chosen.includes(p.id)).map(toPersonOption);
  if (register.isPending) return <Loading label="Loading the register…" />;
  if (register.error) return <ErrorMessage error={register.error} />;
  if (rows.length === 0)
    return (
      <p className="hint">
        This pilot’s register is empty. Add people under <Link to={participantsPath(pilotId)}>Participants</Link>, or record a head count instead.
      </p>
    );
  return (
    <>
      <PersonPicker
        label="Add a person who attended"
        description="Type part of a name; Enter adds them."
        people={choosable}
        value={null}
        showRole
        emptyText="Nobody else in the register matches."
        onChange={(id) => id !== null && onChange([...chosen, id])}
      />
      <p aria-live="polite">{chosen.length === 0 ? 'Nobody added yet.' : `${chosen.length} added:`}</p>
      {chosen.length > 0 ? (
        <ul className="reflection-chosen" aria-label="People who attended">
          {chosen.map((id) => {
            const name = byId.get(id)?.name ?? `Person ${id}`;
            return (
              <li key={id}>
                <span>
                  {name}
                  {byId.get(id)?.status === 'withdrawn' ? ' (withdrawn)' : ''}
                </span>
                <Button variant="quiet" aria-label={`Take ${name} off the attendance`} onPress={() => onChange(chosen.filter((other) => other !== id))}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}

type FieldErrors = Partial<Record<'heldOn' | 'headCount' | 'attendees', string>>;

function ReflectionForm({ pilotId, initial, submitLabel, onSubmit, onCancel }: { pilotId: number; initial: EventFormValues; submitLabel: string; onSubmit: (values: EventFormValues, confirmed: 'outside-pilot'[]) => Promise<unknown>; onCancel: () => void }) {
  const uid = useId();
  const [heldOn, setHeldOn] = useState(initial.heldOn);
  const [place, setPlace] = useState(initial.place);
  const [mode, setMode] = useState(initial.attendance.mode);
  const [headCount, setHeadCount] = useState(initial.attendance.mode === 'counted' ? String(initial.attendance.headCount) : '0');
  const [attendees, setAttendees] = useState(initial.attendance.mode === 'named' ? initial.attendance.participantIds : []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const confirmations = useConfirmations();
  // A warning is confirmed for the values it was about: any change asks again.
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    confirmations.clear();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const count = Number(headCount);
    const found: FieldErrors = {};
    if (!heldOn) found.heldOn = 'Enter the date of the event.';
    if (mode === 'counted' && (headCount.trim() === '' || !Number.isInteger(count) || count < 0 || count > 10_000)) found.headCount = 'Enter a whole number of people, 0 or more.';
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return;
    const attendance: ReflectionAttendance = mode === 'counted' ? { mode, headCount: count } : { mode, participantIds: attendees };
    setBusy(true);
    try {
      await confirmations.save((confirmed) => onSubmit({ heldOn, place, attendance }, confirmed as 'outside-pilot'[]));
    } catch (error) {
      const issue = error instanceof ApiError ? error.issues.find((i) => i.path.join('.') === 'event.heldOn') : undefined;
      if (issue) setErrors({ heldOn: issue.message });
      else setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form form-wide">
      <div className="field-row">
        <DateInput label="Date" required value={heldOn} onChange={changed(setHeldOn)} error={errors.heldOn} />
        <TextInput label="Place" autoComplete="off" description="A room or “Online”." value={place} onChange={(e) => changed(setPlace)(e.target.value)} maxLength={200} />
      </div>
      <fieldset className="fieldset">
        <legend>Attendance</legend>
        <div className="radio-group">
          <div className="checkbox-field">
            <input type="radio" id={`${uid}-counted`} name={`${uid}-mode`} checked={mode === 'counted'} onChange={() => changed(setMode)('counted')} />
            <label htmlFor={`${uid}-counted`}>A head count (names were not taken)</label>
          </div>
          <div className="checkbox-field">
            <input type="radio" id={`${uid}-named`} name={`${uid}-mode`} checked={mode === 'named'} onChange={() => changed(setMode)('named')} />
            <label htmlFor={`${uid}-named`}>Named people from the register</label>
          </div>
        </div>
        {mode === 'counted' ? (
          <TextInput label="People who came" type="number" inputMode="numeric" min={0} value={headCount} onChange={(e) => changed(setHeadCount)(e.target.value)} error={errors.headCount} />
        ) : (
          <AttendeeChooser pilotId={pilotId} chosen={attendees} onChange={changed(setAttendees)} />
        )}
      </fieldset>
      <ConfirmWarnings warnings={confirmations.warnings} action={`${submitLabel} anyway`} />
      <FormActions formError={formError} submitLabel={confirmations.asking ? `${submitLabel} anyway` : submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}

export function NewReflectionPage() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const create = useRecordReflection();
  const today = useToday();
  return (
    <>
      <p className="back-link">
        <Link to={groupReflectionPath(pilotId)}>All group reflections</Link>
      </p>
      <PageHeader title="Record a group reflection" description="The event itself; you write its notes and findings on the next screen." />
      <ReflectionForm
        pilotId={pilotId}
        initial={{ heldOn: today, place: '', attendance: { mode: 'counted', headCount: 0 } }}
        submitLabel="Record group reflection"
        onCancel={() => navigate(groupReflectionPath(pilotId))}
        onSubmit={async (values, confirmed) => {
          const created = await create.mutateAsync({ pilotId, event: { ...values, notes: '' }, confirmed });
          notify(`Group reflection of ${formatDate(created.heldOn)} recorded. Add its notes and findings next.`);
          void navigate(groupReflectionPath(pilotId, created.id));
        }}
      />
    </>
  );
}

export function EditReflectionPage() {
  const pilotId = usePilotId();
  const id = Number(useParams().eventId);
  const navigate = useNavigate();
  const { notify } = useNotices();
  const event = useGroupReflection(id);
  const update = useUpdateReflection();
  if (event.isPending) return <Loading />;
  if (event.error) return <ErrorMessage error={event.error} />;
  const current: GroupReflection = event.data;
  return (
    <>
      <p className="back-link">
        <Link to={groupReflectionPath(pilotId, current.id)}>Back to the group reflection</Link>
      </p>
      <PageHeader title={`Edit the group reflection of ${formatDate(current.heldOn)}`} />
      <ReflectionForm
        pilotId={pilotId}
        initial={current}
        submitLabel="Save changes"
        onCancel={() => navigate(groupReflectionPath(pilotId, current.id))}
        onSubmit={async (values, confirmed) => {
          // Notes are saved as they are typed on the event's page: sent back unchanged here.
          await update.mutateAsync({ id: current.id, event: { ...values, notes: current.notes }, confirmed });
          notify('Group reflection saved.');
          void navigate(groupReflectionPath(pilotId, current.id));
        }}
      />
    </>
  );
}
