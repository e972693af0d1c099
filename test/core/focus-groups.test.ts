import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { warningsOf } from '../../shared/contract/confirm';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

describe('focus groups', () => {
  it('records sessions with counts or named attendance, and links findings to the themes they informed', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const identity = await ok(registry, 'themes.create', { pilotId, theme: { title: 'Identity' } });
    const feedback = await ok(registry, 'themes.create', { pilotId, theme: { title: 'Assessment feedback' } });
    const ada = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Ada', email: 'ada@example.ac.uk', role: 'mentor' } });
    const ben = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Ben', email: 'ben@example.ac.uk', role: 'mentee' } });

    const students = await ok(registry, 'focusGroups.create', {
      pilotId,
      focusGroup: { heldOn: '2026-09-10', audience: 'students', facilitator: 'R. Okafor', attendance: { mode: 'counts', staff: 0, students: 9 }, notes: 'Lively.' },
    });
    const mixed = await ok(registry, 'focusGroups.create', {
      pilotId,
      focusGroup: { heldOn: '2026-09-17', audience: 'mixed', attendance: { mode: 'named', participantIds: [ben.id, ada.id] } },
    });
    expect(mixed.attendeeNames).toEqual(['Ben', 'Ada']);

    const labels = await ok(registry, 'findings.create', { focusGroupId: students.id, finding: { text: 'Labels feel imposed', themeIds: [identity.id] } });
    await ok(registry, 'findings.create', { focusGroupId: mixed.id, finding: { text: 'Feedback arrives too late', themeIds: [feedback.id, identity.id] } });
    expect(labels.themeIds).toEqual([identity.id]);

    const plan = await ok(registry, 'plan.get', { pilotId });
    expect(plan.themes.find((t) => t.id === identity.id)!.findings.map((f) => f.text)).toEqual(['Labels feel imposed', 'Feedback arrives too late']);
    expect(plan.themes.find((t) => t.id === feedback.id)!.findings.map((f) => f.heldOn)).toEqual(['2026-09-17']);

    const list = await ok(registry, 'focusGroups.list', { pilotId });
    expect(list.map((g) => g.heldOn)).toEqual(['2026-09-17', '2026-09-10']);
    expect(list[1]).toMatchObject({ attendance: { mode: 'counts', students: 9 }, findingCount: 1 });
    expect((await ok(registry, 'focusGroups.findings', { focusGroupId: students.id })).rows).toMatchObject([{ text: 'Labels feel imposed', number: 1 }]);

    await ok(registry, 'findings.update', { id: labels.id, finding: { text: 'Labels feel imposed by others', themeIds: [] } });
    expect((await ok(registry, 'plan.get', { pilotId })).themes.find((t) => t.id === identity.id)!.findings).toHaveLength(1);
    await ok(registry, 'focusGroups.delete', { id: mixed.id });
    expect((await ok(registry, 'plan.get', { pilotId })).themes.every((t) => t.findings.length === 0)).toBe(true);
  });

  it('refuses attendees or themes from another pilot, and bad counts', async () => {
    const { registry } = await unlockedCore(dir);
    const first = await newPilot(registry, 'First');
    const second = await newPilot(registry, 'Second');
    const stranger = await ok(registry, 'participants.create', { pilotId: second.id, participant: { name: 'Cy', email: 'cy@example.ac.uk', role: 'mentor' } });
    const otherTheme = await ok(registry, 'themes.create', { pilotId: second.id, theme: { title: 'Elsewhere' } });
    expectError(await registry.invoke('focusGroups.create', { pilotId: first.id, focusGroup: { heldOn: '2026-09-10', audience: 'staff', attendance: { mode: 'named', participantIds: [stranger.id] } } }), 'INVALID_INPUT');
    expectError(await registry.invoke('focusGroups.create', { pilotId: first.id, focusGroup: { heldOn: '2026-09-10', audience: 'staff', attendance: { mode: 'counts', staff: -1, students: 0 } } }), 'INVALID_INPUT');
    const group = await ok(registry, 'focusGroups.create', { pilotId: first.id, focusGroup: { heldOn: '2026-09-10', audience: 'staff' } });
    expectError(await registry.invoke('findings.create', { focusGroupId: group.id, finding: { text: 'x', themeIds: [otherTheme.id] } }), 'INVALID_INPUT');
    expect((await ok(registry, 'focusGroups.get', { id: group.id })).findingCount).toBe(0);
  });
});

describe('focus group dates', () => {
  it('asks to confirm a session dated after the pilot or long before it (1900, 2099), and saves once confirmed', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry); // 1 Oct 2026 to 30 Jun 2027
    const draft = (heldOn: string) => ({ heldOn, audience: 'staff' as const });
    for (const heldOn of ['1900-01-01', '2099-05-01', '2027-07-01', '2026-03-01']) {
      const refused = expectError(await registry.invoke('focusGroups.create', { pilotId, focusGroup: draft(heldOn) }), 'CONFIRMATION_NEEDED');
      expect(warningsOf(refused).map((w) => w.code)).toEqual(['outside-pilot']);
    }
    expect(warningsOf(expectError(await registry.invoke('focusGroups.create', { pilotId, focusGroup: draft('1900-01-01') }), 'CONFIRMATION_NEEDED'))[0]!.message).toBe(
      'The session date (1 Jan 1900) is more than 183 days before the pilot starts (1 Oct 2026).',
    );
    expect(warningsOf(expectError(await registry.invoke('focusGroups.create', { pilotId, focusGroup: draft('2099-05-01') }), 'CONFIRMATION_NEEDED'))[0]!.message).toBe(
      'The session date (1 May 2099) is after the pilot ends (30 Jun 2027).',
    );
    expect(await ok(registry, 'focusGroups.list', { pilotId })).toEqual([]);
    // While the pilot is planned (a few months before it starts) and during it: no question.
    const planning = await ok(registry, 'focusGroups.create', { pilotId, focusGroup: draft('2026-06-15') });
    await ok(registry, 'focusGroups.create', { pilotId, focusGroup: draft('2027-06-30') });
    // Moving a session out of the pilot asks too; confirmed, it saves.
    expectError(await registry.invoke('focusGroups.update', { id: planning.id, focusGroup: draft('2099-01-01') }), 'CONFIRMATION_NEEDED');
    expect(await ok(registry, 'focusGroups.update', { id: planning.id, focusGroup: draft('2099-01-01'), confirmed: ['outside-pilot'] })).toMatchObject({ heldOn: '2099-01-01' });
  });
});
