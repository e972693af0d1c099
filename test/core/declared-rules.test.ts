import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HandlerRegistry } from '../../electron/core';
import { handlers } from '../../electron/core/registry/handlers';
import { noPilot, pilotScope } from '../../electron/core/registry/scope';
import type { CommandHandler, HandlerMap, QueryHandler } from '../../electron/core/registry/types';
import { asReadDb, many, one, run, value } from '../../electron/core/db/query';
import { insertPilot } from '../../electron/core/pilots/repository';
import { accessOf, channels, contract } from '../../shared/contract';
import { expectError, expectOk, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const count = (db: Parameters<typeof asReadDb>[0], table: string) => value<number>(asReadDb(db), `SELECT count(*) FROM ${table}`);

describe('declared pilot scope', () => {
  it('refuses a pilot or record that does not exist, naming it, before the handler runs', async () => {
    const { registry } = await unlockedCore(dir);
    expect(expectError(await registry.invoke('participants.list', { pilotId: 999 }), 'NOT_FOUND').message).toBe('Pilot 999 does not exist.');
    expect(expectError(await registry.invoke('themes.create', { pilotId: 999, theme: { title: 'Identity' } }), 'NOT_FOUND').message).toBe('Pilot 999 does not exist.');
    expect(expectError(await registry.invoke('meetings.markHeld', { id: 999, heldOn: '2026-11-11', actualDurationMin: 60 }), 'NOT_FOUND').message).toBe('Meeting 999 does not exist.');
    expect(expectError(await registry.invoke('pairs.unpair', { id: 999, reason: 'x' }), 'NOT_FOUND').message).toBe('Pair 999 does not exist.');
    expect(expectError(await registry.invoke('consent.withdraw', { id: 999, withdrawnOn: '2026-11-01', reason: 'x' }), 'NOT_FOUND').message).toBe('Consent record 999 does not exist.');
  });

  it('refuses every change to an archived pilot with one message, changing nothing; reading it still works', async () => {
    const { registry, session } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const theme = await ok(registry, 'themes.create', { pilotId, theme: { title: 'Identity' } });
    const person = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Amara', email: 'amara@example.ac.uk', role: 'mentor' } });
    await ok(registry, 'pilots.archive', { id: pilotId });
    const auditBefore = count(session.db, 'audit_log');

    const archived = 'This pilot is archived. Restore it before changing it.';
    for (const [channel, input] of [
      ['themes.create', { pilotId, theme: { title: 'Belonging' } }],
      ['themes.update', { id: theme.id, theme: { title: 'Renamed' } }],
      ['participants.transition', { id: person.id, to: 'chemistry' }],
      ['pilots.update', { id: pilotId, changes: { name: 'Renamed' } }],
    ] as const) {
      expect(expectError(await registry.invoke(channel, input), 'INVALID_TRANSITION').message, channel).toBe(archived);
    }
    expect(count(session.db, 'audit_log')).toBe(auditBefore);
    expect((await ok(registry, 'plan.get', { pilotId })).themes.map((t) => t.title)).toEqual(['Identity']);
    expect((await ok(registry, 'participants.get', { id: person.id })).status).toBe('interested');
    // Restoring is what an archived pilot allows.
    expectOk(await registry.invoke('pilots.restore', { id: pilotId }));
    expectOk(await registry.invoke('themes.create', { pilotId, theme: { title: 'Belonging' } }));
  });

  it('gives the handler the resolved pilot and today in the scheme’s time zone', async () => {
    // Noon in London is already the next day in Auckland.
    const { registry } = await unlockedCore(dir, () => new Date('2026-11-02T12:00:00Z'));
    const { id: pilotId } = await newPilot(registry);
    expect((await ok(registry, 'meetings.overview', { pilotId })).today).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: (await ok(registry, 'settings.get', {})).timeZone }).format(new Date('2026-11-02T12:00:00Z')));
    await ok(registry, 'settings.update', { timeZone: 'Pacific/Auckland' });
    expect((await ok(registry, 'meetings.overview', { pilotId })).today).toBe('2026-11-03');
    await ok(registry, 'settings.update', { timeZone: 'America/Los_Angeles' });
    expect((await ok(registry, 'meetings.overview', { pilotId })).today).toBe('2026-11-02');
  });

  it('every handler declares its scope', () => {
    for (const channel of channels) expect(['pilot', 'none'], channel).toContain(handlers[channel].scope.kind);
  });
});

