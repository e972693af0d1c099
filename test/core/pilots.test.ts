import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectOk, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import type { Pilot } from '../../shared/pilots/contract';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const draft = { name: 'Belonging 2026/27', purpose: 'International students mentor senior leaders', startDate: '2026-10-01', endDate: '2027-06-30' };

describe('pilots', () => {
  it('create, list, get, update, archive and restore', async () => {
    const { registry } = await unlockedCore(dir);
    expect(expectOk(await registry.invoke('pilots.list', {}))).toEqual([]);

    const created = expectOk(await registry.invoke('pilots.create', draft)) as Pilot;
    expect(created).toMatchObject({ ...draft, status: 'planning', archivedAt: null });
    expect(expectOk(await registry.invoke('pilots.get', { id: created.id }))).toEqual(created);

    const second = expectOk(await registry.invoke('pilots.create', { ...draft, name: 'Round two', startDate: '2027-10-01', endDate: '2028-06-30' })) as Pilot;
    expect((expectOk(await registry.invoke('pilots.list', {})) as Pilot[]).map((p) => p.name)).toEqual(['Round two', draft.name]);

    const updated = expectOk(await registry.invoke('pilots.update', { id: created.id, changes: { status: 'recruiting', purpose: 'Widening participation' } })) as Pilot;
    expect(updated).toMatchObject({ status: 'recruiting', purpose: 'Widening participation', name: draft.name });

    const archived = expectOk(await registry.invoke('pilots.archive', { id: second.id })) as Pilot;
    expect(archived.archivedAt).not.toBeNull();
    expect((expectOk(await registry.invoke('pilots.list', {})) as Pilot[]).map((p) => p.id)).toEqual([created.id]);
    expect((expectOk(await registry.invoke('pilots.list', { includeArchived: true })) as Pilot[]).map((p) => p.id)).toEqual([second.id, created.id]);
    expectError(await registry.invoke('pilots.update', { id: second.id, changes: { name: 'x' } }), 'INVALID_TRANSITION');
    expectError(await registry.invoke('pilots.archive', { id: second.id }), 'INVALID_TRANSITION');

    const restored = expectOk(await registry.invoke('pilots.restore', { id: second.id })) as Pilot;
    expect(restored.archivedAt).toBeNull();
  });

  it('refuses invalid drafts with a message per field and saves nothing', async () => {
    const { registry } = await unlockedCore(dir);
    const error = expectError(await registry.invoke('pilots.create', { name: '   ', startDate: '2026-02-30', endDate: 'next june' }), 'INVALID_INPUT');
    const byField = Object.fromEntries((error.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byField).toMatchObject({ name: 'Name is required', startDate: 'This date does not exist', endDate: 'Enter the date: day, month and year' });

    const order = expectError(await registry.invoke('pilots.create', { ...draft, endDate: '2026-09-01' }), 'INVALID_INPUT');
    expect(order.issues).toEqual([{ path: ['endDate'], message: 'The end date must be on or after the start date' }]);
    expectError(await registry.invoke('pilots.create', { ...draft, status: 'finished' }), 'INVALID_INPUT');
    expectError(await registry.invoke('pilots.create', { ...draft, extra: 'field' }), 'INVALID_INPUT');
    expectError(await registry.invoke('pilots.create', 'not an object'), 'INVALID_INPUT');
    expectError(await registry.invoke('pilots.create', { ...draft, name: 'x'.repeat(121) }), 'INVALID_INPUT');
    expect(expectOk(await registry.invoke('pilots.list', { includeArchived: true }))).toEqual([]);
  });

  it('checks the date order against the stored dates on a partial update', async () => {
    const { registry } = await unlockedCore(dir);
    const pilot = expectOk(await registry.invoke('pilots.create', draft)) as Pilot;
    const error = expectError(await registry.invoke('pilots.update', { id: pilot.id, changes: { endDate: '2026-09-30' } }), 'INVALID_INPUT');
    expect(error.issues?.[0]?.path).toEqual(['endDate']);
    expect(expectOk(await registry.invoke('pilots.get', { id: pilot.id }))).toEqual(pilot);
  });

  it('a partial update changes only the fields it names', async () => {
    const { registry } = await unlockedCore(dir);
    const pilot = expectOk(await registry.invoke('pilots.create', { ...draft, status: 'recruiting' })) as Pilot;

    const running = expectOk(await registry.invoke('pilots.update', { id: pilot.id, changes: { status: 'running' } })) as Pilot;
    expect(running).toMatchObject({ name: draft.name, purpose: draft.purpose, startDate: draft.startDate, endDate: draft.endDate, status: 'running' });

    const renamed = expectOk(await registry.invoke('pilots.update', { id: pilot.id, changes: { name: 'Belonging, round one' } })) as Pilot;
    expect(renamed).toMatchObject({ name: 'Belonging, round one', purpose: draft.purpose, status: 'running' });

    // Clearing the purpose is still possible when asked for explicitly.
    const cleared = expectOk(await registry.invoke('pilots.update', { id: pilot.id, changes: { purpose: '' } })) as Pilot;
    expect(cleared).toMatchObject({ name: 'Belonging, round one', purpose: '', status: 'running' });
    expect(expectOk(await registry.invoke('pilots.get', { id: pilot.id }))).toEqual(cleared);
  });

  it('keeps working pilots’ names distinct, ignoring case', async () => {
    const { registry } = await unlockedCore(dir);
    const first = expectOk(await registry.invoke('pilots.create', draft)) as Pilot;
    const clash = expectError(await registry.invoke('pilots.create', { ...draft, name: draft.name.toUpperCase() }), 'CONFLICT');
    expect(clash.issues?.[0]?.path).toEqual(['name']);
    expectOk(await registry.invoke('pilots.archive', { id: first.id }));
    const again = expectOk(await registry.invoke('pilots.create', draft)) as Pilot;
    expectError(await registry.invoke('pilots.restore', { id: first.id }), 'CONFLICT');
    expect(again.id).not.toBe(first.id);
  });

  it('reports a missing pilot as not found', async () => {
    const { registry } = await unlockedCore(dir);
    expect(expectError(await registry.invoke('pilots.get', { id: 99 }), 'NOT_FOUND').message).toBe('Pilot 99 does not exist.');
    expectError(await registry.invoke('pilots.archive', { id: 99 }), 'NOT_FOUND');
  });
});
