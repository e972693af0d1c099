/**
 * kill -9 during the vault's own operations, beyond plain writes (kill-during-writes.test.ts):
 * creating a vault, changing the passphrase, importing expressions of interest, and migrating a
 * vault made by an older version while unlocking it. Each run measures the operation once, then
 * kills children at random moments spread over that time, and checks what is left after each kill.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { PASSPHRASE, TEST_SCRYPT, expectError, expectOk, tempDir, unlockedCore } from '../helpers/vault';
import { createCore } from '../../electron/core';
import { closeVault, inspectVaultDir, unlockVault } from '../../electron/core/vault/vault';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { seededRandom } from '../../electron/core/util/random';
import { bundleChild, doneMs, runChild, withoutPassphraseWordLists } from './child-process';
import { vaultAtVersion } from './old-vault';

const CREATE_KILLS = 30;
const PASSWD_KILLS = 10;
const IMPORT_KILLS = 8;
const MIGRATION_KILLS = 8;
const OTHER_PASSPHRASE = 'copper meadow violin horizon';

let dir: string;
let cleanup: () => void;
const bundle = join(__dirname, '.build', 'vault-child.mjs');
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('reciprocal-kill-vault-'));
  await bundleChild(join(__dirname, 'vault-child.ts'), bundle, [withoutPassphraseWordLists]);
});
afterAll(() => cleanup());

/**
 * Kill delays spread evenly (with jitter) from 0 to 2.5 times the operation's measured time: the
 * children share the machine, so a run can take longer than the one measured, and some runs should
 * get to the end.
 */
async function killDelays(count: number, seed: number, measure: () => Promise<number>): Promise<number[]> {
  const took = await measure();
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => Math.floor(((i + random()) / count) * took * 2.5));
}

