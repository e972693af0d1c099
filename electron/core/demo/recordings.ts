import type { HandlerRegistry } from '../registry/registry';
import { call } from './call';
import { toneWav } from './tone-wav';

/**
 * A short, obviously synthetic recording (tones, no speech) imported into the first done interview
 * whose person consented to audio recording, through the same channel a dictaphone import uses.
 */
export async function fillRecordingsDemo(registry: HandlerRegistry, { pilotId }: { pilotId: number }) {
  const { rows } = await call(registry, 'interviews.list', { pilotId, status: 'done', offset: 0, limit: 50 });
  for (const row of rows) {
    const detail = await call(registry, 'interviews.detail', { interviewId: row.id });
    if (!detail.consent.audioRecording) continue;
    const bytesBase64 = Buffer.from(toneWav(12)).toString('base64');
    await call(registry, 'recordings.import', { interviewId: row.id, fileName: 'demo-tones-not-speech.wav', bytesBase64 });
    return { recordings: 1 };
  }
  return { recordings: 0 };
}
