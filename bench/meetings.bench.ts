import { seededRandom } from '../electron/core/util/random';
import { BENCH_PASSPHRASE, consentEveryone, createBenchPilot, importBenchPeople, must, openBenchCore, withBenchVault } from './bench-vault';
import { percentile, report } from './stats';

const PAIRS = 2_500;
const RUNS = 60;
/** A vocabulary with a realistic spread: a few very common words, many rare ones (Zipf). */
function vocabulary(random: () => number, size: number): string[] {
  const syllables = ['ba', 'ce', 'di', 'fo', 'gu', 'ha', 'ke', 'li', 'mo', 'nu', 'pa', 're', 'si', 'to', 'vu', 'wa', 'ye', 'zo'];
  const common = 'the and of to in was we about how it that my with for felt talked our'.split(' ');
  const themed = 'belonging feedback seminar confidence culture assessment timetable voice listening perspective induction campus commute deadline society library union lecture placement'.split(' ');
  const rare = Array.from({ length: size }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  return [...common, ...themed, ...rare];
}

export async function run(): Promise<void> {
  await withBenchVault('meetings', '2026-10-15T09:00:00Z', async ({ registry, session }, dir) => {
    await registry.call('settings.update', { timeZone: 'Europe/London' });
    const pilotId = await createBenchPilot(registry);
    for (const title of ['Identity', 'Belonging', 'Assessment', 'Voice']) must(await registry.call('themes.create', { pilotId, theme: { title } }));
    await registry.call('matching.setSettings', { pilotId, settings: { mode: 'most-paired', weights: { chemistry: 40, preferences: 25, difference: 15, topics: 10, availability: 10 }, differenceCharacteristics: [], allowSameDepartment: true, requireAvailabilityOverlap: false } });
    await importBenchPeople(registry, pilotId, PAIRS * 2);
    const people = must(await registry.call('participants.list', { pilotId })).rows;
    const mentors = people.filter((p) => p.role === 'mentor');
    const mentees = people.filter((p) => p.role === 'mentee');
    const n = Math.min(PAIRS, mentors.length, mentees.length);
    // Pairing asks for consent to take part first; this scheme pairs without waiting for chemistry meetings.
    await consentEveryone({ registry, session }, pilotId);
    const { meetingPlan } = must(await registry.call('plan.get', { pilotId }));
    must(await registry.call('plan.setMeetingPlan', { pilotId, meetingPlan: { ...meetingPlan, chemistryBeforePairing: false } }));
    // One confirmation call pairs everyone and generates 4 meetings per pair from the plan.
    must(await registry.call('matching.confirm', { pilotId, pairs: Array.from({ length: n }, (_, i) => ({ mentorId: mentors[i]!.id, menteeId: mentees[i]!.id })) }));

    // Seeding only, in one transaction: every meeting held with both logs (90% submitted, 10% drafts),
    // then a fifth meeting for 50 pairs still to be held — 25 overdue, 25 in the next 7 days.
    const random = seededRandom(5);
    const words = vocabulary(random, 3000);
    // Zipf-like: rank r is drawn with probability ~ 1/r.
    const word = () => words[Math.min(words.length - 1, Math.floor(Math.exp(random() * Math.log(words.length))) - 1)]!;
    const text = (count: number) => Array.from({ length: count }, word).join(' ');
    const db = session.db;
    db.transaction(() => {
      const held = db.prepare('SELECT m.id, x.mentor_id, x.mentee_id FROM meetings m JOIN pairs x ON x.id = m.pair_id ORDER BY m.id').all() as { id: number; mentor_id: number; mentee_id: number }[];
      const markHeld = db.prepare("UPDATE meetings SET status = 'held', held_on = date, actual_duration_min = 60 WHERE id = ?");
      const insertLog = db.prepare(
        "INSERT INTO reflective_logs (meeting_id, author_id, state, description, feelings, evaluation, analysis, conclusion, action_plan, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')",
      );
      for (const m of held) {
        markHeld.run(m.id);
        for (const author of [m.mentor_id, m.mentee_id]) {
          insertLog.run(m.id, author, random() < 0.9 ? 'submitted' : 'draft', text(60), text(25), text(30), text(40), text(25), text(25));
        }
      }
      const extra = db.prepare("INSERT INTO meetings (pilot_id, pair_id, sequence, theme_title, date, start_time, duration_min, mode, status, updated_at) VALUES (?, ?, 5, 'Voice', ?, '10:00', 60, 'in-person', 'scheduled', '2026-12-01T10:00:00Z')");
      for (let k = 0; k < 50; k++) extra.run(pilotId, 1 + k * 50, k < 25 ? '2026-12-20' : '2027-01-06');
    }).immediate();
    const counts = db.prepare('SELECT (SELECT count(*) FROM pairs) AS pairs, (SELECT count(*) FROM meetings) AS meetings, (SELECT count(*) FROM reflective_logs) AS logs').get() as Record<string, number>;
    console.log(`# seeded ${counts.pairs} pairs, ${counts.meetings} meetings, ${counts.logs} logs`);

    const measure = async (name: string, call: (i: number) => Promise<{ ok: boolean }[] | { ok: boolean }>) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const results = [await call(i)].flat();
        times.push(performance.now() - t);
        const failed = results.find((r) => !r.ok);
        if (failed) throw new Error(`${name} failed: ${JSON.stringify(failed).slice(0, 200)}`);
      }
      report(`${name}_p95`, percentile(times, 95), 'ms', 2);
    };
    // "Today" around the last meetings: overdue, due soon and done all non-empty.
    const later = openBenchCore(dir, '2027-01-03T09:00:00Z');
    session.lock();
    must(await later.registry.call('vault.unlock', { passphrase: BENCH_PASSPHRASE }));
    const r = later.registry;
    await measure('meetings_overview_counts', () => r.call('meetings.overview', { pilotId }));
    await measure('meetings_list_overdue', () => r.call('meetings.list', { pilotId, kind: 'overdue' }));
    await measure('meetings_list_done_first_100', () => r.call('meetings.list', { pilotId, kind: 'done' }));
    await measure('meetings_pair_progress_first_100', (i) => r.call('meetings.pairProgress', { pilotId, offset: (i % 3) * 1_000 }));
    // What the Meetings screen asks for when it opens: counts, the three lists, the first page of pairs.
    await measure('meetings_overview_screen_2500_pairs', async () => [
      await r.call('meetings.overview', { pilotId }),
      await r.call('meetings.list', { pilotId, kind: 'overdue' }),
      await r.call('meetings.list', { pilotId, kind: 'due-soon' }),
      await r.call('meetings.list', { pilotId, kind: 'done' }),
      await r.call('meetings.pairProgress', { pilotId }),
    ]);
    await measure('meetings_pair_progress_all_2500', () => r.call('meetings.pairProgress', { pilotId, limit: 10_000 }));
    await measure('meetings_for_pair', (i) => r.call('meetings.forPair', { pairId: 1 + ((i * 97) % n) }));
    await measure('logs_owed_20000_logs', () => r.call('logs.owed', { pilotId }));
    const queries = ['belonging', 'feedback deadline', 'camp', 'library union', 'placement', 'voice seminar', words[400]!, words[1500]!.slice(0, 4)];
    for (const order of ['newest', 'relevance'] as const) {
      await measure(`logs_search_20000_logs_${order}`, (i) => r.call('logs.search', { pilotId, query: queries[i % queries.length]!, order, limit: 50 }));
    }
    later.session.lock();
  });
}
