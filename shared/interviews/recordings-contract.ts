import { z } from 'zod';
import { channel, roles } from '../contract/define';
import { entityId, requiredText } from '../contract/common';

/**
 * Interview recordings (stage 11): audio appended in ordered chunks into the encrypted interview
 * database as it is recorded, or imported from a dictaphone file; played back as a stream from the
 * main process (see `recordingPath`), never written to a file.
 */

/** The largest chunk the recorder may send at once (about five seconds of Opus is 20 KB). */
export const RECORDING_CHUNK_MAX_BYTES = 1024 * 1024;
/** The largest dictaphone file that can be imported: about an hour of 128 kbit/s MP3. */
export const RECORDING_IMPORT_MAX_BYTES = 64 * 1024 * 1024;

export const recordingStatus = z.enum(['recording', 'interrupted', 'complete']);
export type RecordingStatus = z.infer<typeof recordingStatus>;
export const recordingSource = z.enum(['recorded', 'imported']);

/** What the recorder may produce: MediaRecorder's Opus in WebM or Ogg (codecs parameter allowed). */
const recorderMimeType = z
  .string()
  .trim()
  .max(100, 'A media type is at most 100 characters')
  .regex(/^audio\/(webm|ogg)(;\s*codecs="?opus"?)?$/i, 'Record Opus audio in WebM or Ogg (audio/webm;codecs=opus)');

export const recordingMarker = z.object({ questionId: z.number().int(), atMs: z.number().int() });
export type RecordingMarker = z.infer<typeof recordingMarker>;

export const recordingSchema = z.object({
  id: entityId,
  interviewId: entityId,
  status: recordingStatus,
  source: recordingSource,
  mimeType: z.string(),
  fileName: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  bytes: z.number().int(),
  chunks: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  markers: z.array(recordingMarker),
});
export type Recording = z.infer<typeof recordingSchema>;

const byRecording = z.object({ recordingId: entityId }).strict();
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Where the window reads a recording's audio (with HTTP Range); served by the main process while the vault is unlocked. */
export const recordingPath = (recordingId: number) => `/recordings/${recordingId}`;

export const recordingsContract = {
  'recordings.begin': channel({
    summary: 'Start recording an interview (after its consent check, with consent to audio recording): returns the new recording’s id.',
    invalidates: ['recordings'],
    input: z.object({ interviewId: entityId, mimeType: recorderMimeType }).strict(),
    output: z.object({ recordingId: entityId }),
    access: roles,
  }),
  'recordings.append': channel({
    summary: 'Append the next chunk (sequence 0, 1, 2…) of a recording, encrypted as it arrives. Sending the last chunk again does nothing; a gap is refused.',
    // Nothing to refresh every few seconds: the recording screen holds its own progress, and
    // `recordings.finish` refreshes the list once the recording is whole.
    invalidates: [],
    input: z
      .object({
        recordingId: entityId,
        sequence: z.number().int().min(0).max(1_000_000),
        bytesBase64: z
          .string()
          .min(1, 'The chunk is empty')
          .max(Math.ceil(RECORDING_CHUNK_MAX_BYTES / 3) * 4, 'A chunk is at most 1 MB: send the audio in smaller pieces')
          .regex(base64, 'The chunk is not base64'),
      })
      .strict(),
    output: z.object({ chunks: z.number().int(), bytes: z.number().int() }),
    access: roles,
  }),
  'recordings.mark': channel({
    summary: 'Mark the moment a guide question was asked in a recording being made.',
    invalidates: ['recordings'],
    input: z.object({ recordingId: entityId, questionId: z.number().int().min(1), atMs: z.number().int().min(0).max(24 * 3600 * 1000) }).strict(),
    output: recordingSchema,
    access: roles,
  }),
  'recordings.finish': channel({
    summary: 'Finish a recording: its WebM gets a duration and cues so it can be played from any point.',
    invalidates: ['recordings', 'interviews'],
    input: z.object({ recordingId: entityId, durationMs: z.number().int().min(0).max(24 * 3600 * 1000) }).strict(),
    output: recordingSchema,
    access: roles,
  }),
  'recordings.list': channel({
    summary: 'An interview’s recordings with their status, length, size and markers.',
    input: z.object({ interviewId: entityId }).strict(),
    output: z.array(recordingSchema),
    access: roles,
  }),
  'recordings.interrupted': channel({
    summary: 'Recordings left unfinished when the vault locked or the app stopped, to keep with what was stored.',
    input: z.object({}).strict(),
    output: z.array(recordingSchema),
    access: roles,
  }),
  'recordings.keep': channel({
    summary: 'Keep an interrupted recording with what was stored: finished and made seekable.',
    invalidates: ['recordings', 'interviews'],
    input: byRecording,
    output: recordingSchema,
    access: roles,
  }),
  'recordings.import': channel({
    summary: 'Import a dictaphone recording (.m4a, .mp3, .wav or .ogg) into the encrypted store: all of it or nothing.',
    invalidates: ['recordings', 'interviews'],
    input: z
      .object({
        interviewId: entityId,
        fileName: requiredText('File name', 300),
        bytesBase64: z
          .string()
          .min(1, 'The file is empty')
          .max(Math.ceil(RECORDING_IMPORT_MAX_BYTES / 3) * 4, 'The file is over 64 MB: export it at a lower bit rate or split it')
          .regex(base64, 'The file could not be read'),
      })
      .strict(),
    output: recordingSchema,
    access: roles,
  }),
  'recordings.remove': channel({
    summary: 'Delete a recording and all its audio (confirmed on screen; the trail keeps that it was removed, never the audio).',
    invalidates: ['recordings', 'interviews'],
    input: byRecording,
    output: z.null(),
    access: roles,
  }),
} as const;
