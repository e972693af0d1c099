import { useCallback, useEffect, useRef, useState } from 'react';
import { registerPendingSave } from '../../../ui/pending-saves';
import { setRecordingActive } from '../../../app/recording-activity';
import { ApiError } from '../../../api';
import { ChunkQueue, type QueueState } from './chunk-queue';
import { microphoneProblem, openMicrophone } from './microphone-request';

/** Where the recorder's audio goes: the recordings.* channels, or a stand-in in a test. */
export type RecordingStore = {
  begin: (mimeType: string) => Promise<number>;
  append: (recordingId: number, sequence: number, chunk: Blob) => Promise<void>;
  finish: (recordingId: number, durationMs: number) => Promise<void>;
};

export type RecorderStatus = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping' | 'stopped';

/** A chunk every ~5 s: a crash or a lock loses at most the last few seconds. */
export const TIMESLICE_MS = 5_000;
/** Speech needs little: 32 kbit/s Opus is about 14 MB an hour. */
const BITS_PER_SECOND = 32_000;
/** Level below this (about −80 dBFS) counts as nothing at all: digital silence, not a quiet room. */
const SILENCE_PEAK = 1e-4;
/** How long the level may stay at zero while recording before the screen says so. */
export const SILENCE_WARNING_MS = 5_000;
/** How often the meter and the clock are redrawn. */
const TICK_MS = 100;
/** On a lock, a chunk that keeps failing is tried this many times, then the lock goes ahead. */
const ATTEMPTS_BEFORE_LOCK = 3;

/** Worth another try: a busy or full disk, a hiccup. Not: the vault locked, access or consent gone, a refused chunk. */
const retryable = (error: unknown) => !(error instanceof ApiError) || ['VAULT_BUSY', 'DISK_FULL', 'IO_ERROR', 'INTERNAL'].includes(error.code);

const preferredTypes = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'];
const supportedType = () => preferredTypes.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';

/** What runs while a recording is on: the microphone, the recorder, the meter and the clock. */
type Session = {
  recordingId: number;
  stream: MediaStream;
  recorder: MediaRecorder;
  audio: AudioContext;
  analyser: AnalyserNode;
  queue: ChunkQueue;
  startedAt: number;
  pausedTotal: number;
  pausedAt: number | undefined;
  /** Since when the level has been at zero (while recording), or undefined while sound arrives. */
  quietSince: number | undefined;
  ticker: ReturnType<typeof setInterval>;
  stopping?: Promise<void>;
};

const elapsedOf = (session: Session, now = performance.now()) => Math.max(0, Math.round(now - session.startedAt - session.pausedTotal - (session.pausedAt === undefined ? 0 : now - session.pausedAt)));

/** Peak and loudness (0–1, on a 60 dB scale) of what the analyser holds now. */
function measure(analyser: AnalyserNode, samples: Float32Array<ArrayBuffer>): { peak: number; level: number } {
  analyser.getFloatTimeDomainData(samples);
  let peak = 0;
  let sum = 0;
  for (const sample of samples) {
    peak = Math.max(peak, Math.abs(sample));
    sum += sample * sample;
  }
  const rms = Math.sqrt(sum / samples.length);
  const level = rms > 0 ? Math.min(1, Math.max(0, (20 * Math.log10(rms) + 60) / 60)) : 0;
  return { peak, level };
}

/**
 * MediaRecorder (Opus) with a level meter, an elapsed-time clock that stops while paused, and
 * ~5-second chunks sent in order through a retrying queue. Stopping sends the last chunk and
 * finishes the recording; so does a lock (registered as a pending save) and leaving the screen.
 */
