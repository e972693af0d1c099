import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PASSPHRASE, TEST_SCRYPT, expectError, expectOk, newCore, snapshotFiles, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { createVaultDatabase } from '../../electron/core/db/open';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { fixedFolderHost } from '../../electron/core/host';
import { createCore } from '../../electron/core';
import { runCli } from '../../electron/core/cli/run';
import type { CliIo } from '../../electron/core/cli/io';
import { AppError } from '../../electron/core/errors';
import { vaultAtVersion } from '../reliability/old-vault';
import type * as AtomicWrite from '../../electron/core/util/atomic-write';
import type * as Open from '../../electron/core/db/open';

// The real modules, with switches to make the key-file write fail like a full disk, or the database
// step fail like a SQLCipher module that cannot be loaded.
const failures = vi.hoisted(() => ({ keyFile: false, database: false }));
vi.mock('../../electron/core/util/atomic-write', async (importOriginal) => {
  const actual = await importOriginal<typeof AtomicWrite>();
  return {
    ...actual,
    writeFileAtomic: (path: string, data: string | Uint8Array) => {
      if (failures.keyFile && path.endsWith('vault.keys.json')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      actual.writeFileAtomic(path, data);
    },
  };
});
vi.mock('../../electron/core/db/open', async (importOriginal) => {
  const actual = await importOriginal<typeof Open>();
  return {
    ...actual,
    createVaultDatabase: (path: string, key: Buffer) => {
      if (failures.database) throw new AppError('INTERNAL', 'The SQLCipher module for this runtime is missing.');
      return actual.createVaultDatabase(path, key);
    },
  };
});

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-lifecycle-'));
afterEach(() => {
  failures.keyFile = false;
  failures.database = false;
});

const pilot = { name: 'Belonging pilot 2026', purpose: 'Staff hear students', startDate: '2026-10-01', endDate: '2027-06-30' };
const temporaryFolders = () => readdirSync(dir).filter((name) => name.includes('.creating-'));

describe('creating a vault is all or nothing', () => {
  it('builds the vault beside the folder and moves it into place: afterwards only the vault, no temporary folder', async () => {
    const { registry, vaultDir } = await unlockedCore(dir);
    expectOk(await registry.invoke('pilots.create', pilot));
    await registry.invoke('vault.lock', {});
    expect(readdirSync(vaultDir).sort()).toEqual(['interviews.sqlite', 'vault.keys.json', 'vault.sqlite']);
    expect(readdirSync(dir)).toEqual(['vault']);
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(expectOk(await registry.invoke('pilots.list', {}))).toHaveLength(1);
  });

  it.skipIf(process.platform === 'win32')('fills an existing empty folder and keeps it owner-only (skipped on Windows: no POSIX modes)', async () => {
    const vaultDir = join(dir, 'vault');
    mkdirSync(vaultDir, { mode: 0o755 });
    const { registry } = newCore(dir);
    expectOk(await registry.invoke('vault.create', { passphrase: PASSPHRASE }));
    expect(statSync(vaultDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(vaultDir, 'vault.keys.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(vaultDir, 'vault.sqlite')).mode & 0o777).toBe(0o600);
    expect(temporaryFolders()).toEqual([]);
  });

  it('refuses a folder that holds other files, and changes nothing', async () => {
    const vaultDir = join(dir, 'vault');
    mkdirSync(vaultDir);
    writeFileSync(join(vaultDir, 'notes.txt'), 'mine');
    const before = snapshotFiles(dir);
    const { registry } = newCore(dir);
    expect(expectError(await registry.invoke('vault.create', { passphrase: PASSPHRASE }), 'VAULT_EXISTS').message).toMatch(/already holds other files \(notes\.txt\)/);
    expect(snapshotFiles(dir)).toEqual(before);
    expect(temporaryFolders()).toEqual([]);
  });

  it('when the key file cannot be written (a full disk): a clear error, no vault, no folder, nothing left behind; the next try works', async () => {
    const { registry } = newCore(dir);
    failures.keyFile = true;
    const full = expectError(await registry.invoke('vault.create', { passphrase: PASSPHRASE }), 'DISK_FULL');
    expect(full.message).toMatch(/vault was not created and nothing was left behind/);
    expect(readdirSync(dir)).toEqual([]);
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'absent' });

    failures.keyFile = false;
    expectOk(await registry.invoke('vault.create', { passphrase: PASSPHRASE }));
    expect(readdirSync(dir)).toEqual(['vault']);
  });

  it('when the database step fails (no SQLCipher module): an existing empty folder stays empty, and nothing is left beside it', async () => {
    const vaultDir = join(dir, 'vault');
    mkdirSync(vaultDir);
    const { registry } = newCore(dir);
    failures.database = true;
    expectError(await registry.invoke('vault.create', { passphrase: PASSPHRASE }), 'INTERNAL');
    expect(readdirSync(dir)).toEqual(['vault']);
    expect(readdirSync(vaultDir)).toEqual([]);
    expect(expectOk(await registry.invoke('vault.status', {}))).toEqual({ state: 'absent' });
    failures.database = false;
    expectOk(await registry.invoke('vault.create', { passphrase: PASSPHRASE }));
  });

  it('removes the temporary folders of killed creations, but not one whose process is still running', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has exited
    const killed = join(dir, `.vault.creating-${dead}-${randomBytes(6).toString('hex')}`);
    const running = join(dir, `.vault.creating-${process.pid}-${randomBytes(6).toString('hex')}`);
    const otherVault = join(dir, `.archive.creating-${dead}-abc`); // another folder's: not ours to touch
    for (const folder of [killed, running, otherVault]) {
      mkdirSync(folder);
      writeFileSync(join(folder, 'vault.sqlite'), randomBytes(4096));
    }
    const { registry } = newCore(dir);
    expectOk(await registry.invoke('vault.create', { passphrase: PASSPHRASE }));
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(otherVault)).toBe(true);
  });
});

