import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectError, expectOk, TEST_SCRYPT, PASSPHRASE } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import { createCore } from '../../electron/core';
import type { Host } from '../../electron/core/host';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const empty = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

/** A vault with one pair, a held meeting and a submitted log, opened with the given host. */
async function vaultWithLog(host: Host) {
  const clock = movableClock('2026-11-02T09:00:00Z');
  const core = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, host, now: clock.now, logError: () => {} });
  expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
  const world = await pilotWithPair(core.registry);
  const { meetings } = await ok(core.registry, 'meetings.forPair', { pairId: world.pair.id });
  clock.set('2026-12-20T12:00:00Z');
  await ok(core.registry, 'meetings.markHeld', { id: meetings[0]!.id, heldOn: meetings[0]!.date, actualDurationMin: 60 });
  await ok(core.registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: world.mentor.id, stages: { ...empty, description: 'What we talked about.' } });
  return { ...core, ...world };
}

const exportEntries = async (core: Awaited<ReturnType<typeof vaultWithLog>>) =>
  (await ok(core.registry, 'audit.list', { limit: 50 })).filter((entry) => entry.action.includes('export'));

describe('files leave the vault only while it is unlocked, and always with their audit entry', () => {
  it('writes nothing when the vault locks while the folder dialog is open', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    let lockDuringDialog: (() => void) | undefined;
    const core = await vaultWithLog({
      chooseExportFolder: async () => {
        lockDuringDialog?.();
        return out;
      },
    });
    lockDuringDialog = () => core.session.lock('idle');
    expectError(await core.registry.invoke('logs.exportLogBook', { participantId: core.mentor.id }), 'VAULT_LOCKED');
    expectError(await core.registry.invoke('meetings.exportIcs', { pairId: core.pair.id }), 'VAULT_LOCKED');
    expect(readdirSync(out)).toEqual([]);

    lockDuringDialog = undefined;
    expectOk(await core.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(await exportEntries(core)).toEqual([]);
    await ok(core.registry, 'logs.exportLogBook', { participantId: core.mentor.id });
    expect(readdirSync(out)).toEqual([`log-book-${core.mentor.id}.pdf`]);
    expect((await exportEntries(core)).map((entry) => entry.action)).toEqual(['logs.exportLogBook']);
  });

  it('keeps no audit entry and no file when the file cannot be written', async () => {
    let folder = join(dir, 'gone');
    const core = await vaultWithLog({ chooseExportFolder: async () => folder });
    expect(expectError(await core.registry.invoke('meetings.exportIcs', { pairId: core.pair.id }), 'IO_ERROR').message).toContain('no longer exists');

    folder = join(dir, 'out');
    mkdirSync(join(folder, `reciprocal-pair-${core.pair.id}.ics`), { recursive: true }); // a folder where the file should go
    expectError(await core.registry.invoke('meetings.exportIcs', { pairId: core.pair.id }), 'CONFLICT');
    expect(readdirSync(folder)).toEqual([`reciprocal-pair-${core.pair.id}.ics`]);
    expect(await exportEntries(core)).toEqual([]);
  });
});
