import { warningIssues, type Warning } from '../../shared/contract/confirm';
import { formatDate } from '../../shared/dates';
import { AppError } from './errors';

/**
 * Refuses a command (before anything changes) while a warning applies that the input has not
 * confirmed. The answer lists every warning that applies, confirmed or not, so a screen can show
 * them together and send them back in one go (see shared/contract/confirm.ts).
 */
export function requireConfirmation<W extends string>(warnings: readonly (Warning<W> | false | null | undefined)[], confirmed: readonly string[]): void {
  const applying = warnings.filter((w): w is Warning<W> => Boolean(w));
  if (applying.every((w) => confirmed.includes(w.code))) return;
  const lead = applying.length === 1 ? 'Please confirm' : `Please confirm ${applying.length} things`;
  throw new AppError('CONFIRMATION_NEEDED', `${lead}: ${applying.map((w) => w.message).join(' ')}`, warningIssues(applying));
}

/**
 * A warning when `date` falls outside the pilot's dates; `leadInDays` allows that many days before
 * the start for work that prepares the pilot (focus groups).
 */
export function outsidePilotWarning(date: string, pilot: { startDate: string; endDate: string }, what: string, leadInDays = 0): Warning<'outside-pilot'> | null {
  const earliest = new Date(Date.parse(`${pilot.startDate}T00:00:00Z`) - leadInDays * 86_400_000).toISOString().slice(0, 10);
  if (date < earliest) {
    const before = leadInDays > 0 ? `more than ${leadInDays} days before` : 'before';
    return { code: 'outside-pilot', message: `${what} is ${before} the pilot starts (${formatDate(pilot.startDate)}).` };
  }
  if (date > pilot.endDate) return { code: 'outside-pilot', message: `${what} is after the pilot ends (${formatDate(pilot.endDate)}).` };
  return null;
}
