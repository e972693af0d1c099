import { afterEach, describe, expect, it } from 'vitest';
import { asReadDb } from '../../electron/core/db/query';
import { verifyAudit } from '../../electron/core/audit';
import { verifyInterviewAudit } from '../../electron/core/interviews/trail';
import { expectOk, tempDir, unlockedCore } from '../helpers/vault';
import { ok } from '../helpers/pilot';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A vault with entries in both trails: the main one (a pilot) and the interview database's (two interviewers). */
async function vaultWithBothTrails() {
  const t = tempDir();
  cleanup = t.cleanup;
  const core = await unlockedCore(t.dir);
  await ok(core.registry, 'pilots.create', { name: 'Belonging 2026/27', startDate: '2026-10-01', endDate: '2027-06-30' });
  await ok(core.registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
  await ok(core.registry, 'interviews.addInterviewer', { name: 'Sasha Sample', email: 'sasha.interviewer@example.ac.uk', passphrase: 'meadow copper lantern quiver' });
  return core;
}

describe('the audit hash chain, one implementation for both trails', () => {
  it('verifies both trails and gives each its own head to note', async () => {
    const core = await vaultWithBothTrails();
    const db = asReadDb(core.session.db);
    const main = verifyAudit(db);
    const interviews = verifyInterviewAudit(db);
    expect(main).toMatchObject({ ok: true, brokenAt: null });
    expect(interviews).toMatchObject({ ok: true, entries: 2, brokenAt: null, anchorMatches: null });
    expect(main.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(interviews.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(interviews.headHash).not.toBe(main.headHash);
    // The anchor an auditor noted still matches, and a made-up one does not.
    expect(verifyAudit(db, { seq: main.entries, hash: main.headHash! }).anchorMatches).toBe(true);
    expect(verifyAudit(db, { seq: main.entries, hash: '0'.repeat(64) }).anchorMatches).toBe(false);
    expect(expectOk(await core.registry.call('audit.verify', {}))).toMatchObject({ ok: true, entries: main.entries });
  });

  it('finds an altered entry in either trail at that entry, and the other trail stays sound', async () => {
    const core = await vaultWithBothTrails();
    const db = asReadDb(core.session.db);
    const mainBefore = verifyAudit(db);

    core.session.db.prepare("UPDATE interviews.audit_log SET actor = 'someone else' WHERE seq = 2").run();
    expect(verifyInterviewAudit(db)).toMatchObject({ ok: false, brokenAt: 2, headHash: null });
    expect(verifyAudit(db)).toEqual(mainBefore);

    core.session.db.prepare("UPDATE audit_log SET action = 'pilots.delete' WHERE seq = 1").run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 1, headHash: null });
  });
});
