import { mkdtempSync, mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core';
import { fixedFolderHost } from '../electron/core/host';
import { seededRandom } from '../electron/core/util/random';
import { BENCH_PASSPHRASE, consentEveryone, createBenchPilot, importBenchPeople, must, seedHeldPairsWithLogs } from './bench-vault';
import { report } from './stats';

const PEOPLE = 5_000;
const MEETINGS_PER_PAIR = 4;
const RUNS = 3;

/** Names from many cultures, so the gazetteer is as varied as a real register (5,000 people, ~1,100 distinct surnames and given names combined). */
const GIVEN = ['Amara', 'Bilal', 'Chen', 'Dara', 'Efua', 'Farah', 'Gethin', 'Hana', 'Ifeoma', 'Jonah', 'Kiran', 'Lena', 'Malik', 'Nadia', 'Oisín', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tomasz', 'Uche', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'José', 'Siobhán', 'Nguyễn', 'Oluwaseun', 'Anna', 'Mehmet', 'Aroha', 'Kwame', 'Ingrid', 'Rahul', 'Fatima', 'Diego', 'Mei', 'Tariq'];
const FAMILY = ['Adeyemi', 'Byrne', 'Chowdhury', 'Dlamini', 'Evans', 'Fernandes', 'Gallagher', 'Haddad', 'Iqbal', 'Jones', 'Kowalski', 'Lin', 'Mensah-Boateng', 'Nowak', 'Osei', 'Patel', 'Quinn', 'Rahman', 'Santos', 'Thompson', 'van der Berg', 'Álvarez García', 'Ní Bhriain', "O'Brien", 'Yilmaz', 'Zhou', 'Nakamura', 'Ivanova', 'Kaur', 'Mbeki'];

/**
 * The research export of a whole university's pilot (target ≤ 10 s, with a progress bar on screen):
 * 5,000 people, 2,500 pairs, 10,000 meetings and 20,000 submitted logs whose every stage is free
 * text naming the partner (full name, first name, possessives) — all through the registry channel
 * the screen calls, files written, names replaced in all free text. Also times the preview (what
 * will go out), which the screen asks for whenever an option changes.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reciprocal-bench-research-'));
  try {
    const out = join(dir, 'out');
    mkdirSync(out);
    const core = createCore(join(dir, 'vault'), { scrypt: { N: 2 ** 12, r: 8, p: 1 }, now: () => new Date('2027-06-15T09:00:00Z'), host: fixedFolderHost(out) });
    must(await core.registry.call('vault.create', { passphrase: BENCH_PASSPHRASE }));
    const { registry, session } = core;
    const pilotId = await createBenchPilot(registry);
    await importBenchPeople(registry, pilotId, PEOPLE);
    await consentEveryone(core, pilotId);

    // Seeding only, in one transaction: realistic names, pairs, meetings and logs naming the partner.
    const db = session.db;
    const random = seededRandom(21);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const sentences = [
      'We talked about belonging and how the timetable lands for commuting students.',
      'It was good to hear a view of assessment I had not considered before.',
      'I felt nervous at first, but the conversation became easy and honest.',
      'Next time we will look at the feedback forms together and agree one change.',
      'The library café was noisy, so we moved to a quiet room halfway through.',
    ];
    db.transaction(() => {
      const people = db.prepare('SELECT id, role FROM participants WHERE pilot_id = ? ORDER BY id').all(pilotId) as { id: number; role: 'mentor' | 'mentee' }[];
      const rename = db.prepare('UPDATE participants SET name = ?, status = ? WHERE id = ?');
      const names = new Map<number, string>();
      for (const person of people) {
        const name = `${pick(GIVEN)} ${pick(FAMILY)}`;
        names.set(person.id, name);
        rename.run(name, 'active', person.id);
      }
      seedHeldPairsWithLogs(db, pilotId, people, MEETINGS_PER_PAIR, (_author, partner) => {
        const partnerName = names.get(partner.id)!;
        const first = partnerName.split(' ')[0]!;
        return [
          `Met ${partnerName} in the library. ${pick(sentences)}`,
          `${pick(sentences)} ${first}'s honesty helped.`,
          `${pick(sentences)} ${pick(sentences)}`,
          `${first} said the rules felt written for someone else. ${pick(sentences)}`,
          pick(sentences),
          `Send ${first} the article. ${pick(sentences)}`,
        ];
      });
    }).immediate();
    const logs = db.prepare('SELECT count(*) FROM reflective_logs').pluck().get() as number;
    console.log(`# seeded ${PEOPLE} people, ${logs} submitted logs (6 free-text stages each, every one naming the partner)`);

    const preview: number[] = [];
    const write: number[] = [];
    // CPU time of this process too: on a shared machine the wall clock also counts waiting for a core.
    const cpu: number[] = [];
    let result: Awaited<ReturnType<typeof registry.call<'researchExport.write'>>> | undefined;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      must(await registry.call('researchExport.preview', { pilotId }));
      preview.push(performance.now() - t);
      // The screen polls progress while the export runs: count the answers it would get.
      let polls = 0;
      const poller = setInterval(() => {
        void registry.call('researchExport.progress', {}).then((answer) => {
          if (answer.ok && answer.value.running) polls++;
        });
      }, 250);
      t = performance.now();
      const used = process.cpuUsage();
      result = await registry.call('researchExport.write', { pilotId });
      write.push(performance.now() - t);
      const spent = process.cpuUsage(used);
      cpu.push((spent.user + spent.system) / 1000);
      clearInterval(poller);
      console.log(`# run ${i + 1}: ${Math.round(write.at(-1)!)} ms, ${polls} progress answers while writing`);
    }
    const written = must(result!);
    const bytes = readdirSync(out).reduce((n, file) => n + statSync(join(out, file)).size, 0);
    report('research-export-write-5000-people-20000-logs', Math.min(...write) / 1000, 's (best of 3, target ≤ 10 s)', 2);
    report('research-export-write-median', [...write].sort((a, b) => a - b)[1]! / 1000, 's', 2);
    report('research-export-write-cpu', Math.min(...cpu) / 1000, 's of CPU (best of 3)', 2);
    report('research-export-preview-5000', Math.min(...preview), 'ms');
    report('research-export-names-replaced', written.namesReplaced, 'names');
    report('research-export-bytes', bytes / 1e6, 'MB', 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
