import type { Migration } from './index';

/**
 * Meetings keep a history of their changes instead of overwriting one note; the calendar version
 * (.ics SEQUENCE) is stored so it only ever grows; the plan says how and where meetings take place;
 * a pair can carry a note on why its schedule differs from the plan; the private-use characters
 * that mark search hits are removed from log text, where they could fake a highlight.
 */
export const meetingsFixes: Migration = {
  version: 6,
  name: 'meeting change history, calendar sequence, meeting mode in the plan, search markers out of logs',
  up(db) {
    db.exec(`
      CREATE TABLE meeting_changes (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('rescheduled', 'schedule-change', 'cancelled', 'restored')),
        from_date TEXT,
        to_date TEXT,
        from_mode TEXT CHECK (from_mode IN ('in-person', 'online')),
        to_mode TEXT CHECK (to_mode IN ('in-person', 'online')),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX meeting_changes_by_meeting ON meeting_changes (meeting_id, id);

      -- A cancelled meeting's note was its reason: it becomes the cancellation's entry in the history.
      INSERT INTO meeting_changes (meeting_id, at, kind, note)
        SELECT id, updated_at, 'cancelled', note FROM meetings WHERE status = 'cancelled';
      UPDATE meetings SET note = '' WHERE status = 'cancelled';

      -- What calendars last received: one version per move, one more for a cancellation.
      ALTER TABLE meetings ADD COLUMN calendar_sequence INTEGER NOT NULL DEFAULT 0;
      UPDATE meetings SET calendar_sequence = reschedule_count + (status = 'cancelled');

      ALTER TABLE plan_settings ADD COLUMN meeting_mode TEXT NOT NULL DEFAULT 'in-person' CHECK (meeting_mode IN ('in-person', 'online'));
      ALTER TABLE plan_settings ADD COLUMN meeting_place TEXT NOT NULL DEFAULT '';
      ALTER TABLE plan_settings ADD COLUMN meeting_online_link TEXT NOT NULL DEFAULT '';

      CREATE TABLE pair_schedule_notes (
        pair_id INTEGER PRIMARY KEY REFERENCES pairs (id) ON DELETE CASCADE,
        note TEXT NOT NULL
      ) STRICT;
    `);
    // U+E000 and U+E001 mark hits in search results: they must never be part of the text itself.
    const stages = ['description', 'feelings', 'evaluation', 'analysis', 'conclusion', 'action_plan'];
    const clean = stages.map((c) => `${c} = replace(replace(${c}, char(57344), ''), char(57345), '')`).join(', ');
    const dirty = stages.map((c) => `instr(${c}, char(57344)) > 0 OR instr(${c}, char(57345)) > 0`).join(' OR ');
    db.exec(`UPDATE reflective_logs SET ${clean} WHERE ${dirty}`);
  },
};
