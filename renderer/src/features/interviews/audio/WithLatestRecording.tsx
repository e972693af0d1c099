import { useRef, type ReactNode, type RefObject } from 'react';
import type { InterviewDetail } from '../../../../../shared/interviews/contract';
import { useChannel } from '../../../queries';
import type { AudioPlayerHandle } from './AudioPlayer';
import { RecordingPlayback } from './RecordingPlayback';

/**
 * The interview's latest complete recording as a player, for the transcript beside it (its keys
 * play, pause, go back and insert time stamps through `player`); nothing while there is none.
 */
export function WithLatestRecording({ detail, children }: { detail: InterviewDetail; children: (audio: ReactNode, player: RefObject<AudioPlayerHandle | null>) => ReactNode }) {
  const recordings = useChannel('recordings.list', { interviewId: detail.id });
  const player = useRef<AudioPlayerHandle>(null);
  const latest = (recordings.data ?? []).filter((r) => r.status === 'complete').at(-1);
  return <>{children(latest ? <RecordingPlayback key={latest.id} ref={player} recording={latest} detail={detail} removable={false} /> : null, player)}</>;
}
