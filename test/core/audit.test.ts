import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectOk, unlockedCore, PASSPHRASE } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import type { AuditEntry, AuditVerification } from '../../shared/audit/contract';
import type { Pilot } from '../../shared/pilots/contract';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const draft = { name: 'Canary pilot', purpose: 'Secret purpose text', startDate: '2026-10-01', endDate: '2027-06-30' };

describe('audit trail', () => {
  it('records every change (who, what, which record) and never content; reads add nothing', async () => {
    const { registry, session } = await unlockedCore(dir);
    const pilot = expectOk(await registry.invoke('pilots.create', draft)) as Pilot;
    await registry.invoke('pilots.update', { id: pilot.id, changes: { status: 'recruiting' } });
    await registry.invoke('pilots.archive', { id: pilot.id });
    await registry.invoke('settings.update', { autoLockMinutes: 5 });
    await registry.invoke('vault.revealKey', { passphrase: PASSPHRASE });
    const before = (expectOk(await registry.invoke('audit.list', { limit: 100 })) as AuditEntry[]).length;
    await registry.invoke('pilots.list', {});
    await registry.invoke('pilots.get', { id: pilot.id });
    await registry.invoke('settings.get', {});

    const entries = (expectOk(await registry.invoke('audit.list', { limit: 100 })) as AuditEntry[]).reverse();
    expect(entries).toHaveLength(before);
    expect(entries.map((e) => [e.action, e.entityType, e.entityId, e.actor])).toEqual([
      ['vault.create', 'vault', session.vaultId, 'coordinator'],
      ['pilots.create', 'pilot', String(pilot.id), 'coordinator'],
      ['pilots.update', 'pilot', String(pilot.id), 'coordinator'],
      ['pilots.archive', 'pilot', String(pilot.id), 'coordinator'],
      ['settings.update', 'settings', 'autoLockMinutes', 'coordinator'],
      ['vault.revealKey', 'vault', session.vaultId, 'coordinator'],
    ]);
    const raw = JSON.stringify(session.db.prepare('SELECT * FROM audit_log').all());
    expect(raw).not.toContain('Canary');
    expect(raw).not.toContain('Secret purpose');
  });

  it('a failed change leaves no audit entry', async () => {
    const { registry } = await unlockedCore(dir);
    expectError(await registry.invoke('pilots.create', { ...draft, endDate: '2020-01-01' }), 'INVALID_INPUT');
    expectError(await registry.invoke('pilots.archive', { id: 42 }), 'NOT_FOUND');
    const entries = expectOk(await registry.invoke('audit.list', { limit: 100 })) as AuditEntry[];
    expect(entries.map((e) => e.action)).toEqual(['vault.create']);
  });

  it('verifies an intact chain and finds the first tampered, removed or reordered entry', async () => {
    const { registry, session } = await unlockedCore(dir);
    for (let i = 0; i < 5; i++) expectOk(await registry.invoke('pilots.create', { ...draft, name: `Pilot ${i}` }));
    const intact = expectOk(await registry.invoke('audit.verify', {})) as AuditVerification;
    expect(intact).toMatchObject({ ok: true, entries: 6, brokenAt: null });
    expect(intact.headHash).toMatch(/^[0-9a-f]{64}$/);

    const db = session.db;
    db.prepare("UPDATE audit_log SET entity_id = '999' WHERE seq = 3").run();
    expect(expectOk(await registry.invoke('audit.verify', {}))).toMatchObject({ ok: false, brokenAt: 3 });
    db.prepare("UPDATE audit_log SET entity_id = '2' WHERE seq = 3").run();
    expect(expectOk(await registry.invoke('audit.verify', {}))).toMatchObject({ ok: true });

    // Recomputing one entry's own hash is not enough: the next entry's link breaks.
    db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 4").run();
    const { createHash } = await import('node:crypto');
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 4').get() as Record<string, string | number | null>;
    const forged = createHash('sha256').update(JSON.stringify([row.seq, row.at, row.actor, row.action, row.entity_type, row.entity_id, row.prev_hash])).digest('hex');
    db.prepare('UPDATE audit_log SET hash = ? WHERE seq = 4').run(forged);
    expect(expectOk(await registry.invoke('audit.verify', {}))).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('detects a deleted entry in the middle', async () => {
    const { registry, session } = await unlockedCore(dir);
    for (let i = 0; i < 3; i++) expectOk(await registry.invoke('pilots.create', { ...draft, name: `Pilot ${i}` }));
    session.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(expectOk(await registry.invoke('audit.verify', {}))).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('reports the entry count and head hash to note, and later says whether the noted entry still matches', async () => {
    const { registry, session } = await unlockedCore(dir);
    for (let i = 0; i < 3; i++) expectOk(await registry.invoke('pilots.create', { ...draft, name: `Pilot ${i}` }));
    const noted = expectOk(await registry.invoke('audit.verify', {})) as AuditVerification;
    expect(noted).toMatchObject({ ok: true, entries: 4, anchorMatches: null });
    const anchor = { seq: noted.entries, hash: noted.headHash! };
    const newest = (expectOk(await registry.invoke('audit.list', { limit: 1 })) as AuditEntry[])[0]!;
    expect(newest).toMatchObject({ seq: anchor.seq, hash: anchor.hash });

    // Work continues: the head moves on, the noted entry still matches.
    expectOk(await registry.invoke('pilots.create', { ...draft, name: 'Later pilot' }));
    expect(expectOk(await registry.invoke('audit.verify', { anchor }))).toMatchObject({ ok: true, entries: 5, anchorMatches: true });

    // Someone with the database key rewrites the whole chain consistently: the chain alone looks intact, the anchor does not.
    const { createHash } = await import('node:crypto');
    const db = session.db;
    db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").run();
    let prev = '0'.repeat(64);
    for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, string | number | null>[]) {
      const hash = createHash('sha256').update(JSON.stringify([row.seq, row.at, row.actor, row.action, row.entity_type, row.entity_id, prev])).digest('hex');
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
    expect(expectOk(await registry.invoke('audit.verify', { anchor }))).toMatchObject({ ok: true, anchorMatches: false });
  });

  it('an anchor beyond a chain cut short does not match, and a malformed anchor is refused', async () => {
    const { registry, session } = await unlockedCore(dir);
    for (let i = 0; i < 3; i++) expectOk(await registry.invoke('pilots.create', { ...draft, name: `Pilot ${i}` }));
    const noted = expectOk(await registry.invoke('audit.verify', {})) as AuditVerification;
    session.db.prepare('DELETE FROM audit_log WHERE seq >= 3').run();
    expect(expectOk(await registry.invoke('audit.verify', { anchor: { seq: noted.entries, hash: noted.headHash! } }))).toMatchObject({ ok: true, entries: 2, anchorMatches: false });
    expectError(await registry.invoke('audit.verify', { anchor: { seq: 1, hash: 'abc' } }), 'INVALID_INPUT');
  });
});
