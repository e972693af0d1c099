import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../../../api';
import { refreshAfter, useChannel, useCommand } from '../../../queries';
import { toBase64 } from '../../../ui/base64';
import type { RecordingStore } from './useRecorder';

/** An interview's recordings, and those left unfinished by a lock or a crash. */
export const useRecordings = (interviewId: number) => useChannel('recordings.list', { interviewId });
export const useInterruptedRecordings = () => useChannel('recordings.interrupted', {});
export const useKeepRecording = () => useCommand('recordings.keep');

/** Ids of the recordings this window is making now: listed as 'recording', but never offered as interrupted. */
export const liveRecordings = new Set<number>();

/**
 * The recorder's side of the recordings.* channels for one interview. Appends do not refresh
 * anything (one every five seconds); begin and finish refresh what the contract says.
 */
export function useRecordingStore(interviewId: number): { store: RecordingStore; mark: (recordingId: number, questionId: number, atMs: number) => Promise<void> } {
  const client = useQueryClient();
  return useMemo(
    () => ({
      store: {
        begin: async (mimeType) => {
          const { recordingId } = await call('recordings.begin', { interviewId, mimeType });
          liveRecordings.add(recordingId);
          await refreshAfter(client, 'recordings.begin');
          return recordingId;
        },
        append: async (recordingId, sequence, chunk) => {
          await call('recordings.append', { recordingId, sequence, bytesBase64: toBase64(new Uint8Array(await chunk.arrayBuffer())) });
        },
        finish: async (recordingId, durationMs) => {
          await call('recordings.finish', { recordingId, durationMs });
          liveRecordings.delete(recordingId);
          await refreshAfter(client, 'recordings.finish');
        },
      },
      mark: async (recordingId, questionId, atMs) => {
        await call('recordings.mark', { recordingId, questionId, atMs });
      },
    }),
    [client, interviewId],
  );
}
