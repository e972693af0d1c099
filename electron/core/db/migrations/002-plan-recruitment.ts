import type { Migration } from './index';

export const planAndRecruitment: Migration = {
  version: 2,
  name: 'scheme plan, focus groups, participants and consent',
  up(db) {
    db.exec(`
      CREATE TABLE plan_settings (
        pilot_id INTEGER PRIMARY KEY REFERENCES pilots (id) ON DELETE CASCADE,
        eligibility TEXT NOT NULL,           -- JSON array of category labels
        meeting_count INTEGER NOT NULL,
        cadence_days INTEGER NOT NULL,
        duration_min INTEGER NOT NULL,
        duration_max INTEGER NOT NULL,
        ethics_reference TEXT NOT NULL DEFAULT '',
        retention_months INTEGER,
        support_contacts TEXT NOT NULL DEFAULT '[]',   -- JSON [{name, role, contact}]
        escalation_steps TEXT NOT NULL DEFAULT '[]'    -- JSON [text]
      ) STRICT;

      CREATE TABLE themes (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        ice_breakers TEXT NOT NULL DEFAULT '[]',       -- JSON [text]
        position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX themes_by_pilot ON themes (pilot_id, position);

      CREATE TABLE milestones (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        due_on TEXT NOT NULL,
        done_on TEXT
      ) STRICT;
      CREATE INDEX milestones_by_pilot ON milestones (pilot_id, due_on);

      CREATE TABLE consent_forms (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        dated_on TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (pilot_id, version)
      ) STRICT;

      CREATE TABLE participants (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
        department TEXT NOT NULL DEFAULT '',
        level TEXT NOT NULL DEFAULT '',
        characteristics TEXT NOT NULL DEFAULT '[]',    -- JSON; special-category data
        topics TEXT NOT NULL DEFAULT '[]',
        availability TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('interested', 'chemistry', 'trained', 'paired', 'active', 'completed', 'withdrawn')),
        status_reason TEXT,
        -- Denormalised from consent_records (kept by the consent module) so long lists need no subquery.
        consent_state TEXT NOT NULL DEFAULT 'none' CHECK (consent_state IN ('none', 'given', 'withdrawn')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (pilot_id, email)
      ) STRICT;
      CREATE INDEX participants_by_pilot_name ON participants (pilot_id, name COLLATE NOCASE);
      CREATE INDEX participants_by_pilot_status ON participants (pilot_id, status);
      CREATE INDEX participants_by_pilot_department ON participants (pilot_id, department COLLATE NOCASE);

      CREATE TABLE participant_status_history (
        id INTEGER PRIMARY KEY,
        participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        from_status TEXT,
        to_status TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX status_history_by_participant ON participant_status_history (participant_id, id);

      CREATE TABLE consent_records (
        id INTEGER PRIMARY KEY,
        participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        form_id INTEGER NOT NULL REFERENCES consent_forms (id),
        given_on TEXT NOT NULL,
        take_part INTEGER NOT NULL,
        research_use_of_logs INTEGER NOT NULL,
        audio_recording INTEGER NOT NULL,
        direct_quotes INTEGER NOT NULL,
        archiving INTEGER NOT NULL,
        withdrawn_on TEXT,
        withdrawal_reason TEXT,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consent_by_participant ON consent_records (participant_id, id);

      CREATE TABLE focus_groups (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        held_on TEXT NOT NULL,
        audience TEXT NOT NULL CHECK (audience IN ('staff', 'students', 'mixed')),
        facilitator TEXT NOT NULL DEFAULT '',
        attendance_mode TEXT NOT NULL CHECK (attendance_mode IN ('named', 'counts')),
        staff_count INTEGER NOT NULL DEFAULT 0,
        student_count INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX focus_groups_by_pilot ON focus_groups (pilot_id, held_on);

      CREATE TABLE focus_group_attendees (
        focus_group_id INTEGER NOT NULL REFERENCES focus_groups (id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (focus_group_id, participant_id)
      ) STRICT;

      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        focus_group_id INTEGER NOT NULL REFERENCES focus_groups (id) ON DELETE CASCADE,
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX findings_by_focus_group ON findings (focus_group_id, id);

      CREATE TABLE finding_themes (
        finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
        theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
        PRIMARY KEY (finding_id, theme_id)
      ) STRICT;
      CREATE INDEX finding_themes_by_theme ON finding_themes (theme_id);

      -- Pilots made before plans existed get the default plan.
      INSERT INTO plan_settings (pilot_id, eligibility, meeting_count, cadence_days, duration_min, duration_max)
        SELECT id, '["Ethnically minoritised","Mature (21+)","International","Widening participation"]', 4, 14, 60, 90 FROM pilots;

      CREATE TABLE import_mappings (
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        mapping TEXT NOT NULL,    -- JSON {header: field}
        PRIMARY KEY (pilot_id, kind)
      ) STRICT;
    `);
  },
};
