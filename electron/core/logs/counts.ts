import { one, value, type ReadDb } from '../db/query';

/**
 * For the dashboard: how many logs are owed — the rows of the Owed list (`owedLogs`): two per held
 * meeting, less the logs already submitted or excused. Logs are written only by the pair's two
 * people (`assertLoggable`), so a subtraction over the covering indexes gives the same count
 * without visiting each pair.
 */
export function countOwedLogs(db: ReadDb, pilotId: number): number {
  return value<number>(
    db,
    `SELECT (SELECT 2 * count(*) FROM meetings INDEXED BY meetings_by_pilot_status_held WHERE pilot_id = @pilotId AND status = 'held')
          - (SELECT count(*) FROM meetings m INDEXED BY meetings_by_pilot_status_held
               JOIN reflective_logs l INDEXED BY logs_by_meeting_author_state ON l.meeting_id = m.id
             WHERE m.pilot_id = @pilotId AND m.status = 'held' AND l.state <> 'draft')`,
    { pilotId },
  )!;
}

/** For the sponsor report: logs submitted for held meetings, of the two due for each. */
export function logReturns(db: ReadDb, pilotId: number): { submitted: number; due: number } {
  return one<{ submitted: number; due: number }>(
    db,
    `SELECT (SELECT count(*) FROM meetings m JOIN reflective_logs l INDEXED BY logs_by_meeting_author_state ON l.meeting_id = m.id AND l.state = 'submitted'
              WHERE m.pilot_id = @pilotId AND m.status = 'held') AS submitted,
            (SELECT 2 * count(*) FROM meetings WHERE pilot_id = @pilotId AND status = 'held') AS due`,
    { pilotId },
  )!;
}
