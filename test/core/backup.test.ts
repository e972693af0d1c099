import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCore } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import { readBackup, restoreBackup, verifyBackupFile } from '../../electron/core/backup';
import { openDatabaseFile } from '../../electron/core/db/native-binding';
import { applyKey } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/types';
import { expectError, expectOk, PASSPHRASE, snapshotFiles, TEST_SCRYPT } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import { BACKUP_EXTENSION } from '../../shared/backup/contract';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-backup-'));

const empty = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

/** A vault with a pair, held meetings and logs (one holding `canary`), and a folder for backups. */
async function vaultWithData(canary: string) {
  const clock = movableClock('2026-11-01T10:00:00Z');
  const out = join(dir, 'backups');
  mkdirSync(out);
  const core = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, logError: () => {}, now: clock.now, host: fixedFolderHost(out) });
  const { recoveryKey } = expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE })) as { recoveryKey: string };
  const world = await pilotWithPair(core.registry);
  const { meetings } = await ok(core.registry, 'meetings.forPair', { pairId: world.pair.id });
  clock.set('2026-12-20T12:00:00Z');
  await ok(core.registry, 'meetings.markHeld', { id: meetings[0]!.id, heldOn: meetings[0]!.date, actualDurationMin: 60 });
  await ok(core.registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: world.mentor.id, stages: { ...empty, description: `We talked about ${canary} and belonging.` } });
  return { ...core, ...world, clock, out, recoveryKey };
}

/** Every row of every ordinary table, as JSON lines, per table. */
function tableContents(db: Db, except: string[] = []): Record<string, string[]> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
  return Object.fromEntries(
    tables.filter((name) => !except.includes(name)).map((name) => [name, (db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))]),
  );
}

function openWithKey(path: string, key: string): Db {
  const db = openDatabaseFile(path, { fileMustExist: true, readonly: true });
  applyKey(db, Buffer.from(key.slice(2, -1), 'hex'));
  return db;
}

