import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyKey } from '../../electron/core/db/open';
import { migrate, migrations, type Migration } from '../../electron/core/db/migrations';
import { inTempDir } from '../helpers/temp-dir';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

function encryptedDb() {
  const db = new Database(join(dir, 'm.sqlite'));
  applyKey(db, randomBytes(32));
  return db;
}

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('apply every pending step and record the version', () => {
    const db = encryptedDb();
    expect(migrate(db)).toEqual({ from: 0, to: migrations.length });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(tables(db)).toEqual(expect.arrayContaining(['audit_log', 'pilots', 'settings', 'meta']));
    expect(migrate(db)).toEqual({ from: migrations.length, to: migrations.length });
    db.close();
  });

  it('roll back all pending steps together when one fails', () => {
    const db = encryptedDb();
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE first_step (x)') },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE second_step (x); INSERT INTO missing_table VALUES (1)') },
    ];
    expect(() => migrate(db, steps)).toThrow(/missing_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('apply only the steps newer than the database', () => {
    const db = encryptedDb();
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE first_step (x)') },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE second_step (x)') },
    ];
    migrate(db, steps.slice(0, 1));
    expect(migrate(db, steps)).toEqual({ from: 1, to: 2 });
    expect(tables(db)).toEqual(['first_step', 'second_step']);
    db.close();
  });
});
