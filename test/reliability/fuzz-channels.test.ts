import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { appErrorSchema, channels, contract, type Envelope } from '../../shared/contract';
import { createCore } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import { DemoClock } from '../../electron/core/demo/clock';
import { fillDemo } from '../../electron/core/demo/demo';
import type { Db } from '../../electron/core/db/types';
import { PASSPHRASE, TEST_SCRYPT, expectOk, tempDir } from '../helpers/vault';
import { Rng, makePayload, readWorld, type World } from './fuzz/payloads';

/**
 * Every channel of the contract, called with payloads generated from its input schema — valid-looking
 * ones aimed at the records of one of two demo pilots (and at the other's), and hostile ones — on a
 * real encrypted vault. For each call: the answer is a typed envelope; INTERNAL is a failure; a
 * refused call changed no table (nor the key file); the process survives. Lifecycle channels
 * (vault.*) run last, and after any lock the vault is unlocked again with the current passphrase.
 *
 * Deterministic for FUZZ_SEED; FUZZ_PAYLOADS sets the payloads per channel (a longer hunt:
 * FUZZ_PAYLOADS=400 npx vitest run test/reliability/fuzz-channels.test.ts).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 9);
const PER_CHANNEL = Number(process.env.FUZZ_PAYLOADS ?? 80);
const TODAY = '2026-11-22';

const envelopeSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }).strict(), z.object({ ok: z.literal(false), error: appErrorSchema.strict() }).strict()]);

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('reciprocal-fuzz-')));
afterAll(() => cleanup());

/** Each table's rows as a hash, in a stable order (sorted row texts: no table needs a rowid). */
function tableHashes(db: Db): Map<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").pluck().all() as string[];
  return new Map(
    tables.map((table) => {
      const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
      return [table, createHash('sha256').update(rows.join('\n')).digest('hex')];
    }),
  );
}

/**
 * Rows written by this connection since it opened, triggers included, counted even when rolled
 * back. Unchanged across a call means the call wrote nothing (every handler uses this one
 * connection), so the tables need no re-hashing; changed means hash them and compare.
 */
const totalChanges = (db: Db) => db.prepare('SELECT total_changes()').pluck().get() as number;

interface ChannelStats {
  payloads: number;
  codes: Map<string, number>;
  slowestMs: number;
}

