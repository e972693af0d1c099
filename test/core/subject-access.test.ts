import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import { expectError, expectOk, PASSPHRASE, TEST_SCRYPT } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-subject-'));

const empty = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

async function pairWithLogs() {
  const clock = movableClock('2026-11-01T10:00:00Z');
  const out = join(dir, 'out');
  mkdirSync(out);
  const core = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, logError: () => {}, now: clock.now, host: fixedFolderHost(out) });
  expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
  const world = await pilotWithPair(core.registry);
  const { meetings } = await ok(core.registry, 'meetings.forPair', { pairId: world.pair.id });
  clock.set('2026-12-20T12:00:00Z');
  await ok(core.registry, 'meetings.markHeld', { id: meetings[0]!.id, heldOn: meetings[0]!.date, actualDurationMin: 60 });
  // Helen's own log, and her partner Amara's, each with words only they wrote.
  await ok(core.registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: world.mentee.id, stages: { ...empty, description: 'HELEN-OWN-WORDS about <assessment> & deadlines.' } });
  await ok(core.registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: world.mentor.id, stages: { ...empty, description: 'AMARA-PARTNER-WORDS about the café.' } });
  return { ...core, ...world, out, meetings };
}

const filesIn = (folder: string) => Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

describe('subject access', () => {
  it('writes everything held about one person as HTML and JSON, without their partner’s logs, and audits it', async () => {
    const world = await pairWithLogs();
    const result = await ok(world.registry, 'subjectAccess.export', { participantId: world.mentee.id });
    expect(result.files).toEqual([`subject-access-${world.mentee.id}-2026-12-20.html`, `subject-access-${world.mentee.id}-2026-12-20.json`]);
    const files = filesIn(world.out);
    const json = JSON.parse(files[result.files[1]!]!) as {
      record: { name: string; email: string };
      consentHistory: unknown[];
      statusHistory: { to: string }[];
      pairs: { partnerName: string }[];
      meetings: unknown[];
      ownLogs: { description: string }[];
      leftOut: string[];
    };
    expect(json.record).toMatchObject({ name: 'Helen Marsh', email: 'helen@example.ac.uk' });
    expect(json.consentHistory.length).toBeGreaterThan(0);
    expect(json.statusHistory.map((s) => s.to)).toContain('paired');
    expect(json.pairs).toEqual([expect.objectContaining({ partnerName: 'Amara Nwosu', role: 'mentee' })]);
    expect(json.meetings).toHaveLength(world.meetings.length);
    expect(json.ownLogs.map((log) => log.description)).toEqual(['HELEN-OWN-WORDS about <assessment> & deadlines.']);
    // The partner's log is a third party's data: in neither file, and both say it was left out.
    for (const text of Object.values(files)) {
      expect(text).not.toContain('AMARA-PARTNER-WORDS');
      expect(text).toMatch(/mentoring partner/);
      expect(text).toMatch(/Safeguarding/);
    }
    // The HTML is readable and escapes what people wrote.
    const html = files[result.files[0]!]!;
    expect(html).toContain('HELEN-OWN-WORDS about &lt;assessment&gt; &amp; deadlines.');
    expect(html).not.toContain('<assessment>');
    expect(result.sections).toContainEqual({ kind: 'Own reflective logs', records: 1 });

    const audit = await ok(world.registry, 'audit.page', { offset: 0, limit: 5, action: 'subjectAccess' });
    expect(audit.rows.map((entry) => [entry.action, entry.entityId])).toEqual([['subjectAccess.export', String(world.mentee.id)]]);
  });

  it('leaves safeguarding concerns out and still answers for someone who withdrew', async () => {
    const world = await pairWithLogs();
    const preview = await ok(world.registry, 'participants.previewWithdrawal', { id: world.mentee.id });
    await ok(world.registry, 'participants.transition', { id: world.mentee.id, to: 'withdrawn', reason: 'Moved to another university', previewFingerprint: preview.fingerprint });
    const result = await ok(world.registry, 'subjectAccess.export', { participantId: world.mentee.id });
    const json = JSON.parse(filesIn(world.out)[result.files[1]!]!) as { record: { status: string }; statusHistory: { to: string; reason: string | null }[]; pairs: { endedAt: string | null }[]; leftOut: string[] };
    // Withdrawal keeps what was recorded (until an erasure): all of it is still theirs to see.
    expect(json.record.status).toBe('withdrawn');
    expect(json.statusHistory.at(-1)).toMatchObject({ to: 'withdrawn', reason: 'Moved to another university' });
    expect(json.pairs[0]!.endedAt).not.toBeNull();
    expect(json.leftOut.join(' ')).toMatch(/serious harm/);
  });

  it('refuses an unknown person clearly and writes nothing', async () => {
    const world = await pairWithLogs();
    expectError(await world.registry.invoke('subjectAccess.export', { participantId: 9999 }), 'NOT_FOUND');
    expectError(await world.registry.invoke('subjectAccess.export', { participantId: 'Helen' } as never), 'INVALID_INPUT');
    expect(readdirSync(world.out)).toEqual([]);
  });
});
