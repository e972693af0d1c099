import { Link, useNavigate } from 'react-router';
import type { GroupReflection } from '../../../../shared/group-reflection/contract';
import { useDeleteReflection, useGroupReflections } from './api';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useConfirmDelete } from '../../ui/useEditAndDelete';
import { formatDate } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { usePilotId } from '../../app/usePilotId';
import { groupReflectionPath } from '../../app/paths';
import { reflectionAttendanceSummary } from './attendance';

export function ReflectionList() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const events = useGroupReflections(pilotId);
  const remove = useDeleteReflection();
  const { deleting, setDeleting, confirmDelete } = useConfirmDelete(remove, (event: GroupReflection) => `Group reflection of ${formatDate(event.heldOn)} deleted.`, { focusAfter: '.page-title' });
  const record = () => navigate(groupReflectionPath(pilotId, 'new'));

  return (
    <>
      <PageHeader
        title="Group reflection"
        description="Events at the end of the scheme where mentors and mentees look back together. Record who came and what was said, then link each finding to the themes it speaks to."
        actions={
          events.data && events.data.length > 0 ? (
            <Button variant="primary" onPress={record}>
              Record a group reflection
            </Button>
          ) : null
        }
      />
      {events.isPending ? <Loading /> : null}
      <ErrorMessage error={events.error} />
      {events.data && events.data.length === 0 ? (
        <EmptyState
          title="No group reflections yet"
          action={
            <Button variant="primary" onPress={record}>
              Record the first group reflection
            </Button>
          }
        >
          After each event, record its date, place and who came (named from the register, or just a head count), then add what people said as findings.
        </EmptyState>
      ) : null}
      {events.data && events.data.length > 0 ? (
        <Table
          caption="Group reflections, most recent first"
          rows={events.data}
          rowKey={(event) => event.id}
          columns={[
            { id: 'date', header: 'Date', rowHeader: true, className: 'nowrap', cell: (event) => <Link to={groupReflectionPath(pilotId, event.id)}>{formatDate(event.heldOn)}</Link> },
            { id: 'place', header: 'Place', cell: (event) => event.place || <span className="muted">Not recorded</span> },
            { id: 'attendance', header: 'Attendance', cell: reflectionAttendanceSummary },
            { id: 'findings', header: 'Findings', className: 'nowrap', cell: (event) => (event.findingCount === 0 ? <span className="muted">None yet</span> : plural(event.findingCount, 'finding')) },
            {
              id: 'actions',
              header: 'Actions',
              hideHeader: true,
              className: 'cell-actions',
              cell: (event) => (
                <>
                  <Button variant="quiet" aria-label={`Edit the group reflection of ${formatDate(event.heldOn)}`} onPress={() => navigate(groupReflectionPath(pilotId, `${event.id}/edit`))}>
                    Edit
                  </Button>
                  <Button variant="quiet" aria-label={`Delete the group reflection of ${formatDate(event.heldOn)}`} onPress={() => setDeleting(event)}>
                    Delete
                  </Button>
                </>
              ),
            },
          ]}
        />
      ) : null}
      <DeleteReflectionDialog event={deleting} isPending={remove.isPending} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(undefined)} />
    </>
  );
}

export function DeleteReflectionDialog({ event, isPending, onConfirm, onCancel }: { event: GroupReflection | undefined; isPending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const findings = event?.findingCount ?? 0;
  return (
    <ConfirmDialog isOpen={event !== undefined} title={`Delete the group reflection of ${event ? formatDate(event.heldOn) : ''}?`} confirmLabel="Delete group reflection" isPending={isPending} onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        Its attendance and notes{findings === 0 ? '' : ` and ${plural(findings, 'finding')}`} are deleted with it. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
