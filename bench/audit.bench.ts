/**
 * The audit trail of a long-running vault: 100,000 entries (a year of a large scheme). What the
 * audit screen asks for: the first page, a feature, a day range, a deep page, and a draft's latest
 * entry (asked on every autosave).
 */
import { appendAudit, latestAuditOf } from '../electron/core/audit';
import { asWriteDb } from '../electron/core/db/query';
import { createBenchPilot, must, timeRuns, withBenchVault } from './bench-vault';
import { percentile, report } from './stats';

const ENTRIES = 100_000;
const RUNS = 40;

export async function run(): Promise<void> {
  await withBenchVault('audit', '2027-06-01T09:00:00Z', async ({ registry, session }) => {
    const pilotId = await createBenchPilot(registry);
    const person = must(await registry.call('participants.create', { pilotId, participant: { name: 'Bench Person', email: 'bench@example.ac.uk', role: 'mentor' } }));

    // Seeding only, in one transaction, through the trail's own append (so the chain is real).
    const actions: [string, string][] = [
      ['participants.update', 'participant'],
      ['meetings.markHeld', 'meeting'],
      ['logs.saveDraft', 'reflective_log'],
      ['logs.submit', 'reflective_log'],
      ['chemistry.create', 'chemistry_meeting'],
      ['meetings.reschedule', 'meeting'],
    ];
    const db = session.db;
    const start = Date.parse('2026-10-01T08:00:00Z');
    db.transaction(() => {
      for (let i = 0; i < ENTRIES; i++) {
        const [action, entityType] = actions[i % actions.length]!;
        const at = new Date(start + i * 150_000).toISOString(); // every 2.5 minutes, over ~8 months
        appendAudit(asWriteDb(db), 'coordinator', at, { action, entityType, entityId: entityType === 'participant' ? person.id : 1 + (i % 5000) });
      }
    }).immediate();
    const total = must(await registry.call('audit.page', { limit: 1 })).total;
    console.log(`# seeded ${total.toLocaleString('en-GB')} audit entries`);

    const measure = async (name: string, input: Record<string, unknown>) => {
      const times = await timeRuns(RUNS, async () => must(await registry.call('audit.page', input as never)));
      report(`${name}_p95`, percentile(times, 95), 'ms', 2);
    };
    await measure('audit_open_first_page', {});
    await measure('audit_feature_meetings', { action: 'meetings' });
    await measure('audit_one_action', { action: 'logs.submit' });
    await measure('audit_one_week', { from: '2027-01-04', to: '2027-01-10' });
    await measure('audit_deep_page', { offset: 90_000 });
    // What each autosave asks: the draft's latest entry.
    let draft = 0;
    const times = await timeRuns(RUNS * 10, () => latestAuditOf(asWriteDb(db), 'reflective_log', 1 + (draft++ % 5000)));
    report('audit_draft_latest_entry_p95', percentile(times, 95), 'ms', 3);
  });
}
