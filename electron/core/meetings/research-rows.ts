import { many, type ReadDb } from '../db/query';

export interface ResearchMeeting {
  id: number;
  pairId: number;
  sequence: number;
  themeTitle: string;
  date: string;
  durationMin: number;
  mode: 'in-person' | 'online';
  status: 'scheduled' | 'held' | 'cancelled';
  heldOn: string | null;
  actualDurationMin: number | null;
  rescheduleCount: number;
}

/** Every meeting of the pilot, by pair and number. Place and notes are not read: they never go out. */
export function researchMeetings(db: ReadDb, pilotId: number): ResearchMeeting[] {
  return many<ResearchMeeting>(
    db,
    `SELECT id, pair_id AS pairId, sequence, theme_title AS themeTitle, date, duration_min AS durationMin, mode, status, held_on AS heldOn,
            actual_duration_min AS actualDurationMin, reschedule_count AS rescheduleCount
     FROM meetings WHERE pilot_id = ? ORDER BY pair_id, sequence`,
    [pilotId],
  );
}
