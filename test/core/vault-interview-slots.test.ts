import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { channels, contract, accessOf } from '../../shared/contract';
import { deriveWrappingKey, unwrapKey } from '../../electron/core/vault/crypto';
import { interviewerLogin, interviewKeyAad, readKeyFile, serialiseKeyFile, slotAad, type KeyFile } from '../../electron/core/vault/keyfile';
import { openDatabaseFile } from '../../electron/core/db/native-binding';
import { writeFileAtomic } from '../../electron/core/util/atomic-write';
import { expectError, expectOk, newCore, PASSPHRASE, tempDir, unlockedCore } from '../helpers/vault';
import { runCli } from '../../electron/core/cli/run';
import type { CliIo } from '../../electron/core/cli/io';
import { LATEST_INTERVIEW_SCHEMA_VERSION } from '../../electron/core/db/interview-migrations';
import { interviewTrailActors } from '../../electron/core/interviews/trail';
import { asReadDb } from '../../electron/core/db/query';
import { INTERVIEWER } from '../helpers/interviews';

async function vaultCheck(vault: string) {
  let stdout = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: () => {}, readStdin: async () => '', env: { RECIPROCAL_PASSPHRASE: PASSPHRASE } };
  const code = await runCli(['vault', 'check', '--vault', vault], io);
  return { code, stdout };
}


let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function vaultWithInterviewer() {
  const t = tempDir();
  cleanup = t.cleanup;
  const core = await unlockedCore(t.dir);
  const interviewer = expectOk(await core.registry.call('interviews.addInterviewer', INTERVIEWER));
  core.session.lock();
  return { ...core, interviewer, dir: t.dir };
}

