import { one, type ReadDb } from '../db/query';
import { AppError, notFound } from '../errors';
import type { ArchivedPilots } from '../registry/scope';

/**
 * A call may go ahead on this pilot: it exists, and unless the call may change an archived pilot
 * (`archived: 'allow'`), it is not archived. The registry asks this for every handler with a pilot scope.
 */
export function assertPilotOpen(db: ReadDb, pilotId: number, archived: ArchivedPilots): void {
  const row = one<{ archived_at: string | null }>(db, 'SELECT archived_at FROM pilots WHERE id = ?', [pilotId]);
  if (!row) throw notFound('Pilot', pilotId);
  if (row.archived_at && archived === 'refuse') throw new AppError('INVALID_TRANSITION', 'This pilot is archived. Restore it before changing it.');
}
