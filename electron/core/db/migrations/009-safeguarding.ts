import type { Migration } from './index';

/**
 * The safeguarding register (stage 9): concerns with the protocol steps taken, referrals,
 * follow-ups and a history of changes; and in each pilot's plan the services concerns are referred
 * to (the usual four to start with) and how long closed concerns are kept (not decided yet).
 *
 * A concern's person is not deleted with them: deleting a participant whom a concern is about fails
 * until erasure has decided about the concern (safeguarding/erasure.ts). Its meeting or log may go;
 * the concern then keeps its text without the link.
 */
export const safeguarding: Migration = {
  version: 9,
  name: 'safeguarding concern register',
  up(db) {
    db.exec(`
      ALTER TABLE plan_settings ADD COLUMN referral_services TEXT NOT NULL
        DEFAULT '[{"name":"Wellbeing service","contact":""},{"name":"Disability service","contact":""},{"name":"Security","contact":""},{"name":"Human resources (HR)","contact":""}]';
      ALTER TABLE plan_settings ADD COLUMN concern_retention_months INTEGER;

      CREATE TABLE concerns (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        raised_on TEXT NOT NULL,
        raised_via TEXT NOT NULL CHECK (raised_via IN ('meeting', 'log', 'interview', 'direct')),
        raised_by TEXT NOT NULL CHECK (raised_by IN ('participant', 'partner', 'coordinator', 'other')),
        meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
        log_id INTEGER REFERENCES reflective_logs (id) ON DELETE SET NULL,
        log_author_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
        about_participant_id INTEGER REFERENCES participants (id),
        about_other TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL CHECK (category IN ('wellbeing', 'safeguarding', 'conduct', 'dignity-at-work', 'other')),
        risk TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high', 'immediate')),
        what_was_said TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        outcome TEXT NOT NULL DEFAULT '',
        closed_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX concerns_by_pilot ON concerns (pilot_id, status, raised_on);
      CREATE INDEX concerns_by_about ON concerns (about_participant_id);
      CREATE INDEX concerns_by_meeting ON concerns (meeting_id);
      CREATE INDEX concerns_by_log ON concerns (log_id);
      CREATE INDEX concerns_by_log_author ON concerns (log_author_id);

      CREATE TABLE concern_steps (
        id INTEGER PRIMARY KEY,
        concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        from_protocol INTEGER NOT NULL CHECK (from_protocol IN (0, 1)),
        done_on TEXT,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX concern_steps_by_concern ON concern_steps (concern_id, position);

      CREATE TABLE concern_referrals (
        id INTEGER PRIMARY KEY,
        concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        service TEXT NOT NULL,
        referred_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL DEFAULT '',
        outcome_on TEXT
      ) STRICT;
      CREATE INDEX concern_referrals_by_concern ON concern_referrals (concern_id, referred_on);

      CREATE TABLE concern_follow_ups (
        id INTEGER PRIMARY KEY,
        concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        due_on TEXT NOT NULL,
        what TEXT NOT NULL,
        done_on TEXT,
        done_note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX concern_follow_ups_by_concern ON concern_follow_ups (concern_id, due_on);
      CREATE INDEX concern_follow_ups_pending ON concern_follow_ups (due_on, concern_id) WHERE done_on IS NULL;

      CREATE TABLE concern_history (
        id INTEGER PRIMARY KEY,
        concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        change TEXT NOT NULL
      ) STRICT;
      CREATE INDEX concern_history_by_concern ON concern_history (concern_id, id);
    `);
  },
};
