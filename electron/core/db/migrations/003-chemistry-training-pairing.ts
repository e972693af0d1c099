import type { Migration } from './index';

export const chemistryTrainingPairing: Migration = {
  version: 3,
  name: 'chemistry meetings, training, pairing rules and confirmed pairs',
  up(db) {
    db.exec(`
      ALTER TABLE participants ADD COLUMN capacity INTEGER NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 5);

      CREATE TABLE chemistry_meetings (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        held_on TEXT NOT NULL,
        mentor_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        mentee_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        happened INTEGER NOT NULL,
        mentor_willingness TEXT CHECK (mentor_willingness IN ('yes', 'maybe', 'no')),
        mentee_willingness TEXT CHECK (mentee_willingness IN ('yes', 'maybe', 'no')),
        mentor_note TEXT NOT NULL DEFAULT '',
        mentee_note TEXT NOT NULL DEFAULT '',
        UNIQUE (mentor_id, mentee_id)
      ) STRICT;
      CREATE INDEX chemistry_by_pilot ON chemistry_meetings (pilot_id, held_on);

      CREATE TABLE training_sessions (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        held_on TEXT NOT NULL,
        audience TEXT NOT NULL CHECK (audience IN ('mentors', 'mentees', 'both')),
        topics TEXT NOT NULL,   -- JSON [text]
        notes TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX training_by_pilot ON training_sessions (pilot_id, held_on);

      CREATE TABLE training_attendance (
        session_id INTEGER NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, participant_id)
      ) STRICT;
      CREATE INDEX training_attendance_by_participant ON training_attendance (participant_id);

      CREATE TABLE matching_settings (
        pilot_id INTEGER PRIMARY KEY REFERENCES pilots (id) ON DELETE CASCADE,
        settings TEXT NOT NULL   -- JSON MatchingSettings
      ) STRICT;

      CREATE TABLE conflicts_of_interest (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        mentor_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        mentee_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('teaches', 'assesses', 'supervises', 'other')),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX conflicts_by_pilot ON conflicts_of_interest (pilot_id);

      CREATE TABLE pair_rules (
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        mentor_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        mentee_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        rule TEXT NOT NULL CHECK (rule IN ('pin', 'forbid')),
        PRIMARY KEY (mentor_id, mentee_id)
      ) STRICT;
      CREATE INDEX pair_rules_by_pilot ON pair_rules (pilot_id);

      CREATE TABLE pair_preferences (
        participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        preferred_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        PRIMARY KEY (participant_id, preferred_id)
      ) STRICT;

      CREATE TABLE pairs (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        mentor_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        mentee_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        score REAL NOT NULL,
        explanation TEXT NOT NULL,          -- JSON [Explanation]
        mentor_status_before TEXT NOT NULL, -- restored when the pair is ended
        mentee_status_before TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        ended_at TEXT,
        end_reason TEXT
      ) STRICT;
      CREATE INDEX pairs_by_pilot ON pairs (pilot_id, ended_at);
      CREATE UNIQUE INDEX one_current_pair ON pairs (mentor_id, mentee_id) WHERE ended_at IS NULL;
    `);
  },
};
