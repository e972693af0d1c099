import { asReadDb } from '../electron/core/db/query';
import { makeQdpx } from '../electron/core/qdpx';
import { toneWav } from '../electron/core/demo/tone-wav';
import { consentEveryone, importBenchPeople, must, withBenchVault } from './bench-vault';
import { median, report, timeMs } from './stats';

const INTERVIEWS = Number(process.env.QDPX_BENCH_INTERVIEWS ?? 40);
/** About 45 minutes of talk per interview: 36 lines a minute. */
const LINES = 1_600;
const EXCERPTS_PER_INTERVIEW = 40;
/** Each recording ~1.8 MB (110 s of 8 kHz 16-bit WAV, as much as ~7 minutes of 32 kbit/s Opus). */
const AUDIO_SECONDS = 110;

/**
 * The REFI-QDA export grows with the interviews: 40 interviews, each with a transcript, coded
 * excerpts and a recording, read from the vault, names replaced, and zipped (in memory; writing the
 * one file is the same as any export).
 */
export async function run(): Promise<void> {
  await withBenchVault('qdpx', '2027-06-30T09:00:00Z', async (core) => {
    const { registry, session } = core;
    const pilotId = must(await registry.call('pilots.create', { name: 'Bench', startDate: '2026-10-01', endDate: '2027-06-30' })).id;
    await importBenchPeople(registry, pilotId, INTERVIEWS);
    await consentEveryone(core, pilotId);
    // Seeding only: everyone's consent covers quotes and archiving audio, so everything goes out.
    session.db.prepare('UPDATE consent_records SET audio_recording = 1, direct_quotes = 1').run();
    const people = session.db.prepare('SELECT id FROM participants WHERE pilot_id = ? ORDER BY id').pluck().all(pilotId) as number[];
    const interviewer = must(await registry.call('interviews.addInterviewer', { name: 'Bench Interviewer', email: 'bench@example.ac.uk', passphrase: 'harbour violet cactus thimble' }));
    const code = must(await registry.call('codebook.create', { pilotId, name: 'Bench code', colour: '#9fd0f0', description: '' }));
    const wav = Buffer.from(toneWav(AUDIO_SECONDS)).toString('base64');
    const lines = Array.from({ length: LINES }, (_, i) => `[${String(Math.floor(i / 2160)).padStart(2, '0')}:${String(Math.floor(i / 36) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}] Speaker ${i % 2 ? 'B' : 'A'}: line ${i} about the scheme, naïve café 🙂 words.`);
    const body = lines.join('\n');
    const step = Math.floor(Array.from(body).length / (EXCERPTS_PER_INTERVIEW + 1));
    for (const participantId of people.slice(0, INTERVIEWS)) {
      const interview = must(await registry.call('interviews.schedule', { pilotId, participantId, interviewerId: interviewer.id, scheduledOn: '2027-05-20', startsAt: '10:00', place: '', onlineLink: '' }));
      must(await registry.call('interviews.checkConsent', { interviewId: interview.id }));
      must(await registry.call('transcripts.save', { interviewId: interview.id, baseVersion: 0, body }));
      for (let i = 1; i <= EXCERPTS_PER_INTERVIEW; i++) must(await registry.call('coding.apply', { interviewId: interview.id, start: i * step, end: i * step + 20, codeIds: [code.id], memo: '' }));
      must(await registry.call('recordings.import', { interviewId: interview.id, fileName: 'bench.wav', bytesBase64: wav }));
    }

    const db = asReadDb(session.db);
    let made: ReturnType<typeof makeQdpx> | undefined;
    const runs = Array.from({ length: 3 }, () => timeMs(() => (made = makeQdpx(db, pilotId, { includeAudio: true }, '2027-06-30', '2027-06-30T09:00:00.000Z'))));
    console.log(`# ${made!.transcripts} transcripts, ${made!.codings} codings, ${made!.recordings} recordings, ${(made!.data.length / 1e6).toFixed(1)} MB`);
    report('qdpx-export-40-interviews-with-audio-median', median(runs), 'ms');
    report('qdpx-export-40-interviews-size', made!.data.length / 1e6, 'MB');
    report('qdpx-export-40-interviews-text-only', timeMs(() => makeQdpx(db, pilotId, { includeAudio: false }, '2027-06-30', '2027-06-30T09:00:00.000Z')), 'ms');
  });
}