/** What an older version left when killed between creating the database and writing the key file. */
function interruptedCreation(vaultDir: string) {
  mkdirSync(vaultDir, { recursive: true, mode: 0o700 });
  createVaultDatabase(join(vaultDir, 'vault.sqlite'), randomBytes(32)).close();
}

describe('an unfinished vault (a database without its key file)', () => {
  it('is recognised with what it holds; unlock and create refuse it with both possibilities, changing nothing', async () => {
    const { registry } = newCore(dir);
    const vaultDir = join(dir, 'vault');
    interruptedCreation(vaultDir);
    const status = expectOk(await registry.invoke('vault.status', {}));
    expect(status).toMatchObject({ state: 'incomplete', incomplete: { folder: vaultDir, files: [{ name: 'vault.sqlite', bytes: statSync(join(vaultDir, 'vault.sqlite')).size }] } });

    const before = snapshotFiles(dir);
    const unlock = expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'VAULT_INCOMPLETE');
    expect(unlock.message).toMatch(/creating a vault was interrupted/);
    expect(unlock.message).toMatch(/restore vault\.keys\.json from a backup/);
    expectError(await registry.invoke('vault.create', { passphrase: PASSPHRASE }), 'VAULT_INCOMPLETE');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('a used vault whose key file was lost looks the same, and is set aside whole: every file kept byte for byte', async () => {
    const { registry, session, vaultDir } = await unlockedCore(dir);
    expectOk(await registry.invoke('pilots.create', pilot));
    session.lock();
    rmSync(join(vaultDir, 'vault.keys.json'));
    const files = snapshotFiles(vaultDir);
    expect(expectOk(await registry.invoke('vault.status', {}))).toMatchObject({ state: 'incomplete' });

    const at = new Date('2026-12-03T12:51:07.123Z');
    const fresh = createCore(vaultDir, { scrypt: TEST_SCRYPT, now: () => at, logError: () => {} });
    const { movedTo } = expectOk(await fresh.registry.invoke('vault.clearIncomplete', {})) as { movedTo: string };
    expect(movedTo).toBe(join(dir, 'vault.set-aside-2026-12-03T12-51-07Z'));
    expect(existsSync(vaultDir)).toBe(false);
    expect(new Map([...snapshotFiles(movedTo)].map(([path, bytes]) => [path.replace(movedTo, vaultDir), bytes]))).toEqual(files);
    expect(expectOk(await fresh.registry.invoke('vault.status', {}))).toEqual({ state: 'absent' });

    // Then the normal first run: a new vault in the same place; the set-aside folder is left alone.
    expectOk(await fresh.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
    expect(readdirSync(dir).sort()).toEqual(['vault', 'vault.set-aside-2026-12-03T12-51-07Z']);
  });

  it('setting aside twice in the same second keeps both folders; a complete vault or nothing is never moved; bad input is refused', async () => {
    const at = new Date('2026-12-03T12:51:07Z');
    const core = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, now: () => at, logError: () => {} });
    expectError(await core.registry.invoke('vault.clearIncomplete', {}), 'CONFLICT');
    interruptedCreation(join(dir, 'vault'));
    expectError(await core.registry.invoke('vault.clearIncomplete', { confirm: true }), 'INVALID_INPUT');
    expect(expectOk(await core.registry.invoke('vault.status', {}))).toMatchObject({ state: 'incomplete' });
    expectOk(await core.registry.invoke('vault.clearIncomplete', {}));
    interruptedCreation(join(dir, 'vault'));
    expect(expectOk(await core.registry.invoke('vault.clearIncomplete', {}))).toEqual({ movedTo: join(dir, 'vault.set-aside-2026-12-03T12-51-07Z-2') });

    expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
    expectError(await core.registry.invoke('vault.clearIncomplete', {}), 'VAULT_EXISTS'); // open
    core.session.lock();
    const before = snapshotFiles(join(dir, 'vault'));
    expectError(await core.registry.invoke('vault.clearIncomplete', {}), 'CONFLICT'); // complete
    expect(snapshotFiles(join(dir, 'vault'))).toEqual(before);
  });

  it('a WAL without its database counts as unfinished too', async () => {
    mkdirSync(join(dir, 'vault'));
    writeFileSync(join(dir, 'vault', 'vault.sqlite-wal'), randomBytes(100));
    expect(expectOk(await newCore(dir).registry.invoke('vault.status', {}))).toMatchObject({ state: 'incomplete' });
  });
});

