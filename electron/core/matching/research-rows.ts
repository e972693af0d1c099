import { many, type ReadDb } from '../db/query';

export interface ResearchPair {
  id: number;
  mentorId: number;
  menteeId: number;
  confirmedAt: string;
  endedAt: string | null;
  endReason: string | null;
}

/** Every confirmed pair of the pilot, current and ended, oldest first. */
export function researchPairs(db: ReadDb, pilotId: number): ResearchPair[] {
  return many<ResearchPair>(
    db,
    'SELECT id, mentor_id AS mentorId, mentee_id AS menteeId, confirmed_at AS confirmedAt, ended_at AS endedAt, end_reason AS endReason FROM pairs WHERE pilot_id = ? ORDER BY id',
    [pilotId],
  );
}
