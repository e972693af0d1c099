import { consentEveryone, importBenchPeople, must, withBenchVault } from './bench-vault';
import { percentile, report, timeMsAsync } from './stats';

const EXCERPTS = 500;
/** About three hours of talk: 36 lines a minute of ~80 characters. */
const LINES = 6_500;

/**
 * Transcripts grow with the interview and the coding: autosaving a three-hour transcript while
 * typing near its start (every one of 500 coded excerpts after the edit moves), and a page of a
 * code's excerpts across interviews.
 */
export async function run(): Promise<void> {
  await withBenchVault('transcripts', '2027-06-01T09:00:00Z', async (core) => {
    const { registry } = core;
    const pilotId = must(await registry.call('pilots.create', { name: 'Bench', startDate: '2026-10-01', endDate: '2027-06-30' })).id;
    await importBenchPeople(registry, pilotId, 2);
    await consentEveryone(core, pilotId);
    const participantId = (core.session.db.prepare('SELECT id FROM participants WHERE pilot_id = ? ORDER BY id LIMIT 1').get(pilotId) as { id: number }).id;
    const interviewer = must(await registry.call('interviews.addInterviewer', { name: 'Bench Interviewer', email: 'bench@example.ac.uk', passphrase: 'harbour violet cactus thimble' }));
    const interview = must(await registry.call('interviews.schedule', { pilotId, participantId, interviewerId: interviewer.id, scheduledOn: '2027-05-20', startsAt: '10:00', place: '', onlineLink: '' }));
    must(await registry.call('interviews.checkConsent', { interviewId: interview.id }));

    const lines = Array.from({ length: LINES }, (_, i) => `[${String(Math.floor(i / 2160)).padStart(2, '0')}:${String(Math.floor(i / 36) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}] Speaker ${i % 2 ? 'B' : 'A'}: line ${i} about the scheme, naïve café 🙂 words.`);
    let body = lines.join('\n');
    let version = must(await registry.call('transcripts.save', { interviewId: interview.id, baseVersion: 0, body })).version;
    const code = must(await registry.call('codebook.create', { pilotId, name: 'Bench code', colour: '#9fd0f0', description: '' }));
    const step = Math.floor(Array.from(body).length / (EXCERPTS + 1));
    for (let i = 1; i <= EXCERPTS; i++) must(await registry.call('coding.apply', { interviewId: interview.id, start: i * step, end: i * step + 20, codeIds: [code.id], memo: '' }));
    console.log(`# ${body.length.toLocaleString('en')} characters, ${EXCERPTS} excerpts`);

    const saves: number[] = [];
    for (let i = 0; i < 20; i++) {
      body = `x${body}`; // typing at the very start: every excerpt moves
      saves.push(
        await timeMsAsync(async () => {
          version = must(await registry.call('transcripts.save', { interviewId: interview.id, baseVersion: version, body })).version;
        }),
      );
    }
    report('transcript-autosave-3h-500-excerpts-p95', percentile(saves, 95), 'ms');

    const pages: number[] = [];
    for (let offset = 0; offset < 200; offset += 20) pages.push(await timeMsAsync(async () => must(await registry.call('coding.byCode', { codeId: code.id, offset, limit: 20 }))));
    report('coding-by-code-page-500-excerpts-p95', percentile(pages, 95), 'ms');
  });
}
