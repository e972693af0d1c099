import type { Migration } from '../migrations';

/**
 * The interview database (interviews.sqlite): everything an interviewer may see, and nothing else.
 * People appear only as a snapshot the coordinator's session writes (display name, role, consents),
 * so an interviewer's key never needs the main database. Its own hash-chained audit trail names
 * the actor of every change (the coordinator, or `interviewer:<id>`).
 */
export const interviewFoundation: Migration = {
  version: 1,
  name: 'interviewers, guides, people snapshot, interviews, notes, audit trail',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT,
        entity_id TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TABLE interviewers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        slot_id TEXT NOT NULL UNIQUE,     -- the key slot in vault.keys.json that opens this database for them
        created_at TEXT NOT NULL,
        removed_at TEXT                   -- their slot is gone from the key file; kept so the trail can name them
      ) STRICT;
      CREATE UNIQUE INDEX interviewers_current_email ON interviewers (lower(email)) WHERE removed_at IS NULL;
      CREATE TABLE guides (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL,
        audience TEXT NOT NULL CHECK (audience IN ('everyone', 'mentor', 'mentee')),
        title TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        replaces_id INTEGER REFERENCES guides (id),
        retired_at TEXT,                  -- set when a later version replaces it
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX guides_current ON guides (pilot_id, audience) WHERE retired_at IS NULL;
      CREATE TABLE guide_questions (
        id INTEGER PRIMARY KEY,
        guide_id INTEGER NOT NULL REFERENCES guides (id),
        position INTEGER NOT NULL,
        question TEXT NOT NULL,
        prompts TEXT NOT NULL DEFAULT '[]'  -- JSON array of follow-up prompts
      ) STRICT;
      CREATE INDEX guide_questions_by_guide ON guide_questions (guide_id, position);
      CREATE TABLE people (
        participant_id INTEGER PRIMARY KEY,  -- the person's id in the main database
        pilot_id INTEGER NOT NULL,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
        take_part INTEGER NOT NULL,
        audio_recording INTEGER NOT NULL,
        direct_quotes INTEGER NOT NULL,
        archiving INTEGER NOT NULL,
        consent_withdrawn INTEGER NOT NULL,
        copied_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE interviews (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL,
        participant_id INTEGER NOT NULL REFERENCES people (participant_id),
        interviewer_id INTEGER NOT NULL REFERENCES interviewers (id),
        guide_id INTEGER REFERENCES guides (id),
        scheduled_on TEXT NOT NULL,
        starts_at TEXT NOT NULL,          -- HH:MM, local
        place TEXT NOT NULL DEFAULT '',
        online_link TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'cancelled')),
        cancel_reason TEXT,
        consent_checked_at TEXT,
        consent_checked_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX interviews_by_pilot ON interviews (pilot_id, scheduled_on, id);
      CREATE INDEX interviews_by_interviewer ON interviews (interviewer_id, scheduled_on);
      CREATE INDEX interviews_by_person ON interviews (participant_id);
      CREATE TABLE interview_notes (
        interview_id INTEGER NOT NULL REFERENCES interviews (id),
        question_id INTEGER NOT NULL,     -- 0: general notes, not tied to a question
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (interview_id, question_id)
      ) STRICT;
    `);
  },
};
