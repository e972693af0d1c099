import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyKey } from '../../electron/core/db/open';
import { migrate, migrations } from '../../electron/core/db/migrations';
import { inTempDir } from '../helpers/temp-dir';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const history = (db: Database.Database) => db.prepare('SELECT id, participant_id, from_status, to_status, reason, at, cause FROM participant_status_history ORDER BY id').all();

describe('migration 15: a cause for taking back a held meeting', () => {
  it('keeps every history row as it was (ids, causes, the index) and accepts the new cause, still refusing unknown ones', () => {
    const db = new Database(join(dir, 'v14.sqlite'));
    applyKey(db, randomBytes(32));
    migrate(db, migrations.slice(0, 14));
    const at = '2026-11-02T10:00:00.000Z';
    db.prepare("INSERT INTO pilots (id, name, start_date, end_date, status, created_at, updated_at) VALUES (1, 'Pilot', '2026-10-01', '2027-06-30', 'running', ?, ?)").run(at, at);
    db.prepare("INSERT INTO participants (id, pilot_id, name, email, role, status, created_at, updated_at) VALUES (1, 1, 'Amara', 'amara@example.ac.uk', 'mentor', 'active', ?, ?)").run(at, at);
    const insert = db.prepare('INSERT INTO participant_status_history (id, participant_id, from_status, to_status, reason, at, cause) VALUES (?, 1, ?, ?, ?, ?, ?)');
    insert.run(3, null, 'interested', null, at, 'registered');
    insert.run(7, 'trained', 'paired', null, at, 'paired');
    insert.run(9, 'paired', 'active', 'First meeting held', at, 'meeting-held');
    const before = history(db);

    migrate(db);
    expect(history(db)).toEqual(before);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'participant_status_history'").pluck().all()).toContain('status_history_by_participant');
    insert.run(10, 'active', 'paired', 'First meeting held was taken back', at, 'meeting-held-undone');
    expect(() => insert.run(11, 'paired', 'active', null, at, 'made-up')).toThrow(/CHECK constraint/);
    // Deleting the person still takes their history with them.
    db.prepare('DELETE FROM participants WHERE id = 1').run();
    expect(history(db)).toEqual([]);
    db.close();
  });
});
