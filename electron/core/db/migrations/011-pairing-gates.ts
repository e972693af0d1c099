import type { Migration } from './index';

/**
 * What a scheme requires before pairing (a chemistry meeting, training), kept in the plan; and the
 * person whose partner withdrew, flagged for re-pairing with why, until they are paired again.
 * Existing pilots hold chemistry meetings (the pipeline's second stage) and do not require training.
 */
export const pairingGates: Migration = {
  version: 11,
  name: 'pairing gates and re-pairing flags',
  up(db) {
    db.exec(`
      ALTER TABLE plan_settings ADD COLUMN chemistry_before_pairing INTEGER NOT NULL DEFAULT 1 CHECK (chemistry_before_pairing IN (0, 1));
      ALTER TABLE plan_settings ADD COLUMN training_before_pairing INTEGER NOT NULL DEFAULT 0 CHECK (training_before_pairing IN (0, 1));
      ALTER TABLE participants ADD COLUMN repairing_note TEXT;
    `);
  },
};
