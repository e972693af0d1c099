import type { Migration } from './index';

/**
 * A meeting's number is its place in the plan (meeting 2 of 4, its theme, its logs) and no longer
 * follows its date. Earlier versions renumbered a pair's meetings in date order after every move,
 * "mark held" and schedule shift, so a held meeting and its logs could change number. The plan's
 * order is still in the rows: a pair's meetings are only ever made by generating them from the
 * plan, in order, so their ids rise with their planned number, and each theme stayed on its row.
 * Only pairs whose numbers differ from that order change (two steps, so UNIQUE (pair_id, sequence)
 * holds throughout).
 */
export const meetingNumbers: Migration = {
  version: 12,
  name: 'meetings keep their number in the plan',
  up(db) {
    db.exec(`
      UPDATE meetings SET sequence = -planned.number
        FROM (SELECT id, row_number() OVER (PARTITION BY pair_id ORDER BY id) AS number FROM meetings) AS planned
        WHERE planned.id = meetings.id AND meetings.sequence <> planned.number;
      UPDATE meetings SET sequence = -sequence WHERE sequence < 0;
    `);
  },
};
