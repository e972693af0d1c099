import { many, one, run, type ReadDb, type WriteDb } from '../db/query';
import type { Pilot, PilotStatus } from '../../../shared/pilots/contract';
import { AppError, notFound } from '../errors';
import { insertDefaultPlan } from '../plan';

interface PilotRow {
  id: number;
  name: string;
  purpose: string;
  start_date: string;
  end_date: string;
  status: PilotStatus;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const toPilot = (r: PilotRow): Pilot => ({
  id: r.id,
  name: r.name,
  purpose: r.purpose,
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type PilotFields = Pick<Pilot, 'name' | 'purpose' | 'startDate' | 'endDate' | 'status'>;

export function listPilots(db: ReadDb, includeArchived: boolean): Pilot[] {
  const rows = many<PilotRow>(db, `SELECT * FROM pilots ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY start_date DESC, id DESC`);
  return rows.map(toPilot);
}

export function getPilot(db: ReadDb, id: number): Pilot {
  const row = one<PilotRow>(db, 'SELECT * FROM pilots WHERE id = ?', [id]);
  if (!row) throw notFound('Pilot', id);
  return toPilot(row);
}

/** Two working pilots with the same name would be confused in every list; archived ones may share names. */
function assertNameFree(db: ReadDb, name: string, exceptId?: number): void {
  const clash = one<{ id: number }>(db, 'SELECT id FROM pilots WHERE archived_at IS NULL AND lower(name) = lower(?) AND id IS NOT ?', [name, exceptId ?? null]);
  if (clash) {
    const message = `A pilot named "${name}" already exists. Choose another name.`;
    throw new AppError('CONFLICT', message, [{ path: ['name'], message }]);
  }
}

export function insertPilot(db: WriteDb, fields: PilotFields, now: string): Pilot {
  assertNameFree(db, fields.name);
  const { lastInsertRowid: id } = run(
    db,
    `INSERT INTO pilots (name, purpose, start_date, end_date, status, created_at, updated_at)
     VALUES (@name, @purpose, @startDate, @endDate, @status, @now, @now)`,
    { ...fields, now },
  );
  insertDefaultPlan(db, id);
  return getPilot(db, id);
}

export function updatePilot(db: WriteDb, id: number, changes: Partial<PilotFields>, now: string): Pilot {
  const before = getPilot(db, id);
  const after = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  if (after.endDate < after.startDate) {
    const message = 'The end date must be on or after the start date';
    throw new AppError('INVALID_INPUT', message, [{ path: ['endDate'], message }]);
  }
  if (changes.name !== undefined) assertNameFree(db, after.name, id);
  run(db, 'UPDATE pilots SET name = @name, purpose = @purpose, start_date = @startDate, end_date = @endDate, status = @status, updated_at = @now WHERE id = @id', {
    id,
    name: after.name,
    purpose: after.purpose,
    startDate: after.startDate,
    endDate: after.endDate,
    status: after.status,
    now,
  });
  return getPilot(db, id);
}

export function setArchived(db: WriteDb, id: number, archived: boolean, now: string): Pilot {
  const pilot = getPilot(db, id);
  if (archived && pilot.archivedAt) throw new AppError('INVALID_TRANSITION', `"${pilot.name}" is already archived.`);
  if (!archived && !pilot.archivedAt) throw new AppError('INVALID_TRANSITION', `"${pilot.name}" is not archived.`);
  if (!archived) assertNameFree(db, pilot.name, id);
  run(db, 'UPDATE pilots SET archived_at = ?, updated_at = ? WHERE id = ?', [archived ? now : null, now, id]);
  return getPilot(db, id);
}
