import { redactRow } from '../../../shared/erasure/redact';
import { many, run, type WriteDb } from './query';

/**
 * Erasure's name replacement over one table's free-text columns: each row `select` finds (with its
 * `id` and the columns) has the pattern replaced, and only changed rows are written back by `update`
 * (named parameters: `@id` and each column). Returns how many names were replaced.
 */
export function redactRows<K extends string>(db: WriteDb, select: string, params: readonly unknown[], columns: readonly K[], update: string, pattern: RegExp): number {
  let replaced = 0;
  for (const row of many<{ id: number } & Record<K, string | null>>(db, select, params)) {
    const result = redactRow(row, columns, pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, update, result.changed);
  }
  return replaced;
}