describe('fuzzing every channel', () => {
  it(`answers ${PER_CHANNEL} generated payloads per channel with typed envelopes, no INTERNAL, and no change from a refused call`, async () => {
    const started = performance.now();
    const clock = new DemoClock(TODAY);
    const exports = join(dir, 'exports');
    mkdirSync(exports);
    const internal: { channel: string; error: string }[] = [];
    const { registry, session } = createCore(join(dir, 'vault'), {
      scrypt: TEST_SCRYPT,
      now: clock.now,
      host: fixedFolderHost(exports),
      // The registry's own report of an unexpected error: kept to say what went wrong (never input).
      logError: (channel, error) => internal.push({ channel, error: error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' | ') : String(error) }),
    });
    const keyPath = join(dir, 'vault', 'vault.keys.json');

    // Two demo pilots with data (and the demo's archived earlier round each time), from fixed seeds.
    const { recoveryKey } = expectOk((await registry.invoke('vault.create', { passphrase: PASSPHRASE })) as Envelope<{ recoveryKey: string }>);
    await fillDemo(registry, { seed: 1, participants: 24, clock });
    for (const pilot of expectOk(await registry.call('pilots.list', {}))) {
      expectOk(await registry.call('pilots.update', { id: pilot.id, changes: { name: `${pilot.name} A` } }));
    }
    await fillDemo(registry, { seed: 2, participants: 24, clock });
    const active = expectOk(await registry.call('pilots.list', {})).map((p) => p.id);
    expect(active).toHaveLength(2);
    const secrets = { passphrase: PASSPHRASE, recoveryKey };
    let world: World = readWorld(session.db, [active[0]!, active[1]!], secrets, TODAY);
    const setupMs = performance.now() - started;

    const rng = new Rng(SEED);
    const failures: string[] = [];
    const stats = new Map<string, ChannelStats>(channels.map((c) => [c, { payloads: 0, codes: new Map(), slowestMs: 0 }]));
    const schemas = new Map(channels.map((c) => [c, z.toJSONSchema(contract[c].input, { io: 'input', unrepresentable: 'any' }) as Parameters<typeof makePayload>[1]]));
    let baseline: { db: Db; changes: number; hashes: Map<string, string> } | undefined;
    let calls = 0;

    async function fire(channel: string, input: unknown, description: string): Promise<Envelope<unknown>> {
      const db = session.isUnlocked ? session.db : undefined;
      if (db && (baseline?.db !== db || baseline.changes !== totalChanges(db))) baseline = { db, changes: totalChanges(db), hashes: tableHashes(db) };
      const keyFileBefore = readFileSync(keyPath);
      const internalBefore = internal.length;
      const t0 = performance.now();
      const answer = (await registry.invoke(channel, input)) as Envelope<unknown>;
      const ms = performance.now() - t0;
      calls += 1;
      const stat = stats.get(channel)!;
      stat.slowestMs = Math.max(stat.slowestMs, ms);
      const parsed = envelopeSchema.safeParse(answer);
      if (!parsed.success) {
        failures.push(`${channel}: the answer is not a typed envelope (${description})`);
        return answer;
      }
      const code = answer.ok ? 'ok' : answer.error.code;
      if (process.env.FUZZ_VERBOSE && !answer.ok) console.log(`MSG ${channel} ${code} ${answer.error.message.slice(0, 90)}`);
      stat.codes.set(code, (stat.codes.get(code) ?? 0) + 1);
      if (answer.ok) return answer;
      if (code === 'INTERNAL') failures.push(`${channel}: INTERNAL for ${description} — ${internal.slice(internalBefore).map((i) => i.error).join(' / ') || 'not logged'}`);
      if (/\n\s+at /.test(answer.error.message)) failures.push(`${channel}: a stack trace in the message (${description})`);
      if (!readFileSync(keyPath).equals(keyFileBefore)) failures.push(`${channel}: refused (${code}) but the key file changed (${description})`);
      if (db && baseline && session.isUnlocked && session.db === db && totalChanges(db) !== baseline.changes) {
        const after = tableHashes(db);
        const changed = [...after].filter(([table, hash]) => baseline!.hashes.get(table) !== hash).map(([table]) => table);
        if (changed.length > 0) failures.push(`${channel}: refused (${code}) but changed ${changed.join(', ')} (${description})`);
        baseline = { db, changes: totalChanges(db), hashes: after };
      }
      return answer;
    }

    /** Keeps the secrets that open the vault current. */
    function track(channel: string, input: unknown, answer: Envelope<unknown>) {
      if (answer.ok && channel === 'vault.changePassphrase') world = { ...world, passphrase: (input as { next: string }).next };
      if (answer.ok && channel === 'vault.replaceRecoveryKey') world = { ...world, recoveryKey: (answer.value as { recoveryKey: string }).recoveryKey };
      if (answer.ok && channel === 'imports.stage') {
        const { stagedId, headers } = answer.value as { stagedId: string; headers: string[] };
        world = { ...world, staged: [...(world.staged ?? []), { id: stagedId, headers }].slice(-3) };
      }
    }

    /** After a lock (or anything else that leaves the vault locked): one call of any channel while locked, then unlock with the current passphrase. */
    async function reopenIfLocked(after: string) {
      if (session.isUnlocked) return;
      const channel = rng.pick(channels);
      const payload = makePayload(channel, schemas.get(channel)!, world, rng);
      stats.get(channel)!.payloads += 1;
      track(channel, payload.input, await fire(channel, payload.input, `while locked, ${payload.description}`));
      if (session.isUnlocked) return;
      const unlocked = await registry.invoke('vault.unlock', { passphrase: world.passphrase });
      if (!unlocked.ok) throw new Error(`could not unlock again after ${after}: ${unlocked.error.code} — ${failures.join('\n')}`);
    }

    // Features first, in a seeded interleaving (state evolves as a coordinator's would); the vault's lifecycle last.
    const plan = (filter: (c: string) => boolean) => rng.shuffle(channels.filter(filter).flatMap((c) => Array.from({ length: PER_CHANNEL }, () => c)));
    for (const channel of [...plan((c) => !c.startsWith('vault.')), ...plan((c) => c.startsWith('vault.'))]) {
      if (calls % 150 === 0 && session.isUnlocked) world = { ...readWorld(session.db, world.populated, world, TODAY), staged: world.staged };
      const payload = makePayload(channel, schemas.get(channel)!, world, rng);
      stats.get(channel)!.payloads += 1;
      const answer = await fire(channel, payload.input, payload.description);
      track(channel, payload.input, answer);
      // An archived pilot refuses every change: restore the two demo pilots so later payloads reach the handlers.
      if (answer.ok && channel === 'pilots.archive') for (const id of world.populated) await registry.invoke('pilots.restore', { id });
      await reopenIfLocked(`${channel} (${payload.description})`);
    }

    // The vault is still whole: the audit chain verifies and SQLite finds no damage.
    expect(expectOk(await registry.call('audit.verify', {}))).toMatchObject({ ok: true, brokenAt: null });
    expect(session.db.pragma('integrity_check', { simple: true })).toBe('ok');

    const total = [...stats.values()].reduce((sum, s) => sum + s.payloads, 0);
    const lines = [...stats].map(([channel, s]) => `  ${channel.padEnd(28)} ${String(s.payloads).padStart(4)}  ${[...s.codes].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    const slowest = [...stats].sort((a, b) => b[1].slowestMs - a[1].slowestMs).slice(0, 3).map(([c, s]) => `${c} ${Math.round(s.slowestMs)} ms`);
    console.log(
      [
        `fuzz: ${total} payloads over ${stats.size} channels (seed ${SEED}, ${PER_CHANNEL} per channel plus calls while locked), ${Math.round(performance.now() - started)} ms (demo vault ${Math.round(setupMs)} ms); slowest calls: ${slowest.join(', ')}`,
        ...lines,
      ].join('\n'),
    );
    expect(failures, failures.join('\n')).toEqual([]);
    expect([...stats.values()].every((s) => s.payloads >= PER_CHANNEL)).toBe(true);
  }, 600_000); // ~14,000 calls on a loaded 2-core machine can take minutes; the figure is printed above
});
