import { Link, useNavigate, useParams } from 'react-router';
import { audienceLabels } from '../../../../shared/focus-groups/contract';
import { useFocusGroup, usePlan } from './api';
import { Button } from '../../ui/Button';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useDeleteAndLeave } from '../../ui/useDeleteAndLeave';
import { DeleteFocusGroupDialog } from './FocusGroupList';
import { formatDate } from '../../../../shared/dates';
import { usePilotId } from '../../app/usePilotId';
import { PersonLink } from '../../app/PersonLink';
import { focusGroupsPath } from '../../app/paths';
import { people, plural } from '../../../../shared/words';
import { FindingsSection } from './FindingsSection';

/** One focus group: who came, the notes, and its findings. */
export function FocusGroupDetail() {
  const pilotId = usePilotId();
  const id = Number(useParams().focusGroupId);
  const navigate = useNavigate();
  const group = useFocusGroup(id);
  const plan = usePlan(pilotId);
  const { deleting, setDeleting, confirmDelete, isPending } = useDeleteAndLeave('focusGroups.delete', 'focusGroups.get', focusGroupsPath(pilotId));

  const back = (
    <p className="back-link">
      <Link to={focusGroupsPath(pilotId)}>All focus groups</Link>
    </p>
  );
  if (group.isPending) return <Loading />;
  if (group.error)
    return (
      <>
        {back}
        <ErrorMessage error={group.error} />
      </>
    );
  const g = group.data;

  return (
    <>
      {back}
      <PageHeader
        title={`Focus group, ${formatDate(g.heldOn)}`}
        description={`${audienceLabels[g.audience]}${g.facilitator ? `, facilitated by ${g.facilitator}` : ''}.`}
        actions={
          <>
            <Button onPress={() => navigate(focusGroupsPath(pilotId, `${g.id}/edit`))}>Edit session</Button>
            <Button onPress={() => setDeleting(true)}>Delete session</Button>
          </>
        }
      />
      <div className="session-facts">
        <section className="panel" aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">Attendance</h2>
          {g.attendance.mode === 'counts' ? (
            <p>
              {g.attendance.staff + g.attendance.students === 0
                ? 'Not recorded.'
                : `${g.attendance.staff} staff and ${plural(g.attendance.students, 'student')}: ${people(g.attendance.staff + g.attendance.students)} in all (head counts, no names).`}
            </p>
          ) : g.attendeeNames.length === 0 ? (
            <p>Nobody from the register was named.</p>
          ) : (
            <>
              <p>{people(g.attendeeNames.length)} from the register:</p>
              <ul className="attendee-list">
                {g.attendeeNames.map((name, i) => {
                  // Named attendance lists ids and names in the same order.
                  const id = g.attendance.mode === 'named' ? g.attendance.participantIds[i] : undefined;
                  return <li key={`${name}-${i}`}>{id === undefined ? name : <PersonLink pilotId={pilotId} person={{ id, name }} />}</li>;
                })}
              </ul>
            </>
          )}
        </section>
        <section className="panel" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          {g.notes ? <p className="notes-text">{g.notes}</p> : <p className="muted">No notes. Add them with “Edit session”.</p>}
        </section>
      </div>
      {plan.isPending ? <Loading label="Loading the themes…" /> : null}
      <ErrorMessage error={plan.error} />
      {plan.data ? <FindingsSection group={g} themes={plan.data.themes} pilotId={pilotId} /> : null}
      <DeleteFocusGroupDialog group={deleting ? g : undefined} isPending={isPending} onConfirm={() => void confirmDelete(g.id, `Focus group of ${formatDate(g.heldOn)} deleted.`)} onCancel={() => setDeleting(false)} />
    </>
  );
}