export function useRecorder(store: RecordingStore) {
  const [status, setStatus] = useState<RecorderStatus>('idle');
  const [elapsedMs, setElapsedMs] = useState(0);
  const [level, setLevel] = useState(0);
  const [silent, setSilent] = useState(false);
  const [queue, setQueue] = useState<QueueState>({ queued: 0, stored: 0 });
  const [problem, setProblem] = useState<string>();
  const [recordingId, setRecordingId] = useState<number>();
  const session = useRef<Session | undefined>(undefined);
  const storeRef = useRef(store);
  storeRef.current = store;

  const release = (current: Session) => {
    clearInterval(current.ticker);
    for (const track of current.stream.getTracks()) track.stop();
    void current.audio.close().catch(() => undefined);
    setRecordingActive(false);
    setLevel(0);
    setSilent(false);
  };

  /** Stops, sends what is left and finishes; `forLock` gives a failing chunk only a few tries. */
  const stop = useCallback((forLock = false): Promise<void> => {
    const current = session.current;
    if (!current) return Promise.resolve();
    current.stopping ??= (async () => {
      setStatus('stopping');
      const durationMs = elapsedOf(current);
      if (current.recorder.state !== 'inactive') {
        const stopped = new Promise<void>((resolve) => current.recorder.addEventListener('stop', () => resolve(), { once: true }));
        current.recorder.stop();
        await stopped;
      }
      release(current);
      setElapsedMs(durationMs);
      await current.queue.drain(forLock ? ATTEMPTS_BEFORE_LOCK : undefined);
      await storeRef.current.finish(current.recordingId, durationMs);
      session.current = undefined;
      setStatus('stopped');
    })().catch((error: unknown) => {
      // Kept for another try ("Save again"); if the vault locks first, the next unlock offers it as interrupted.
      current.stopping = undefined;
      setProblem(`The end of the recording could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    });
    return current.stopping;
  }, []);

  const start = useCallback(async () => {
    if (session.current) return;
    setProblem(undefined);
    setStatus('starting');
    let stream: MediaStream;
    try {
      stream = await openMicrophone();
    } catch (error) {
      setProblem(microphoneProblem(error));
      setStatus('idle');
      return;
    }
    const mimeType = supportedType();
    let recordingId: number;
    try {
      recordingId = await storeRef.current.begin(mimeType || 'audio/webm');
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      setProblem(error instanceof Error ? error.message : String(error));
      setStatus('idle');
      return;
    }
    const recorder = new MediaRecorder(stream, { mimeType: mimeType || undefined, audioBitsPerSecond: BITS_PER_SECOND });
    const audio = new AudioContext();
    const analyser = audio.createAnalyser();
    analyser.fftSize = 2048;
    audio.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const queue = new ChunkQueue((sequence, chunk) => storeRef.current.append(recordingId, sequence, chunk), setQueue, undefined, retryable);
    const now = performance.now();
    const current: Session = {
      recordingId, stream, recorder, audio, analyser, queue, startedAt: now, pausedTotal: 0, pausedAt: undefined, quietSince: now,
      ticker: setInterval(() => {
        const { peak, level: loudness } = measure(analyser, samples);
        const at = performance.now();
        setElapsedMs(elapsedOf(current, at));
        setLevel(current.pausedAt === undefined ? loudness : 0);
        if (current.pausedAt !== undefined) return;
        if (peak > SILENCE_PEAK) current.quietSince = undefined;
        else current.quietSince ??= at;
        setSilent(current.quietSince !== undefined && at - current.quietSince >= SILENCE_WARNING_MS);
      }, TICK_MS),
    };
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) queue.push(event.data);
    });
    session.current = current;
    setRecordingId(recordingId);
    setQueue(queue.state);
    setElapsedMs(0);
    recorder.start(TIMESLICE_MS);
    setRecordingActive(true);
    setStatus('recording');
  }, []);

  const pause = useCallback(() => {
    const current = session.current;
    if (!current || current.recorder.state !== 'recording') return;
    current.recorder.pause();
    current.pausedAt = performance.now();
    setStatus('paused');
  }, []);

  const resume = useCallback(() => {
    const current = session.current;
    if (!current || current.recorder.state !== 'paused' || current.pausedAt === undefined) return;
    const now = performance.now();
    current.pausedTotal += now - current.pausedAt;
    current.pausedAt = undefined;
    // The five seconds of silence count again from here.
    current.quietSince = current.quietSince === undefined ? undefined : now;
    current.recorder.resume();
    setStatus('recording');
  }, []);

  /** The elapsed recording time now (paused time left out), for a marker. */
  const elapsedNow = useCallback(() => (session.current ? elapsedOf(session.current) : elapsedMs), [elapsedMs]);

  const live = status === 'recording' || status === 'paused' || status === 'stopping';
  // A chunk the main process refuses for good (the vault locked, consent withdrawn): stop recording what cannot be kept.
  useEffect(() => {
    if (queue.fatal && (status === 'recording' || status === 'paused')) void stop();
  }, [queue.fatal, status, stop]);
  // Before the vault locks (Lock, idle, screen lock, sleep, quit), the recording stops and is saved.
  useEffect(() => (live ? registerPendingSave(() => stop(true)) : undefined), [live, stop]);
  // Leaving the screen stops the recording and keeps what was recorded (the frame asks first).
  useEffect(
    () => () => {
      void stop();
    },
    [stop],
  );

  return { status, elapsedMs, level, silent, queue, problem, recordingId, start, pause, resume, stop: () => stop(false), elapsedNow, dismissProblem: () => setProblem(undefined) };
}
