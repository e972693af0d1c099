import type { Migration } from './index';

/**
 * Surveys (stage 10): questionnaires in versions, waves, responses; the pilot's small-group
 * threshold; and the vault's pseudonym secret (electron/core/pseudonyms), made here once per vault.
 *
 * A questionnaire's items have an identity (survey_items) and, per version, a wording
 * (survey_version_items); a response belongs to the version it was answered in. Scores (Likert
 * points and choices) are kept per response as one JSON object {itemId: score}, read whole by the
 * analysis (5,000 people × 30 items is 10,000 rows, not 300,000); free text has a table of its own,
 * so it can be listed, and erased, by itself.
 */
export const surveys: Migration = {
  version: 10,
  name: 'surveys: questionnaires, versions, waves, responses; pseudonym secret',
  up(db) {
    db.exec(`
      CREATE TABLE survey_instruments (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX survey_instruments_by_pilot ON survey_instruments (pilot_id);

      CREATE TABLE survey_versions (
        id INTEGER PRIMARY KEY,
        instrument_id INTEGER NOT NULL REFERENCES survey_instruments (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (instrument_id, number)
      ) STRICT;

      CREATE TABLE survey_items (
        id INTEGER PRIMARY KEY,
        instrument_id INTEGER NOT NULL REFERENCES survey_instruments (id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX survey_items_by_instrument ON survey_items (instrument_id);

      CREATE TABLE survey_version_items (
        version_id INTEGER NOT NULL REFERENCES survey_versions (id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES survey_items (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('likert', 'choice', 'text')),
        text TEXT NOT NULL,
        audience TEXT NOT NULL CHECK (audience IN ('mentors', 'mentees', 'both')),
        reverse_scored INTEGER NOT NULL DEFAULT 0,
        options TEXT NOT NULL DEFAULT '[]',   -- JSON [label]: the scale's points, lowest first, or the choices
        PRIMARY KEY (version_id, item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX survey_version_items_by_item ON survey_version_items (item_id);

      CREATE TABLE survey_waves (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        instrument_id INTEGER NOT NULL REFERENCES survey_instruments (id),
        kind TEXT NOT NULL CHECK (kind IN ('pre', 'post', 'follow-up')),
        title TEXT NOT NULL,
        audience TEXT NOT NULL CHECK (audience IN ('mentors', 'mentees', 'both')),
        opens_on TEXT NOT NULL,
        closes_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (closes_on >= opens_on)
      ) STRICT;
      CREATE INDEX survey_waves_by_pilot ON survey_waves (pilot_id, opens_on);
      CREATE INDEX survey_waves_by_instrument ON survey_waves (instrument_id);

      CREATE TABLE survey_responses (
        id INTEGER PRIMARY KEY,
        wave_id INTEGER NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        version_id INTEGER NOT NULL REFERENCES survey_versions (id),
        scores TEXT NOT NULL DEFAULT '{}',    -- JSON {itemId: point or choice number}
        source TEXT NOT NULL CHECK (source IN ('entered', 'imported')),
        recorded_at TEXT NOT NULL,
        UNIQUE (wave_id, participant_id)
      ) STRICT;
      CREATE INDEX survey_responses_by_participant ON survey_responses (participant_id);
      CREATE INDEX survey_responses_by_version ON survey_responses (version_id);

      CREATE TABLE survey_text_answers (
        response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES survey_items (id),
        text TEXT NOT NULL,
        PRIMARY KEY (response_id, item_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE survey_settings (
        pilot_id INTEGER PRIMARY KEY REFERENCES pilots (id) ON DELETE CASCADE,
        threshold INTEGER NOT NULL CHECK (threshold >= 3)
      ) STRICT;

      INSERT OR IGNORE INTO meta (key, value) VALUES ('pseudonym_secret', lower(hex(randomblob(32))));
    `);
  },
};
