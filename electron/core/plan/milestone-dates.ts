import type { ReadDb } from '../db/query';
import { AppError } from '../errors';
import { getPilot } from '../pilots';
import { outsidePilotWarning, requireConfirmation } from '../confirmation';

/**
 * What a milestone's dates must mean: one marked done was done on a day already here (a hard rule);
 * one due outside the pilot's dates is usually a typo (1900, 2099) and asks for confirmation.
 */
export function checkMilestoneDates(db: ReadDb, pilotId: number, m: { dueOn: string; doneOn: string | null }, confirmed: readonly string[], today: string): void {
  if (m.doneOn !== null && m.doneOn > today) {
    const message = 'A milestone cannot be marked done on a date still to come.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['milestone', 'doneOn'], message }]);
  }
  requireConfirmation([outsidePilotWarning(m.dueOn, getPilot(db, pilotId), 'The due date')], confirmed);
}
