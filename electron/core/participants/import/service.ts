import type { ReadDb, WriteDb } from '../../db/query';
import type { ColumnMapping, ImportPreview, ImportResult } from '../../../../shared/participants/contract';
import { previewImport, runImport, type StagedTable } from '../../imports';
import { eoiImport } from './kind';

export function previewEoi(db: ReadDb, pilotId: number, staged: StagedTable, mapping?: ColumnMapping): ImportPreview {
  const preview = previewImport(eoiImport, db, pilotId, staged, mapping);
  return { ...preview, changes: preview.changes.map(({ line, change }) => ({ row: line, ...change.view })) };
}

/** All new people or none; people already registered are skipped, or updated where the coordinator confirmed (`updates`). */
export function importEoi(db: WriteDb, pilotId: number, staged: StagedTable, mapping: ColumnMapping, updates: number[], now: string): { result: ImportResult; updatedIds: number[] } {
  const outcome = runImport(eoiImport, db, pilotId, staged, mapping, updates, now);
  return { result: { imported: outcome.imported, updated: outcome.updated.length, skipped: outcome.skipped }, updatedIds: outcome.updated };
}