describe('roles', () => {
  it('channels are the coordinator’s unless they say otherwise; opening and locking the vault is for every key', () => {
    expect(accessOf(contract['pilots.list'])).toEqual(['coordinator']);
    expect(accessOf(contract['vault.unlock'])).toEqual(['coordinator', 'interviewer']);
  });

  it('refuses a channel the session’s role may not call, with a clear message and nothing changed', async () => {
    const { registry, session } = await unlockedCore(dir);
    vi.spyOn(session, 'role', 'get').mockReturnValue('interviewer');
    const refused = expectError(await registry.invoke('pilots.create', { name: 'Pilot', startDate: '2026-10-01', endDate: '2027-06-30' }), 'FORBIDDEN');
    expect(refused.message).toBe('This is only for the coordinator, and the vault was opened with an interviewer’s key. Nothing was changed.');
    expectError(await registry.invoke('pilots.list', {}), 'FORBIDDEN');
    // Refused before its input is read: nothing about the channel is answered.
    expectError(await registry.invoke('participants.get', { id: 'not a number' }), 'FORBIDDEN');
    expect(count(session.db, 'pilots')).toBe(0);
    expectOk(await registry.invoke('vault.status', {}));
    expectOk(await registry.invoke('vault.lock', {}));
    expect(session.isUnlocked).toBe(false);
  });
});

describe('typed SQL layer', () => {
  it('prepares each SQL text once per connection, and again on a new connection after unlocking', async () => {
    const { registry, session } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    await ok(registry, 'plan.get', { pilotId }); // warm
    const prepare = vi.spyOn(session.db, 'prepare');
    await ok(registry, 'plan.get', { pilotId });
    await ok(registry, 'themes.create', { pilotId, theme: { title: 'Identity' } });
    const firstCount = prepare.mock.calls.filter(([sql]) => !String(sql).startsWith('PRAGMA')).length;
    await ok(registry, 'themes.create', { pilotId, theme: { title: 'Belonging' } });
    await ok(registry, 'plan.get', { pilotId });
    expect(prepare.mock.calls.filter(([sql]) => !String(sql).startsWith('PRAGMA')).length).toBe(firstCount);

    await ok(registry, 'vault.lock', {});
    await ok(registry, 'vault.unlock', { passphrase: 'lantern orbit pebble wisdom' });
    const reopened = vi.spyOn(session.db, 'prepare');
    await ok(registry, 'plan.get', { pilotId });
    expect(reopened.mock.calls.some(([sql]) => String(sql).includes('FROM plan_settings'))).toBe(true);
  });

  it('binds named and positional parameters, and answers a missing row with undefined', async () => {
    const { session } = await unlockedCore(dir);
    const db = asReadDb(session.db);
    expect(one<{ n: number }>(db, 'SELECT @a + @b AS n', { a: 2, b: 3 })).toEqual({ n: 5 });
    expect(value<number>(db, 'SELECT ? * ?', [6, 7])).toBe(42);
    expect(many<{ value: number }>(db, 'SELECT value FROM json_each(?) ORDER BY value', ['[3,1,2]']).map((r) => r.value)).toEqual([1, 2, 3]);
    expect(one(db, 'SELECT 1 FROM pilots WHERE id = ?', [1])).toBeUndefined();
    expect(value(db, 'SELECT id FROM pilots WHERE id = ?', [1])).toBeUndefined();
  });

  it('gives queries a read-only connection and commands a writable one (checked by the compiler)', async () => {
    const { session } = await unlockedCore(dir);
    const query: QueryHandler<'pilots.list'> = {
      kind: 'query',
      scope: noPilot,
      run: (_input, { db, now }) => {
        // @ts-expect-error a query's connection cannot be passed to a function that writes
        insertPilot(db, { name: 'Sneaky', purpose: '', startDate: '2026-01-01', endDate: '2026-12-31', status: 'planning' }, now().toISOString());
        // @ts-expect-error nor to run()
        run(db, 'DELETE FROM pilots');
        return [];
      },
    };
    const command: CommandHandler<'pilots.create'> = {
      kind: 'command',
      scope: noPilot,
      run: (draft, { db, now }) => insertPilot(db, draft, now().toISOString()),
      audit: () => ({ action: 'pilots.create' }),
    };
    // @ts-expect-error a scope must name a field the channel's input has
    const wrongField: QueryHandler<'pilots.list'> = { kind: 'query', scope: pilotScope.fromInput('pilotId'), run: () => [] };
    const registry = new HandlerRegistry(session, { ...handlers, 'pilots.list': query, 'pilots.create': command, 'pilots.get': wrongField as never } as HandlerMap, { logError: () => {} });
    // And at run time the registry's query_only refuses what the compiler was told to ignore.
    expectError(await registry.invoke('pilots.list', {}), 'INTERNAL');
    expect(count(session.db, 'pilots')).toBe(0);
    expectOk(await registry.invoke('pilots.create', { name: 'Pilot', startDate: '2026-10-01', endDate: '2027-06-30' }));
  });
});
