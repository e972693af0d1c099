import { useDeferredValue, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { chemistryFilterLabels, chemistryFilters, type ChemistryDraft, type ChemistryFilter, type ChemistryMeeting } from '../../../../shared/chemistry/contract';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { participantsPath, pairingPath } from '../../app/paths';
import { usePilotPeople } from '../../app/pilot-people';
import { Callout } from '../../ui/Callout';
import { Pager } from '../../ui/Pager';
import { LinkButton } from '../../ui/LinkButton';
import { SelectInput, TextInput } from '../../ui/Field';
import { useListPaging } from '../../ui/useListPaging';
import { useChemistryMeetings, useDeleteChemistry, useRecordChemistry, useUpdateChemistry } from './api';
import { ChemistryTable } from './ChemistryTable';
import { pairOf, saidNo } from './words';
import { ChemistryForm, toChemistryForm } from './ChemistryForm';
import { FormDialog } from '../../ui/FormDialog';
import { useToday } from '../../ui/today';
import { useEditAndDelete } from '../../ui/useEditAndDelete';
import { usePilotId } from '../../app/usePilotId';
import { plural } from '../../../../shared/words';

const PAGE_SIZE = 50;

/** Stage 4 of a pilot: short first meetings between a student and a member of staff, and whether each would work with the other. */
export function ChemistryPage() {
  const pilotId = usePilotId();
  const today = useToday();
  const { notify } = useNotices();
  const [filter, setFilter] = useState<ChemistryFilter>('all');
  const [searchText, setSearchText] = useState('');
  const search = useDeferredValue(searchText.trim());
  const { heading, offset, page } = useListPaging([pilotId, filter, search]);
  // A page at a time: a large pilot has thousands of chemistry meetings.
  const meetings = useChemistryMeetings({ pilotId, filter, search, offset, limit: PAGE_SIZE });
  const create = useRecordChemistry();
  const update = useUpdateChemistry();
  const remove = useDeleteChemistry();
  const { editing, setEditing, current, deleting, setDeleting, confirmDelete } = useEditAndDelete(remove, (meeting: ChemistryMeeting) => `Chemistry meeting between ${pairOf(meeting)} deleted.`);

  const data = meetings.data;
  const summary = data?.summary;
  const recordButton = (
    <Button variant="primary" onPress={() => setEditing('new')}>
      Record a chemistry meeting
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Chemistry meetings"
        description="A short first conversation between a student and a member of staff, before anyone is paired. Afterwards each says whether they would like to work together."
        actions={recordButton}
      />
      <Callout>
        <p>
          <strong>How the answers are used.</strong> A “no” from either side means the two will <strong>never be proposed as a pair</strong>. “Yes” and “maybe” add to
          their score under “Chemistry meeting” when you <Link to={pairingPath(pilotId)}>propose pairs</Link>: most for two yeses.
        </p>
      </Callout>
      {meetings.isPending ? <Loading /> : null}
      <ErrorMessage error={meetings.error} />
      {summary && summary.recorded === 0 ? <NothingRecorded pilotId={pilotId} recordButton={recordButton} /> : null}
      {data && summary && summary.recorded > 0 ? (
        <>
          <p className="summary-line" id="chemistry-summary">
            {plural(summary.recorded, 'meeting')} recorded · {summary.tookPlace} took place ·{' '}
            {summary.saidNo === 0 ? 'nobody said no' : `${plural(summary.saidNo, 'pair')} with a “no”, never proposed`}
          </p>
          <div className="cp-toolbar" role="search" aria-label="Find chemistry meetings">
            <TextInput label="Name" type="search" autoComplete="off" placeholder="Student or member of staff" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
            <SelectInput
              label="Show"
              value={filter}
              onChange={(e) => setFilter(e.target.value as ChemistryFilter)}
              options={chemistryFilters.map((f) => ({ value: f, label: chemistryFilterLabels[f] }))}
            />
          </div>
          <h2 className="visually-hidden" tabIndex={-1} ref={heading}>
            {plural(data.total, 'meeting')} shown
          </h2>
          {data.total === 0 ? (
            <p className="muted" role="status">
              No chemistry meeting matches{search ? ` “${search}”` : ''}{filter === 'all' ? '' : ` under “${chemistryFilterLabels[filter]}”`}.
            </p>
          ) : (
            <>
              <ChemistryTable meetings={data.rows} onEdit={setEditing} onDelete={setDeleting} />
              <Pager total={data.total} offset={offset} pageSize={PAGE_SIZE} what="chemistry meetings" onPage={page} />
            </>
          )}
        </>
      ) : null}
      {editing ? (
        <ChemistryDialog
          current={current}
          pilotId={pilotId}
          today={today}
          onClose={() => setEditing(undefined)}
          onSubmit={async (draft) => {
            const saved = current ? await update.mutateAsync({ id: current.id, meeting: draft }) : await create.mutateAsync({ pilotId, meeting: draft });
            setEditing(undefined);
            notify(
              saidNo(saved) ? `Meeting of ${pairOf(saved)} saved. They will never be proposed as a pair.` : `Meeting of ${pairOf(saved)} ${current ? 'saved' : 'recorded'}.`,
            );
          }}
        />
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

/** Before the first meeting: what to do first (people come from the register). The register is read only here and in the form, never beside a long list. */
function NothingRecorded({ pilotId, recordButton }: { pilotId: number; recordButton: ReactNode }) {
  const people = usePilotPeople(pilotId);
  if (people.query.isPending) return <Loading />;
  if (people.query.error) return <ErrorMessage error={people.query.error} />;
  if (people.rows.length === 0) {
    return (
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
    );
  }
  return (
    <EmptyState title="No chemistry meetings recorded yet" action={recordButton}>
      Record each meeting once it has been held (or did not happen), with both people’s answers. Pairing works without them, but answers make proposals better.
    </EmptyState>
  );
}

/** The record or edit form; the pilot's people (to choose from) are read only while it is open. */
function ChemistryDialog({
  current,
  pilotId,
  today,
  onClose,
  onSubmit,
}: {
  current: ChemistryMeeting | undefined;
  pilotId: number;
  today: string;
  onClose: () => void;
  onSubmit: (draft: ChemistryDraft) => Promise<void>;
}) {
  const people = usePilotPeople(pilotId, current ? [current.mentorId, current.menteeId] : []);
  return (
    <FormDialog size="wider" title={current ? `Edit the chemistry meeting of ${pairOf(current)}` : 'Record a chemistry meeting'} onClose={onClose}>
      <ErrorMessage error={people.query.error} />
      {people.query.isPending ? <Loading /> : null}
      {people.query.data && (people.mentors.length === 0 || people.mentees.length === 0) ? (
        <p className="hint">
          The register has {plural(people.mentors.length, 'student')} and {plural(people.mentees.length, 'member')} of staff: a chemistry meeting needs one of each. Add people under{' '}
          <Link to={participantsPath(pilotId)}>Participants</Link> first.
        </p>
      ) : null}
      {people.query.data ? (
        <ChemistryForm
          initial={toChemistryForm(current, today)}
          mentors={people.mentors}
          mentees={people.mentees}
          submitLabel={current ? 'Save changes' : 'Record meeting'}
          onCancel={onClose}
          onSubmit={onSubmit}
        />
      ) : null}
    </FormDialog>
  );
}
