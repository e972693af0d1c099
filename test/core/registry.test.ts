import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HandlerRegistry } from '../../electron/core';
import { handlers } from '../../electron/core/registry/handlers';
import type { HandlerMap } from '../../electron/core/registry/types';
import { noPilot } from '../../electron/core/registry/scope';
import { channels } from '../../shared/contract';
import { expectError, expectOk, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const draft = { name: 'Pilot', purpose: '', startDate: '2026-10-01', endDate: '2027-06-30' };

describe('handler registry', () => {
  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
  });

  it('refuses an unknown channel', async () => {
    const { registry } = await unlockedCore(dir);
    expect(expectError(await registry.invoke('pilots.drop', {}), 'UNKNOWN_CHANNEL').message).toMatch(/pilots\.drop/);
  });

  it('rolls back a write whose output breaks the contract, and reports it as internal', async () => {
    const { session } = await unlockedCore(dir);
    const broken: HandlerMap = {
      ...handlers,
      'pilots.create': {
        kind: 'command',
        scope: noPilot,
        run: (input, ctx) => ({ ...(handlers['pilots.create'] as { run: (i: unknown, c: unknown) => object }).run(input, ctx), status: 'bogus' }) as never,
        audit: () => ({ action: 'pilots.create' }),
      },
    };
    const logged: string[] = [];
    const registry = new HandlerRegistry(session, broken, { logError: (channel) => logged.push(channel) });
    const error = expectError(await registry.invoke('pilots.create', draft), 'INTERNAL');
    expect(error.message).toMatch(/nothing was changed/);
    expect(logged).toEqual(['pilots.create']);
    expect(session.db.prepare('SELECT count(*) AS n FROM pilots').get()).toEqual({ n: 0 });
    expect(session.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'pilots.create'").get()).toEqual({ n: 0 });
  });

  it('rolls back a write whose handler throws midway', async () => {
    const { session } = await unlockedCore(dir);
    const throwing: HandlerMap = {
      ...handlers,
      'pilots.create': {
        kind: 'command',
        scope: noPilot,
        run: (input, ctx) => {
          (handlers['pilots.create'] as { run: (i: unknown, c: unknown) => unknown }).run(input, ctx);
          throw new Error('disk went away');
        },
        audit: () => ({ action: 'pilots.create' }),
      },
    };
    const registry = new HandlerRegistry(session, throwing, { logError: () => {} });
    expectError(await registry.invoke('pilots.create', draft), 'INTERNAL');
    expect(session.db.prepare('SELECT count(*) AS n FROM pilots').get()).toEqual({ n: 0 });
  });

  it('runs queries read-only: a query handler that writes is refused, reported as internal, and changes nothing', async () => {
    const { session } = await unlockedCore(dir);
    const writingQuery: HandlerMap = {
      ...handlers,
      'pilots.list': {
        kind: 'query',
        scope: noPilot,
        run: (_input, { db }) => {
          db.prepare("INSERT INTO pilots (name, start_date, end_date, status, created_at, updated_at) VALUES ('sneaky', '2026-01-01', '2026-12-31', 'planning', 'now', 'now')").run();
          return [];
        },
      },
    };
    const logged: unknown[] = [];
    const registry = new HandlerRegistry(session, writingQuery, { logError: (_channel, error) => logged.push(error) });
    expectError(await registry.invoke('pilots.list', {}), 'INTERNAL');
    expect(String(logged[0])).toMatch(/Query handler for pilots\.list tried to write/);
    expect(session.db.prepare('SELECT count(*) AS n FROM pilots').get()).toEqual({ n: 0 });
    // The connection is writable again afterwards: commands still work.
    expect(session.db.pragma('query_only', { simple: true })).toBe(0);
    expectOk(await registry.invoke('pilots.create', draft));
  });

  it('answers with an envelope even when the activity hook throws', async () => {
    const { session } = await unlockedCore(dir);
    const registry = new HandlerRegistry(session, handlers, {
      logError: () => {},
      onActivity: () => {
        throw new Error('auto-lock timer gone');
      },
    });
    expectError(await registry.invoke('pilots.list', {}), 'INTERNAL');
  });

  it('answers any payload on any channel with an envelope, never a throw (fuzzed)', async () => {
    const { registry, session } = await unlockedCore(dir);
    const mutating = channels.filter((c) => !['vault.lock', 'vault.create', 'vault.changePassphrase'].includes(c));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...mutating), fc.anything(), async (channel, payload) => {
        const result = await registry.invoke(channel, payload);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    expect(session.isUnlocked).toBe(true);
    expect(expectOk(await registry.invoke('audit.verify', {}))).toMatchObject({ ok: true });
  });
});
