/**
 * Playback of interview recordings in the window: `app://reciprocal/recordings/<id>` is answered
 * from the encrypted store with the decrypted bytes asked for (HTTP Range: 206, Content-Range,
 * Accept-Ranges), so <audio> can seek; nothing is written to a file. Same origin as the page, so the
 * CSP's `media-src 'self'` covers it. Only while unlocked; only recordings the session may see.
 */
import type { VaultSession } from '../core';
import { AppError } from '../core/errors';
import { audioResponse } from '../core/interviews';

const RECORDING_PATH = /^\/recordings\/(\d{1,12})$/;

/** Whether a request to the app scheme is for a recording (else it is a file of the renderer). */
export const isRecordingRequest = (url: string) => RECORDING_PATH.test(new URL(url).pathname);

export function serveRecording(session: VaultSession, request: Request): Response {
  const id = Number(RECORDING_PATH.exec(new URL(request.url).pathname)?.[1]);
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  try {
    const answer = audioResponse(session, id, request.headers.get('range') ?? undefined);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(answer.body), { status: answer.status, headers: { ...answer.headers, 'X-Content-Type-Options': 'nosniff' } });
  } catch (error) {
    // Locked, or not a recording this session may see: the same plain answer, nothing about why.
    if (error instanceof AppError) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
    throw error;
  }
}
