import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { PASSPHRASE, TEST_SCRYPT, expectError, expectOk, newCore, snapshotFiles, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { closeVault, unlockVault } from '../../electron/core/vault/vault';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import type * as AtomicWrite from '../../electron/core/util/atomic-write';

// The real atomic write, with a switch to make writing the key file fail like a full disk would.
const keyFileWrites = vi.hoisted(() => ({ fail: false, count: 0 }));
vi.mock('../../electron/core/util/atomic-write', async (importOriginal) => {
  const actual = await importOriginal<typeof AtomicWrite>();
  return {
    ...actual,
    writeFileAtomic: (path: string, data: string | Uint8Array) => {
      if (path.endsWith('vault.keys.json')) {
        if (keyFileWrites.fail) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        keyFileWrites.count += 1;
      }
      actual.writeFileAtomic(path, data);
    },
  };
});

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));
afterEach(() => {
  keyFileWrites.fail = false;
});

const pilot = { name: 'Belonging pilot 2026', purpose: 'Staff hear students', startDate: '2026-10-01', endDate: '2027-06-30' };

describe('creating a vault', () => {
  it('writes an encrypted database and a key file with nothing secret in clear, and leaves the vault open', async () => {
    const { registry, recoveryKey, vaultDir } = await unlockedCore(dir);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'unlocked', recoveryKeyConfirmed: false });
    expect(readdirSync(vaultDir).sort()).toEqual(expect.arrayContaining(['vault.keys.json', 'vault.sqlite']));

    const keyFile = readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8');
    const key = expectOk(await registry.invoke('vault.revealKey', { passphrase: PASSPHRASE })) as { key: string };
    const hex = key.key.slice(2, -1);
    expect(keyFile).not.toContain(hex);
    expect(keyFile).not.toContain(Buffer.from(hex, 'hex').toString('base64'));
    expect(keyFile.toUpperCase()).not.toContain(recoveryKey.replace(/-/g, ''));
    expect(keyFile).not.toContain(PASSPHRASE);
    expect(readFileSync(join(vaultDir, 'vault.sqlite')).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('refuses a weak passphrase with reasons and creates nothing', async () => {
    const { registry } = newCore(dir);
    const error = expectError(await registry.invoke('vault.create', { passphrase: 'password1234' }), 'WEAK_PASSPHRASE');
    expect(error.message).toMatch(/stronger passphrase/);
    expect(error.issues?.[0]?.path).toEqual(['passphrase']);
    expect(existsSync(join(dir, 'vault', 'vault.sqlite'))).toBe(false);
    const short = expectError(await registry.invoke('vault.create', { passphrase: 'Zq8#vLp2' }), 'WEAK_PASSPHRASE');
    expect(short.message).toMatch(/at least 12 characters/);
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'absent' });
  });

  it('refuses to create over an existing vault', async () => {
    const { registry, session } = await unlockedCore(dir);
    session.lock();
    expectError(await registry.invoke('vault.create', { passphrase: PASSPHRASE }), 'VAULT_EXISTS');
    const fresh = newCore(dir);
    expectError(await fresh.registry.invoke('vault.create', { passphrase: PASSPHRASE }), 'VAULT_EXISTS');
  });

  it('opens with the settings the design requires and the latest schema', async () => {
    const { session } = await unlockedCore(dir);
    const db = session.db;
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });
});

