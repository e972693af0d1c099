import type { Migration } from './index';

/**
 * A consent record entered by mistake is corrected by a new record that names the one it corrects
 * (with the reason); the earlier one stays, marked corrected by that link. A record is corrected at
 * most once. Only columns are added: no data moves.
 */
export const consentCorrections: Migration = {
  version: 16,
  name: 'consent records can be corrected by a later record',
  up(db) {
    db.exec(`
      ALTER TABLE consent_records ADD COLUMN corrects_id INTEGER REFERENCES consent_records (id);
      ALTER TABLE consent_records ADD COLUMN correction_reason TEXT;
      CREATE UNIQUE INDEX consent_corrected_once ON consent_records (corrects_id) WHERE corrects_id IS NOT NULL;
    `);
  },
};