/** Runs the CLI in-process with captured output; secrets only through env, as on the command line. */
async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', env };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('the command line and an unfinished vault', () => {
  it('vault create and vault check say what it is and how to set it aside; vault set-aside moves it', async () => {
    const vaultDir = join(dir, 'vault');
    interruptedCreation(vaultDir);
    const create = await cli(['vault', 'create', '--vault', vaultDir], { RECIPROCAL_PASSPHRASE: PASSPHRASE });
    expect(create.code).toBe(1);
    expect(create.stderr).toMatch(/creating a vault was interrupted.*restore vault\.keys\.json from a backup/s);
    expect(create.stderr).toContain(`vault set-aside --vault ${vaultDir}`);
    const check = await cli(['vault', 'check', '--vault', vaultDir], { RECIPROCAL_PASSPHRASE: PASSPHRASE });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/holds a vault database \(vault\.sqlite\) but no key file/);

    const aside = await cli(['vault', 'set-aside', '--vault', vaultDir]);
    expect(aside.code).toBe(0);
    expect(aside.stdout).toMatch(/moved, whole, to .*vault\.set-aside-/);
    expect((await cli(['vault', 'create', '--vault', vaultDir], { RECIPROCAL_PASSPHRASE: PASSPHRASE })).code).toBe(0);
    expect((await cli(['vault', 'set-aside', '--vault', vaultDir])).code).toBe(1);
  });
});

