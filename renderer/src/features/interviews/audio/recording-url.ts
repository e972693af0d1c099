import { recordingPath } from '../../../../../shared/interviews/recordings-contract';

/**
 * Where <audio> reads a recording: the main process streams the decrypted bytes by range
 * (electron/main/audio-protocol.ts on app://, the same route in the test bridge). Same origin as
 * the page, so nothing else in the CSP is opened.
 */
export const recordingUrl = (recordingId: number) => recordingPath(recordingId);
