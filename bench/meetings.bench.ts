import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core';
import { seededRandom } from '../electron/core/util/random';
import { eoiCsv } from './participants.bench';
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
  const dir = mkdtempSync(join(tmpdir(), 'reciprocal-bench-meetings-'));
  try {
    const { registry, session } = createCore(join(dir, 'vault'), { scrypt: { N: 2 ** 12, r: 8, p: 1 }, now: () => new Date('2026-10-15T09:00:00Z') });
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    must(await registry.call('vault.create', { passphrase: 'lantern orbit pebble wisdom' }));
    await registry.call('settings.update', { timeZone: 'Europe/London' });
    const pilotId = must(await registry.call('pilots.create', { name: 'Bench', startDate: '2026-10-01', endDate: '2027-06-30' })).id;
    for (const title of ['Identity', 'Belonging', 'Assessment', 'Voice']) must(await registry.call('themes.create', { pilotId, theme: { title } }));
    await registry.call('matching.setSettings', { pilotId, settings: { mode: 'most-paired', weights: { chemistry: 40, preferences: 25, difference: 15, topics: 10, availability: 10 }, differenceCharacteristics: [], allowSameDepartment: true, requireAvailabilityOverlap: false } });
    const file = { name: 'eoi.csv', base64: Buffer.from(eoiCsv(PAIRS * 2, 3, true)).toString('base64') };
    must(await registry.call('participants.import', { pilotId, file, mapping: must(await registry.call('participants.importPreview', { pilotId, file })).mapping }));
    const people = must(await registry.call('participants.list', { pilotId })).rows;
    const mentors = people.filter((p) => p.role === 'mentor');
    const mentees = people.filter((p) => p.role === 'mentee');
    const n = Math.min(PAIRS, mentors.length, mentees.length);
    // One confirmation call pairs everyone and generates 4 meetings per pair from the plan.
    must(await registry.call('matching.confirm', { pilotId, pairs: Array.from({ length: n }, (_, i) => ({ mentorId: mentors[i]!.id, menteeId: mentees[i]!.id })) }));

    // Seeding only: mark half the meetings held and write two logs for each, in one transaction.
    const random = seededRandom(5);
    const words = vocabulary(random, 3000);
    // Zipf-like: rank r is drawn with probability ~ 1/r.
    const word = () => words[Math.min(words.length - 1, Math.floor(Math.exp(random() * Math.log(words.length))) - 1)]!;
    const text = (count: number) => Array.from({ length: count }, word).join(' ');
    const db = session.db;
    db.transaction(() => {
      // All meetings held but the last one of every fifth pair (left scheduled: overdue or due soon).
      const held = db.prepare('SELECT m.id, m.date, x.mentor_id, x.mentee_id FROM meetings m JOIN pairs x ON x.id = m.pair_id WHERE NOT (m.sequence = 4 AND x.id % 5 = 0)').all() as { id: number; date: string; mentor_id: number; mentee_id: number }[];
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
    }).immediate();
    const counts = db.prepare('SELECT (SELECT count(*) FROM pairs) AS pairs, (SELECT count(*) FROM meetings) AS meetings, (SELECT count(*) FROM reflective_logs) AS logs').get() as Record<string, number>;
    console.log(`# seeded ${counts.pairs} pairs, ${counts.meetings} meetings, ${counts.logs} logs`);

    const measure = async (name: string, call: (i: number) => Promise<{ ok: boolean }>) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const result = await call(i);
        times.push(performance.now() - t);
        if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result).slice(0, 200)}`);
      }
      report(`${name}_p95`, percentile(times, 95), 'ms', 2);
    };
    // "Today" around the last meetings: overdue, due soon and done all non-empty.
    const later = createCore(join(dir, 'vault'), { scrypt: { N: 2 ** 12, r: 8, p: 1 }, now: () => new Date('2027-01-03T09:00:00Z') });
    session.lock();
    must(await later.registry.call('vault.unlock', { passphrase: 'lantern orbit pebble wisdom' }));
    await measure('meetings_overview_2500_pairs', () => later.registry.call('meetings.overview', { pilotId }));
    await measure('meetings_for_pair', (i) => later.registry.call('meetings.forPair', { pairId: 1 + ((i * 97) % n) }));
    await measure('logs_owed_20000_logs', () => later.registry.call('logs.owed', { pilotId }));
    const queries = ['belonging', 'feedback deadline', 'camp', 'library union', 'placement', 'voice seminar', words[400]!, words[1500]!.slice(0, 4)];
    await measure('logs_search_20000_logs', (i) => later.registry.call('logs.search', { pilotId, query: queries[i % queries.length]!, limit: 50 }));
    later.session.lock();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