describe('unlocking checks integrity', () => {
  /** A locked vault with enough pilots that their table spans many pages beyond the schema's root pages. */
  async function lockedVault() {
    const core = await unlockedCore(dir);
    for (let i = 0; i < 300; i++) {
      expectOk(await core.registry.invoke('pilots.create', { ...pilot, name: `Pilot ${i}`, purpose: 'A purpose long enough to fill pages. '.repeat(8) }));
    }
    // A leaf page that really holds pilots (SQLite's dbstat table says which), from the middle of them.
    const leaves = (core.session.db.prepare("SELECT pageno FROM dbstat WHERE name = 'pilots' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map((r) => r.pageno);
    const pilotsPage = leaves[Math.floor(leaves.length / 2)]!;
    core.session.lock();
    return { ...core, pilotsPage };
  }

  /** Flips a byte in one page of the pilots' data: its HMAC fails, SQLCipher can no longer read that page. */
  function damageOnePage(vaultDir: string, pageNumber: number) {
    const path = join(vaultDir, 'vault.sqlite');
    const bytes = readFileSync(path);
    const offset = (pageNumber - 1) * 4096 + 100; // pages are numbered from 1
    bytes[offset] = bytes[offset]! ^ 0xff;
    writeFileSync(path, bytes);
  }

  const vaultFiles = (vaultDir: string) => new Map([...snapshotFiles(vaultDir)].filter(([path]) => !path.endsWith('-shm'))); // readers keep their marks in -shm

  it('a sound vault passes and opens read-write, with nothing said about damage', async () => {
    const { registry } = await lockedVault();
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const status = expectOk(await registry.invoke('vault.status', {})) as { damaged?: unknown };
    expect(status.damaged).toBeUndefined();
    expectOk(await registry.invoke('pilots.create', pilot));
  });

  it('a damaged vault opens read-only: the status says so, every write is refused with the reason, reads work, and no byte changes', async () => {
    const exports = join(dir, 'exports');
    mkdirSync(exports);
    const { vaultDir, pilotsPage, session: first } = await lockedVault();
    first.lock();
    damageOnePage(vaultDir, pilotsPage);
    const { registry, session } = createCore(vaultDir, { scrypt: TEST_SCRYPT, host: fixedFolderHost(exports), logError: () => {} });

    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const status = expectOk(await registry.invoke('vault.status', {})) as { state: string; damaged: { folder: string; problems: string[] } };
    expect(status.state).toBe('unlocked');
    expect(status.damaged.folder).toBe(vaultDir);
    expect(status.damaged.problems.length).toBeGreaterThan(0);
    // Only the pilots' table was damaged, and that is where the findings point.
    for (const problem of status.damaged.problems) expect(problem).toMatch(/^pilots: /);
    const before = vaultFiles(vaultDir);
    const auditBefore = expectOk(await registry.invoke('audit.verify', {}));

    const refused = expectError(await registry.invoke('pilots.create', pilot), 'VAULT_READ_ONLY');
    expect(refused.message).toMatch(/^The vault is damaged: .* open read-only so you can still read everything and back it up/);
    expect(refused.message).toContain(vaultDir);
    expectError(await registry.invoke('settings.update', { autoLockMinutes: 5 }), 'VAULT_READ_ONLY');
    expectError(await registry.invoke('vault.changePassphrase', { current: { passphrase: PASSPHRASE }, next: 'copper meadow violin horizon' }), 'VAULT_READ_ONLY');
    expectError(await registry.invoke('vault.replaceRecoveryKey', { passphrase: PASSPHRASE }), 'VAULT_READ_ONLY');
    expectError(await registry.invoke('vault.confirmRecoveryKey', {}), 'VAULT_READ_ONLY');
    expectError(await registry.invoke('vault.revealKey', { passphrase: PASSPHRASE }), 'VAULT_READ_ONLY');
    expectError(await registry.invoke('meetings.exportIcs', { pairId: 1 }), 'VAULT_READ_ONLY');
    // Bad input is still refused as bad input first.
    expectError(await registry.invoke('pilots.create', { name: '' }), 'INVALID_INPUT');
    // Even a write that got past the registry would meet SQLite's own refusal on this connection.
    expect(() => session.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('sneaky', '1')).toThrow(/readonly/i);

    expect(expectOk(await registry.invoke('settings.get', {}))).toMatchObject({ autoLockMinutes: 10 });
    expect(expectOk(await registry.invoke('audit.verify', {}))).toEqual(auditBefore);
    expect(readdirSync(exports)).toEqual([]);
    expect(vaultFiles(vaultDir)).toEqual(before);

    // Locking (closing the read-only connection) writes nothing either; the next unlock finds the same damage.
    expectOk(await registry.invoke('vault.lock', {}));
    expect(vaultFiles(vaultDir)).toEqual(before);
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(expectOk(await registry.invoke('vault.status', {}))).toMatchObject({ damaged: { problems: status.damaged.problems } });
    session.lock();
  });

  it('vault check on the command line lists the damage and says the app opens it read-only', async () => {
    const { vaultDir, pilotsPage } = await lockedVault();
    damageOnePage(vaultDir, pilotsPage);
    const check = await cli(['vault', 'check', '--vault', vaultDir], { RECIPROCAL_PASSPHRASE: PASSPHRASE });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/integrity: DAMAGED/);
    expect(check.stdout).toMatch(/read-only: /);
  });

  it('a damaged vault in an older data format is refused, not migrated, and nothing changes', async () => {
    const vaultDir = join(dir, 'vault');
    await vaultAtVersion(vaultDir, LATEST_SCHEMA_VERSION - 1, (db) => {
      const insert = db.prepare('INSERT INTO pilots (name, purpose, start_date, end_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (let i = 0; i < 300; i++) insert.run(`Pilot ${i}`, 'A purpose long enough to fill pages. '.repeat(8), '2026-10-01', '2027-06-30', 'planning', '2026-01-01', '2026-01-01');
    });
    const path = join(vaultDir, 'vault.sqlite');
    const bytes = readFileSync(path);
    const page = bytes.length / 4096 - 3;
    bytes[page * 4096 + 100] = bytes[page * 4096 + 100]! ^ 0xff;
    writeFileSync(path, bytes);
    const before = snapshotFiles(dir);
    const { registry } = newCore(dir);
    expect(expectError(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }), 'VAULT_CORRUPT').message).toMatch(/older data format .* not safe on a damaged file/);
    expect(snapshotFiles(dir)).toEqual(before);
  });
});
