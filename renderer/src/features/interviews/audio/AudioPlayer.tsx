import { forwardRef, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../../../ui/Button';
import { formatClock } from '../recording/format';
import { recordingUrl } from './recording-url';
import './audio.css';

/** What other parts of the interview screen (the transcript) may do with the player. */
export interface AudioPlayerHandle {
  seekTo(ms: number): void;
  currentTimeMs(): number;
  togglePlay(): void;
  back(ms: number): void;
}

export interface PlayerMarker {
  atMs: number;
  label: string;
}

const BACK_MS = 5000;

/**
 * Plays a recording streamed from the main process (never a file): the browser's own controls,
 * plus Play/Pause and "Back 5 s" buttons, a marker per guide question that jumps there, and keys
 * while focus is in the player: K or Space play/pause, J or ← back 5 seconds.
 */
export const AudioPlayer = forwardRef<AudioPlayerHandle, { recordingId: number; markers?: readonly PlayerMarker[]; label?: string }>(function AudioPlayer({ recordingId, markers = [], label = 'Recording' }, ref) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);

  const handle: AudioPlayerHandle = {
    seekTo: (ms) => {
      if (audio.current) audio.current.currentTime = Math.max(0, ms / 1000);
    },
    currentTimeMs: () => Math.round((audio.current?.currentTime ?? 0) * 1000),
    togglePlay: () => {
      const element = audio.current;
      if (!element) return;
      if (element.paused) void element.play().catch(() => setFailed(true));
      else element.pause();
    },
    back: (ms) => handle.seekTo(handle.currentTimeMs() - ms),
  };
  useImperativeHandle(ref, () => handle);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // Buttons and the native controls handle their own Space and arrows.
    const own = target.tagName === 'BUTTON' || target.tagName === 'AUDIO';
    if (event.key === 'k' || event.key === 'K' || (event.key === ' ' && !own)) handle.togglePlay();
    else if (event.key === 'j' || event.key === 'J' || (event.key === 'ArrowLeft' && !own)) handle.back(BACK_MS);
    else return;
    event.preventDefault();
  };

  return (
    <div className="audio-player" role="group" aria-label={`${label} player`} onKeyDown={onKeyDown}>
      <audio
        ref={audio}
        src={recordingUrl(recordingId)}
        controls
        preload="metadata"
        aria-label={label}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onError={() => setFailed(true)}
      />
      <div className="audio-player-buttons">
        <Button onPress={handle.togglePlay} aria-keyshortcuts="K">
          {playing ? 'Pause' : 'Play'}
        </Button>
        <Button onPress={() => handle.back(BACK_MS)} aria-keyshortcuts="J">
          Back 5 s
        </Button>
      </div>
      {failed ? <p role="alert">This recording could not be played. If the vault locked, unlock it and try again.</p> : null}
      {markers.length > 0 ? (
        <ol className="audio-markers" aria-label="Questions marked in this recording">
          {markers.map((marker, index) => (
            <li key={`${marker.atMs}-${index}`}>
              <Button variant="quiet" onPress={() => handle.seekTo(marker.atMs)} aria-label={`Go to ${formatClock(marker.atMs)}: ${marker.label}`}>
                {formatClock(marker.atMs)}
              </Button>{' '}
              {marker.label}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
});
