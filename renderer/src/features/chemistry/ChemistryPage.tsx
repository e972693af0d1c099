import { Link } from 'react-router';
import type { ChemistryMeeting } from '../../../../shared/chemistry/contract';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { participantsPath, pairingPath } from '../../app/paths';
import { usePilotPeople } from '../../app/pilot-people';
import { Callout } from '../../ui/Callout';
import { LinkButton } from '../../ui/LinkButton';
import { useChemistryMeetings, useDeleteChemistry, useRecordChemistry, useUpdateChemistry } from './api';
import { ChemistryTable } from './ChemistryTable';
import { pairOf, saidNo } from './words';
import { ChemistryForm, toChemistryForm } from './ChemistryForm';
import { FormDialog } from '../../ui/FormDialog';
import { useToday } from '../../ui/today';
import { useEditAndDelete } from '../../ui/useEditAndDelete';
import { usePilotId } from '../../app/usePilotId';
import { plural } from '../../../../shared/words';

/** Stage 4 of a pilot: short first meetings between a student and a member of staff, and whether each would work with the other. */
export function ChemistryPage() {
  const pilotId = usePilotId();
  const today = useToday();
  const { notify } = useNotices();
  const meetings = useChemistryMeetings(pilotId);
  const create = useRecordChemistry();
  const update = useUpdateChemistry();
  const remove = useDeleteChemistry();
  const { editing, setEditing, current, deleting, setDeleting, confirmDelete } = useEditAndDelete(remove, (meeting: ChemistryMeeting) => `Chemistry meeting between ${pairOf(meeting)} deleted.`);
  const people = usePilotPeople(pilotId, current ? [current.mentorId, current.menteeId] : []);

  const list = meetings.data ?? [];
  const held = list.filter((m) => m.happened).length;
  const refused = list.filter(saidNo).length;
  const noPeople = people.query.data && people.rows.length === 0;
  const recordButton = (
    <Button variant="primary" onPress={() => setEditing('new')} isDisabled={Boolean(noPeople)}>
      Record a chemistry meeting
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Chemistry meetings"
        description="A short first conversation between a student and a member of staff, before anyone is paired. Afterwards each says whether they would like to work together."
        actions={noPeople ? undefined : recordButton}
      />
      <Callout>
        <p>
          <strong>How the answers are used.</strong> A “no” from either side means the two will <strong>never be proposed as a pair</strong>. “Yes” and “maybe” add to
          their score under “Chemistry meeting” when you <Link to={pairingPath(pilotId)}>propose pairs</Link>: most for two yeses.
        </p>
      </Callout>
      {meetings.isPending || people.query.isPending ? <Loading /> : null}
      <ErrorMessage error={meetings.error ?? people.query.error} />
      {noPeople ? (
        <EmptyState
          title="Nobody in this pilot yet"
          action={
            <LinkButton variant="primary" to={participantsPath(pilotId)}>
              Go to Participants
            </LinkButton>
          }
        >
          Chemistry meetings are between a student and a member of staff from the pilot’s register. Add people under Participants first.
        </EmptyState>
      ) : null}
      {!noPeople && meetings.data && list.length === 0 ? (
        <EmptyState title="No chemistry meetings recorded yet" action={recordButton}>
          Record each meeting once it has been held (or did not happen), with both people’s answers. Pairing works without them, but answers make proposals better.
        </EmptyState>
      ) : null}
      {list.length > 0 ? (
        <>
          <p className="summary-line" id="chemistry-summary">
            {plural(list.length, 'meeting')} recorded · {held} took place · {refused === 0 ? 'nobody said no' : `${plural(refused, 'pair')} with a “no”, never proposed`}
          </p>
          <ChemistryTable meetings={list} onEdit={setEditing} onDelete={setDeleting} />
        </>
      ) : null}
      {editing ? (
        <FormDialog size="wider" title={current ? `Edit the chemistry meeting of ${pairOf(current)}` : 'Record a chemistry meeting'} onClose={() => setEditing(undefined)}>
          {people.mentors.length === 0 || people.mentees.length === 0 ? (
            <p className="hint">
              The register has {plural(people.mentors.length, 'student')} and {plural(people.mentees.length, 'member')} of staff: a chemistry meeting needs one of each.
            </p>
          ) : null}
          <ChemistryForm
            initial={toChemistryForm(current, today)}
            mentors={people.mentors}
            mentees={people.mentees}
            submitLabel={current ? 'Save changes' : 'Record meeting'}
            onCancel={() => setEditing(undefined)}
            onSubmit={async (draft) => {
              const saved = current ? await update.mutateAsync({ id: current.id, meeting: draft }) : await create.mutateAsync({ pilotId, meeting: draft });
              setEditing(undefined);
              notify(
                saidNo(saved)
                  ? `Meeting of ${pairOf(saved)} saved. They will never be proposed as a pair.`
                  : `Meeting of ${pairOf(saved)} ${current ? 'saved' : 'recorded'}.`,
              );
            }}
          />
        </FormDialog>
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== undefined}
        title={`Delete the chemistry meeting of ${deleting ? pairOf(deleting) : ''}?`}
        confirmLabel="Delete meeting"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(undefined)}
      >
        <p>Their answers will no longer count when pairs are proposed{deleting && saidNo(deleting) ? ': the “no” goes with it, so they may be proposed as a pair again' : ''}. Anyone whose “Chemistry meeting” stage came from this meeting alone goes back to Interested; later stages stay as they are.</p>
      </ConfirmDialog>
    </>
  );
}
