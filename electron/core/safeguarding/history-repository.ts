import { run, type WriteDb } from '../db/query';

/** One line in a concern's own history (inside the register, so it may say what changed), which also dates its last change. */
export function addHistory(db: WriteDb, concernId: number, at: string, change: string): void {
  run(db, 'INSERT INTO concern_history (concern_id, at, change) VALUES (?, ?, ?)', [concernId, at, change]);
  run(db, 'UPDATE concerns SET updated_at = ? WHERE id = ?', [at, concernId]);
}
