import type { TrainingSession } from '../../../../shared/training/contract';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { participantsPath } from '../../app/paths';
import { usePilotPeople } from '../../app/pilot-people';
import { LinkButton } from '../../ui/LinkButton';
import { useDeleteTraining, useRecordTraining, useTrainingSessions, useUpdateTraining } from './api';
import { NotTrainedYet } from './NotTrainedYet';
import { TrainingTable } from './TrainingTable';
import { requiredTopicsInWords, sessionName } from './words';
import { TrainingForm, toTrainingForm } from './TrainingForm';
import { FormDialog } from '../../ui/FormDialog';
import { useToday } from '../../ui/today';
import { useEditAndDelete } from '../../ui/useEditAndDelete';
import { formatDate } from '../../../../shared/dates';
import { usePilotId } from '../../app/usePilotId';
import { people as peopleCount, plural } from '../../../../shared/words';

/** Stage 5 of a pilot: training sessions for mentors and mentees, and who attended. */
export function TrainingPage() {
  const pilotId = usePilotId();
  const today = useToday();
  const { notify } = useNotices();
  const sessions = useTrainingSessions(pilotId);
  const create = useRecordTraining();
  const update = useUpdateTraining();
  const remove = useDeleteTraining();
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
              <LinkButton variant="primary" to={participantsPath(pilotId)}>
                Go to Participants
              </LinkButton>
            ) : (
              recordButton
            )
          }
        >
          {noPeople
            ? 'The register is empty: attendance is taken from the pilot’s people, so add them first.'
            : `Record each session with its date, audience, topics and who attended. People count as trained once their sessions have covered ${requiredTopicsInWords()}.`}
        </EmptyState>
      ) : null}
      {list.length > 0 ? (
        <TrainingTable sessions={list} today={today} onEdit={setEditing} onDelete={setDeleting} />
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
              notify(`Training of ${formatDate(saved.heldOn)} ${current ? 'saved' : 'recorded'}: ${peopleCount(saved.attendees.length)} attended.`);
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
