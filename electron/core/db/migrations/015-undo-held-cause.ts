import type { Migration } from './index';

/**
 * A new cause, "meeting-held-undone": taking back "mark held" also takes back the step to Active
 * that the meeting made. The causes are a CHECK on the column, which SQLite cannot change in place,
 * so the history table is rebuilt with the wider list (rows, ids and index kept as they were).
 */
export const undoHeldCause: Migration = {
  version: 15,
  name: 'undoing a held meeting takes back the step to active',
  up(db) {
    db.exec(`
      CREATE TABLE participant_status_history_new (
        id INTEGER PRIMARY KEY,
        participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        from_status TEXT,
        to_status TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL,
        cause TEXT NOT NULL DEFAULT 'manual'
          CHECK (cause IN ('registered', 'manual', 'withdrawn', 'consent-withdrawn', 'chemistry', 'chemistry-removed',
                           'training-complete', 'training-removed', 'paired', 'unpaired', 'meeting-held', 'meeting-held-undone'))
      ) STRICT;
      INSERT INTO participant_status_history_new (id, participant_id, from_status, to_status, reason, at, cause)
        SELECT id, participant_id, from_status, to_status, reason, at, cause FROM participant_status_history;
      DROP TABLE participant_status_history;
      ALTER TABLE participant_status_history_new RENAME TO participant_status_history;
      CREATE INDEX status_history_by_participant ON participant_status_history (participant_id, id);
    `);
  },
};
