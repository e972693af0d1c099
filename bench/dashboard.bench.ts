import { BENCH_PASSPHRASE, createBenchPilot, importBenchPeople, must, openBenchCore, timeRuns, withBenchVault } from './bench-vault';
import { percentile, report } from './stats';

const PAIRS = 2_500;
const RUNS = 60;

/**
 * The pilot dashboard on the big bench vault: 5,000 people in 2,500 pairs, four meetings each
 * (three held, with both logs mostly written), training for half, a timeline and a survey wave.
 */
export async function run(): Promise<void> {
  await withBenchVault('dashboard', '2026-10-15T09:00:00Z', async ({ registry, session }, dir) => {
    await registry.call('settings.update', { timeZone: 'Europe/London' });
    const pilotId = await createBenchPilot(registry);
    for (const title of ['Identity', 'Belonging', 'Assessment', 'Voice']) must(await registry.call('themes.create', { pilotId, theme: { title } }));
    must(await registry.call('milestones.applyTemplate', { pilotId }));
    must(await registry.call('matching.setSettings', { pilotId, settings: { mode: 'most-paired', weights: { chemistry: 40, preferences: 25, difference: 15, topics: 10, availability: 10 }, differenceCharacteristics: [], allowSameDepartment: true, requireAvailabilityOverlap: false } }));
    await importBenchPeople(registry, pilotId, PAIRS * 2);
    const people = must(await registry.call('participants.list', { pilotId })).rows;
    const mentors = people.filter((p) => p.role === 'mentor');
    const mentees = people.filter((p) => p.role === 'mentee');
    const n = Math.min(PAIRS, mentors.length, mentees.length);

    // Seeding only, straight into the tables in one transaction (the channels are each benched elsewhere).
    const db = session.db;
    db.transaction(() => {
      const form = db.prepare("INSERT INTO consent_forms (pilot_id, version, dated_on, body) VALUES (?, '1', '2026-09-01', 'Bench consent')").run(pilotId).lastInsertRowid;
      const consent = db.prepare("INSERT INTO consent_records (participant_id, form_id, given_on, take_part, research_use_of_logs, audio_recording, direct_quotes, archiving, recorded_at) VALUES (?, ?, '2026-09-10', 1, 1, 0, 1, 1, '2026-09-10T10:00:00Z')");
      for (const p of people) consent.run(p.id, form);
      db.prepare("UPDATE participants SET consent_state = 'given', status = 'chemistry' WHERE pilot_id = ?").run(pilotId);
      const session = db.prepare("INSERT INTO training_sessions (pilot_id, held_on, audience, topics) VALUES (?, '2026-10-10', 'both', '[\"Confidentiality and its limits\",\"The disclosure protocol\"]')").run(pilotId).lastInsertRowid;
      const attend = db.prepare('INSERT INTO training_attendance (session_id, participant_id) VALUES (?, ?)');
      for (const [i, p] of people.entries()) if (i % 2 === 0) attend.run(session, p.id);
    }).immediate();
    must(await registry.call('matching.confirm', { pilotId, pairs: Array.from({ length: n }, (_, i) => ({ mentorId: mentors[i]!.id, menteeId: mentees[i]!.id })) }));
    db.transaction(() => {
      // Every 50th person's consent record is lost after pairing: the "consent missing" item has something to find.
      db.prepare("UPDATE participants SET consent_state = 'none' WHERE pilot_id = ? AND id % 50 = 0").run(pilotId);
      const held = db.prepare("SELECT m.id, x.mentor_id, x.mentee_id FROM meetings m JOIN pairs x ON x.id = m.pair_id WHERE m.sequence <= 3 AND x.id % 10 <> 0 ORDER BY m.id").all() as { id: number; mentor_id: number; mentee_id: number }[];
      const markHeld = db.prepare("UPDATE meetings SET status = 'held', held_on = date, actual_duration_min = 60 WHERE id = ?");
      const log = db.prepare("INSERT INTO reflective_logs (meeting_id, author_id, state, description, updated_at, submitted_at) VALUES (?, ?, 'submitted', 'Bench log', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')");
      for (const [i, m] of held.entries()) {
        markHeld.run(m.id);
        log.run(m.id, m.mentor_id);
        if (i % 7 !== 0) log.run(m.id, m.mentee_id);
      }
    }).immediate();
    const instrument = must(await registry.call('surveys.createInstrument', { pilotId, title: 'Belonging survey', template: 'scheme' }));
    must(await registry.call('surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'pre', title: 'Before', audience: 'both', opensOn: '2026-10-01', closesOn: '2027-01-08' } }));
    const counts = db.prepare('SELECT (SELECT count(*) FROM participants) AS people, (SELECT count(*) FROM pairs) AS pairs, (SELECT count(*) FROM meetings) AS meetings, (SELECT count(*) FROM reflective_logs) AS logs').get() as Record<string, number>;
    console.log(`# seeded ${counts.people} people, ${counts.pairs} pairs, ${counts.meetings} meetings, ${counts.logs} logs`);

    // "Today" mid-scheme: meetings held, overdue and upcoming, logs owed, a wave closing.
    session.lock();
    const later = openBenchCore(dir, '2027-01-03T09:00:00Z');
    must(await later.registry.call('vault.unlock', { passphrase: BENCH_PASSPHRASE }));
    const first = must(await later.registry.call('dashboard.get', { pilotId }));
    console.log(`# dashboard: ${first.meetings.held} held, ${first.meetings.overdue} overdue, ${first.logsOwed} logs owed; attention: ${first.attention.map((a) => `${a.kind} ${a.count}`).join(', ')}`);
    const times = await timeRuns(RUNS, async () => must(await later.registry.call('dashboard.get', { pilotId })));
    report('dashboard_2500_pairs_median', percentile(times, 50), 'ms', 2);
    report('dashboard_2500_pairs_p95', percentile(times, 95), 'ms', 2);
    later.session.lock();
  });
}
