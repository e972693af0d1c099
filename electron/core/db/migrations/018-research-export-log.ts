import type { Migration } from './index';

/**
 * Research exports and their replacement log (UK Data Service: the log of which names were replaced
 * by which marker stays with the data holder, never in the export). One row per words found and
 * marker, with a count; a row about one person goes when that person's record is deleted. Only
 * tables are added: no data moves.
 */
export const researchExportLog: Migration = {
  version: 18,
  name: 'research exports and their name-replacement log',
  up(db) {
    db.exec(`
      CREATE TABLE research_exports (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
        exported_at TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        options TEXT NOT NULL               -- JSON {includeFreeText, shiftDates, threshold}
      ) STRICT;
      CREATE INDEX research_exports_by_pilot ON research_exports (pilot_id, id);

      CREATE TABLE research_export_replacements (
        export_id INTEGER NOT NULL REFERENCES research_exports (id) ON DELETE CASCADE,
        participant_id INTEGER REFERENCES participants (id) ON DELETE CASCADE,  -- NULL: staff, or a name people share
        found TEXT NOT NULL,
        marker TEXT NOT NULL,
        count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX research_export_replacements_by_export ON research_export_replacements (export_id);
      CREATE INDEX research_export_replacements_by_participant ON research_export_replacements (participant_id);
    `);
  },
};