/** Tries to open a SQLCipher file with a raw key; true only when the key reads it. */
function opens(path: string, key: Buffer): boolean {
  const db = openDatabaseFile(path, { fileMustExist: true, readonly: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

describe('the interview database and interviewer key slots', () => {
  it('a new vault has a second database with its own key, wrapped under the main key', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { vaultDir, session } = await unlockedCore(t.dir);
    session.lock();
    expect(existsSync(join(vaultDir, 'interviews.sqlite'))).toBe(true);
    const keys = readKeyFile(join(vaultDir, 'vault.keys.json'));
    expect(keys.format).toBe(2);
    expect(keys.interviews?.file).toBe('interviews.sqlite');
  });

  it('an interviewer’s slot opens the interview database and nothing else, for someone reading the key file by hand', async () => {
    const { vaultDir } = await vaultWithInterviewer();
    const keyText = readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8');
    expect(keyText).not.toContain(INTERVIEWER.email); // found by a hash of the email, never stored in clear
    const keys = readKeyFile(join(vaultDir, 'vault.keys.json'));
    const slot = keys.slots.find((s) => s.kind === 'interviewer')!;
    expect(slot.login).toBe(interviewerLogin(keys.vaultId, INTERVIEWER.email));

    // Follow the documented format with the interviewer's passphrase.
    const wrappingKey = await deriveWrappingKey(Buffer.from(INTERVIEWER.passphrase.normalize('NFC'), 'utf8'), slot.kdf);
    const interviewKey = unwrapKey(slot.wrapped, wrappingKey, slotAad(keys.vaultId, slot.id))!;
    expect(interviewKey).toHaveLength(32);
    expect(opens(join(vaultDir, 'interviews.sqlite'), interviewKey)).toBe(true);

    // Try to get at the main database from it: every way the file offers fails.
    expect(opens(join(vaultDir, 'vault.sqlite'), interviewKey)).toBe(false);
    expect(opens(join(vaultDir, 'vault.sqlite'), wrappingKey)).toBe(false);
    for (const coordinatorSlot of keys.slots.filter((s) => s.kind !== 'interviewer')) {
      expect(unwrapKey(coordinatorSlot.wrapped, wrappingKey, slotAad(keys.vaultId, coordinatorSlot.id))).toBeUndefined();
      expect(unwrapKey(coordinatorSlot.wrapped, interviewKey, slotAad(keys.vaultId, coordinatorSlot.id))).toBeUndefined();
    }
    // The main key wraps the interview key, not the other way round.
    expect(unwrapKey(keys.interviews!.wrapped, interviewKey, interviewKeyAad(keys.vaultId))).toBeUndefined();
  });

  it('signed in as an interviewer, every channel not declared for interviewers is refused', async () => {
    const { registry, session, interviewer } = await vaultWithInterviewer();
    expectError(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email, passphrase: 'not their passphrase at all' }), 'WRONG_PASSPHRASE');
    expectError(await registry.invoke('vault.unlock', { interviewer: 'someone.else@example.ac.uk', passphrase: INTERVIEWER.passphrase }), 'WRONG_PASSPHRASE');
    expectOk(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email.toUpperCase(), passphrase: INTERVIEWER.passphrase }));
    expect(session.role).toBe('interviewer');
    const status = expectOk(await registry.call('vault.status', {}));
    expect(status.identity).toEqual({ role: 'interviewer', interviewerId: interviewer.id, interviewerName: 'Robin Example' });
    expect(expectOk(await registry.call('interviews.mine', {}))).toEqual([]);

    const refused = channels.filter((name) => !accessOf(contract[name]).includes('interviewer'));
    expect(refused.length).toBeGreaterThan(100);
    for (const name of refused) {
      const error = expectError(await registry.invoke(name, {}), 'FORBIDDEN');
      expect(error.message).toContain('only for the coordinator');
    }
    // The coordinator's passphrase cannot take over an interviewer's open session.
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'CONFLICT');
    session.lock();
  });

  it('removing an interviewer removes their slot: their passphrase opens nothing any more', async () => {
    const { registry, session, interviewer, vaultDir } = await vaultWithInterviewer();
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expectOk(await registry.call('interviews.removeInterviewer', { interviewerId: interviewer.id }));
    expect(readKeyFile(join(vaultDir, 'vault.keys.json')).slots.map((s) => s.kind).sort()).toEqual(['passphrase', 'recovery']);
    expect(expectOk(await registry.call('interviews.interviewers', {}))).toEqual([]);
    session.lock();
    expectError(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email, passphrase: INTERVIEWER.passphrase }), 'WRONG_PASSPHRASE');
  });

  it('an interviewer changes their own passphrase: the old one opens nothing after, a wrong or weak one changes nothing, the coordinator cannot', async () => {
    const { registry, session, vaultDir } = await vaultWithInterviewer();
    const keyPath = join(vaultDir, 'vault.keys.json');
    const NEW = 'quarry tambourine nebula gusset';
    expectOk(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email, passphrase: INTERVIEWER.passphrase }));
    const before = readFileSync(keyPath, 'utf8');
    const wrong = expectError(await registry.invoke('interviews.changeMyPassphrase', { current: 'not my passphrase at all', next: NEW }), 'WRONG_PASSPHRASE');
    expect(wrong.issues).toEqual([{ path: ['current'], message: 'Not your current passphrase' }]);
    expectError(await registry.invoke('interviews.changeMyPassphrase', { current: INTERVIEWER.passphrase, next: 'password1' }), 'WEAK_PASSPHRASE');
    expect(readFileSync(keyPath, 'utf8')).toBe(before);

    expectOk(await registry.invoke('interviews.changeMyPassphrase', { current: INTERVIEWER.passphrase, next: NEW }));
    const slots = readKeyFile(keyPath).slots;
    expect(slots.map((s) => s.kind).sort()).toEqual(['interviewer', 'passphrase', 'recovery']);
    // Only their slot changed: the coordinator's slots are byte for byte as they were.
    const coordinatorSlots = (text: string) => JSON.stringify((JSON.parse(text) as { slots: { kind: string }[] }).slots.filter((s) => s.kind !== 'interviewer'));
    expect(coordinatorSlots(readFileSync(keyPath, 'utf8'))).toBe(coordinatorSlots(before));
    session.lock();
    expectError(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email, passphrase: INTERVIEWER.passphrase }), 'WRONG_PASSPHRASE');
    expectOk(await registry.invoke('vault.unlock', { interviewer: INTERVIEWER.email, passphrase: NEW }));
    expect(expectOk(await registry.call('interviews.mine', {}))).toBeDefined();
    session.lock();

    // The coordinator has no interviewer passphrase to change here: refused before anything is read.
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expectError(await registry.invoke('interviews.changeMyPassphrase', { current: NEW, next: 'another quite long passphrase here' }), 'FORBIDDEN');
    expect(interviewTrailActors(asReadDb(session.db))).toContainEqual({ action: 'interviews.changePassphrase', actor: expect.stringMatching(/^interviewer:/) });
  });

  it('refuses a weak interviewer passphrase and a second slot for the same email, changing nothing', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { registry, vaultDir } = await unlockedCore(t.dir);
    const before = readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8');
    expectError(await registry.invoke('interviews.addInterviewer', { ...INTERVIEWER, passphrase: 'password1' }), 'WEAK_PASSPHRASE');
    expect(readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8')).toBe(before);
    expectOk(await registry.call('interviews.addInterviewer', INTERVIEWER));
    const after = readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8');
    expectError(await registry.invoke('interviews.addInterviewer', { ...INTERVIEWER, name: 'Robin Again' }), 'CONFLICT');
    expect(readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8')).toBe(after);
  });

  it('a vault from before interviews (key file format 1) gets its interview database at the next unlock, once, audited', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { session, vaultDir } = await unlockedCore(t.dir);
    session.lock();
    // Make it what an older version left: no interview database, a format-1 key file.
    const keyPath = join(vaultDir, 'vault.keys.json');
    const { interviews: _gone, ...older } = readKeyFile(keyPath);
    writeFileAtomic(keyPath, serialiseKeyFile({ ...older, format: 1 } as KeyFile));
    rmSync(join(vaultDir, 'interviews.sqlite'));
    // And a leftover of an upgrade interrupted before its key was recorded: replaced, not trusted.
    writeFileAtomic(join(vaultDir, 'interviews.sqlite'), 'half-made');

    const core = newCore(t.dir);
    expectOk(await core.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const upgraded = readKeyFile(keyPath);
    expect(upgraded.format).toBe(2);
    expect(upgraded.interviews).toBeDefined();
    expect(expectOk(await core.registry.call('interviews.interviewers', {}))).toEqual([]);
    const audit = expectOk(await core.registry.call('audit.list', { limit: 5 }));
    expect(audit.map((entry) => entry.action)).toContain('vault.addInterviewDatabase');
    core.session.lock();

    // The next unlock changes nothing more.
    const text = readFileSync(keyPath, 'utf8');
    expectOk(await core.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(readFileSync(keyPath, 'utf8')).toBe(text);
    core.session.lock();
  });

  it('vault check verifies both databases and both audit trails, and finds an altered interview trail entry', async () => {
    const { vaultDir } = await vaultWithInterviewer();
    const sound = await vaultCheck(vaultDir);
    expect(sound.code).toBe(0);
    expect(sound.stdout).toMatch(/interview database integrity: ok/);
    expect(sound.stdout).toMatch(/interview audit chain: ok, 1 entry/);
    expect(sound.stdout).toContain(`interview schema version: ${LATEST_INTERVIEW_SCHEMA_VERSION}`);

    const core = newCore(join(vaultDir, '..'));
    expectOk(await core.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    core.session.db.prepare("UPDATE interviews.audit_log SET actor = 'someone else' WHERE seq = 1").run();
    core.session.lock();
    const broken = await vaultCheck(vaultDir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/interview audit chain: BROKEN at entry 1/);
  });
});
