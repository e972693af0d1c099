import { useState } from 'react';
import type { InterviewDetail } from '../../../../../shared/interviews/contract';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { FormError } from '../../../ui/FormDialog';
import { SectionCard } from '../../../ui/SectionCard';
import { formatClock, spokenDuration } from './format';
import { useRecorder, type RecorderStatus, type RecordingStore } from './useRecorder';
import './recording.css';

type Question = { id: number; question: string };

const statusWords: Record<RecorderStatus, string> = {
  idle: 'Not recording',
  starting: 'Opening the microphone…',
  recording: 'Recording',
  paused: 'Paused',
  stopping: 'Saving the end of the recording…',
  stopped: 'Recording saved',
};

/**
 * Records the interview: Start, Pause/Resume, Stop; the elapsed time, a level meter (and a warning
 * when no sound arrives), and a marker per guide question at the elapsed time. Shown only once the
 * consent check is done and the person consented to audio recording; otherwise it says why.
 */
export function RecordingPanel({ detail, store, mark }: { detail: InterviewDetail; store: RecordingStore; mark: (recordingId: number, questionId: number, atMs: number) => Promise<void> }) {
  const blocked = detail.recordingUnavailable;
  return (
    <SectionCard headingId="recording-panel" title="Recording">
      {blocked ? <Callout>{blocked}</Callout> : <Recorder detail={detail} store={store} mark={mark} />}
    </SectionCard>
  );
}

function Recorder({ detail, store, mark }: { detail: InterviewDetail; store: RecordingStore; mark: (recordingId: number, questionId: number, atMs: number) => Promise<void> }) {
  const recorder = useRecorder(store);
  const { status } = recorder;
  const live = status === 'recording' || status === 'paused';
  const questions: Question[] = (detail.guide?.questions ?? []).map((q) => ({ id: q.id, question: q.question }));
  return (
    <div className="recorder">
      <p className="recorder-intro">
        The audio goes into the encrypted vault every few seconds as it is recorded; nothing is written anywhere else. Locking the vault stops the recording and saves it first.
      </p>
      <div className="recorder-status">
        <p className={`recorder-state recorder-state-${status}`} role="status">
          {status === 'recording' ? <span className="recorder-dot" aria-hidden="true" /> : null}
          {statusWords[status]}
        </p>
        <p className="recorder-clock">
          <span className="recorder-clock-label">Elapsed</span>{' '}
          <time aria-label={`Elapsed ${spokenDuration(recorder.elapsedMs)}`} dateTime={`PT${Math.floor(recorder.elapsedMs / 1000)}S`}>
            {formatClock(recorder.elapsedMs)}
          </time>
        </p>
        <LevelMeter level={recorder.level} active={live} />
      </div>
      {recorder.silent && status === 'recording' ? (
        <div role="alert">
          <Callout tone="warning">
            <strong>No sound is reaching the microphone.</strong> Check that the right microphone is chosen and not muted in your computer’s sound settings. The recording goes on.
          </Callout>
        </div>
      ) : null}
      <div className="recorder-controls" role="group" aria-label="Recording controls">
        {status === 'idle' || status === 'starting' || status === 'stopped' ? (
          <Button variant="primary" busy={status === 'starting'} onPress={() => void recorder.start()}>
            {status === 'stopped' ? 'Start a new recording' : 'Start recording'}
          </Button>
        ) : null}
        {status === 'recording' ? <Button onPress={recorder.pause}>Pause</Button> : null}
        {status === 'paused' ? <Button variant="primary" onPress={recorder.resume}>Resume</Button> : null}
        {live || (status === 'stopping' && recorder.problem) ? (
          <Button variant={live ? 'danger' : 'primary'} onPress={() => void recorder.stop()}>
            {live ? 'Stop and save' : 'Save again'}
          </Button>
        ) : null}
      </div>
      <SavedProgress queued={recorder.queue.queued} stored={recorder.queue.stored} failing={recorder.queue.failing} />
      <FormError message={recorder.problem} />
      {/* While recording (or paused): a button per guide question marks where it was asked. */}
      {questions.length > 0 && live && recorder.recordingId !== undefined ? <Markers questions={questions} recordingId={recorder.recordingId} elapsedNow={recorder.elapsedNow} mark={mark} /> : null}
    </div>
  );
}

/** The input level, 0–100; silent and grey when not recording. */
function LevelMeter({ level, active }: { level: number; active: boolean }) {
  const value = Math.round(level * 100);
  return (
    <div className="level-meter-field">
      <span id="level-meter-label" className="recorder-clock-label">
        Microphone level
      </span>
      <div className={`level-meter ${active ? '' : 'level-meter-idle'}`} role="meter" aria-labelledby="level-meter-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={active ? `${value} percent` : 'not recording'}>
        <div className="level-meter-bar" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}

/** How much of the recording is safely in the vault, and a retry in progress. */
function SavedProgress({ queued, stored, failing }: { queued: number; stored: number; failing?: string }) {
  if (queued === 0) return null;
  return (
    <p className="field-description" aria-live="polite">
      {failing ? `Saving is being retried (${failing}); keep the app open. ` : ''}
      {stored === queued ? `All ${stored} part${stored === 1 ? '' : 's'} saved in the vault.` : `${stored} of ${queued} parts saved in the vault…`}
    </p>
  );
}

/** One button per guide question: marks where in the recording that question was asked. */
function Markers({ questions, recordingId, elapsedNow, mark }: { questions: Question[]; recordingId: number; elapsedNow: () => number; mark: (recordingId: number, questionId: number, atMs: number) => Promise<void> }) {
  const [marked, setMarked] = useState<Record<number, number>>({});
  const [problem, setProblem] = useState<string>();
  const markNow = async (questionId: number) => {
    const atMs = elapsedNow();
    setProblem(undefined);
    try {
      await mark(recordingId, questionId, atMs);
      setMarked((before) => ({ ...before, [questionId]: atMs }));
    } catch (error) {
      setProblem(`The marker could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div className="recorder-markers">
      <h3 id="recorder-markers-heading">Mark a question as you ask it</h3>
      <ol className="recorder-marker-list" aria-labelledby="recorder-markers-heading">
        {questions.map((q, index) => (
          <li key={q.id}>
            <Button className="recorder-marker" onPress={() => void markNow(q.id)}>
              <span className="recorder-marker-number">Mark question {index + 1}</span> <span className="recorder-marker-text">{q.question}</span>
            </Button>
            {marked[q.id] !== undefined ? <span className="recorder-marker-at">marked at {formatClock(marked[q.id]!)}</span> : null}
          </li>
        ))}
      </ol>
      <FormError message={problem} />
    </div>
  );
}