describe('backup and restore', () => {
  it('a backup made in the app restores into a new folder equal table by table, and its audit trail verifies', async () => {
    const world = await vaultWithData('Lisbon');
    const made = (await ok(world.registry, 'backup.create', { passphrase: PASSPHRASE }));
    expect(made.file.endsWith(BACKUP_EXTENSION)).toBe(true);
    expect(made.check.integrity.ok).toBe(true);
    expect(made.check.audit.ok).toBe(true);
    expect(made.check.participants).toBe(2);

    const status = (await ok(world.registry, 'settings.backupStatus', {}));
    expect(status.latest?.file).toBe(made.file);
    expect(status.lastVerifiedAt).not.toBeNull();
    expect(status.due).toBe(false);

    const restored = join(dir, 'restored');
    const check = await restoreBackup(made.file, { passphrase: PASSPHRASE }, restored, 'cli', new Date('2026-12-21T09:00:00Z'));
    expect(check.audit.ok).toBe(true);
    expect(readdirSync(restored).sort()).toEqual(readdirSync(join(dir, 'vault')).filter((name) => !name.endsWith('-wal') && !name.endsWith('-shm')).sort());

    // The live vault has moved on since (its backup and verification entries, the record of the
    // backup in meta): compare every other table whole, and the audit trail as a prefix.
    const { key } = (await ok(world.registry, 'vault.revealKey', { passphrase: PASSPHRASE }));
    world.session.lock();
    const live = openWithKey(join(dir, 'vault', 'vault.sqlite'), key);
    const copy = openWithKey(join(restored, 'vault.sqlite'), key);
    try {
      const liveTables = tableContents(live, ['meta', 'audit_log']);
      const copyTables = tableContents(copy, ['meta', 'audit_log']);
      expect(Object.keys(copyTables)).toEqual(Object.keys(liveTables));
      for (const table of Object.keys(liveTables)) expect(copyTables[table], table).toEqual(liveTables[table]);
      expect(Object.keys(liveTables)).toContain('reflective_logs');
      expect(liveTables.reflective_logs!.length).toBe(1);

      const liveAudit = tableContents(live).audit_log!;
      const copyAudit = tableContents(copy).audit_log!;
      // The backup holds the trail up to the backup; the restored vault adds one entry: the restore.
      expect(copyAudit.slice(0, -1)).toEqual(liveAudit.slice(0, copyAudit.length - 1));
      expect(copyAudit.at(-1)).toContain('backup.restore');
      expect(liveAudit.some((line) => line.includes('"backup.create"'))).toBe(true);
    } finally {
      live.close();
      copy.close();
    }

    // The restored folder is a vault that opens with the same passphrase and recovery key.
    const again = createCore(restored, { scrypt: TEST_SCRYPT, logError: () => {} });
    (await ok(again.registry, 'vault.unlock', { recoveryKey: world.recoveryKey }));
    const audit = (await ok(again.registry, 'audit.verify', {}));
    expect(audit.ok).toBe(true);
    again.session.lock();
  });

  it('asks for the passphrase first: a wrong one writes nothing', async () => {
    const world = await vaultWithData('Porto');
    expectError(await world.registry.invoke('backup.create', { passphrase: 'not the passphrase at all' }), 'WRONG_PASSPHRASE');
    expect(readdirSync(world.out)).toEqual([]);
    expect((await ok(world.registry, 'settings.backupStatus', {})).latest).toBeNull();
  });

  it('holds no plaintext: a canary written into a log is nowhere in the backup file', async () => {
    const canary = `CANARY-${randomBytes(8).toString('hex')}`;
    const world = await vaultWithData(canary);
    // The canary is in the vault (readable through the app) …
    expect((await ok(world.registry, 'logs.search', { pilotId: world.pilotId, query: canary.toLowerCase() })).total).toBeGreaterThan(0);
    const made = (await ok(world.registry, 'backup.create', { passphrase: PASSPHRASE, fileName: `canary${BACKUP_EXTENSION}` }));
    const bytes = readFileSync(made.file);
    // … and not in the file: not the canary, not a participant's name or email, in UTF-8 or UTF-16.
    for (const needle of [canary, 'Amara Nwosu', 'helen@example.ac.uk', 'Meetings pilot']) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le')), needle).toBe(false);
    }
    // No database page starts like a plain SQLite file.
    expect(bytes.includes(Buffer.from('SQLite format 3\0', 'latin1'))).toBe(false);
  });

  it('verify tells a wrong passphrase, a damaged and a cut-short backup apart, and never touches the live vault', async () => {
    const world = await vaultWithData('Faro');
    const made = (await ok(world.registry, 'backup.create', { passphrase: PASSPHRASE }));
    world.session.lock();
    const liveBefore = snapshotFiles(join(dir, 'vault'));

    const sound = await verifyBackupFile(made.file, { passphrase: PASSPHRASE });
    expect(sound.integrity.ok && sound.audit.ok).toBe(true);
    expect((await verifyBackupFile(made.file, { recoveryKey: world.recoveryKey })).participants).toBe(2);

    await expect(verifyBackupFile(made.file, { passphrase: 'a wrong passphrase' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });

    const bytes = readFileSync(made.file);
    const truncated = join(dir, `truncated${BACKUP_EXTENSION}`);
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 5000));
    await expect(verifyBackupFile(truncated, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'VAULT_CORRUPT', message: expect.stringMatching(/cut short/) });

    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 3000] = flipped[bytes.length - 3000]! ^ 0xff;
    const damaged = join(dir, `damaged${BACKUP_EXTENSION}`);
    writeFileSync(damaged, flipped);
    await expect(verifyBackupFile(damaged, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'VAULT_CORRUPT', message: expect.stringMatching(/checksum/) });

    const stranger = join(dir, 'notes.txt');
    writeFileSync(stranger, 'hello');
    await expect(verifyBackupFile(stranger, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'NOT_A_VAULT' });

    expect(snapshotFiles(join(dir, 'vault'))).toEqual(liveBefore);
  });

  it('restore refuses an existing folder and a wrong passphrase, and leaves nothing behind', async () => {
    const world = await vaultWithData('Braga');
    const made = (await ok(world.registry, 'backup.create', { passphrase: PASSPHRASE }));
    world.session.lock();
    const liveBefore = snapshotFiles(join(dir, 'vault'));
    await expect(restoreBackup(made.file, { passphrase: PASSPHRASE }, join(dir, 'vault'), 'cli', new Date())).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
    const emptyFolder = join(dir, 'empty');
    mkdirSync(emptyFolder);
    await expect(restoreBackup(made.file, { passphrase: PASSPHRASE }, emptyFolder, 'cli', new Date())).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
    expect(snapshotFiles(join(dir, 'vault'))).toEqual(liveBefore);

    const target = join(dir, 'new-vault');
    await expect(restoreBackup(made.file, { passphrase: 'a wrong passphrase' }, target, 'cli', new Date())).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(existsSync(target)).toBe(false);
    // Nothing half-made beside it either.
    expect(readdirSync(dir).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it('in the app, a computer with no vault restores one from a backup with its recovery key; never where a vault exists', async () => {
    const world = await vaultWithData('Porto');
    await ok(world.registry, 'backup.create', { passphrase: PASSPHRASE });
    // Somewhere with a vault already: refused, naming the command line instead, and the vault unchanged.
    world.session.lock('user');
    const before = snapshotFiles(join(dir, 'vault'));
    const refused = expectError(await world.registry.invoke('backup.restore', { passphrase: PASSPHRASE }), 'VAULT_EXISTS');
    expect(refused.message).toContain('a backup is never restored over one');
    expect(snapshotFiles(join(dir, 'vault'))).toEqual(before);

    // A new laptop: an empty vault folder (as an earlier run may leave), the backups folder alongside.
    const fresh = join(dir, 'new-laptop', 'vault');
    mkdirSync(fresh, { recursive: true });
    const laptop = createCore(fresh, { scrypt: TEST_SCRYPT, logError: () => {}, host: fixedFolderHost(world.out) });
    expect(expectOk(await laptop.registry.invoke('vault.status', {}))).toEqual({ state: 'absent' });
    const wrong = expectError(await laptop.registry.invoke('backup.restore', { passphrase: 'not the passphrase at all' }), 'WRONG_PASSPHRASE');
    expect(wrong.message).toContain('does not open this backup');
    expect(readdirSync(join(dir, 'new-laptop'))).toEqual(['vault']);
    expect(readdirSync(fresh)).toEqual([]);

    const restored = (await ok(laptop.registry, 'backup.restore', { recoveryKey: world.recoveryKey }))!;
    expect(restored.file.startsWith(world.out)).toBe(true);
    expect(restored.check).toMatchObject({ participants: 2, integrity: { ok: true }, audit: { ok: true } });
    expect(expectOk(await laptop.registry.invoke('vault.status', {}))).toEqual({ state: 'locked' });
    expectOk(await laptop.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const people = await ok(laptop.registry, 'participants.list', { pilotId: world.pilotId });
    expect(people.rows.map((p) => p.name).sort()).toEqual([world.mentee.name, world.mentor.name].sort());
    const trail = await ok(laptop.registry, 'audit.list', {});
    expect(trail.map((e) => e.action)).toContain('backup.restore');
  });

  it('in the app, choosing no file restores nothing', async () => {
    const empty = join(dir, 'no-backups');
    mkdirSync(empty);
    const laptop = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, logError: () => {}, host: fixedFolderHost(empty) });
    expect(await ok(laptop.registry, 'backup.restore', { passphrase: PASSPHRASE })).toBeNull();
    expect(existsSync(join(dir, 'vault'))).toBe(false);
  });

  it('an erasure after the latest backup makes a new backup due: that backup still holds the erased person', async () => {
    const world = await vaultWithData('Faro');
    await ok(world.registry, 'backup.create', { passphrase: PASSPHRASE });
    expect(await ok(world.registry, 'settings.backupStatus', {})).toMatchObject({ due: false, erasedSince: null });
    world.clock.set('2026-12-21T09:00:00Z');
    await ok(world.registry, 'erasure.erasePerson', { participantId: world.mentee.id, confirmName: world.mentee.name });
    expect(await ok(world.registry, 'settings.backupStatus', {})).toMatchObject({ due: true, erasedSince: '2026-12-21T09:00:00.000Z' });
    world.clock.set('2026-12-21T10:00:00Z');
    await ok(world.registry, 'backup.create', { passphrase: PASSPHRASE, fileName: 'after-erasure.reciprocal-backup' });
    expect(await ok(world.registry, 'settings.backupStatus', {})).toMatchObject({ due: false, erasedSince: null });
  });

  it('the reminder is due with no verified backup, and again once the last one is older than the setting', async () => {
    const world = await vaultWithData('Evora');
    expect((await ok(world.registry, 'settings.backupStatus', {}))).toMatchObject({ due: true, latest: null, reminderDays: 7 });
    (await ok(world.registry, 'backup.create', { passphrase: PASSPHRASE }));
    world.clock.set('2026-12-27T11:00:00Z'); // 6 days 23 hours later
    expect((await ok(world.registry, 'settings.backupStatus', {}))).toMatchObject({ due: false, daysSinceVerified: 6 });
    world.clock.set('2026-12-27T13:00:00Z');
    expect((await ok(world.registry, 'settings.backupStatus', {}))).toMatchObject({ due: true, daysSinceVerified: 7 });
    await ok(world.registry, 'settings.update', { backupReminderDays: 14 });
    expect((await ok(world.registry, 'settings.backupStatus', {})).due).toBe(false);
    expectError(await world.registry.invoke('settings.update', { backupReminderDays: 0 }), 'INVALID_INPUT');

    // Verifying again (with the passphrase) restarts the count; a wrong one changes nothing.
    expectError(await world.registry.invoke('backup.verify', { passphrase: 'a wrong passphrase' }), 'WRONG_PASSPHRASE');
    const verified = (await ok(world.registry, 'backup.verify', { passphrase: PASSPHRASE }));
    expect(verified.check.audit.ok).toBe(true);
    expect((await ok(world.registry, 'settings.backupStatus', {}))).toMatchObject({ daysSinceVerified: 0 });
  });

  it('keeps the backup format readable: header, then the encrypted databases', async () => {
    const world = await vaultWithData('Sintra');
    const made = (await ok(world.registry, 'backup.create', { passphrase: PASSPHRASE }));
    const { header, databases } = readBackup(made.file);
    expect(databases[0]!.file).toBe('vault.sqlite');
    expect(JSON.parse(header.keyFile)).toMatchObject({ app: 'reciprocal', vaultId: header.vaultId });
    expect(header.keyFile).toBe(readFileSync(join(dir, 'vault', 'vault.keys.json'), 'utf8'));
  });
});
