import { Link, useNavigate } from 'react-router';
import { audienceLabels, type FocusGroup } from '../../../../shared/focus-groups/contract';
import { useChannel, useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { formatDate } from '../../ui/format';
import { usePilotId } from '../pilots/usePilotId';
import { attendanceSummary } from './attendance';
import { focusGroupsPath } from './paths';
import { plural } from '../../ui/words';
import { useConfirmDelete } from '../../ui/useEditAndDelete';

export function FocusGroupList() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const groups = useChannel('focusGroups.list', { pilotId });
  const remove = useCommand('focusGroups.delete', ['focusGroups', 'plan']);
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
        <table className="table focus-group-table">
          <caption className="visually-hidden">Focus groups, most recent first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Audience</th>
              <th scope="col">Facilitator</th>
              <th scope="col">Attendance</th>
              <th scope="col">Findings</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.data.map((group) => (
              <tr key={group.id}>
                <th scope="row">
                  <Link to={focusGroupsPath(pilotId, group.id)}>{formatDate(group.heldOn)}</Link>
                </th>
                <td>{audienceLabels[group.audience]}</td>
                <td>{group.facilitator || <span className="muted">Not recorded</span>}</td>
                <td>{attendanceSummary(group)}</td>
                <td className="cell-count">{group.findings.length === 0 ? <span className="muted">None yet</span> : plural(group.findings.length, 'finding')}</td>
                <td className="cell-actions">
                  <Button variant="quiet" aria-label={`Edit the focus group of ${formatDate(group.heldOn)}`} onPress={() => navigate(focusGroupsPath(pilotId, `${group.id}/edit`))}>
                    Edit
                  </Button>
                  <Button variant="quiet" aria-label={`Delete the focus group of ${formatDate(group.heldOn)}`} onPress={() => setDeleting(group)}>
                    Delete
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <DeleteFocusGroupDialog group={deleting} isPending={remove.isPending} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(undefined)} />
    </>
  );
}

export function DeleteFocusGroupDialog({ group, isPending, onConfirm, onCancel }: { group: FocusGroup | undefined; isPending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const findings = group?.findings.length ?? 0;
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
