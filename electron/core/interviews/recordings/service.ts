/**
 * The rules of interview recordings: who may record which interview (consent), appending in order,
 * finishing (seekable WebM), importing, playback ranges. Used by the handlers, the playback route
 * (Electron protocol, test bridge) and the demo.
 */
import type { ReadDb, WriteDb } from '../../db/query';
import type { Db } from '../../db/types';
import { AppError } from '../../errors';
import type { VaultSession } from '../../session';
import type { Recording } from '../../../../shared/interviews/recordings-contract';
import { consentOf, guideById } from '../repository';
import { audit, visibleInterview, whyNotRecordable } from '../service';
import { audioFormatOf } from './audio-format';
import { isWebm, makeWebmSeekable, NotWebmError } from './webm-seekable';
import {
  appendBytes,
  chunksInRange,
  insertMarker,
  insertRecording,
  markFinished,
  readAll,
  recordingOf,
  recordingRow,
  recordingsOfInterview,
  replaceBytes,
  setLastSequence,
  unfinishedRecordings,
} from './repository';

/**
 * Recordings begun on this connection. A vault lock closes the connection, so a recording still
 * 'recording' that is not in here was cut off by a lock or a crash: it is shown as interrupted and
 * takes no more chunks (the interrupted-recording offer keeps it).
 */
const liveOnConnection = new WeakMap<Db, Set<number>>();
const live = (db: Db) => {
  let set = liveOnConnection.get(db);
  if (!set) liveOnConnection.set(db, (set = new Set()));
  return set;
};

const asSeen = (db: Db, recording: Recording): Recording =>
  recording.status === 'recording' && !live(db).has(recording.id) ? { ...recording, status: 'interrupted' } : recording;

/** A recording the session may see: of an interview it may see (others do not exist for an interviewer). */
export function visibleRecording(db: ReadDb, session: VaultSession, recordingId: number) {
  const recording = recordingRow(db, recordingId);
  try {
    visibleInterview(db, session, recording.interviewId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `Recording ${recordingId} does not exist.`);
    throw error;
  }
  return recording;
}

export const recordingView = (db: ReadDb, recordingId: number) => asSeen(db, recordingOf(db, recordingId));
export const recordingsOf = (db: ReadDb, interviewId: number) => recordingsOfInterview(db, interviewId).map((r) => asSeen(db, r));

/** Recording needs consent to audio recording, checked with the person, on an interview not cancelled. */
export function requireRecordable(db: ReadDb, session: VaultSession, interviewId: number) {
  const interview = visibleInterview(db, session, interviewId);
  const why = whyNotRecordable(interview, consentOf(db, interview.participantId));
  if (why) throw new AppError('INVALID_TRANSITION', `${why} Nothing was recorded.`);
  return interview;
}

export function beginRecording(db: WriteDb, session: VaultSession, interviewId: number, mimeType: string, actor: string, now: string): number {
  requireRecordable(db, session, interviewId);
  const id = insertRecording(db, { interviewId, mimeType: mimeType.toLowerCase().replace(/\s+/g, ''), source: 'recorded', fileName: null, createdBy: actor, now });
  live(db).add(id);
  audit(db, actor, now, { action: 'recordings.begin', entityType: 'interview', entityId: interviewId });
  return id;
}

function requireLive(db: Db, recording: { id: number; status: string }) {
  if (recording.status === 'complete') throw new AppError('INVALID_TRANSITION', 'This recording is finished, so nothing more can be added to it.');
  if (!live(db).has(recording.id)) throw new AppError('INVALID_TRANSITION', 'This recording was interrupted (the vault locked or the app stopped). Keep it with what was saved, or start a new recording.');
}

/** One recorder chunk, in order: the last one again is a no-op (a retry after a lost answer), a gap is refused. */
export function appendChunk(db: WriteDb, session: VaultSession, recordingId: number, sequence: number, bytes: Uint8Array) {
  const recording = visibleRecording(db, session, recordingId);
  requireLive(db, recording);
  if (sequence === recording.lastSequence) return { chunks: recording.lastSequence + 1, bytes: recording.bytes };
  if (sequence !== recording.lastSequence + 1) {
    throw new AppError('CONFLICT', `Chunk ${sequence} arrived but chunk ${recording.lastSequence + 1} is next: send the missing chunk first. Nothing was saved.`, [{ path: ['sequence'], message: `Expected ${recording.lastSequence + 1}` }]);
  }
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', 'The chunk is empty. Nothing was saved.', [{ path: ['bytesBase64'], message: 'Empty' }]);
  appendBytes(db, recordingId, bytes);
  setLastSequence(db, recordingId, sequence);
  return { chunks: sequence + 1, bytes: recording.bytes + bytes.length };
}

export function markQuestion(db: WriteDb, session: VaultSession, recordingId: number, questionId: number, atMs: number, actor: string, now: string) {
  const recording = visibleRecording(db, session, recordingId);
  requireLive(db, recording);
  const interview = visibleInterview(db, session, recording.interviewId);
  if (interview.guideId === null) throw new AppError('NOT_FOUND', 'This interview has no guide, so there is no question to mark.');
  if (!guideById(db, interview.guideId)?.questions.some((q) => q.id === questionId)) throw new AppError('NOT_FOUND', `Question ${questionId} is not in this interview’s guide.`);
  insertMarker(db, recordingId, questionId, atMs);
  audit(db, actor, now, { action: 'recordings.mark', entityType: 'interview', entityId: recording.interviewId });
}