/** The whole-file check, on a vault opened the normal way. */
async function expectSound(vaultDir: string, secret: { passphrase: string } | { recoveryKey: string } = { passphrase: PASSPHRASE }) {
  const core = createCore(vaultDir, { scrypt: TEST_SCRYPT, logError: () => {} });
  expectOk(await core.registry.invoke('vault.unlock', secret));
  try {
    expect(core.session.damage).toBeUndefined();
    expect(core.session.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(expectOk(await core.registry.invoke('audit.verify', {}))).toMatchObject({ ok: true });
    return core.session.db.pragma('user_version', { simple: true }) as number;
  } finally {
    core.session.lock();
  }
}

describe('a process killed while it works on the vault', () => {
  it(`creating a vault leaves either no vault or a complete one, never a half-made folder (${CREATE_KILLS} kills)`, async () => {
    const parent = join(dir, 'create');
    const vaultDir = join(parent, 'vault');
    const env = { RECIPROCAL_PASSPHRASE: PASSPHRASE };
    const delays = await killDelays(CREATE_KILLS, 9001, async () => {
      const took = doneMs(await runChild(bundle, ['create', vaultDir], env));
      expect(await expectSound(vaultDir)).toBe(LATEST_SCHEMA_VERSION);
      rmSync(vaultDir, { recursive: true });
      return took;
    });
    const outcomes = { absent: 0, complete: 0, leftBehind: 0 };
    for (const delay of delays) {
      await runChild(bundle, ['create', vaultDir], env, delay);
      const state = inspectVaultDir(vaultDir);
      expect(['absent', 'present'], `after a kill at ${delay} ms`).toContain(state);
      if (state === 'present') {
        outcomes.complete += 1;
        // Nobody saw this vault's recovery key, but the passphrase opens it and it is whole.
        expect(await expectSound(vaultDir)).toBe(LATEST_SCHEMA_VERSION);
        expect(readdirSync(vaultDir).filter((name) => !name.endsWith('-wal') && !name.endsWith('-shm')).sort()).toEqual(['interviews.sqlite', 'vault.keys.json', 'vault.sqlite']);
        rmSync(vaultDir, { recursive: true });
      } else {
        outcomes.absent += 1;
        expect(existsSync(vaultDir)).toBe(false);
      }
      if (readdirSync(parent).some((name) => name.startsWith('.vault.creating-'))) outcomes.leftBehind += 1;
    }
    // Kills landed while the vault was being built (a temporary folder was left) and after it was in place.
    const spread = `${JSON.stringify(outcomes)} for kills at ${delays.join(', ')} ms`;
    expect(outcomes.leftBehind, spread).toBeGreaterThan(0);
    expect(outcomes.absent, spread).toBeGreaterThan(0);
    expect(outcomes.complete, spread).toBeGreaterThan(0);

    // A temporary folder left by a killed creation is removed by the next one.
    const { session } = createCore(vaultDir, { scrypt: TEST_SCRYPT, logError: () => {} });
    await session.create(PASSPHRASE);
    session.lock();
    expect(readdirSync(parent)).toEqual(['vault']);
    console.log(`kill during vault create: ${CREATE_KILLS} kills at 0–${Math.max(...delays)} ms: ${outcomes.absent} left no vault, ${outcomes.complete} a complete one; ${outcomes.leftBehind} left a temporary folder, removed by the next create`);
  }, 120_000);

  it(`changing the passphrase leaves exactly one of the old and new passphrases working, and the recovery key (${PASSWD_KILLS} kills)`, async () => {
    const { session, vaultDir, recoveryKey } = await unlockedCore(join(dir, 'passwd'));
    session.lock();
    const changesRecorded = async (passphrase: string) => {
      const core = createCore(vaultDir, { scrypt: TEST_SCRYPT, logError: () => {} });
      expectOk(await core.registry.invoke('vault.unlock', { passphrase }));
      const { n } = core.session.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'vault.changePassphrase'").get() as { n: number };
      core.session.lock();
      return n;
    };
    const works = async (passphrase: string) => {
      const core = createCore(vaultDir, { scrypt: TEST_SCRYPT, logError: () => {} });
      const result = await core.registry.invoke('vault.unlock', { passphrase });
      core.session.lock();
      if (!result.ok) expectError(result, 'WRONG_PASSPHRASE');
      return result.ok;
    };

    let current = PASSPHRASE;
    const other = () => (current === PASSPHRASE ? OTHER_PASSPHRASE : PASSPHRASE);
    const delays = await killDelays(PASSWD_KILLS, 9002, async () => {
      const took = doneMs(await runChild(bundle, ['passwd', vaultDir], { RECIPROCAL_PASSPHRASE: current, RECIPROCAL_NEW_PASSPHRASE: other() }));
      current = other();
      return took;
    });
    const outcomes = { changed: 0, unchanged: 0 };
    for (const delay of delays) {
      const [old, next] = [current, other()];
      const recordedBefore = await changesRecorded(old);
      await runChild(bundle, ['passwd', vaultDir], { RECIPROCAL_PASSPHRASE: old, RECIPROCAL_NEW_PASSPHRASE: next }, delay);
      const [oldWorks, nextWorks] = [await works(old), await works(next)];
      expect(oldWorks !== nextWorks, `after a kill at ${delay} ms exactly one passphrase works (old ${oldWorks}, new ${nextWorks})`).toBe(true);
      current = nextWorks ? next : old;
      outcomes[nextWorks ? 'changed' : 'unchanged'] += 1;
      await expectSound(vaultDir, { recoveryKey });
      await expectSound(vaultDir, { passphrase: current });
      // The audit entry commits after the key file is replaced: recorded means changed (not always the reverse).
      if ((await changesRecorded(current)) > recordedBefore) expect(nextWorks).toBe(true);
    }
    const spread = `${JSON.stringify(outcomes)} for kills at ${delays.join(', ')} ms`;
    expect(outcomes.changed, spread).toBeGreaterThan(0);
    expect(outcomes.unchanged, spread).toBeGreaterThan(0);
    console.log(`kill during vault passwd: ${PASSWD_KILLS} kills: ${outcomes.changed} changed, ${outcomes.unchanged} unchanged; the recovery key worked every time`);
  }, 120_000);

  it(`an import of expressions of interest lands whole or not at all (${IMPORT_KILLS} kills)`, async () => {
    const ROWS = 1500;
    const csv = join(dir, 'responses.csv');
    writeFileSync(
      csv,
      ['Your name,Email address,Are you a student or a member of staff?,School or department', ...Array.from({ length: ROWS }, (_, i) => `Person ${i},person${i}@example.ac.uk,${i % 2 ? 'Student' : 'Staff'},Dept ${i % 20}`)].join('\n'),
    );
    const { registry, session, vaultDir } = await unlockedCore(join(dir, 'import'));
    const newPilot = async (name: string) => {
      if (!session.isUnlocked) expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
      const { id } = expectOk(await registry.call('pilots.create', { name, startDate: '2026-10-01', endDate: '2027-06-30' }));
      session.lock();
      return id;
    };
    const whatLanded = async (pilotId: number) => {
      expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
      const db = session.db;
      const people = (db.prepare('SELECT count(*) AS n FROM participants WHERE pilot_id = ?').get(pilotId) as { n: number }).n;
      const history = (db.prepare('SELECT count(*) AS n FROM participant_status_history h JOIN participants p ON p.id = h.participant_id WHERE p.pilot_id = ?').get(pilotId) as { n: number }).n;
      const mapping = (db.prepare('SELECT count(*) AS n FROM import_mappings WHERE pilot_id = ?').get(pilotId) as { n: number }).n;
      const audited = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = ? AND entity_id = ?").get(`participants.import(${ROWS})`, String(pilotId)) as { n: number }).n;
      session.lock();
      return { people, history, mapping, audited };
    };

    const delays = await killDelays(IMPORT_KILLS, 9003, async () => doneMs(await runChild(bundle, ['import', vaultDir, String(await newPilot('Measured')), csv], { RECIPROCAL_PASSPHRASE: PASSPHRASE })));
    const outcomes = { whole: 0, none: 0 };
    for (const [round, delay] of delays.entries()) {
      const pilotId = await newPilot(`Round ${round}`);
      await runChild(bundle, ['import', vaultDir, String(pilotId), csv], { RECIPROCAL_PASSPHRASE: PASSPHRASE }, delay);
      const landed = await whatLanded(pilotId);
      const whole = landed.people === ROWS;
      expect(landed, `after a kill at ${delay} ms`).toEqual(whole ? { people: ROWS, history: ROWS, mapping: 1, audited: 1 } : { people: 0, history: 0, mapping: 0, audited: 0 });
      outcomes[whole ? 'whole' : 'none'] += 1;
      await expectSound(vaultDir);
    }
    const spread = `${JSON.stringify(outcomes)} for kills at ${delays.join(', ')} ms`;
    expect(outcomes.whole, spread).toBeGreaterThan(0);
    expect(outcomes.none, spread).toBeGreaterThan(0);
    console.log(`kill during import: ${IMPORT_KILLS} kills: ${outcomes.whole} imports landed whole (${ROWS} rows), ${outcomes.none} not at all`);
  }, 120_000);

  it(`migrating an older vault while unlocking leaves it at the old or the new version, never between, and it unlocks (${MIGRATION_KILLS} kills)`, async () => {
    // Before migration 007, which rebuilds the participants table (slow with many people); every
    // pending migration after it runs in the same transaction, so "between" would be any other version.
    const OLD = 6;
    const PEOPLE = 20_000;
    const template = join(dir, 'old-template');
    // Many people, so migration 007 (which rebuilds a column of theirs) takes a while.
    const key = await vaultAtVersion(template, OLD, (db) => {
      db.prepare("INSERT INTO pilots (name, start_date, end_date, status, created_at, updated_at) VALUES ('Old pilot', '2025-10-01', '2026-06-30', 'running', '2025-09-01', '2025-09-01')").run();
      const insert = db.prepare("INSERT INTO participants (pilot_id, name, email, role, status, created_at, updated_at) VALUES (1, ?, ?, ?, 'interested', '2025-09-01', '2025-09-01')");
      for (let i = 0; i < PEOPLE; i++) insert.run(`Person ${i}`, `person${i}@example.ac.uk`, i % 2 ? 'mentor' : 'mentee');
    });
    /** Reads the version and the participants' schema without unlocking (which would migrate). */
    const inspect = (vaultDir: string) => {
      const db = new Database(join(vaultDir, 'vault.sqlite'), { readonly: true, fileMustExist: true });
      try {
        db.pragma(`cipher='sqlcipher'`);
        db.pragma('legacy=4');
        db.pragma(`key="x'${key}'"`);
        const version = db.pragma('user_version', { simple: true }) as number;
        const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'participants'").get() as { sql: string };
        const people = (db.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n;
        return { version, declinedAllowed: sql.includes("'declined'"), people, integrity: db.pragma('integrity_check', { simple: true }) };
      } finally {
        db.close();
      }
    };
    expect(inspect(template)).toEqual({ version: OLD, declinedAllowed: false, people: PEOPLE, integrity: 'ok' });

    const copy = (name: string) => {
      const vaultDir = join(dir, name);
      cpSync(template, vaultDir, { recursive: true });
      return vaultDir;
    };
    const env = { RECIPROCAL_PASSPHRASE: PASSPHRASE };
    const delays = await killDelays(MIGRATION_KILLS, 9004, async () => doneMs(await runChild(bundle, ['unlock', copy('measured')], env)));
    const outcomes = { old: 0, migrated: 0 };
    for (const [round, delay] of delays.entries()) {
      const vaultDir = copy(`migrate-${round}`);
      await runChild(bundle, ['unlock', vaultDir], env, delay);
      const found = inspect(vaultDir);
      expect(found, `after a kill at ${delay} ms`).toEqual(found.version === OLD ? { version: OLD, declinedAllowed: false, people: PEOPLE, integrity: 'ok' } : { version: LATEST_SCHEMA_VERSION, declinedAllowed: true, people: PEOPLE, integrity: 'ok' });
      outcomes[found.version === OLD ? 'old' : 'migrated'] += 1;
      // And it unlocks: migrated now if it was not yet.
      expect(await expectSound(vaultDir)).toBe(LATEST_SCHEMA_VERSION);
      rmSync(vaultDir, { recursive: true });
    }
    const spread = `${JSON.stringify(outcomes)} for kills at ${delays.join(', ')} ms`;
    expect(outcomes.old, spread).toBeGreaterThan(0);
    expect(outcomes.migrated, spread).toBeGreaterThan(0);
    const vault = await unlockVault(template, { passphrase: PASSPHRASE }); // the template itself still migrates cleanly
    closeVault(vault);
    console.log(`kill during migration ${OLD}→${LATEST_SCHEMA_VERSION} (${PEOPLE} people): ${MIGRATION_KILLS} kills: ${outcomes.old} left at ${OLD}, ${outcomes.migrated} at ${LATEST_SCHEMA_VERSION}; all unlocked`);
  }, 120_000);
});
