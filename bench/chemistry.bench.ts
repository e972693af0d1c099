/**
 * The chemistry screen on a big pilot: 2,240 people (1,120 students, 1,120 staff) and 2,240
 * chemistry meetings (each student met two members of staff). What the screen asks for when it
 * opens, and the whole list the screen used to load, for comparison.
 */
import { seededRandom } from '../electron/core/util/random';
import { createBenchPilot, importBenchPeople, must, timeRuns, withBenchVault } from './bench-vault';
import { percentile, report } from './stats';

const PEOPLE = 2_240;
const RUNS = 40;

export async function run(): Promise<void> {
  await withBenchVault('chemistry', '2026-11-15T09:00:00Z', async ({ registry, session }) => {
    const pilotId = await createBenchPilot(registry);
    await importBenchPeople(registry, pilotId, PEOPLE);
    const people = must(await registry.call('participants.list', { pilotId })).rows;
    const mentors = people.filter((p) => p.role === 'mentor');
    const mentees = people.filter((p) => p.role === 'mentee');

    // Seeding only, in one transaction: each student met two members of staff over six weeks.
    const random = seededRandom(11);
    const answers = ['yes', 'yes', 'maybe', 'no', null] as const;
    const db = session.db;
    db.transaction(() => {
      const insert = db.prepare(
        'INSERT INTO chemistry_meetings (pilot_id, held_on, mentor_id, mentee_id, happened, mentor_willingness, mentee_willingness, mentor_note, mentee_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      mentors.forEach((mentor, i) => {
        for (const k of [0, 1]) {
          const mentee = mentees[(i + k * 7) % mentees.length]!;
          const happened = random() < 0.93;
          const answer = () => (happened ? answers[Math.floor(random() * answers.length)]! : null);
          const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
          insert.run(pilotId, `2026-10-${day}`, mentor.id, mentee.id, happened ? 1 : 0, answer(), answer(), happened ? 'Got on well; both keen on the placement theme.' : '', '');
        }
      });
    }).immediate();
    const count = (db.prepare('SELECT count(*) FROM chemistry_meetings').pluck().get() as number).toLocaleString('en-GB');
    console.log(`# seeded ${people.length} people, ${count} chemistry meetings`);

    const measure = async (name: string, input: Record<string, unknown>) => {
      const times = await timeRuns(RUNS, async () => must(await registry.call('chemistry.list', { pilotId, ...input } as never)));
      report(`${name}_p95`, percentile(times, 95), 'ms', 2);
    };
    // What the screen asks for when it opens: the first page of 50, newest first, with the totals.
    await measure('chemistry_open_first_page', {});
    await measure('chemistry_last_page', { offset: 2_200 });
    await measure('chemistry_filter_said_no', { filter: 'said-no' });
    await measure('chemistry_search_name', { search: 'son' });
    // The whole list in pages of 500 (the most a call returns), for comparison with loading it all.
    const all = await timeRuns(10, async () => {
      for (let offset = 0; offset < 2_240; offset += 500) must(await registry.call('chemistry.list', { pilotId, offset, limit: 500 }));
    });
    report('chemistry_all_rows_p95', percentile(all, 95), 'ms', 2);
    // The screen also reads the pilot's people (for the pickers of the record form).
    const peopleTimes = await timeRuns(10, async () => must(await registry.call('participants.list', { pilotId, sortBy: 'name' })));
    report('chemistry_people_for_pickers_p95', percentile(peopleTimes, 95), 'ms', 2);
  });
}
