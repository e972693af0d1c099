import { isOurPage } from './url-policy';

/**
 * Who may use the microphone: pure functions of plain inputs (no Electron import), unit-tested under
 * Node; security.ts wires them into the session's permission check and request handlers.
 *
 * Only `media`, only audio, only from the app's own page in its top frame, and (on the request)
 * only while the recording screen says it is asking. Every other permission stays denied.
 */

/** What Electron tells the check handler (PermissionCheckHandlerHandlerDetails), reduced to what we judge. */
export type PermissionCheck = {
  permission: string;
  requestingOrigin: string;
  isMainFrame?: boolean;
  /** 'unknown' or absent on Chromium's first check, before it knows what getUserMedia wants. */
  mediaType?: 'audio' | 'video' | 'unknown';
};

/** What Electron tells the request handler (MediaAccessPermissionRequest), reduced to what we judge. */
export type PermissionRequest = {
  permission: string;
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: readonly string[];
};

/**
 * The synchronous check (navigator.permissions, enumerateDevices and Chromium's first look at
 * getUserMedia). Chromium checks `media` before it asks, often without a media type: allow that
 * only for our own top frame and never for video. The real decision is made on the request.
 */
export function allowPermissionCheck(check: PermissionCheck, devServerUrl?: string): boolean {
  if (check.permission !== 'media') return false;
  if (check.isMainFrame !== true || !isOurPage(check.requestingOrigin, devServerUrl)) return false;
  return check.mediaType !== 'video';
}

/**
 * The request itself, as far as it can be judged without asking the page: `media` for audio alone
 * (no camera, no screen), from our own top frame. False: the answer is no at once; true: the answer
 * is whether the recording screen is asking.
 */
export function mayAskTheScreen(request: PermissionRequest, devServerUrl?: string): boolean {
  if (request.permission !== 'media') return false;
  if (request.isMainFrame !== true || request.requestingUrl === undefined || !isOurPage(request.requestingUrl, devServerUrl)) return false;
  const types = request.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'audio');
}

/** The whole decision on a request, given whether the recording screen said it is asking. */
export function grantMicrophone(request: PermissionRequest, screenAsked: boolean, devServerUrl?: string): boolean {
  return screenAsked && mayAskTheScreen(request, devServerUrl);
}

/**
 * The expression main runs in the page to ask whether the recording screen wants the microphone
 * now (renderer/src/features/interviews/recording/microphone-request.ts sets it). Same path as
 * flush-before-lock: the page answers for itself, nothing new is exposed to it.
 */
export const SCREEN_ASKS_EXPRESSION = 'window.__reciprocalMicrophoneWanted?.() === true';
