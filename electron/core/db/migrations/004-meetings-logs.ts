import type { Migration } from './index';

export const meetingsAndLogs: Migration = {
  version: 4,
  name: 'meetings and Gibbs reflective logs with full-text search',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        pair_id INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
        sequence INTEGER NOT NULL,
        theme_id INTEGER REFERENCES themes (id) ON DELETE SET NULL,
        theme_title TEXT NOT NULL,            -- kept as planned, even if the theme is renamed later
        ice_breakers TEXT NOT NULL DEFAULT '[]',
        date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        duration_min INTEGER NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('in-person', 'online')),
        location TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
        held_on TEXT,
        actual_duration_min INTEGER,
        note TEXT NOT NULL DEFAULT '',
        reschedule_count INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        UNIQUE (pair_id, sequence)
      ) STRICT;
      CREATE INDEX meetings_by_pilot_status_date ON meetings (pilot_id, status, date);

      CREATE TABLE reflective_logs (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        author_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'not-provided')),
        description TEXT NOT NULL DEFAULT '',
        feelings TEXT NOT NULL DEFAULT '',
        evaluation TEXT NOT NULL DEFAULT '',
        analysis TEXT NOT NULL DEFAULT '',
        conclusion TEXT NOT NULL DEFAULT '',
        action_plan TEXT NOT NULL DEFAULT '',
        not_provided_reason TEXT,
        source TEXT NOT NULL DEFAULT 'entered' CHECK (source IN ('entered', 'imported')),
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        UNIQUE (meeting_id, author_id)
      ) STRICT;
      CREATE INDEX logs_by_author ON reflective_logs (author_id);

      -- Full-text index inside the encrypted database (its pages are encrypted like every other).
      CREATE VIRTUAL TABLE logs_fts USING fts5 (
        description, feelings, evaluation, analysis, conclusion, action_plan,
        content = 'reflective_logs', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER logs_fts_insert AFTER INSERT ON reflective_logs BEGIN
        INSERT INTO logs_fts (rowid, description, feelings, evaluation, analysis, conclusion, action_plan)
        VALUES (new.id, new.description, new.feelings, new.evaluation, new.analysis, new.conclusion, new.action_plan);
      END;
      CREATE TRIGGER logs_fts_delete AFTER DELETE ON reflective_logs BEGIN
        INSERT INTO logs_fts (logs_fts, rowid, description, feelings, evaluation, analysis, conclusion, action_plan)
        VALUES ('delete', old.id, old.description, old.feelings, old.evaluation, old.analysis, old.conclusion, old.action_plan);
      END;
      CREATE TRIGGER logs_fts_update AFTER UPDATE ON reflective_logs BEGIN
        INSERT INTO logs_fts (logs_fts, rowid, description, feelings, evaluation, analysis, conclusion, action_plan)
        VALUES ('delete', old.id, old.description, old.feelings, old.evaluation, old.analysis, old.conclusion, old.action_plan);
        INSERT INTO logs_fts (rowid, description, feelings, evaluation, analysis, conclusion, action_plan)
        VALUES (new.id, new.description, new.feelings, new.evaluation, new.analysis, new.conclusion, new.action_plan);
      END;
    `);
  },
};
