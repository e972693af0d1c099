import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { GroupReflection, ReflectionFinding } from '../../../../shared/group-reflection/contract';
import type { Theme } from '../../../../shared/plan/contract';
import { refreshAfter } from '../../queries';
import { useAddReflectionFinding, useDeleteReflectionFinding, useGroupReflection, usePlan, useSaveReflectionNotes } from './api';
import { Button } from '../../ui/Button';
import { TextAreaInput } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { useAutosave } from '../../ui/useAutosave';
import { useConfirmDelete } from '../../ui/useEditAndDelete';
import { useDeleteAndLeave } from '../../ui/useDeleteAndLeave';
import { errorText } from '../../ui/errors';
import { formatDate } from '../../../../shared/dates';
import { people } from '../../../../shared/words';
import { usePilotId } from '../../app/usePilotId';
import { PersonLink } from '../../app/PersonLink';
import { groupReflectionPath } from '../../app/paths';
import { DeleteReflectionDialog } from './ReflectionList';

function AttendancePanel({ event, pilotId }: { event: GroupReflection; pilotId: number }) {
  const withdrawn = event.attendees.filter((a) => a.withdrawn).length;
  return (
    <section className="panel" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      {event.attendance.mode === 'counted' ? (
        <p>{event.attendance.headCount === 0 ? 'Not recorded.' : `${people(event.attendance.headCount)} (a head count, no names).`}</p>
      ) : event.attendees.length === 0 ? (
        <p>Nobody from the register was named.</p>
      ) : (
        <>
          <p>
            {people(event.attendees.length)} from the register
            {withdrawn > 0 ? `; ${withdrawn} of them withdrew from the scheme later and stay listed because they attended` : ''}:
          </p>
          <ul className="reflection-attendees">
            {event.attendees.map((attendee) => (
              <li key={attendee.id}>
                <PersonLink pilotId={pilotId} person={{ id: attendee.id, name: attendee.name }} />
                {attendee.withdrawn ? <span className="muted"> (withdrawn)</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The notes, saved as they are typed (and before the vault locks or the page is left). */
function NotesPanel({ event }: { event: GroupReflection }) {
  const client = useQueryClient();
  const save = useSaveReflectionNotes();
  const [notes, setNotes] = useState(event.notes);
  const [status, setStatus] = useState('');
  const autosave = useAutosave({
    initial: event.notes,
    save: (text: string) => save.mutateAsync({ id: event.id, notes: text }),
    onSaving: () => setStatus('Saving…'),
    onSaved: () => {
      setStatus('All changes saved.');
      void refreshAfter(client, 'groupReflections.saveNotes', { refetch: 'none' });
    },
    onFailed: (error) => setStatus(`Not saved: ${errorText(error)}`),
  });
  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <TextAreaInput
        label="Notes on the event"
        rows={8}
        maxLength={100_000}
        description="What was said, in your own words; saved as you type. Keep names out of notes where you can."
        value={notes}
        onChange={(e) => {
          setNotes(e.target.value);
          autosave.change(e.target.value);
        }}
        onBlur={() => void autosave.flush()}
      />
      <p className="hint reflection-save-status" role="status">
        {status}
      </p>
    </section>
  );
}

function FindingsPanel({ event, findings, themes }: { event: GroupReflection; findings: ReflectionFinding[]; themes: Theme[] }) {
  const uid = useId();
  const { notify } = useNotices();
  const add = useAddReflectionFinding();
  const remove = useDeleteReflectionFinding();
  const [text, setText] = useState('');
  const [themeIds, setThemeIds] = useState<number[]>([]);
  const [textError, setTextError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const { deleting, setDeleting, confirmDelete } = useConfirmDelete<ReflectionFinding>(remove, () => 'Finding removed.', { focusAfter: '#findings-heading' });
  const titleOf = new Map(themes.map((theme) => [theme.id, theme.title]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    if (!text.trim()) {
      setTextError('Write the finding first.');
      return;
    }
    setTextError(undefined);
    try {
      await add.mutateAsync({ groupReflectionId: event.id, finding: { text, themeIds } });
      setText('');
      setThemeIds([]);
      notify('Finding added.');
    } catch (error) {
      setFormError(errorText(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading" tabIndex={-1}>
        Findings
      </h2>
      {findings.length === 0 ? (
        <p className="muted">No findings yet. Add what the group said below, and tick the themes each one speaks to.</p>
      ) : (
        <ol className="reflection-findings" aria-label="Findings, in the order recorded">
          {findings.map((finding, index) => (
            <li key={finding.id}>
              <div>
                <p className="notes-text">{finding.text}</p>
                <p className="hint">Themes: {finding.themeIds.map((id) => titleOf.get(id)).filter(Boolean).join(', ') || 'none'}</p>
              </div>
              <Button variant="quiet" aria-label={`Remove finding ${index + 1}`} onPress={() => setDeleting(finding)}>
                Remove
              </Button>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <h3>Add a finding</h3>
        <TextAreaInput label="Finding" required rows={3} maxLength={4000} value={text} error={textError} onChange={(e) => setText(e.target.value)} />
        {themes.length > 0 ? (
          <fieldset className="fieldset">
            <legend>Themes it speaks to</legend>
            {themes.map((theme) => (
              <div key={theme.id} className="checkbox-field">
                <input
                  type="checkbox"
                  id={`${uid}-theme-${theme.id}`}
                  checked={themeIds.includes(theme.id)}
                  onChange={(e) => setThemeIds(e.target.checked ? [...themeIds, theme.id] : themeIds.filter((id) => id !== theme.id))}
                />
                <label htmlFor={`${uid}-theme-${theme.id}`}>{theme.title}</label>
              </div>
            ))}
          </fieldset>
        ) : (
          <p className="hint">The plan has no themes yet: findings can be linked to them once it has.</p>
        )}
        <FormActions formError={formError} submitLabel="Add finding" busy={add.isPending} />
      </form>
      <ConfirmDialog isOpen={deleting !== undefined} title="Remove this finding?" confirmLabel="Remove finding" isPending={remove.isPending} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(undefined)}>
        <p>“{deleting?.text}” is removed from this event. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}

/** One group reflection: who came, the notes, and its findings. */
export function ReflectionDetail() {
  const pilotId = usePilotId();
  const id = Number(useParams().eventId);
  const navigate = useNavigate();
  const event = useGroupReflection(id);
  const plan = usePlan(pilotId);
  const { deleting, setDeleting, confirmDelete, isPending } = useDeleteAndLeave('groupReflections.delete', 'groupReflections.get', groupReflectionPath(pilotId));

  const back = (
    <p className="back-link">
      <Link to={groupReflectionPath(pilotId)}>All group reflections</Link>
    </p>
  );
  if (event.isPending) return <Loading />;
  if (event.error)
    return (
      <>
        {back}
        <ErrorMessage error={event.error} />
      </>
    );
  const current = event.data;

  return (
    <>
      {back}
      <PageHeader
        title={`Group reflection, ${formatDate(current.heldOn)}`}
        description={current.place ? `Held at ${current.place}.` : 'Place not recorded.'}
        actions={
          <>
            <Button onPress={() => navigate(groupReflectionPath(pilotId, `${current.id}/edit`))}>Edit event</Button>
            <Button onPress={() => setDeleting(true)}>Delete event</Button>
          </>
        }
      />
      <div className="reflection-facts">
        <AttendancePanel event={current} pilotId={pilotId} />
        <NotesPanel key={current.id} event={current} />
      </div>
      {plan.isPending ? <Loading label="Loading the themes…" /> : null}
      <ErrorMessage error={plan.error} />
      {plan.data ? <FindingsPanel event={current} findings={current.findings} themes={plan.data.themes} /> : null}
      <DeleteReflectionDialog event={deleting ? current : undefined} isPending={isPending} onConfirm={() => void confirmDelete(current.id, `Group reflection of ${formatDate(current.heldOn)} deleted.`)} onCancel={() => setDeleting(false)} />
    </>
  );
}
