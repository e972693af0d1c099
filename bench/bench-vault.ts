/** What every bench sets up the same way: a throwaway vault, a pilot of imported people, timed runs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core';
import { eoiCsv } from './participants.bench';

export type BenchCore = ReturnType<typeof createCore>;
type Registry = BenchCore['registry'];

export const BENCH_PASSPHRASE = 'lantern orbit pebble wisdom';

/** A channel's answer, or the bench stops with its message. */
export const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** The vault in `dir` with a fast key derivation (the bench times the app, not scrypt) and its clock at `now`. */
export const openBenchCore = (dir: string, now: string): BenchCore => createCore(join(dir, 'vault'), { scrypt: { N: 2 ** 12, r: 8, p: 1 }, now: () => new Date(now) });

/** A new vault in a temporary folder (`name` tells the folders apart), removed afterwards whatever happens. */
export async function withBenchVault(name: string, now: string, body: (core: BenchCore, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `reciprocal-bench-${name}-`));
  try {
    const core = openBenchCore(dir, now);
    must(await core.registry.call('vault.create', { passphrase: BENCH_PASSPHRASE }));
    await body(core, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's pilot, a university year long. */
export const createBenchPilot = async (registry: Registry): Promise<number> =>
  must(await registry.call('pilots.create', { name: 'Bench', startDate: '2026-10-01', endDate: '2027-06-30' })).id;

/** `people` people (half students, half staff) imported into the pilot from an expression-of-interest file, as the coordinator would. */
export async function importBenchPeople(registry: Registry, pilotId: number, people: number): Promise<void> {
  const file = { name: 'eoi.csv', base64: Buffer.from(eoiCsv(people, 3, true)).toString('base64') };
  const { stagedId } = must(await registry.call('imports.stage', { file }));
  must(await registry.call('participants.import', { pilotId, stagedId, mapping: must(await registry.call('participants.importPreview', { pilotId, stagedId })).mapping }));
}

/** How long each of `runs` calls took, in milliseconds (a synchronous call is timed without an await). */
export async function timeRuns(runs: number, run: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const result = run();
    if (result instanceof Promise) await result;
    times.push(performance.now() - t);
  }
  return times;
}

/** Seeding only: everyone in the pilot consents to take part, to research use of their logs and to archiving (form of 1 Sep 2026). */
export async function consentEveryone({ registry, session }: BenchCore, pilotId: number): Promise<void> {
  const form = must(await registry.call('consentForms.create', { pilotId, form: { version: '1', datedOn: '2026-09-01', text: 'Bench consent.' } }));
  const db = session.db;
  db.transaction(() => {
    const people = db.prepare('SELECT id FROM participants WHERE pilot_id = ?').pluck().all(pilotId) as number[];
    const consent = db.prepare(
      "INSERT INTO consent_records (participant_id, form_id, given_on, take_part, research_use_of_logs, audio_recording, direct_quotes, archiving, recorded_at) VALUES (?, ?, '2026-09-10', 1, 1, 0, 0, 1, '2026-09-10T09:00:00Z')",
    );
    const given = db.prepare("UPDATE participants SET consent_state = 'given' WHERE id = ?");
    for (const id of people) {
      consent.run(id, form.id);
      given.run(id);
    }
  }).immediate();
}

interface SeedPerson {
  id: number;
  role: 'mentor' | 'mentee';
}

/**
 * Seeding only (no handler runs, one transaction): mentors and mentees of the pilot paired in order,
 * each pair with `meetingsPerPair` held meetings and a submitted log from each side; `stages` writes
 * the six Gibbs stages of one person's log about their partner.
 */
export function seedHeldPairsWithLogs<P extends SeedPerson>(
  db: BenchCore['session']['db'],
  pilotId: number,
  people: readonly P[],
  meetingsPerPair: number,
  stages: (author: P, partner: P) => readonly [string, string, string, string, string, string],
): void {
  const pair = db.prepare("INSERT INTO pairs (pilot_id, mentor_id, mentee_id, score, explanation, mentor_status_before, mentee_status_before, confirmed_at) VALUES (?, ?, ?, 1, '[]', 'trained', 'trained', '2026-10-20T09:00:00Z')");
  const meeting = db.prepare(
    "INSERT INTO meetings (pilot_id, pair_id, sequence, theme_title, date, start_time, duration_min, mode, status, held_on, actual_duration_min, updated_at) VALUES (?, ?, ?, 'Belonging', ?, '10:00', 60, 'in-person', 'held', ?, 60, '2027-01-01T00:00:00Z')",
  );
  const log = db.prepare(
    "INSERT INTO reflective_logs (meeting_id, author_id, state, description, feelings, evaluation, analysis, conclusion, action_plan, updated_at, submitted_at) VALUES (?, ?, 'submitted', ?, ?, ?, ?, ?, ?, '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
  );
  const mentors = people.filter((p) => p.role === 'mentor');
  const mentees = people.filter((p) => p.role === 'mentee');
  for (let i = 0; i < Math.min(mentors.length, mentees.length); i++) {
    const mentor = mentors[i]!;
    const mentee = mentees[i]!;
    const pairId = Number(pair.run(pilotId, mentor.id, mentee.id).lastInsertRowid);
    for (let n = 1; n <= meetingsPerPair; n++) {
      const date = `2026-${String(10 + Math.floor(n / 2)).padStart(2, '0')}-${String(5 + n * 3).padStart(2, '0')}`;
      const meetingId = Number(meeting.run(pilotId, pairId, n, date, date).lastInsertRowid);
      log.run(meetingId, mentor.id, ...stages(mentor, mentee));
      log.run(meetingId, mentee.id, ...stages(mentee, mentor));
    }
  }
}
