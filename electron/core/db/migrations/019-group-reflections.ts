import type { Migration } from './index';

/**
 * Group reflection (stage 12): end-of-scheme events with attendance (named or a head count), notes,
 * and findings linked to the plan's themes, as focus groups have. Only tables are added: no data moves.
 */
export const groupReflections: Migration = {
  version: 19,
  name: 'group reflection events, attendance and findings',
  up(db) {
    db.exec(`
      CREATE TABLE group_reflections (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        held_on TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        attendance_mode TEXT NOT NULL CHECK (attendance_mode IN ('named', 'counted')),
        head_count INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX group_reflections_by_pilot ON group_reflections (pilot_id, held_on);

      CREATE TABLE group_reflection_attendees (
        group_reflection_id INTEGER NOT NULL REFERENCES group_reflections (id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (group_reflection_id, participant_id)
      ) STRICT;
      CREATE INDEX group_reflection_attendees_by_participant ON group_reflection_attendees (participant_id);

      CREATE TABLE group_reflection_findings (
        id INTEGER PRIMARY KEY,
        group_reflection_id INTEGER NOT NULL REFERENCES group_reflections (id) ON DELETE CASCADE,
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX group_reflection_findings_by_event ON group_reflection_findings (group_reflection_id, id);

      CREATE TABLE group_reflection_finding_themes (
        finding_id INTEGER NOT NULL REFERENCES group_reflection_findings (id) ON DELETE CASCADE,
        theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
        PRIMARY KEY (finding_id, theme_id)
      ) STRICT;
      CREATE INDEX group_reflection_finding_themes_by_theme ON group_reflection_finding_themes (theme_id);
    `);
  },
};
