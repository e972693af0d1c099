import { randomBytes } from 'node:crypto';
import { audioResponse } from '../electron/core/interviews';
import { consentEveryone, importBenchPeople, must, withBenchVault } from './bench-vault';
import { percentile, report, timeMs, timeMsAsync } from './stats';

/** 32 kbit/s Opus in 5-second chunks: 20 KB each, 720 for an hour. */
const CHUNK_BYTES = (32_000 / 8) * 5;
const CHUNKS = 720;

/**
 * Recordings grow with the interview: appending an hour of audio chunk by chunk (each its own
 * encrypted transaction), then from "play" to the first bytes of that hour, and a seek to its middle.
 */
export async function run(): Promise<void> {
  await withBenchVault('recordings', '2027-06-01T09:00:00Z', async (core) => {
    const { registry } = core;
    const pilotId = must(await registry.call('pilots.create', { name: 'Bench', startDate: '2026-10-01', endDate: '2027-06-30' })).id;
    await importBenchPeople(registry, pilotId, 2);
    await consentEveryone(core, pilotId);
    const participantId = (core.session.db.prepare('SELECT id FROM participants WHERE pilot_id = ? ORDER BY id LIMIT 1').get(pilotId) as { id: number }).id;
    const formId = must(await registry.call('plan.get', { pilotId })).consentForms[0]!.id;
    must(await registry.call('consent.record', { participantId, formId, givenOn: '2026-09-20', choices: { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: true, archiving: true } }));
    const interviewer = must(await registry.call('interviews.addInterviewer', { name: 'Bench Interviewer', email: 'bench@example.ac.uk', passphrase: 'harbour violet cactus thimble' }));
    const interview = must(await registry.call('interviews.schedule', { pilotId, participantId, interviewerId: interviewer.id, scheduledOn: '2027-05-20', startsAt: '10:00', place: '', onlineLink: '' }));
    must(await registry.call('interviews.checkConsent', { interviewId: interview.id }));
    const { recordingId } = must(await registry.call('recordings.begin', { interviewId: interview.id, mimeType: 'audio/webm;codecs=opus' }));

    const appends: number[] = [];
    for (let sequence = 0; sequence < CHUNKS; sequence++) {
      const bytesBase64 = randomBytes(CHUNK_BYTES).toString('base64'); // made outside the timing, as the window does
      appends.push(await timeMsAsync(async () => must(await registry.call('recordings.append', { recordingId, sequence, bytesBase64 }))));
    }
    report('recording-append-5s-chunk-60min-p95', percentile(appends, 95), 'ms');
    const finished = must(await registry.call('recordings.finish', { recordingId, durationMs: CHUNKS * 5000 }));
    console.log(`# ${(finished.bytes / 1e6).toFixed(1)} MB in ${finished.chunks} stored chunks`);

    const firstBytes: number[] = [];
    const seeks: number[] = [];
    for (let i = 0; i < 20; i++) {
      firstBytes.push(timeMs(() => audioResponse(core.session, recordingId, 'bytes=0-')));
      seeks.push(timeMs(() => audioResponse(core.session, recordingId, `bytes=${Math.floor(finished.bytes / 2) + i * 1000}-`)));
    }
    report('recording-play-first-bytes-60min-p95', percentile(firstBytes, 95), 'ms');
    report('recording-seek-middle-60min-p95', percentile(seeks, 95), 'ms');
  });
}
