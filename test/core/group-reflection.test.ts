import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import { expectError, expectOk, PASSPHRASE, TEST_SCRYPT, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { consentToTakePart } from '../helpers/pairs';
import { warningsOf } from '../../shared/contract/confirm';
import type { HandlerRegistry } from '../../electron/core';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-reflection-'));

async function pilotWithPeople(registry: HandlerRegistry, pilotName?: string) {
  const { id: pilotId } = await newPilot(registry, pilotName);
  const amara = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Amara Nwosu', email: 'amara@example.ac.uk', role: 'mentor' } });
  const helen = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Helen Marsh', email: 'helen@example.ac.uk', role: 'mentee' } });
  const theme = await ok(registry, 'themes.create', { pilotId, theme: { title: 'Belonging' } });
  return { pilotId, amara, helen, theme };
}

describe('group reflection', () => {
  it('records several events per pilot with named or counted attendance, notes and findings linked to themes', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, amara, helen, theme } = await pilotWithPeople(registry);
    const named = await ok(registry, 'groupReflections.create', {
      pilotId,
      event: { heldOn: '2027-06-10', place: 'Senate Room', attendance: { mode: 'named', participantIds: [helen.id, amara.id] }, notes: 'Warm.' },
    });
    expect(named.attendees).toEqual([
      { id: helen.id, name: 'Helen Marsh', withdrawn: false },
      { id: amara.id, name: 'Amara Nwosu', withdrawn: false },
    ]);
    const counted = await ok(registry, 'groupReflections.create', { pilotId, event: { heldOn: '2027-06-20', attendance: { mode: 'counted', headCount: 14 } } });
    expect(counted).toMatchObject({ attendance: { mode: 'counted', headCount: 14 }, attendees: [], place: '' });

    const finding = await ok(registry, 'groupReflections.addFinding', { groupReflectionId: named.id, finding: { text: 'Staff heard students differently', themeIds: [theme.id] } });
    await ok(registry, 'groupReflections.saveNotes', { id: named.id, notes: 'Warm, and candid.' });
    const detail = await ok(registry, 'groupReflections.get', { id: named.id });
    expect(detail).toMatchObject({ notes: 'Warm, and candid.', findingCount: 1, findings: [{ id: finding.id, text: 'Staff heard students differently', themeIds: [theme.id] }] });

    const list = await ok(registry, 'groupReflections.list', { pilotId });
    expect(list.map((event) => [event.heldOn, event.findingCount])).toEqual([
      ['2027-06-20', 0],
      ['2027-06-10', 1],
    ]);

    await ok(registry, 'groupReflections.updateFinding', { id: finding.id, finding: { text: 'Staff listened', themeIds: [] } });
    expect((await ok(registry, 'groupReflections.get', { id: named.id })).findings).toMatchObject([{ text: 'Staff listened', themeIds: [] }]);
    await ok(registry, 'groupReflections.delete', { id: named.id });
    expect((await ok(registry, 'groupReflections.list', { pilotId })).map((event) => event.id)).toEqual([counted.id]);
    expectError(await registry.invoke('groupReflections.get', { id: named.id }), 'NOT_FOUND');
  });

  it('asks before an event dated outside the pilot, and refuses strangers, foreign themes and bad counts with nothing changed', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, theme } = await pilotWithPeople(registry);
    const other = await pilotWithPeople(registry, 'Another pilot');
    const late = { heldOn: '2099-06-10', attendance: { mode: 'counted' as const, headCount: 3 } };
    const asked = expectError(await registry.invoke('groupReflections.create', { pilotId, event: late }), 'CONFIRMATION_NEEDED');
    expect(warningsOf(asked).map((w) => w.message)).toEqual([expect.stringMatching(/after the pilot ends/)]);
    expect(await ok(registry, 'groupReflections.list', { pilotId })).toEqual([]);
    await ok(registry, 'groupReflections.create', { pilotId, event: late, confirmed: ['outside-pilot'] });

    const stranger = expectError(
      await registry.invoke('groupReflections.create', { pilotId, event: { heldOn: '2027-06-10', attendance: { mode: 'named', participantIds: [other.amara.id] } } }),
      'INVALID_INPUT',
    );
    expect(stranger.message).toMatch(/not in this pilot’s register/);
    expectError(await registry.invoke('groupReflections.create', { pilotId, event: { heldOn: '2027-06-10', attendance: { mode: 'counted', headCount: -2 } } }), 'INVALID_INPUT');
    const event = await ok(registry, 'groupReflections.create', { pilotId, event: { heldOn: '2027-06-10' } });
    expectError(await registry.invoke('groupReflections.addFinding', { groupReflectionId: event.id, finding: { text: 'x', themeIds: [other.theme.id] } }), 'INVALID_INPUT');
    expectError(await registry.invoke('groupReflections.addFinding', { groupReflectionId: event.id, finding: { text: '   ', themeIds: [theme.id] } }), 'INVALID_INPUT');
    expect((await ok(registry, 'groupReflections.get', { id: event.id })).findingCount).toBe(0);
  });

  it('keeps a withdrawn attendee listed and marked; erasure removes their attendance and their name from notes and findings', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, amara, helen } = await pilotWithPeople(registry);
    const event = await ok(registry, 'groupReflections.create', {
      pilotId,
      event: { heldOn: '2027-06-10', attendance: { mode: 'named', participantIds: [amara.id, helen.id] }, notes: 'Amara Nwosu led the round; Helen spoke last.' },
    });
    await ok(registry, 'groupReflections.addFinding', { groupReflectionId: event.id, finding: { text: 'Nwosu’s pair met every fortnight' } });

    const preview = await ok(registry, 'participants.previewWithdrawal', { id: helen.id });
    await ok(registry, 'participants.transition', { id: helen.id, to: 'withdrawn', reason: 'Left the university', previewFingerprint: preview.fingerprint });
    expect((await ok(registry, 'groupReflections.get', { id: event.id })).attendees).toEqual([
      { id: amara.id, name: 'Amara Nwosu', withdrawn: false },
      { id: helen.id, name: 'Helen Marsh', withdrawn: true },
    ]);

    const erasurePreview = await ok(registry, 'erasure.previewPerson', { participantId: amara.id });
    expect(erasurePreview.counts).toContainEqual(expect.objectContaining({ kind: 'group-reflection-attendance', count: 1 }));
    const certificate = await ok(registry, 'erasure.erasePerson', { participantId: amara.id, confirmName: 'Amara Nwosu' });
    expect(certificate.counts).toContainEqual(expect.objectContaining({ kind: 'group-reflection-attendance', count: 1 }));
    const after = await ok(registry, 'groupReflections.get', { id: event.id });
    expect(after.attendees.map((a) => a.name)).toEqual(['Helen Marsh']);
    expect(after.notes).toBe('[removed] led the round; Helen spoke last.');
    expect(after.findings[0]!.text).toBe('[removed]’s pair met every fortnight');
  });

  it('exports findings to the research dataset and lists attendance in a subject access document', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const core = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, logError: () => {}, host: fixedFolderHost(out) });
    expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
    const { registry } = core;
    const { pilotId, amara, helen, theme } = await pilotWithPeople(registry);
    await consentToTakePart(registry, pilotId, [amara.id, helen.id]);
    const event = await ok(registry, 'groupReflections.create', { pilotId, event: { heldOn: '2027-06-10', place: 'Senate Room', attendance: { mode: 'named', participantIds: [helen.id] } } });
    await ok(registry, 'groupReflections.addFinding', { groupReflectionId: event.id, finding: { text: 'Helen Marsh felt heard', themeIds: [theme.id] } });

    const preview = await ok(registry, 'researchExport.preview', { pilotId, includeFreeText: true });
    expect(preview.files).toContainEqual(expect.objectContaining({ name: 'group_reflection_findings.csv', rows: 1 }));
    const written = await ok(registry, 'researchExport.write', { pilotId, includeFreeText: true });
    const csv = readFileSync(join(written.folder, 'group_reflection_findings.csv'), 'utf8');
    expect(csv).toMatch(/Belonging/);
    expect(csv).not.toMatch(/Helen|Marsh/);

    const access = await ok(registry, 'subjectAccess.export', { participantId: helen.id });
    expect(access.sections).toContainEqual({ kind: 'Group reflections attended', records: 1 });
    const jsonFile = access.files.find((file) => file.endsWith('.json'))!;
    const json = JSON.parse(readFileSync(join(access.folder, jsonFile), 'utf8')) as { groupReflections: unknown[] };
    expect(json.groupReflections).toEqual([{ heldOn: '2027-06-10', place: 'Senate Room' }]);
    expect(readdirSync(access.folder).some((file) => file.endsWith('.html'))).toBe(true);
  });
});
