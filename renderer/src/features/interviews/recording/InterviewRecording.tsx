import { useState, type ReactNode } from 'react';
import type { InterviewDetail } from '../../../../../shared/interviews/contract';
import type { Recording } from '../../../../../shared/interviews/recordings-contract';
import { formatDateTime } from '../../../../../shared/dates';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { FormError } from '../../../ui/FormDialog';
import { Table } from '../../../ui/Table';
import { errorText } from '../../../ui/errors';
import { RecordingPanel } from './RecordingPanel';
import { liveRecordings, useInterruptedRecordings, useKeepRecording, useRecordingStore, useRecordings } from './api';
import { formatBytes, formatClock } from './format';

/**
 * The interview screen's recording section: recordings left unfinished by a lock or a crash
 * (offered to keep), the recorder, and the interview's recordings. `player` shows one recording
 * (the audio player, where it exists).
 */
export function InterviewRecording({ detail, player }: { detail: InterviewDetail; player?: (recording: Recording) => ReactNode }) {
  const { store, mark } = useRecordingStore(detail.id);
  return (
    <>
      <InterruptedOffer interviewId={detail.id} player={player} />
      <RecordingPanel detail={detail} store={store} mark={mark} />
      <RecordingsList interviewId={detail.id} player={player} />
    </>
  );
}

const statusWords: Record<Recording['status'], string> = { recording: 'Being recorded', interrupted: 'Interrupted', complete: 'Complete' };
const sourceWords: Record<Recording['source'], string> = { recorded: 'Recorded here', imported: 'Imported' };
const lengthOf = (recording: Recording) => (recording.durationMs === null ? '—' : formatClock(recording.durationMs));

/** What remains of a recording the vault locked (or the app stopped) in the middle of: keep it, or listen first. */
function InterruptedOffer({ interviewId, player }: { interviewId: number; player?: (recording: Recording) => ReactNode }) {
  const interrupted = useInterruptedRecordings();
  const keep = useKeepRecording();
  const [listening, setListening] = useState<number>();
  // The recording this screen is making right now is not interrupted: it is listed as 'recording' but is not offered.
  const here = (interrupted.data ?? []).filter((recording) => recording.interviewId === interviewId && recording.status !== 'complete' && recording.chunks > 0 && !liveRecordings.has(recording.id));
  if (here.length === 0) return null;
  return (
    <section className="section-card" aria-labelledby="interrupted-recordings">
      <h2 id="interrupted-recordings">Interrupted recording{here.length === 1 ? '' : 's'}</h2>
      <Callout tone="warning">
        The vault locked or Reciprocal closed while this interview was being recorded. What was saved up to then is in the vault: keep it to listen to it and transcribe it later.
      </Callout>
      <ul className="interrupted-list">
        {here.map((recording) => (
          <li key={recording.id}>
            <span>
              Started {formatDateTime(recording.createdAt)} · {formatBytes(recording.bytes)} saved in {recording.chunks} part{recording.chunks === 1 ? '' : 's'}
            </span>
            <Button variant="primary" busy={keep.isPending && keep.variables.recordingId === recording.id} onPress={() => keep.mutate({ recordingId: recording.id })}>
              Keep this recording
            </Button>
            {player ? <Button onPress={() => setListening(listening === recording.id ? undefined : recording.id)}>{listening === recording.id ? 'Hide the player' : 'Listen first'}</Button> : null}
            {player && listening === recording.id ? player(recording) : null}
          </li>
        ))}
      </ul>
      <FormError message={keep.error ? errorText(keep.error) : undefined} />
    </section>
  );
}

/** The interview's recordings, newest first, with their length, size and markers; each can be played. */
function RecordingsList({ interviewId, player }: { interviewId: number; player?: (recording: Recording) => ReactNode }) {
  const recordings = useRecordings(interviewId);
  const [playing, setPlaying] = useState<number>();
  const done = (recordings.data ?? []).filter((recording) => recording.status === 'complete');
  if (done.length === 0) return null;
  const open = done.find((recording) => recording.id === playing);
  return (
    <section className="section-card recordings-list" aria-labelledby="interview-recordings">
      <h2 id="interview-recordings">Recordings of this interview</h2>
      <Table
        caption="Recordings of this interview"
        rows={[...done].reverse()}
        rowKey={(row) => row.id}
        columns={[
          { id: 'when', header: 'Made', rowHeader: true, cell: (row) => formatDateTime(row.createdAt) },
          { id: 'length', header: 'Length', cell: lengthOf },
          { id: 'size', header: 'Size', cell: (row) => formatBytes(row.bytes) },
          { id: 'source', header: 'Source', cell: (row) => (row.source === 'imported' && row.fileName ? `Imported (${row.fileName})` : sourceWords[row.source]) },
          { id: 'markers', header: 'Questions marked', cell: (row) => String(new Set(row.markers.map((m) => m.questionId)).size) },
          { id: 'status', header: 'Status', cell: (row) => statusWords[row.status] },
          ...(player
            ? [{ id: 'play', header: 'Listen', cell: (row: Recording) => <Button variant="quiet" onPress={() => setPlaying(playing === row.id ? undefined : row.id)} aria-label={`${playing === row.id ? 'Hide the player for' : 'Listen to'} the recording made ${formatDateTime(row.createdAt)}`}>{playing === row.id ? 'Hide' : 'Listen'}</Button> }]
            : []),
        ]}
      />
      {player && open ? <div className="recording-player">{player(open)}</div> : null}
    </section>
  );
}
