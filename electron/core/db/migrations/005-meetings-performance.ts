import type { Migration } from './index';

/**
 * Indexes for the scheme-wide meetings views with thousands of pairs: each answers its query from
 * the index alone, without reading the wide log rows or every meeting of the scheme.
 */
export const meetingsPerformance: Migration = {
  version: 5,
  name: 'indexes for the meetings overview, per-pair progress and logs owed',
  up(db) {
    db.exec(`
      -- Logs done per meeting and author: covers "who has written what" without the log text.
      CREATE INDEX logs_by_meeting_author_state ON reflective_logs (meeting_id, author_id, state);
      -- A pair's progress (held, overdue, next date).
      CREATE INDEX meetings_by_pair_status_date ON meetings (pair_id, status, date);
      -- The scheme's done meetings, newest first.
      CREATE INDEX meetings_by_pilot_status_held ON meetings (pilot_id, status, held_on);
    `);
  },
};
