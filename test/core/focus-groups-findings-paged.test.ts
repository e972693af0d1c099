import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

describe('focus-group findings, a page at a time', () => {
  it('pages a session’s findings in the order recorded, filtered by theme and by words, each keeping its number', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const belonging = await ok(registry, 'themes.create', { pilotId, theme: { title: 'Belonging' } });
    const feedback = await ok(registry, 'themes.create', { pilotId, theme: { title: 'Feedback' } });
    const group = await ok(registry, 'focusGroups.create', { pilotId, focusGroup: { heldOn: '2026-10-10', audience: 'mixed' } });
    const other = await ok(registry, 'focusGroups.create', { pilotId, focusGroup: { heldOn: '2026-10-11', audience: 'staff' } });
    await ok(registry, 'findings.create', { focusGroupId: other.id, finding: { text: 'Another session’s timetable point', themeIds: [] } });
    // 45 findings: every third about belonging, every fifth about feedback, some about the timetable (and one with a literal "50%").
    for (let n = 1; n <= 45; n++) {
      const themeIds = [...(n % 3 === 0 ? [belonging.id] : []), ...(n % 5 === 0 ? [feedback.id] : [])];
      const text = n === 7 ? 'Only 50% felt heard' : n % 4 === 0 ? `Point ${n}: the timetable clashes` : `Point ${n}`;
      await ok(registry, 'findings.create', { focusGroupId: group.id, finding: { text, themeIds } });
    }

    const first = await ok(registry, 'focusGroups.findings', { focusGroupId: group.id, limit: 20 });
    expect(first).toMatchObject({ total: 45, inSession: 45, offset: 0 });
    expect(first.rows.map((f) => f.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const last = await ok(registry, 'focusGroups.findings', { focusGroupId: group.id, offset: 40, limit: 20 });
    expect(last.rows.map((f) => f.number)).toEqual([41, 42, 43, 44, 45]);

    const aboutBelonging = await ok(registry, 'focusGroups.findings', { focusGroupId: group.id, themeId: belonging.id, limit: 200 });
    expect(aboutBelonging.total).toBe(15);
    expect(aboutBelonging.rows.every((f) => f.themeIds.includes(belonging.id) && f.number % 3 === 0)).toBe(true);
    expect((await ok(registry, 'focusGroups.findings', { focusGroupId: group.id, themeId: 15 * 1000 })).total).toBe(0);

    const unlinked = await ok(registry, 'focusGroups.findings', { focusGroupId: group.id, themeId: 'none', limit: 200 });
    expect(unlinked.rows.map((f) => f.number)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1).filter((n) => n % 3 !== 0 && n % 5 !== 0));

    const timetable = await ok(registry, 'focusGroups.findings', { focusGroupId: group.id, search: 'TIMETABLE', themeId: feedback.id });
    expect(timetable.rows.map((f) => f.number)).toEqual([20, 40]);
    // % and _ are the user's letters, not wildcards.
    expect((await ok(registry, 'focusGroups.findings', { focusGroupId: group.id, search: '50%' })).rows.map((f) => f.text)).toEqual(['Only 50% felt heard']);
    expect((await ok(registry, 'focusGroups.findings', { focusGroupId: group.id, search: '_' })).total).toBe(0);
  });

  it('answers a clear error for a session that does not exist or a bad page, and lists counts, not findings, with the sessions', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const group = await ok(registry, 'focusGroups.create', { pilotId, focusGroup: { heldOn: '2026-10-10', audience: 'mixed' } });
    await ok(registry, 'findings.create', { focusGroupId: group.id, finding: { text: 'One', themeIds: [] } });
    expectError(await registry.invoke('focusGroups.findings', { focusGroupId: 9999 }), 'NOT_FOUND');
    expectError(await registry.invoke('focusGroups.findings', { focusGroupId: group.id, limit: 0 }), 'INVALID_INPUT');
    expectError(await registry.invoke('focusGroups.findings', { focusGroupId: group.id, search: 'x'.repeat(201) }), 'INVALID_INPUT');
    const [listed] = await ok(registry, 'focusGroups.list', { pilotId });
    expect(listed).toMatchObject({ findingCount: 1 });
    expect(listed).not.toHaveProperty('findings');
  });
});
