import { useBlocker } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';
import { unsavedForms, useUnsavedForms } from './unsaved-changes';

const list = (names: readonly string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** Unsaved changes to the forms named: keep editing, or go on (leave, lock) and discard them. */
export function UnsavedChangesDialog({ names, title, confirmLabel, action, onConfirm, onCancel }: { names: readonly string[]; title: string; confirmLabel: string; action: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog isOpen title={title} confirmLabel={confirmLabel} cancelLabel="Stay and keep editing" onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        {names.length ? <>Your changes to <strong>{list(names)}</strong> are not saved yet.</> : 'Some changes are not saved yet.'} Stay to save them, or {action} and they are lost.
      </p>
    </ConfirmDialog>
  );
}

/**
 * Asks before leaving a screen (or a tab kept in the address) while a form on it has unsaved
 * changes: stay, or leave and discard them. One for the whole app, in the frame: a router keeps
 * one blocker at a time.
 */
export function UnsavedChangesGuard() {
  const names = useUnsavedForms();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsavedForms().length > 0 && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));
  if (blocker.state !== 'blocked') return null;
  return (
    <UnsavedChangesDialog
      names={names}
      title="Leave without saving?"
      confirmLabel="Discard changes and leave"
      action="leave"
      onConfirm={() => blocker.proceed()}
      onCancel={() => blocker.reset()}
    />
  );
}
