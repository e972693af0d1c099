import { many, run, value, type ReadDb, type WriteDb } from '../db/query';
import type { RenderedDataset } from './render';

/** Records an export and its replacement log (in the same step as its audit entry and files). */
export function recordExport(
  db: WriteDb,
  pilotId: number,
  exportedAt: string,
  manifestSha256: string,
  options: { includeFreeText: boolean; shiftDates: boolean; threshold: number },
  replacements: RenderedDataset['replacements'],
): number {
  const { lastInsertRowid } = run(db, 'INSERT INTO research_exports (pilot_id, exported_at, manifest_sha256, options) VALUES (?, ?, ?, ?)', [pilotId, exportedAt, manifestSha256, JSON.stringify(options)]);
  for (const entry of replacements.values()) {
    const participantId = entry.personKey !== null && /^\d+$/.test(entry.personKey) ? Number(entry.personKey) : null;
    run(db, 'INSERT INTO research_export_replacements (export_id, participant_id, found, marker, count) VALUES (?, ?, ?, ?, ?)', [lastInsertRowid, participantId, entry.found, entry.marker, entry.count]);
  }
  return lastInsertRowid;
}

/** The replacement log of one export: words found, marker, how often. */
export function replacementLog(db: ReadDb, exportId: number): { participantId: number | null; found: string; marker: string; count: number }[] {
  return many(db, 'SELECT participant_id AS participantId, found, marker, count FROM research_export_replacements WHERE export_id = ? ORDER BY found, marker', [exportId]);
}

export function latestExportOf(db: ReadDb, pilotId: number): { id: number; manifestSha256: string } | undefined {
  const id = value<number>(db, 'SELECT max(id) FROM research_exports WHERE pilot_id = ?', [pilotId]);
  if (id === undefined || id === null) return undefined;
  return { id, manifestSha256: value<string>(db, 'SELECT manifest_sha256 FROM research_exports WHERE id = ?', [id])! };
}

/** When the pilot's latest research export was written, or null: retention asks for one before erasure. */
export function lastExportAt(db: ReadDb, pilotId: number): string | null {
  return value<string>(db, 'SELECT exported_at FROM research_exports WHERE pilot_id = ? ORDER BY id DESC LIMIT 1', [pilotId]) ?? null;
}

/** For erasure: the replacement-log rows that hold one person's name (their words found in others' text). */
export function eraseReplacementsOf(db: WriteDb, participantId: number): number {
  return run(db, 'DELETE FROM research_export_replacements WHERE participant_id = ?', [participantId]).changes;
}
