import { Link, useNavigate } from 'react-router';
import { audienceLabels, type FocusGroup } from '../../../../shared/focus-groups/contract';
import { useDeleteFocusGroup, useFocusGroups } from './api';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { attendanceSummary } from './attendance';
import { useConfirmDelete } from '../../ui/useEditAndDelete';
import { formatDate } from '../../../../shared/dates';
import { usePilotId } from '../../app/usePilotId';
import { focusGroupsPath } from '../../app/paths';
import { plural } from '../../../../shared/words';

export function FocusGroupList() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const groups = useFocusGroups(pilotId);
  const remove = useDeleteFocusGroup();
  const { deleting, setDeleting, confirmDelete } = useConfirmDelete(remove, (group: FocusGroup) => `Focus group of ${formatDate(group.heldOn)} deleted.`, { focusAfter: '.page-title' });

  const record = () => navigate(focusGroupsPath(pilotId, 'new'));

  return (
    <>
      <PageHeader
        title="Focus groups"
        description="Sessions held with staff and students before the scheme starts. Record who came and what was said, then link each finding to the themes it informed."
        actions={
          groups.data && groups.data.length > 0 ? (
            <Button variant="primary" onPress={record}>
              Record a focus group
            </Button>
          ) : null
        }
      />
      {groups.isPending ? <Loading /> : null}
      <ErrorMessage error={groups.error} />
      {groups.data && groups.data.length === 0 ? (
        <EmptyState
          title="No focus groups yet"
          action={
            <Button variant="primary" onPress={record}>
              Record the first focus group
            </Button>
          }
        >
          After each session, record its date, audience and attendance, then add what people said as findings and tick the themes each one informs. The findings then appear under those themes in the plan.
        </EmptyState>
      ) : null}
      {groups.data && groups.data.length > 0 ? (
        <Table
          caption="Focus groups, most recent first"
          rows={groups.data}
          rowKey={(group) => group.id}
          columns={[
            { id: 'date', header: 'Date', rowHeader: true, className: 'nowrap', cell: (group) => <Link to={focusGroupsPath(pilotId, group.id)}>{formatDate(group.heldOn)}</Link> },
            { id: 'audience', header: 'Audience', cell: (group) => audienceLabels[group.audience] },
            { id: 'facilitator', header: 'Facilitator', cell: (group) => group.facilitator || <span className="muted">Not recorded</span> },
            { id: 'attendance', header: 'Attendance', cell: attendanceSummary },
            { id: 'findings', header: 'Findings', className: 'nowrap', cell: (group) => (group.findingCount === 0 ? <span className="muted">None yet</span> : plural(group.findingCount, 'finding')) },
            {
              id: 'actions',
              header: 'Actions',
              hideHeader: true,
              className: 'cell-actions',
              cell: (group) => (
                <>
                  <Button variant="quiet" aria-label={`Edit the focus group of ${formatDate(group.heldOn)}`} onPress={() => navigate(focusGroupsPath(pilotId, `${group.id}/edit`))}>
                    Edit
                  </Button>
                  <Button variant="quiet" aria-label={`Delete the focus group of ${formatDate(group.heldOn)}`} onPress={() => setDeleting(group)}>
                    Delete
                  </Button>
                </>
              ),
            },
          ]}
        />
      ) : null}
      <DeleteFocusGroupDialog group={deleting} isPending={remove.isPending} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(undefined)} />
    </>
  );
}

export function DeleteFocusGroupDialog({ group, isPending, onConfirm, onCancel }: { group: FocusGroup | undefined; isPending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const findings = group?.findingCount ?? 0;
  return (
    <ConfirmDialog isOpen={group !== undefined} title={`Delete the focus group of ${group ? formatDate(group.heldOn) : ''}?`} confirmLabel="Delete focus group" isPending={isPending} onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        {findings === 0
          ? 'Its attendance and notes are deleted. '
          : findings === 1
            ? 'Its finding is deleted with it and disappears from the themes it informed. '
            : `Its ${findings} findings are deleted with it and disappear from the themes they informed. `}
        This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
