import { statSync } from 'node:fs';
import { join } from 'node:path';
import { consentEveryone, importBenchPeople, must, withBenchVault } from './bench-vault';
import { report } from './stats';

const PEOPLE = 5_000;
const MEETINGS_PER_PAIR = 4;

/**
 * Erasure on a whole university's pilot (5,000 people, 2,500 pairs, 10,000 meetings, 20,000 logs
 * naming the partner): one person's erasure (their rows, their name replaced in all the pilot's
 * free text, the search index rebuilt, VACUUM, WAL truncated), then the whole pilot's at the end
 * of its retention period. The clean-up (VACUUM of the whole file) is most of the time.
 */
export async function run(): Promise<void> {
  await withBenchVault('erasure', '2027-09-01T09:00:00Z', async (core, dir) => {
    const { registry, session } = core;
    const pilotId = must(await registry.call('pilots.create', { name: 'Bench', startDate: '2026-10-01', endDate: '2027-06-30' })).id;
    await importBenchPeople(registry, pilotId, PEOPLE);
    await consentEveryone(core, pilotId);
    must(await registry.call('plan.setGovernance', { pilotId, governance: { ethicsReference: 'BENCH', retentionMonths: 1 } }));

    // Seeding only, in one transaction: pairs, held meetings and logs naming the partner.
    const db = session.db;
    db.transaction(() => {
      const people = db.prepare('SELECT id, role, name FROM participants WHERE pilot_id = ? ORDER BY id').all(pilotId) as { id: number; role: 'mentor' | 'mentee'; name: string }[];
      db.prepare("UPDATE participants SET status = 'active' WHERE pilot_id = ?").run(pilotId);
      const mentors = people.filter((p) => p.role === 'mentor');
      const mentees = people.filter((p) => p.role === 'mentee');
      const pair = db.prepare("INSERT INTO pairs (pilot_id, mentor_id, mentee_id, score, explanation, mentor_status_before, mentee_status_before, confirmed_at) VALUES (?, ?, ?, 1, '[]', 'trained', 'trained', '2026-10-20T09:00:00Z')");
      const meeting = db.prepare(
        "INSERT INTO meetings (pilot_id, pair_id, sequence, theme_title, date, start_time, duration_min, mode, status, held_on, actual_duration_min, updated_at) VALUES (?, ?, ?, 'Belonging', ?, '10:00', 60, 'in-person', 'held', ?, 60, '2027-01-01T00:00:00Z')",
      );
      const log = db.prepare(
        "INSERT INTO reflective_logs (meeting_id, author_id, state, description, feelings, evaluation, analysis, conclusion, action_plan, updated_at, submitted_at) VALUES (?, ?, 'submitted', ?, 'It felt honest.', 'Useful.', ?, 'We agreed one change.', 'Send the article.', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
      );
      for (let i = 0; i < Math.min(mentors.length, mentees.length); i++) {
        const pairId = Number(pair.run(pilotId, mentors[i]!.id, mentees[i]!.id).lastInsertRowid);
        for (let n = 1; n <= MEETINGS_PER_PAIR; n++) {
          const date = `2026-${String(10 + Math.floor(n / 2)).padStart(2, '0')}-${String(5 + n * 3).padStart(2, '0')}`;
          const meetingId = Number(meeting.run(pilotId, pairId, n, date, date).lastInsertRowid);
          for (const [author, partner] of [
            [mentors[i]!, mentees[i]!],
            [mentees[i]!, mentors[i]!],
          ] as const) {
            log.run(meetingId, author.id, `Met ${partner.name} in the library.`, `${partner.name.split(' ')[0]} said the rules felt written for someone else.`);
          }
        }
      }
    }).immediate();
    const file = join(dir, 'vault', 'vault.sqlite');
    console.log(`# seeded ${PEOPLE} people, ${db.prepare('SELECT count(*) FROM reflective_logs').pluck().get() as number} logs; vault ${(statSync(file).size / 1e6).toFixed(1)} MB`);

    const someone = db.prepare("SELECT id, name FROM participants WHERE pilot_id = ? AND role = 'mentor' ORDER BY id LIMIT 1").get(pilotId) as { id: number; name: string };
    let t = performance.now();
    const person = must(await registry.call('erasure.erasePerson', { participantId: someone.id, confirmName: someone.name }));
    report('erasure-person-5000-people-20000-logs', (performance.now() - t) / 1000, 's (rows, names in all free text, clean-up)', 2);
    report('erasure-person-cleanup', person.cleanup.tookMs / 1000, 's (from the erasure’s start to the end of VACUUM and WAL truncate)', 2);
    report('erasure-person-names-replaced', person.counts.find((c) => c.kind === 'names-in-free-text')?.count ?? 0, 'names');

    t = performance.now();
    const pilot = must(await registry.call('erasure.erasePilot', { pilotId, confirmName: 'Bench' }));
    report('erasure-pilot-5000-people-20000-logs', (performance.now() - t) / 1000, 's', 2);
    report('erasure-pilot-records', pilot.counts.reduce((n, c) => n + c.count, 0), 'records');
    report('erasure-vault-after', statSync(file).size / 1e6, 'MB', 1);
  });
}
