import { forwardRef, useState } from 'react';
import type { InterviewDetail } from '../../../../../shared/interviews/contract';
import type { Recording } from '../../../../../shared/interviews/recordings-contract';
import { formatDateTime } from '../../../../../shared/dates';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError } from '../../../ui/FormDialog';
import { errorText } from '../../../ui/errors';
import { AudioPlayer, type AudioPlayerHandle } from './AudioPlayer';
import { useRemoveRecording } from './api';

/** One recording on the interview screen: the player with its question markers, and (in the recordings list) deleting it, confirmed. */
export const RecordingPlayback = forwardRef<AudioPlayerHandle, { recording: Recording; detail: InterviewDetail; removable?: boolean }>(function RecordingPlayback({ recording, detail, removable = true }, ref) {
  const questions = new Map((detail.guide?.questions ?? []).map((q) => [q.id, `Question ${q.position}: ${q.question}`]));
  const markers = recording.markers.map((m) => ({ atMs: m.atMs, label: questions.get(m.questionId) ?? 'A question no longer in the guide' }));
  const label = `Recording made ${formatDateTime(recording.createdAt)}`;
  return (
    <div className="recording-playback">
      <AudioPlayer ref={ref} recordingId={recording.id} markers={markers} label={label} />
      {removable ? <RemoveRecording recording={recording} label={label} /> : null}
    </div>
  );
});

function RemoveRecording({ recording, label }: { recording: Recording; label: string }) {
  const remove = useRemoveRecording();
  const [asking, setAsking] = useState(false);
  return (
    <div className="recording-playback-actions">
      <Button variant="danger" onPress={() => setAsking(true)} aria-label={`Delete the recording made ${formatDateTime(recording.createdAt)}`}>
        Delete recording
      </Button>
      <FormError message={remove.error ? errorText(remove.error) : undefined} />
      <ConfirmDialog
        isOpen={asking}
        title="Delete this recording?"
        confirmLabel="Delete recording"
        isPending={remove.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => remove.mutate({ recordingId: recording.id }, { onSettled: () => setAsking(false) })}
      >
        <p>
          {label} and all its audio will be deleted from the vault. This cannot be undone; the interview’s trail keeps only that it was deleted. Its transcript, if any, is kept.
        </p>
      </ConfirmDialog>
    </div>
  );
}
