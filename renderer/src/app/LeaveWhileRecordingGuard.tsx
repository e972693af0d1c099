import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useUnsavedForms } from '../ui/unsaved-changes';

/**
 * While an interview is being recorded, asks before leaving its screen: leaving stops the recording
 * (what was recorded is kept). Takes the place of the unsaved-forms guard while it is on (a router
 * keeps one blocker at a time), so it also names forms whose changes leaving would discard.
 */
export function LeaveWhileRecordingGuard() {
  const forms = useUnsavedForms();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search);
  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog isOpen title="Stop the recording and leave?" confirmLabel="Stop recording and leave" cancelLabel="Stay and keep recording" onConfirm={() => blocker.proceed()} onCancel={() => blocker.reset()}>
      <p>The interview is being recorded. Leaving this screen stops the recording; what was recorded so far is kept.</p>
      {forms.length > 0 ? (
        <p>
          Your changes to <strong>{forms.join(', ')}</strong> are not saved yet and would be lost.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
