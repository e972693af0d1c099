import { seededRandom } from '../electron/core/util/random';
import { createBenchPilot, importBenchPeople, must, withBenchVault } from './bench-vault';
import { percentile, report } from './stats';

const PEOPLE = 5_000;
const CONCERNS = 3_000;
const RUNS = 60;

/**
 * The safeguarding register of a whole university over several years: 3,000 concerns about 5,000
 * people (10% open), each with three protocol steps, a referral, two follow-ups and its history.
 * Every read is an audited read (a write of its audit entry), so these figures include that.
 */
export async function run(): Promise<void> {
  await withBenchVault('safeguarding', '2027-03-01T09:00:00Z', async ({ registry, session }) => {
    await registry.call('settings.update', { timeZone: 'Europe/London' });
    const pilotId = await createBenchPilot(registry);
    must(await registry.call('plan.setSafeguarding', { pilotId, safeguarding: { referralServices: [{ name: 'Wellbeing service', contact: '' }], concernRetentionMonths: 72 } }));
    await importBenchPeople(registry, pilotId, PEOPLE);
    const people = must(await registry.call('participants.list', { pilotId })).rows.map((p) => p.id);

    // Seeding only, in one transaction.
    const random = seededRandom(14);
    const db = session.db;
    const day = (offset: number) => new Date(Date.UTC(2027, 2, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    db.transaction(() => {
      const concern = db.prepare(
        `INSERT INTO concerns (pilot_id, raised_on, raised_via, raised_by, about_participant_id, category, risk, what_was_said, status, outcome, closed_on, created_at, updated_at)
         VALUES (?, ?, 'direct', 'participant', ?, ?, ?, ?, ?, ?, ?, '2027-01-01T10:00:00Z', '2027-01-01T10:00:00Z')`,
      );
      const step = db.prepare('INSERT INTO concern_steps (concern_id, position, text, from_protocol, done_on, note) VALUES (?, ?, ?, 1, ?, ?)');
      const referral = db.prepare("INSERT INTO concern_referrals (concern_id, service, referred_on, outcome) VALUES (?, 'Wellbeing service', ?, 'Seen twice')");
      const followUp = db.prepare('INSERT INTO concern_follow_ups (concern_id, due_on, what, done_on) VALUES (?, ?, ?, ?)');
      const history = db.prepare("INSERT INTO concern_history (concern_id, at, change) VALUES (?, '2027-01-01T10:00:00Z', ?)");
      const categories = ['wellbeing', 'safeguarding', 'conduct', 'dignity-at-work', 'other'];
      const risks = ['low', 'medium', 'high', 'immediate'];
      for (let i = 0; i < CONCERNS; i++) {
        const open = i % 10 === 0;
        const raised = day(-1_800 + Math.floor((i / CONCERNS) * 1_790));
        const id = Number(
          concern.run(pilotId, raised, people[Math.floor(random() * people.length)], categories[i % 5], risks[Math.floor(random() * 4)], 'A synthetic concern for the benchmark. '.repeat(8), open ? 'open' : 'closed', open ? '' : 'Support in place.', open ? null : raised).lastInsertRowid,
        );
        for (let s = 1; s <= 3; s++) step.run(id, s, `Step ${s} of the protocol`, s < 3 ? raised : null, 'Noted.');
        referral.run(id, raised);
        followUp.run(id, open ? day(i % 20 === 0 ? -3 : 5) : raised, 'Check in', open ? null : raised);
        followUp.run(id, raised, 'First check', raised);
        for (const line of ['Raised', 'Step 1 done', 'Referred', 'Closed']) history.run(id, line);
      }
    }).immediate();
    console.log(`# seeded ${CONCERNS} concerns (${CONCERNS / 10} open) about ${people.length} people`);

    const measure = async (name: string, call: (i: number) => Promise<{ ok: boolean }>) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        registry.grantStepUpInProcess();
        const t = performance.now();
        const result = await call(i);
        times.push(performance.now() - t);
        if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result).slice(0, 200)}`);
      }
      report(`${name}_p95`, percentile(times, 95), 'ms', 2);
    };
    await measure('safeguarding_summary_3000_concerns', () => registry.call('safeguarding.summary', { pilotId }));
    await measure('safeguarding_register_open_first_page', () => registry.call('safeguarding.list', { pilotId }));
    await measure('safeguarding_register_overdue', () => registry.call('safeguarding.list', { pilotId, overdueOnly: true }));
    await measure('safeguarding_register_all_page_40', () => registry.call('safeguarding.list', { pilotId, status: 'all', offset: 1_000 }));
    await measure('safeguarding_concern_read', (i) => registry.call('safeguarding.get', { id: 1 + ((i * 97) % CONCERNS) }));
    await measure('safeguarding_record_step', (i) => registry.call('safeguarding.recordStep', { id: 1 + (i % 300) * 30, doneOn: '2027-02-28', note: `Run ${i}` }));
    session.lock();
  });
}
