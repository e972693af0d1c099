import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Pilot } from '../../../../shared/pilots/contract';
import { pilotPath, pilotsPath } from '../../app/paths';
import { errorText } from '../../ui/errors';
import { useArchivePilot, usePilots, useRestorePilot } from './api';
import { PilotsTable } from './PilotsTable';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';

export function PilotsPage() {
  const [showArchived, setShowArchived] = useState(false);
  const pilots = usePilots(showArchived);
  const navigate = useNavigate();
  const [archiving, setArchiving] = useState<Pilot>();
  const archive = useArchivePilot();
  const restore = useRestorePilot();
  const { notify } = useNotices();

  const confirmArchive = async () => {
    if (!archiving) return;
    const pilot = archiving;
    try {
      await archive.mutateAsync({ id: pilot.id });
      setArchiving(undefined);
      notify(`“${pilot.name}” archived.`, { action: { label: 'Undo', run: () => void restore.mutateAsync({ id: pilot.id }).catch((e: unknown) => notify(errorText(e), { tone: 'error' })) } });
    } catch (error) {
      setArchiving(undefined);
      notify(errorText(error), { tone: 'error' });
    }
  };

  const restorePilot = async (pilot: Pilot) => {
    try {
      await restore.mutateAsync({ id: pilot.id });
      notify(`“${pilot.name}” restored.`);
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
  };

  return (
    <>
      <PageHeader
        title="Pilots"
        description="Each pilot is one scheme or round, with its own plan, people, pairs and results."
        actions={
          <Button variant="primary" onPress={() => navigate(pilotsPath('new'))}>
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
            <Button variant="primary" onPress={() => navigate(pilotsPath('new'))}>
              Create your first pilot
            </Button>
          }
        >
          Start by naming your scheme and its dates; you can plan themes, recruit and pair people afterwards.
        </EmptyState>
      ) : null}
      {pilots.data && pilots.data.length > 0 ? (
        <PilotsTable
          pilots={pilots.data}
          showArchived={showArchived}
          onEdit={(pilot) => navigate(pilotPath(pilot.id, 'edit'))}
          onArchive={setArchiving}
          onRestore={(pilot) => void restorePilot(pilot)}
        />
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
