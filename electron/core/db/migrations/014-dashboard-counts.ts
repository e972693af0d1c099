import type { Migration } from './index';

/**
 * Indexes for the pilot dashboard on a scheme of thousands: each count is answered from an index
 * alone, without reading the wide rows (a pair's score explanation, a person's profile). No data moves.
 */
export const dashboardCounts: Migration = {
  version: 14,
  name: 'indexes for the pilot dashboard counts',
  up(db) {
    db.exec(`
      -- People per stage and consent, and who is invited to a survey wave (role).
      CREATE INDEX participants_by_pilot_stage_consent ON participants (pilot_id, status, consent_state, role);
      -- A pilot's current pairs and their two people: logs owed, pairs before their first meeting.
      CREATE INDEX pairs_by_pilot_people ON pairs (pilot_id, ended_at, mentor_id, mentee_id);
    `);
  },
};
