import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectError, expectOk, PASSPHRASE, TEST_SCRYPT } from '../helpers/vault';
import { createCore } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const noStages = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

/** The pair's first meeting held with both logs in, and the plan keeping data 6 months after the pilot ends (30 June 2027). */
async function finishedPilot() {
  const clock = movableClock('2026-10-05T09:00:00Z');
  const exportDir = join(dir, 'exports');
  mkdirSync(exportDir);
  const core = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, now: clock.now, host: fixedFolderHost(exportDir), logError: () => {} });
  const { registry } = core;
  expectOk(await registry.invoke('vault.create', { passphrase: PASSPHRASE }));
  const world = await pilotWithPair(registry);
  const [first] = (await ok(registry, 'meetings.forPair', { pairId: world.pair.id })).meetings;
  clock.set('2026-11-20T10:00:00Z');
  await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: first!.date, actualDurationMin: 60 });
  await ok(registry, 'logs.submit', { meetingId: first!.id, authorId: world.mentor.id, stages: { ...noStages, description: 'We talked about belonging.' } });
  await ok(registry, 'logs.submit', { meetingId: first!.id, authorId: world.mentee.id, stages: { ...noStages, description: 'Amara explained the first week.' } });
  await ok(registry, 'plan.setGovernance', { pilotId: world.pilotId, governance: { ethicsReference: 'ETH-2026-042', retentionMonths: 6 } });
  return { ...core, ...world, clock };
}

describe('retention', () => {
  it('counts down from the pilot’s end date by the plan’s period, and says when it is not decided', async () => {
    const { registry, pilotId, clock } = await finishedPilot();
    clock.set('2027-12-01T10:00:00Z');
    expect(await ok(registry, 'erasure.retention', { pilotId })).toMatchObject({ endDate: '2027-06-30', retentionMonths: 6, expiresOn: '2027-12-30', daysLeft: 29, state: 'running', peopleHeld: 2, researchExportAt: null });
    await ok(registry, 'plan.setGovernance', { pilotId, governance: { ethicsReference: 'ETH-2026-042', retentionMonths: null } });
    expect(await ok(registry, 'erasure.retention', { pilotId })).toMatchObject({ expiresOn: null, daysLeft: null, state: 'not-set' });
  });

  it('erases nothing before expiry, nor without the pilot’s name typed out', async () => {
    const { registry, pilotId, clock } = await finishedPilot();
    clock.set('2027-12-01T10:00:00Z');
    expect(expectError(await registry.invoke('erasure.erasePilot', { pilotId, confirmName: 'Meetings pilot' }), 'CONFLICT').message).toMatch(/keeps its data until 30 Dec 2027/);
    clock.set('2028-01-05T10:00:00Z');
    expect((await ok(registry, 'erasure.retention', { pilotId })).state).toBe('expired');
    expectError(await registry.invoke('erasure.erasePilot', { pilotId, confirmName: 'Meetings' }), 'INVALID_INPUT');
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(2);
  });

  it('at expiry erases every person’s data with a certificate; the plan stays and the audit trail still verifies', async () => {
    const { registry, pilotId, clock } = await finishedPilot();
    clock.set('2028-01-03T10:00:00Z');
    // The research export first, as the retention screen leads: retention knows it was made.
    await ok(registry, 'researchExport.write', { pilotId });
    expect((await ok(registry, 'erasure.retention', { pilotId })).researchExportAt).toBe('2028-01-03T10:00:00.000Z');
    clock.set('2028-01-05T10:00:00Z');
    const certificate = await ok(registry, 'erasure.erasePilot', { pilotId, confirmName: 'meetings pilot' });
    const counts = Object.fromEntries(certificate.counts.map((c) => [c.kind, c.count]));
    expect(counts).toMatchObject({ 'participant-record': 2, 'consent-records': 2, 'reflective-logs': 2, pairs: 1, meetings: 4 });
    expect(certificate).toMatchObject({ scope: 'pilot', pilotName: 'Meetings pilot', cleanup: { vacuumed: true, walTruncated: true } });
    expect(JSON.stringify(certificate)).not.toMatch(/Amara|Helen/);
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(0);
    expect((await ok(registry, 'plan.get', { pilotId })).governance.ethicsReference).toBe('ETH-2026-042');
    expect(await ok(registry, 'erasure.retention', { pilotId })).toMatchObject({ state: 'erased', peopleHeld: 0, certificateId: certificate.id });
    expect((await ok(registry, 'audit.verify', {})).ok).toBe(true);
    expect(await ok(registry, 'erasure.certificate', { id: certificate.id })).toEqual(certificate);
    expectError(await registry.invoke('erasure.erasePilot', { pilotId, confirmName: 'Meetings pilot' }), 'CONFLICT');
  });
});
