/** A pilot's departments, read from its people, and merging two spellings of one department. */
import { many, run, type ReadDb, type WriteDb } from '../db/query';
import type { Department } from '../../../shared/participants/departments-contract';

export function listDepartments(db: ReadDb, pilotId: number): Department[] {
  return many<Department>(
    db,
    `SELECT department AS name, count(*) AS people FROM participants
     WHERE pilot_id = @pilotId AND department <> '' GROUP BY department ORDER BY department COLLATE NOCASE`,
    { pilotId },
  );
}

/** The ids of the people whose department is one of `from` (but not already `into`). */
export function peopleInDepartments(db: ReadDb, pilotId: number, from: string[], into: string): number[] {
  const moving = from.filter((name) => name !== into);
  if (moving.length === 0) return [];
  return many<{ id: number }>(db, `SELECT id FROM participants WHERE pilot_id = ? AND department IN (SELECT value FROM json_each(?)) ORDER BY id`, [pilotId, JSON.stringify(moving)]).map((r) => r.id);
}

export function moveToDepartment(db: WriteDb, ids: number[], into: string, at: string): void {
  run(db, `UPDATE participants SET department = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))`, [into, at, JSON.stringify(ids)]);
}
