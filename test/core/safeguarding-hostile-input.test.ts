import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { channels, contract, type Envelope } from '../../shared/contract';
import { createCore } from '../../electron/core';
import { DemoClock } from '../../electron/core/demo/clock';
import { fillDemo } from '../../electron/core/demo/demo';
import type { Db } from '../../electron/core/db/types';
import { PASSPHRASE, TEST_SCRYPT, expectOk, tempDir } from '../helpers/vault';
import { Rng, makePayload, readWorld, type World } from '../reliability/fuzz/payloads';

/**
 * The channel fuzz test reaches the register's channels mostly without the step-up (and so mostly
 * gets STEP_UP_REQUIRED). Here every safeguarding channel gets generated payloads with the register
 * open, aimed at real concerns, steps, referrals and follow-ups of the demo: the answer is a typed
 * envelope, never INTERNAL, and a refused call changes nothing (audit trail included).
 */
const PER_CHANNEL = Number(process.env.FUZZ_PAYLOADS ?? 60);
const TODAY = '2026-11-22';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('reciprocal-sg-hostile-')));
afterAll(() => cleanup());

const REGISTER_TABLES = ['concerns', 'concern_steps', 'concern_referrals', 'concern_follow_ups', 'concern_history', 'audit_log', 'plan_settings'];
const snapshot = (db: Db) =>
  REGISTER_TABLES.map((table) => createHash('sha256').update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all())).digest('hex')).join(':');

/** Record ids of the register, under the field names its channels use. */
function registerIds(db: Db, world: World): World {
  const entities = new Map(world.entities);
  const pilotOf = 'SELECT c.pilot_id FROM concerns c WHERE c.id = t.concern_id';
  entities.set('concerns', db.prepare('SELECT id, pilot_id AS pilotId FROM concerns').all() as { id: number; pilotId: number }[]);
  for (const table of ['concern_steps', 'concern_referrals', 'concern_follow_ups']) entities.set(table, db.prepare(`SELECT t.id, (${pilotOf}) AS pilotId FROM ${table} t`).all() as { id: number; pilotId: number }[]);
  return { ...world, entities };
}

/** Which table `id` means for each channel. */
const ID_TABLE: Record<string, string> = {
  'safeguarding.recordStep': 'concern_steps',
  'safeguarding.updateReferral': 'concern_referrals',
  'safeguarding.removeReferral': 'concern_referrals',
  'safeguarding.updateFollowUp': 'concern_follow_ups',
  'safeguarding.removeFollowUp': 'concern_follow_ups',
};

/** Aims `id` and `concernId` at real records (payloads.ts knows no register ids). */
function aim(channel: string, input: unknown, world: World, rng: Rng): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const record = { ...(input as Record<string, unknown>) };
  const pick = (table: string) => {
    const rows = world.entities.get(table) ?? [];
    return rows.length > 0 && rng.chance(0.85) ? rng.pick(rows).id : undefined;
  };
  if (typeof record.id === 'number') record.id = pick(ID_TABLE[channel] ?? 'concerns') ?? record.id;
  if (typeof record.concernId === 'number') record.concernId = pick('concerns') ?? record.concernId;
  return record;
}

describe('the register’s channels under hostile input, with the register open', () => {
  it(`answers ${PER_CHANNEL} payloads per safeguarding channel with typed envelopes, no INTERNAL, nothing changed by a refusal`, async () => {
    const clock = new DemoClock(TODAY);
    const internal: string[] = [];
    const { registry, session } = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, now: clock.now, logError: (channel, error) => internal.push(`${channel}: ${error instanceof Error ? error.message : String(error)}`) });
    const { recoveryKey } = expectOk((await registry.invoke('vault.create', { passphrase: PASSPHRASE })) as Envelope<{ recoveryKey: string }>);
    await fillDemo(registry, { seed: 5, participants: 24, clock });
    const pilotId = expectOk(await registry.call('pilots.list', {}))[0]!.id;
    const rng = new Rng(21);
    const failures: string[] = [];
    const codes = new Map<string, Map<string, number>>();
    const register = channels.filter((c) => c.startsWith('safeguarding.') && c !== 'safeguarding.endStepUp');
    let world = registerIds(session.db, readWorld(session.db, [pilotId, pilotId], { passphrase: PASSPHRASE, recoveryKey }, TODAY));

    for (const channel of rng.shuffle(register.flatMap((c) => Array.from({ length: PER_CHANNEL }, () => c)))) {
      const schema = z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as Parameters<typeof makePayload>[1];
      const payload = makePayload(channel, schema, world, rng);
      const input = aim(channel, payload.input, world, rng);
      registry.grantStepUpInProcess();
      const before = snapshot(session.db);
      const answer = await registry.invoke(channel, input);
      const code = answer.ok ? 'ok' : answer.error.code;
      const counts = codes.get(channel) ?? new Map<string, number>();
      counts.set(code, (counts.get(code) ?? 0) + 1);
      codes.set(channel, counts);
      if (code === 'INTERNAL') failures.push(`${channel}: INTERNAL for ${payload.description}`);
      if (!answer.ok && snapshot(session.db) !== before) failures.push(`${channel}: refused (${code}) but changed the register (${payload.description})`);
      if (answer.ok && rng.chance(0.2)) world = registerIds(session.db, world);
    }

    console.log([...codes].map(([channel, counts]) => `  ${channel.padEnd(32)} ${[...counts].sort().map(([c, n]) => `${c} ${n}`).join(', ')}`).join('\n'));
    expect(internal).toEqual([]);
    expect(failures).toEqual([]);
    // Valid-looking payloads got through to the handlers too, not only refusals.
    for (const channel of ['safeguarding.get', 'safeguarding.list', 'safeguarding.raise', 'safeguarding.recordStep']) expect(codes.get(channel)?.get('ok') ?? 0, channel).toBeGreaterThan(0);
    expect(expectOk(await registry.call('audit.verify', {})).ok).toBe(true);
  }, 180_000);
});
