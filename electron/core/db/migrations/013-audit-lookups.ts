import type { Migration } from './index';

/**
 * The audit trail is read by page (filtered by action or by day) and by record (a draft's latest entry, so
 * autosaves are audited once per editing session): indexes for both, so neither reads the whole
 * trail. No data moves.
 */
export const auditLookups: Migration = {
  version: 13,
  name: 'audit trail indexes by record, action and time',
  up(db) {
    db.exec(`
      CREATE INDEX audit_by_record ON audit_log (entity_type, entity_id, seq);
      CREATE INDEX audit_by_action ON audit_log (action, seq);
      CREATE INDEX audit_by_time ON audit_log (at, seq);
    `);
  },
};