describe('locking and unlocking', () => {
  it('locks, refuses work while locked, and unlocks with the passphrase with data intact', async () => {
    const { registry } = await unlockedCore(dir);
    const created = expectOk(await registry.invoke('pilots.create', pilot)) as { id: number };
    expectOk(await registry.invoke('vault.lock', {}));
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'locked' });
    expectError(await registry.invoke('pilots.list', {}), 'VAULT_LOCKED');
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(expectOk(await registry.invoke('pilots.get', { id: created.id }))).toMatchObject(pilot);
  });

  it('unlocks with the recovery key typed loosely (lower case, spaces)', async () => {
    const { registry, recoveryKey } = await unlockedCore(dir);
    await registry.invoke('vault.lock', {});
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expectOk(await registry.invoke('vault.unlock', { recoveryKey: typed }));
    expect(expectOk(await registry.invoke('vault.status', {}))).toMatchObject({ state: 'unlocked' });
  });

  it('overwrites the key in memory when locking', async () => {
    const { session } = await unlockedCore(dir);
    session.lock();
    const vault = await unlockVault(join(dir, 'vault'), { passphrase: PASSPHRASE });
    const key = vault.dataKey;
    expect(key.some((b) => b !== 0)).toBe(true);
    closeVault(vault);
    expect(key.every((b) => b === 0)).toBe(true);
    expect(vault.db.open).toBe(false);
  });

  it('overwrites the key in memory when the vault.lock channel locks the session', async () => {
    const { registry, session } = await unlockedCore(dir);
    // The session keeps its open vault private; reach in only to watch the key buffer.
    const key = (session as unknown as { current: { dataKey: Buffer } }).current.dataKey;
    expect(key.some((b) => b !== 0)).toBe(true);
    expectOk(await registry.invoke('vault.lock', {}));
    expect(key.every((b) => b === 0)).toBe(true);
    expect(session.isUnlocked).toBe(false);
  });

  it('when already unlocked, unlocking again still checks the secret', async () => {
    const { registry, recoveryKey } = await unlockedCore(dir);
    expect(expectError(await registry.invoke('vault.unlock', { passphrase: 'lantern orbit pebble wisdon' }), 'WRONG_PASSPHRASE').message).toMatch(/not correct/);
    expectError(await registry.invoke('vault.unlock', { recoveryKey: recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }), 'WRONG_RECOVERY_KEY');
    // A wrong guess does not lock the coordinator out of the open vault either.
    expect(expectOk(await registry.invoke('vault.status', {}))).toMatchObject({ state: 'unlocked' });
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expectOk(await registry.invoke('vault.unlock', { recoveryKey }));
    expectOk(await registry.invoke('pilots.create', pilot));
  });

  it('a wrong passphrase or recovery key gives a clear error and changes no byte on disk', async () => {
    const { registry, recoveryKey } = await unlockedCore(dir);
    expectOk(await registry.invoke('pilots.create', pilot));
    await registry.invoke('vault.lock', {});
    const before = snapshotFiles(dir);

    const wrong = expectError(await registry.invoke('vault.unlock', { passphrase: 'lantern orbit pebble wisdon' }), 'WRONG_PASSPHRASE');
    expect(wrong.message).toMatch(/not correct/);
    const flipped = recoveryKey.slice(0, -1) + (recoveryKey.endsWith('0') ? '1' : '0');
    expectError(await registry.invoke('vault.unlock', { recoveryKey: flipped }), 'WRONG_RECOVERY_KEY');
    const malformed = expectError(await registry.invoke('vault.unlock', { recoveryKey: 'not-a-key' }), 'WRONG_RECOVERY_KEY');
    expect(malformed.message).toMatch(/8 groups of 4/);

    expect(snapshotFiles(dir)).toEqual(before);
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'locked' });
  });

  it('gives the raw key so a standard SQLCipher 4 connection can open the file', async () => {
    const { registry, vaultDir } = await unlockedCore(dir);
    expectOk(await registry.invoke('pilots.create', pilot));
    expectError(await registry.invoke('vault.revealKey', { passphrase: 'not the passphrase' }), 'WRONG_PASSPHRASE');
    const { key } = expectOk(await registry.invoke('vault.revealKey', { passphrase: PASSPHRASE })) as { key: string };
    expect(key).toMatch(/^x'[0-9a-f]{64}'$/);
    await registry.invoke('vault.lock', {});

    // What an auditor types in the sqlcipher shell: the SQLCipher 4 defaults plus PRAGMA key.
    const db = new Database(join(vaultDir, 'vault.sqlite'), { readonly: true });
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="${key}"`);
    expect(db.prepare('SELECT name FROM pilots').all()).toEqual([{ name: pilot.name }]);
    db.close();
  });
});

describe('changing the passphrase', () => {
  it('replaces the passphrase, keeps the data key and the recovery key, and rewrites only the key file', async () => {
    const { registry, recoveryKey, vaultDir } = await unlockedCore(dir);
    const { key: keyBefore } = expectOk(await registry.invoke('vault.revealKey', { passphrase: PASSPHRASE })) as { key: string };
    const next = 'copper meadow violin horizon';

    expectError(await registry.invoke('vault.changePassphrase', { current: { passphrase: 'wrong wrong wrong' }, next }), 'WRONG_PASSPHRASE');
    expectError(await registry.invoke('vault.changePassphrase', { current: { passphrase: PASSPHRASE }, next: 'aaaaaaaaaaaaaaaa' }), 'WEAK_PASSPHRASE');

    const keysBefore = readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8');
    expectOk(await registry.invoke('vault.changePassphrase', { current: { passphrase: PASSPHRASE }, next }));
    expect(readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8')).not.toBe(keysBefore);
    expect(readdirSync(vaultDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    await registry.invoke('vault.lock', {});
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'WRONG_PASSPHRASE');
    expectOk(await registry.invoke('vault.unlock', { passphrase: next }));
    const { key: keyAfter } = expectOk(await registry.invoke('vault.revealKey', { passphrase: next })) as { key: string };
    expect(keyAfter).toBe(keyBefore);
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { recoveryKey }));
  });

  it('lets someone who forgot the passphrase set a new one with the recovery key', async () => {
    const { registry, recoveryKey } = await unlockedCore(dir);
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { recoveryKey }));
    expectOk(await registry.invoke('vault.changePassphrase', { current: { recoveryKey }, next: 'copper meadow violin horizon' }));
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { passphrase: 'copper meadow violin horizon' }));
  });

  it('stores the KDF parameters so they can be raised, and a new passphrase gets at least the default cost', async () => {
    const { vaultDir } = await unlockedCore(dir);
    const keys = JSON.parse(readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8'));
    const slot = keys.slots.find((s: { kind: string }) => s.kind === 'passphrase');
    expect(slot.kdf).toMatchObject({ algorithm: 'scrypt', N: TEST_SCRYPT.N, r: 8, p: 1 });
    expect(slot.kdf.salt).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});

describe('things that are not a healthy vault', () => {
  /** A locked vault with enough pilots that their table spans many pages beyond the schema's root pages. */
  async function lockedVault() {
    const core = await unlockedCore(dir);
    for (let i = 0; i < 300; i++) {
      expectOk(await core.registry.invoke('pilots.create', { ...pilot, name: `Pilot ${i}`, purpose: 'A purpose long enough to fill pages. '.repeat(8) }));
    }
    const lastRootPage = core.session.db.prepare('SELECT max(rootpage) AS page FROM sqlite_master').get() as { page: number };
    core.session.lock();
    return { ...core, lastRootPage: lastRootPage.page };
  }

  it('a folder that is a file', async () => {
    writeFileSync(join(dir, 'vault'), 'hello');
    const { registry } = newCore(dir);
    expectError(await registry.invoke('vault.status', {}), 'NOT_A_VAULT');
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'NOT_A_VAULT');
  });

  it('a plain SQLite file or a stray file in place of the database', async () => {
    const { registry, vaultDir } = await lockedVault();
    const dbPath = join(vaultDir, 'vault.sqlite');
    const plain = new Database(join(dir, 'plain.sqlite'));
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    writeFileSync(dbPath, readFileSync(join(dir, 'plain.sqlite')));
    let before = snapshotFiles(dir);
    expect(expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'NOT_A_VAULT').message).toMatch(/unencrypted SQLite/);
    expect(snapshotFiles(dir)).toEqual(before);

    writeFileSync(dbPath, 'name,email\nAda,ada@example.ac.uk\n');
    before = snapshotFiles(dir);
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'NOT_A_VAULT');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('a missing key file: an unfinished vault, with both possibilities said (see vault-lifecycle.test.ts)', async () => {
    const { registry, vaultDir } = await lockedVault();
    rmSync(join(vaultDir, 'vault.keys.json'));
    const before = snapshotFiles(dir);
    expect(expectOk(await registry.invoke('vault.status', {}))).toMatchObject({ state: 'incomplete' });
    expect(expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'VAULT_INCOMPLETE').message).toMatch(/restore vault\.keys\.json from a backup/);
    expectError(await registry.invoke('vault.create', { passphrase: PASSPHRASE }), 'VAULT_INCOMPLETE');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('a key file without its database', async () => {
    const { registry, vaultDir } = await lockedVault();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(vaultDir, `vault.sqlite${suffix}`), { force: true });
    const before = snapshotFiles(dir);
    expect(expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'DATABASE_MISSING').message).toMatch(/not its database \(vault\.sqlite\)/);
    expectError(await registry.invoke('vault.status', {}), 'DATABASE_MISSING');
    expectError(await registry.invoke('vault.create', { passphrase: PASSPHRASE }), 'DATABASE_MISSING');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('a damaged key file', async () => {
    const { registry, vaultDir } = await lockedVault();
    writeFileSync(join(vaultDir, 'vault.keys.json'), '{"format": 1, "app": "reciprocal", "slots": "oops"');
    const before = snapshotFiles(dir);
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'KEYFILE_INVALID');
    writeFileSync(join(vaultDir, 'vault.keys.json'), '{"format": 1, "app": "reciprocal", "slots": []}');
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'KEYFILE_INVALID');
    expect(snapshotFiles(dir).get(join(vaultDir, 'vault.sqlite'))).toEqual(before.get(join(vaultDir, 'vault.sqlite')));
  });

  it('a vault from a newer version: key file format or database schema', async () => {
    const { registry, session, vaultDir } = await lockedVault();
    const keyPath = join(vaultDir, 'vault.keys.json');
    const original = readFileSync(keyPath, 'utf8');
    writeFileSync(keyPath, JSON.stringify({ ...JSON.parse(original), format: 3 }));
    const newerKeyFile = snapshotFiles(dir);
    expect(expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'VAULT_TOO_NEW').message).toMatch(/newer version/);
    expect(snapshotFiles(dir)).toEqual(newerKeyFile);
    writeFileSync(keyPath, original);

    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    session.db.pragma(`user_version=${LATEST_SCHEMA_VERSION + 1}`);
    session.lock();
    const before = snapshotFiles(dir);
    expect(expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'VAULT_TOO_NEW').message).toMatch(/Update Reciprocal/);
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('a corrupted first page is refused at unlock; corrupted later pages open the vault read-only, are reported when read, and nothing is overwritten', async () => {
    const { registry, vaultDir, lastRootPage } = await lockedVault();
    const dbPath = join(vaultDir, 'vault.sqlite');
    const pristine = readFileSync(dbPath);
    expect(pristine.length).toBeGreaterThan(4096 * 8);

    const firstPage = Buffer.from(pristine);
    firstPage[200] = firstPage[200]! ^ 0xff;
    writeFileSync(dbPath, firstPage);
    let before = snapshotFiles(dir);
    expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'VAULT_CORRUPT');
    expect(snapshotFiles(dir)).toEqual(before);

    // Damage every page after the root pages: rows live there, the schema does not.
    const later = Buffer.from(pristine);
    for (let page = lastRootPage; page < later.length / 4096; page++) later[page * 4096 + 100] = later[page * 4096 + 100]! ^ 0xff;
    writeFileSync(dbPath, later);
    before = snapshotFiles(dir);
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(expectOk(await registry.invoke('vault.status', {}))).toMatchObject({ state: 'unlocked', damaged: { folder: vaultDir } });
    const read = expectError(await registry.invoke('pilots.list', {}), 'VAULT_CORRUPT');
    expect(read.message).toMatch(/damaged/);
    expectError(await registry.invoke('pilots.create', pilot), 'VAULT_READ_ONLY');
    await registry.invoke('vault.lock', {});
    expect(snapshotFiles(dir).get(dbPath)).toEqual(before.get(dbPath));
  });
});

/** A second connection to the same vault file, as another window or a SQLCipher shell would open it. */
async function secondConnection(registry: ReturnType<typeof newCore>['registry'], vaultDir: string) {
  const { key } = expectOk(await registry.invoke('vault.revealKey', { passphrase: PASSPHRASE })) as { key: string };
  const other = new Database(join(vaultDir, 'vault.sqlite'));
  other.pragma(`cipher='sqlcipher'`);
  other.pragma('legacy=4');
  other.pragma(`key="${key}"`);
  return other;
}

const keyFileOf = (vaultDir: string) => readFileSync(join(vaultDir, 'vault.keys.json'), 'utf8');
const auditActions = async (registry: ReturnType<typeof newCore>['registry']) =>
  (expectOk(await registry.invoke('audit.list', { limit: 1000 })) as { action: string }[]).map((e) => e.action).reverse();

describe('confirming the recovery key', () => {
  it('a new vault’s recovery key is unconfirmed until confirmed, and the confirmation is kept and audited once', async () => {
    const { registry, vaultDir } = await unlockedCore(dir);
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'unlocked', recoveryKeyConfirmed: false });

    expectOk(await registry.invoke('vault.confirmRecoveryKey', {}));
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'unlocked', recoveryKeyConfirmed: true });
    const keysAfterFirst = keyFileOf(vaultDir);
    expectOk(await registry.invoke('vault.confirmRecoveryKey', {}));
    expect(keyFileOf(vaultDir)).toBe(keysAfterFirst);
    expect(await auditActions(registry)).toEqual(['vault.create', 'vault.confirmRecoveryKey']);

    await registry.invoke('vault.lock', {});
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'locked' });
    expectError(await registry.invoke('vault.confirmRecoveryKey', {}), 'VAULT_LOCKED');
    // Persisted: a fresh process over the same folder sees it confirmed.
    const fresh = newCore(dir);
    expectOk(await fresh.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(expectOk(await fresh.registry.invoke('vault.status', {}))).toEqual({ state: 'unlocked', recoveryKeyConfirmed: true });
  });

  it('an unconfirmed key stays unconfirmed across locking, so the app can ask again', async () => {
    const { registry } = await unlockedCore(dir);
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'unlocked', recoveryKeyConfirmed: false });
  });

  it('a vault made before confirmation was tracked counts as confirmed', async () => {
    const { registry, session, vaultDir } = await unlockedCore(dir);
    session.lock();
    const keys = JSON.parse(keyFileOf(vaultDir));
    for (const slot of keys.slots) delete slot.confirmedAt;
    delete keys.checksum; // such a vault also predates the key file's checksum
    writeFileSync(join(vaultDir, 'vault.keys.json'), JSON.stringify(keys));
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'unlocked', recoveryKeyConfirmed: true });
  });
});

describe('replacing the recovery key', () => {
  it('makes a new key that unlocks, stops the old one, keeps the data key, and needs confirming again', async () => {
    const { registry, recoveryKey: oldKey, vaultDir } = await unlockedCore(dir);
    expectOk(await registry.invoke('vault.confirmRecoveryKey', {}));
    const { key: dataKeyBefore } = expectOk(await registry.invoke('vault.revealKey', { passphrase: PASSPHRASE })) as { key: string };

    const { recoveryKey: newKey } = expectOk(await registry.invoke('vault.replaceRecoveryKey', { passphrase: PASSPHRASE })) as { recoveryKey: string };
    expect(newKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(newKey).not.toBe(oldKey);
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'unlocked', recoveryKeyConfirmed: false });
    expect(await auditActions(registry)).toEqual(['vault.create', 'vault.confirmRecoveryKey', 'vault.revealKey', 'vault.replaceRecoveryKey']);

    // Neither key is stored or recorded in clear.
    const stored = keyFileOf(vaultDir).toUpperCase();
    expect(stored).not.toContain(newKey.replace(/-/g, ''));
    expect(stored).not.toContain(newKey);
    expect(readdirSync(vaultDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    await registry.invoke('vault.lock', {});
    expectError(await registry.invoke('vault.unlock', { recoveryKey: oldKey }), 'WRONG_RECOVERY_KEY');
    expectOk(await registry.invoke('vault.unlock', { recoveryKey: newKey }));
    expect((expectOk(await registry.invoke('vault.revealKey', { passphrase: PASSPHRASE })) as { key: string }).key).toBe(dataKeyBefore);
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
  });

  it('a wrong passphrase changes no byte on disk and the old key keeps working', async () => {
    const { registry, recoveryKey } = await unlockedCore(dir);
    const before = snapshotFiles(dir);
    expectError(await registry.invoke('vault.replaceRecoveryKey', { passphrase: 'lantern orbit pebble wisdon' }), 'WRONG_PASSPHRASE');
    expectError(await registry.invoke('vault.replaceRecoveryKey', { recoveryKey }), 'INVALID_INPUT');
    expect(snapshotFiles(dir)).toEqual(before);
    await registry.invoke('vault.lock', {});
    expectError(await registry.invoke('vault.replaceRecoveryKey', { passphrase: PASSPHRASE }), 'VAULT_LOCKED');
    expectOk(await registry.invoke('vault.unlock', { recoveryKey }));
  });
});

describe('key changes are all or nothing', () => {
  const next = 'copper meadow violin horizon';

  it('while another connection holds the write lock: VAULT_BUSY, and the passphrase, recovery key and audit trail are unchanged', async () => {
    const { registry, session, recoveryKey, vaultDir } = await unlockedCore(dir);
    const other = await secondConnection(registry, vaultDir);
    session.db.pragma('busy_timeout=50'); // the app waits 5 s for a lock; the test need not
    other.exec('BEGIN IMMEDIATE');
    const keysBefore = keyFileOf(vaultDir);
    try {
      const busy = expectError(await registry.invoke('vault.changePassphrase', { current: { passphrase: PASSPHRASE }, next }), 'VAULT_BUSY');
      expect(busy.message).toMatch(/in use by another Reciprocal window or program/);
      expectError(await registry.invoke('vault.replaceRecoveryKey', { passphrase: PASSPHRASE }), 'VAULT_BUSY');
      expectError(await registry.invoke('vault.confirmRecoveryKey', {}), 'VAULT_BUSY');
      expectError(await registry.invoke('vault.revealKey', { passphrase: PASSPHRASE }), 'VAULT_BUSY');
      expect(keyFileOf(vaultDir)).toBe(keysBefore);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await auditActions(registry)).toEqual(['vault.create', 'vault.revealKey']);
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { recoveryKey }));
  });

  it('when the key file cannot be written: a clear error, no audit entry, and the old passphrase still works', async () => {
    const { registry, vaultDir } = await unlockedCore(dir);
    const keysBefore = keyFileOf(vaultDir);
    keyFileWrites.fail = true;
    const full = expectError(await registry.invoke('vault.changePassphrase', { current: { passphrase: PASSPHRASE }, next }), 'DISK_FULL');
    expect(full.message).toMatch(/nothing was changed/);
    expectError(await registry.invoke('vault.replaceRecoveryKey', { passphrase: PASSPHRASE }), 'DISK_FULL');
    keyFileWrites.fail = false;
    expect(keyFileOf(vaultDir)).toBe(keysBefore);
    expect(await auditActions(registry)).toEqual(['vault.create']);
    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
  });

  it('when the commit fails after the key file was replaced, the previous key file is put back', async () => {
    const { commitKeyFileChange } = await import('../../electron/core/vault/key-change');
    const { prepareNewPassphrase } = await import('../../electron/core/vault/slots');
    const { session, vaultDir } = await unlockedCore(dir);
    const keyPath = join(vaultDir, 'vault.keys.json');
    const keysBefore = keyFileOf(vaultDir);
    const change = await prepareNewPassphrase(keyPath, { passphrase: PASSPHRASE }, next, TEST_SCRYPT);
    const db = session.db;
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)');
    keyFileWrites.count = 0;
    // A deferred foreign key is checked only at COMMIT, so the commit itself fails, after the key file was replaced.
    expect(() => commitKeyFileChange(db, keyPath, change, () => db.prepare('INSERT INTO child (parent_id) VALUES (42)').run())).toThrow(/FOREIGN KEY/);
    expect(keyFileWrites.count).toBe(2); // the new key file, then the previous one put back
    expect(keyFileOf(vaultDir)).toBe(keysBefore);
    expect(db.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 0 });
    session.lock();
    const reopened = await unlockVault(vaultDir, { passphrase: PASSPHRASE });
    closeVault(reopened);
  });

  it('refuses a change prepared from a key file that another program has since rewritten', async () => {
    const { commitKeyFileChange } = await import('../../electron/core/vault/key-change');
    const { prepareNewPassphrase } = await import('../../electron/core/vault/slots');
    const { registry, session, vaultDir } = await unlockedCore(dir);
    const keyPath = join(vaultDir, 'vault.keys.json');
    const change = await prepareNewPassphrase(keyPath, { passphrase: PASSPHRASE }, next, TEST_SCRYPT);
    expectOk(await registry.invoke('vault.replaceRecoveryKey', { passphrase: PASSPHRASE })); // "another window"
    const current = keyFileOf(vaultDir);
    expect(() => commitKeyFileChange(session.db, keyPath, change, () => {})).toThrow(/changed by another Reciprocal window/);
    expect(keyFileOf(vaultDir)).toBe(current);
  });
});

describe('file permissions', () => {
  it.skipIf(process.platform === 'win32')('creates the folder 0700 and the database, its WAL and shared-memory files and the key file 0600 (skipped on Windows: no POSIX modes)', async () => {
    const { registry, vaultDir } = await unlockedCore(dir);
    expectOk(await registry.invoke('pilots.create', pilot));
    const { statSync } = await import('node:fs');
    const mode = (name: string) => (statSync(join(vaultDir, name)).mode & 0o777).toString(8);
    expect(existsSync(join(vaultDir, 'vault.sqlite-wal'))).toBe(true);
    expect(existsSync(join(vaultDir, 'vault.sqlite-shm'))).toBe(true);
    expect((statSync(vaultDir).mode & 0o777).toString(8)).toBe('700');
    expect(['vault.sqlite', 'vault.sqlite-wal', 'vault.sqlite-shm', 'vault.keys.json'].map(mode)).toEqual(['600', '600', '600', '600']);
  });

  it.skipIf(process.platform === 'win32')('tightens a database left readable by others by an older version, once unlocked (skipped on Windows: no POSIX modes)', async () => {
    const { registry, session, vaultDir } = await unlockedCore(dir);
    session.lock();
    const { chmodSync, statSync } = await import('node:fs');
    chmodSync(join(vaultDir, 'vault.sqlite'), 0o644);
    expectError(await registry.invoke('vault.unlock', { passphrase: 'lantern orbit pebble wisdon' }), 'WRONG_PASSPHRASE');
    expect(statSync(join(vaultDir, 'vault.sqlite')).mode & 0o777).toBe(0o644); // a wrong passphrase changes nothing
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(statSync(join(vaultDir, 'vault.sqlite')).mode & 0o777).toBe(0o600);
  });
});
