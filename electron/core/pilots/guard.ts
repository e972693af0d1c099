import type { Db } from '../db/types';
import { AppError, notFound } from '../errors';

/** Changes belong to a pilot that exists and is not archived. */
export function assertPilotWritable(db: Db, pilotId: number): void {
  const row = db.prepare('SELECT archived_at FROM pilots WHERE id = ?').get(pilotId) as { archived_at: string | null } | undefined;
  if (!row) throw notFound('Pilot', pilotId);
  if (row.archived_at) throw new AppError('INVALID_TRANSITION', 'This pilot is archived. Restore it before changing it.');
}

export function assertPilotExists(db: Db, pilotId: number): void {
  if (!db.prepare('SELECT 1 FROM pilots WHERE id = ?').get(pilotId)) throw notFound('Pilot', pilotId);
}
