import type { ReadDb } from '../db/query';
import { DEFAULT_THRESHOLD, MIN_THRESHOLD } from '../stats';
import { thresholdOf } from './waves';

/** The pilot's small-group threshold (a pilot setting, default 5, never below 3): every breakdown of the pilot's outcomes uses it. */
export function suppressionThreshold(db: ReadDb, pilotId: number): number {
  return Math.max(MIN_THRESHOLD, thresholdOf(db, pilotId, DEFAULT_THRESHOLD));
}
