import type { Migration } from './index';

/**
 * Each status change keeps its cause (shared/participants/contract.ts, statusCauses), so the app
 * decides by cause, never by the words of the reason: a training change takes back only a stage
 * that chemistry or training set. Earlier changes get theirs from what the app wrote at the time:
 * the first entry is the registration; "paired" only ever came from confirming a pair, and a
 * step back from it only from ending one; the fixed words of chemistry, training and a first meeting
 * held, and "Consent withdrawn: …", name theirs; any other withdrawal was recorded by hand, and so
 * was everything else. (A coordinator who typed those exact words by hand is read as the record.)
 */
export const statusChangeCauses: Migration = {
  version: 8,
  name: 'status changes keep their cause',
  up(db) {
    db.exec(`
      ALTER TABLE participant_status_history ADD COLUMN cause TEXT NOT NULL DEFAULT 'manual'
        CHECK (cause IN ('registered', 'manual', 'withdrawn', 'consent-withdrawn', 'chemistry', 'chemistry-removed',
                         'training-complete', 'training-removed', 'paired', 'unpaired', 'meeting-held'));
      UPDATE participant_status_history SET cause = CASE
        WHEN from_status IS NULL THEN 'registered'
        WHEN to_status = 'paired' THEN 'paired'
        WHEN from_status = 'paired' AND to_status IN ('interested', 'chemistry', 'trained') THEN 'unpaired'
        WHEN from_status = 'paired' AND to_status = 'active' AND reason IS 'First meeting held' THEN 'meeting-held'
        WHEN to_status = 'chemistry' AND reason IS 'Chemistry meeting held' THEN 'chemistry'
        WHEN to_status = 'trained' AND reason IS 'Attended training' THEN 'training-complete'
        WHEN reason IS 'Chemistry meeting changed or deleted' THEN 'chemistry-removed'
        WHEN reason IS 'Training changed or deleted' THEN 'training-removed'
        WHEN to_status = 'withdrawn' AND reason GLOB 'Consent withdrawn: *' THEN 'consent-withdrawn'
        WHEN to_status = 'withdrawn' THEN 'withdrawn'
        ELSE 'manual'
      END;
    `);
  },
};
