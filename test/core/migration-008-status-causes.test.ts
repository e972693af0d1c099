import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyKey } from '../../electron/core/db/open';
import { migrate, migrations } from '../../electron/core/db/migrations';
import { inTempDir } from '../helpers/temp-dir';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

/** An encrypted database as version 7 of the app left it, with one person's history as that version wrote it. */
function vaultAtVersion7(history: [from: string | null, to: string, reason: string | null][]) {
  const db = new Database(join(dir, 'v7.sqlite'));
  applyKey(db, randomBytes(32));
  migrate(db, migrations.slice(0, 7));
  const at = '2026-11-02T10:00:00.000Z';
  db.prepare("INSERT INTO pilots (id, name, start_date, end_date, status, created_at, updated_at) VALUES (1, 'Pilot', '2026-10-01', '2027-06-30', 'running', ?, ?)").run(at, at);
  db.prepare("INSERT INTO participants (id, pilot_id, name, email, role, status, created_at, updated_at) VALUES (1, 1, 'Amara', 'amara@example.ac.uk', 'mentor', 'interested', ?, ?)").run(at, at);
  const insert = db.prepare('INSERT INTO participant_status_history (participant_id, from_status, to_status, reason, at) VALUES (1, ?, ?, ?, ?)');
  for (const [from, to, reason] of history) insert.run(from, to, reason, at);
  return db;
}

const causes = (db: Database.Database) =>
  db.prepare('SELECT from_status AS "from", to_status AS "to", cause FROM participant_status_history ORDER BY id').all() as { from: string | null; to: string; cause: string }[];

describe('migration 8: status changes keep their cause', () => {
  it('gives each earlier change the cause its words and steps show', () => {
    const db = vaultAtVersion7([
      [null, 'interested', null],
      ['interested', 'chemistry', 'Chemistry meeting held'],
      ['chemistry', 'trained', 'Attended training'],
      ['trained', 'chemistry', 'Training changed or deleted'],
      ['chemistry', 'interested', 'Chemistry meeting changed or deleted'],
      ['interested', 'trained', 'No chemistry meetings this round'],
      ['trained', 'paired', 'Paired with Helen Marsh'],
      ['paired', 'trained', 'Pair ended: Helen moved campus'],
      ['trained', 'paired', 'Paired with Joe Bloggs'],
      ['paired', 'active', 'First meeting held'],
      ['active', 'withdrawn', 'Consent withdrawn: no longer wishes to take part'],
      ['withdrawn', 'interested', null],
      ['interested', 'withdrawn', 'Moved abroad'],
    ]);
    migrate(db);
    expect(causes(db).map((c) => c.cause)).toEqual([
      'registered',
      'chemistry',
      'training-complete',
      'training-removed',
      'chemistry-removed',
      'manual',
      'paired',
      'unpaired',
      'paired',
      'meeting-held',
      'consent-withdrawn',
      'manual',
      'withdrawn',
    ]);
    db.close();
  });

  it('reads a step made by hand as made by hand, even beside the words a record writes', () => {
    const db = vaultAtVersion7([
      [null, 'interested', null],
      // Set by hand on the Status panel (the first meeting was held before it was recorded): no reason.
      ['interested', 'chemistry', null],
      ['chemistry', 'trained', 'Trained at the induction day'],
      ['trained', 'paired', 'Paired with Helen Marsh'],
      ['paired', 'active', null],
      ['active', 'completed', 'Finished all four meetings'],
    ]);
    migrate(db);
    expect(causes(db).map((c) => c.cause)).toEqual(['registered', 'manual', 'manual', 'paired', 'manual', 'manual']);
    db.close();
  });

  it('refuses a cause the app does not know', () => {
    const db = vaultAtVersion7([[null, 'interested', null]]);
    migrate(db);
    expect(() => db.prepare("UPDATE participant_status_history SET cause = 'guessed'").run()).toThrow(/CHECK constraint/);
    db.close();
  });
});
