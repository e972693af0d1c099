import { Link } from 'react-router';
import { REQUIRED_TRAINING_TOPICS, trainingAudienceLabels, type TrainingSession } from '../../../../shared/training/contract';
import { useChannel, useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { formatDate } from '../../ui/format';
import { usePilotId } from '../pilots/usePilotId';
import { roleLabels } from '../../../../shared/participants/contract';
import { listInWords } from '../../../../shared/matching/words';
import { GoToParticipants, PAIRING_NAMESPACES, pairingPath, usePilotPeople } from '../pairing/common';
import { TrainingForm, toTrainingForm } from './TrainingForm';
import { FormDialog } from '../../ui/FormDialog';
import { useToday } from '../../ui/today';
import { useEditAndDelete } from '../../ui/useEditAndDelete';
import { plural } from '../../ui/words';

const sessionName = (s: TrainingSession) => `the session of ${formatDate(s.heldOn)}`;

/** People in confirmed pairs who have not attended training for their role: to be trained before their first meeting. */
function NotTrainedYet({ pilotId }: { pilotId: number }) {
  const pairs = useChannel('pairs.list', { pilotId });
  const people = usePilotPeople(pilotId);
  if (pairs.isPending) return <Loading label="Checking who is not trained yet…" />;
  if (pairs.error) return <ErrorMessage error={pairs.error} />;
  // Pair by pair (as listed, by mentee), the member of staff first.
  const untrained = pairs.data.flatMap((pair) =>
    pair.untrained
      .map((person) => ({
        ...person,
        pairId: pair.id,
        partner: person.id === pair.mentorId ? pair.menteeName : pair.mentorName,
        role: person.id === pair.mentorId ? ('mentor' as const) : ('mentee' as const),
      }))
      .sort((a, b) => a.role.localeCompare(b.role)),
  );
  const department = (id: number) => people.rows.find((p) => p.id === id)?.department;
  return (
    <section className={`panel cp-panel ${untrained.length > 0 ? 'cp-panel-warning' : ''}`} aria-labelledby="not-trained-heading">
      <h2 id="not-trained-heading">Not trained yet{untrained.length > 0 ? ` (${untrained.length})` : ''}</h2>
      {pairs.data.length === 0 ? (
        <p className="cp-muted cp-flush">
          No confirmed pairs yet. Once you <Link to={pairingPath(pilotId)}>confirm pairs</Link>, anyone in them who has not been trained for their role is listed here.
        </p>
      ) : untrained.length === 0 ? (
        <p className="cp-flush">Everyone in the {plural(pairs.data.length, 'confirmed pair')} has been trained for their role.</p>
      ) : (
        <>
          <p>
            People in confirmed pairs who have not yet attended training for their role on both {listInWords(REQUIRED_TRAINING_TOPICS.map((t) => `“${t}”`))}. Train them before their first
            meeting: record the session below with them ticked.
          </p>
          <ul className="cp-flag-list">
            {untrained.map((p) => (
              <li key={`${p.pairId}-${p.id}`}>
                <span className="cp-pill cp-pill-flag">Not trained</span> <strong>{p.name}</strong>
                <span className="cp-muted">
                  {' '}
                  — {roleLabels[p.role]}
                  {department(p.id) ? `, ${department(p.id)}` : ''}; paired with {p.partner}; still needs: {p.missing.join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Stage 5 of a pilot: training sessions for mentors and mentees, and who attended. */
export function TrainingPage() {
  const pilotId = usePilotId();
  const today = useToday();
  const { notify } = useNotices();
  const sessions = useChannel('training.list', { pilotId });
  const create = useCommand('training.create', PAIRING_NAMESPACES);
  const update = useCommand('training.update', PAIRING_NAMESPACES);
  const remove = useCommand('training.delete', PAIRING_NAMESPACES);
  const { editing, setEditing, current, deleting, setDeleting, confirmDelete } = useEditAndDelete(remove, (session: TrainingSession) => `Training ${sessionName(session)} deleted.`);
  const people = usePilotPeople(pilotId, current?.attendees.map((a) => a.id) ?? []);

  const list = sessions.data ?? [];
  const noPeople = people.query.data && people.rows.length === 0;
  const recordButton = (
    <Button variant="primary" onPress={() => setEditing('new')}>
      Record a training session
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Training"
        description="Mentors and mentees are trained for their roles before their first meeting: confidentiality, the disclosure protocol, what reverse mentoring asks of each side."
        actions={recordButton}
      />
      <NotTrainedYet pilotId={pilotId} />
      <h2 className="cp-section-title">Sessions</h2>
      {sessions.isPending ? <Loading /> : null}
      <ErrorMessage error={sessions.error} />
      {sessions.data && list.length === 0 ? (
        <EmptyState
          title="No training sessions recorded yet"
          action={
            noPeople ? (
              <GoToParticipants pilotId={pilotId} />
            ) : (
              recordButton
            )
          }
        >
          {noPeople
            ? 'The register is empty: attendance is taken from the pilot’s people, so add them first.'
            : `Record each session with its date, audience, topics and who attended. People count as trained once their sessions have covered ${listInWords(REQUIRED_TRAINING_TOPICS.map((t) => `“${t}”`))}.`}
        </EmptyState>
      ) : null}
      {list.length > 0 ? (
        <table className="table cp-table">
          <caption className="visually-hidden">Training sessions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Audience</th>
              <th scope="col">Topics</th>
              <th scope="col">Attendance</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="cp-nowrap">
                  {formatDate(s.heldOn)}
                </th>
                <td>{trainingAudienceLabels[s.audience]}</td>
                <td>
                  <ul className="cp-tags" aria-label="Topics">
                    {s.topics.map((t) => (
                      <li key={t} className="cp-tag">
                        {t}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <strong>{s.attendees.length > 0 ? plural(s.attendees.length, 'person', 'people') : s.heldOn > today ? 'Not held yet' : 'Nobody recorded'}</strong>
                  {s.attendees.length > 0 ? <div className="cp-attendees">{listInWords(s.attendees.map((a) => a.name))}</div> : null}
                </td>
                <td className="cell-actions">
                  <Button variant="quiet" onPress={() => setEditing(s)} aria-label={`Edit ${sessionName(s)}`}>
                    Edit
                  </Button>
                  <Button variant="quiet" onPress={() => setDeleting(s)} aria-label={`Delete ${sessionName(s)}`}>
                    Delete
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <FormDialog size="wider" title={current ? `Edit ${sessionName(current)}` : 'Record a training session'} onClose={() => setEditing(undefined)}>
          <TrainingForm
            initial={toTrainingForm(current, today)}
            today={today}
            people={[...people.mentors, ...people.mentees].sort((a, b) => a.name.localeCompare(b.name))}
            submitLabel={current ? 'Save changes' : 'Record session'}
            onCancel={() => setEditing(undefined)}
            onSubmit={async (draft) => {
              const saved = current ? await update.mutateAsync({ id: current.id, session: draft }) : await create.mutateAsync({ pilotId, session: draft });
              setEditing(undefined);
              notify(`Training of ${formatDate(saved.heldOn)} ${current ? 'saved' : 'recorded'}: ${plural(saved.attendees.length, 'person', 'people')} attended.`);
            }}
          />
        </FormDialog>
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== undefined}
        title={`Delete ${deleting ? sessionName(deleting) : 'this session'}?`}
        confirmLabel="Delete session"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(undefined)}
      >
        <p>
          Its attendance goes with it
          {deleting && deleting.attendees.length > 0 ? ` (${plural(deleting.attendees.length, 'attendee')})` : ''}: anyone who needed this session to count as trained goes back to
          their stage before training, or, if already paired, is flagged as not trained.
        </p>
      </ConfirmDialog>
    </>
  );
}
