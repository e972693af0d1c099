import { statSync } from 'node:fs';
import { join } from 'node:path';
import { consentEveryone, importBenchPeople, must, seedHeldPairsWithLogs, withBenchVault } from './bench-vault';
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
      seedHeldPairsWithLogs(db, pilotId, people, MEETINGS_PER_PAIR, (_author, partner) => [
        `Met ${partner.name} in the library.`,
        'It felt honest.',
        'Useful.',
        `${partner.name.split(' ')[0]} said the rules felt written for someone else.`,
        'We agreed one change.',
        'Send the article.',
      ]);
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