/**
 * Finishes a recording with what is stored: a WebM is rewritten with its Duration and Cues, so
 * it can be played from any point. Without a duration (kept after an interruption) the last block's
 * time is used.
 */
export function finishRecording(db: WriteDb, recordingId: number, durationMs: number | undefined, actor: string, now: string): void {
  const recording = recordingRow(db, recordingId);
  const audio = readAll(db, recordingId);
  let duration: number | null = durationMs ?? null;
  if (audio.length > 0 && isWebm(audio)) {
    try {
      const seekable = makeWebmSeekable(audio, durationMs);
      replaceBytes(db, recordingId, seekable.bytes);
      duration = seekable.durationMs;
    } catch (error) {
      if (!(error instanceof NotWebmError)) throw error;
      // Too little was recorded to hold the WebM's tracks: kept as it is, with the duration given.
    }
  }
  markFinished(db, recordingId, duration, now);
  live(db).delete(recordingId);
  audit(db, actor, now, { action: durationMs === undefined ? 'recordings.keep' : 'recordings.finish', entityType: 'interview', entityId: recording.interviewId });
}

/** Interrupted recordings the session may see (an interviewer: only of their interviews). */
export function interruptedRecordings(db: ReadDb, interviewerId: number | undefined): Recording[] {
  return unfinishedRecordings(db)
    .filter((r) => !live(db).has(r.id) && (interviewerId === undefined || r.interviewerId === interviewerId))
    .map(({ interviewerId: _interviewerId, ...recording }) => ({ ...recording, status: 'interrupted' as const }));
}

export function requireInterrupted(db: ReadDb, recording: { id: number; status: string }) {
  if (recording.status === 'complete') throw new AppError('INVALID_TRANSITION', 'This recording is already finished.');
  if (live(db).has(recording.id)) throw new AppError('INVALID_TRANSITION', 'This recording is still being made: stop it instead.');
}

/** A dictaphone file into the store, whole (the caller's one transaction): checked by its first bytes, never its name. */
export function importRecording(db: WriteDb, session: VaultSession, interviewId: number, fileName: string, bytes: Uint8Array, actor: string, now: string): number {
  requireRecordable(db, session, interviewId);
  const format = audioFormatOf(bytes);
  if (!format) {
    throw new AppError('INVALID_INPUT', `${fileName} is not an audio file Reciprocal can import: choose an .m4a, .mp3, .wav or .ogg file from the recorder. Nothing was imported.`, [{ path: ['bytesBase64'], message: 'Not M4A, MP3, WAV or Ogg' }]);
  }
  const id = insertRecording(db, { interviewId, mimeType: format.mimeType, source: 'imported', fileName, createdBy: actor, now });
  appendBytes(db, id, bytes);
  markFinished(db, id, format.durationMs, now);
  audit(db, actor, now, { action: 'recordings.import', entityType: 'interview', entityId: interviewId });
  return id;
}

export interface AudioRange {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Buffer;
}

const MAX_RANGE_BYTES = 1024 * 1024;

/**
 * Answers one HTTP request for a recording's audio: the whole file (small ones) or the byte range
 * asked for, at most 1 MB at a time so the player asks again as it plays. Shared by the Electron
 * protocol and the test bridge. Only while unlocked, only recordings the session may see.
 */
export function audioResponse(session: VaultSession, recordingId: number, rangeHeader: string | undefined): AudioRange {
  const db = session.db as ReadDb; // throws LOCKED when the vault is locked
  const recording = visibleRecording(db, session, recordingId);
  const total = recording.bytes;
  const base = { 'Accept-Ranges': 'bytes', 'Content-Type': recording.mimeType.split(';')[0]!, 'Cache-Control': 'no-store' };
  let start = 0;
  let end = total - 1;
  let partial = false;
  if (rangeHeader) {
    const match = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim());
    if (!match || (match[1] === '' && match[2] === '')) return { status: 416, headers: { ...base, 'Content-Range': `bytes */${total}` }, body: Buffer.alloc(0) };
    if (match[1] === '') {
      start = Math.max(0, total - Number(match[2]));
    } else {
      start = Number(match[1]);
      end = match[2] === '' ? total - 1 : Math.min(Number(match[2]), total - 1);
    }
    if (start >= total || start > end) return { status: 416, headers: { ...base, 'Content-Range': `bytes */${total}` }, body: Buffer.alloc(0) };
    partial = true;
  }
  if (end - start + 1 > MAX_RANGE_BYTES) {
    end = start + MAX_RANGE_BYTES - 1;
    partial = true;
  }
  const body = total === 0 ? Buffer.alloc(0) : readRange(db, recordingId, start, end);
  const headers = { ...base, 'Content-Length': String(body.length), ...(partial ? { 'Content-Range': `bytes ${start}-${end}/${total}` } : {}) };
  return { status: partial ? 206 : 200, headers, body };
}

function readRange(db: ReadDb, recordingId: number, start: number, end: number): Buffer {
  const pieces = chunksInRange(db, recordingId, start, end).map(({ byteOffset, data }) => data.subarray(Math.max(0, start - byteOffset), Math.min(data.length, end - byteOffset + 1)));
  return Buffer.concat(pieces);
}
