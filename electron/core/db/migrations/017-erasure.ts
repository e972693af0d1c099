import type { Migration } from './index';

/**
 * Provable erasure: a person's row, once erased, stays empty and marked (their partner's pairs point
 * at it), and each erasure keeps its certificate — kinds of data and counts, when, by whom and its
 * audit entry, never a name or any content. Only a column and a table are added: no data moves.
 */
export const erasure: Migration = {
  version: 17,
  name: 'erased people and erasure certificates',
  up(db) {
    db.exec(`
      ALTER TABLE participants ADD COLUMN erased_at TEXT;
      CREATE TABLE erasure_certificates (
        id INTEGER PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('person', 'pilot')),
        pilot_id INTEGER,                 -- no foreign key: the certificate outlives what it describes
        subject_ref INTEGER NOT NULL,     -- the person's or the pilot's id, never a name
        erased_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        audit_seq INTEGER NOT NULL,
        audit_hash TEXT NOT NULL,
        body TEXT NOT NULL                -- JSON: kinds and counts, clean-up steps; no content
      ) STRICT;
      CREATE INDEX erasure_certificates_by_pilot ON erasure_certificates (pilot_id, id);
    `);
  },
};
