import { run, value, type ReadDb, type WriteDb } from '../db/query';
import { onlyKnownFields, type Mapping } from './mapping';

/**
 * The column mapping of the last import of a kind into a pilot, keyed by heading text: the next
 * export of the same form (a renamed copy, or a later, cumulative one) starts from it.
 */
export function rememberedMapping<F extends string>(db: ReadDb, pilotId: number, kind: string, fields: readonly F[]): Mapping<F> | undefined {
  const saved = value<string>(db, 'SELECT mapping FROM import_mappings WHERE pilot_id = ? AND kind = ?', [pilotId, kind]);
  if (saved === undefined) return undefined;
  // Only fields this version knows: a mapping saved by another version must not reach the preview.
  try {
    return onlyKnownFields(JSON.parse(saved), fields);
  } catch {
    return undefined;
  }
}

export function rememberMapping<F extends string>(db: WriteDb, pilotId: number, kind: string, mapping: Mapping<F>): void {
  run(db, 'INSERT INTO import_mappings (pilot_id, kind, mapping) VALUES (?, ?, ?) ON CONFLICT (pilot_id, kind) DO UPDATE SET mapping = excluded.mapping', [pilotId, kind, JSON.stringify(mapping)]);
}
