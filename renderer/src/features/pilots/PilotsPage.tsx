import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { pilotStatusLabels, type Pilot } from '../../../../shared/pilots/contract';
import { useChannel, useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { formatDate } from '../../ui/format';

export function PilotsPage() {
  const [showArchived, setShowArchived] = useState(false);
  const pilots = useChannel('pilots.list', { includeArchived: showArchived });
  const navigate = useNavigate();
  const [archiving, setArchiving] = useState<Pilot>();
  const archive = useCommand('pilots.archive');
  const restore = useCommand('pilots.restore');
  const { notify } = useNotices();

  const confirmArchive = async () => {
    if (!archiving) return;
    const pilot = archiving;
    try {
      await archive.mutateAsync({ id: pilot.id });
      setArchiving(undefined);
      notify(`“${pilot.name}” archived.`, { action: { label: 'Undo', run: () => void restore.mutateAsync({ id: pilot.id }).catch((e: Error) => notify(e.message, { tone: 'error' })) } });
    } catch (error) {
      setArchiving(undefined);
      notify((error as Error).message, { tone: 'error' });
    }
  };

  const restorePilot = async (pilot: Pilot) => {
    try {
      await restore.mutateAsync({ id: pilot.id });
      notify(`“${pilot.name}” restored.`);
    } catch (error) {
      notify((error as Error).message, { tone: 'error' });
    }
  };

  return (
    <>
      <PageHeader
        title="Pilots"
        description="Each pilot is one scheme or round, with its own plan, people, pairs and results."
        actions={
          <Button variant="primary" onPress={() => navigate('/pilots/new')}>
            New pilot
          </Button>
        }
      />
      <div className="toolbar">
        <div className="checkbox-field">
          <input id="show-archived" type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          <label htmlFor="show-archived">Show archived pilots</label>
        </div>
      </div>
      {pilots.isPending ? <Loading /> : null}
      <ErrorMessage error={pilots.error} />
      {pilots.data && pilots.data.length === 0 ? (
        <EmptyState
          title={showArchived ? 'No pilots at all yet' : 'No pilots yet'}
          action={
            <Button variant="primary" onPress={() => navigate('/pilots/new')}>
              Create your first pilot
            </Button>
          }
        >
          Start by naming your scheme and its dates; you can plan themes, recruit and pair people afterwards.
        </EmptyState>
      ) : null}
      {pilots.data && pilots.data.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">Pilots{showArchived ? ', including archived ones' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Dates</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pilots.data.map((pilot) => (
              <tr key={pilot.id} className={pilot.archivedAt ? 'row-archived' : undefined}>
                <th scope="row">
                  {pilot.archivedAt ? pilot.name : <Link to={`/pilots/${pilot.id}/plan`}>{pilot.name}</Link>}
                  {pilot.purpose ? <div className="cell-note">{pilot.purpose}</div> : null}
                </th>
                <td>
                  {/* Wraps between the two dates, never inside one. */}
                  <span className="date-nowrap">{formatDate(pilot.startDate)}</span> – <span className="date-nowrap">{formatDate(pilot.endDate)}</span>
                </td>
                <td>
                  {pilot.archivedAt ? (
                    <span className="badge badge-archived">Archived</span>
                  ) : (
                    <span className={`badge badge-${pilot.status}`}>{pilotStatusLabels[pilot.status]}</span>
                  )}
                </td>
                <td className="cell-actions">
                  {pilot.archivedAt ? (
                    <Button variant="quiet" onPress={() => void restorePilot(pilot)} aria-label={`Restore ${pilot.name}`}>
                      Restore
                    </Button>
                  ) : (
                    <>
                      <Button variant="quiet" onPress={() => navigate(`/pilots/${pilot.id}/edit`)} aria-label={`Edit ${pilot.name}`}>
                        Edit
                      </Button>
                      <Button variant="quiet" onPress={() => setArchiving(pilot)} aria-label={`Archive ${pilot.name}`}>
                        Archive
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ConfirmDialog
        isOpen={archiving !== undefined}
        title={`Archive “${archiving?.name ?? ''}”?`}
        confirmLabel="Archive pilot"
        isPending={archive.isPending}
        onConfirm={() => void confirmArchive()}
        onCancel={() => setArchiving(undefined)}
      >
        <p>The pilot leaves your working lists. Nothing is deleted: you can restore it from “Show archived pilots” at any time.</p>
      </ConfirmDialog>
    </>
  );
}
