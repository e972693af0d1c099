/**
 * The recording screen's say on the microphone. In the desktop app the main process grants the
 * microphone only while this answers yes (electron/main/microphone-policy.ts asks the page with
 * SCREEN_ASKS_EXPRESSION); in the test bridge Chromium's own flags decide and this is not read.
 */
let asking = 0;

declare global {
  interface Window {
    /** Read by the main process when the page asks for the microphone. */
    __reciprocalMicrophoneWanted?: () => boolean;
  }
}

/** Asks for the microphone (audio only) on behalf of the recording screen. */
export async function openMicrophone(): Promise<MediaStream> {
  window.__reciprocalMicrophoneWanted = () => asking > 0;
  asking += 1;
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
  } finally {
    asking -= 1;
  }
}

/** Why the microphone could not be opened, in words a coordinator can act on. */
export function microphoneProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The microphone was not allowed. Allow Reciprocal to use the microphone in your computer’s privacy settings, then press Start again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Plug one in (or check the laptop’s own is switched on), then press Start again.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The microphone is in use by another program or could not be started. Close the other program, then press Start again.';
    default:
      return `The microphone could not be opened${error instanceof Error && error.message ? ` (${error.message})` : ''}. Press Start to try again.`;
  }
}
