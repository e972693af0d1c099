import type { ReadDb, WriteDb } from '../db/query';
import { AppError } from '../errors';
import type { ImportCounts, RowError } from '../../../shared/imports/contract';
import { plural } from '../../../shared/words';
import { columnsByField, doubleMappings, guessColumns, mergeMapping, requestedColumns, type GuessRules, type Mapping } from './mapping';
import { rememberedMapping, rememberMapping } from './remembered';
import { delimiterWord, type StagedTable } from './staging';

/**
 * One pipeline for every import (expressions of interest, reflective logs; later survey responses
 * and transcripts): a staged table → a column mapping (asked for, remembered or guessed) → each row
 * read and checked, numbered by the line it starts on → matched against what is already there →
 * a preview, or the import, which writes every new row or none inside the command's transaction.
 * A kind of import says only what is its own: its fields, how to read and match a row, how to write.
 */

/** What is wrong with a row: in the column of `field`, or in the row as a whole (null). */
export interface Problem<F extends string> {
  field: F | null;
  message: string;
}

/** A row of the staged file, read through the mapping. */
export interface MappedRow<F extends string> {
  /** The line of a CSV file, or the row of a sheet, where the row starts. */
  line: number;
  /** The trimmed text of the column mapped to `field`, or '' when no column is. */
  cell: (field: F) => string;
  /** The fields that have a column, in the kind's order. */
  mapped: readonly F[];
}

export interface RowReading<F extends string, Value> {
  /** The row as it would be written; absent when the row has problems of its own. */
  value?: Value;
  problems: Problem<F>[];
  /**
   * Who or what the row is about (an email, a person's log for a meeting), read even when the row
   * has other problems, so that fixing those never reveals a repeat later. `words` names it in the message.
   */
  identity?: { key: string; field: F; words: string };
}

/** A valid row against what is already in the pilot. */
export type Match<F extends string, Change> =
  | { status: 'new' }
  | { status: 'unchanged' }
  | { status: 'changed'; id: number; change: Change }
  /** The row may not be imported because of what is there (a log already submitted, a person registered with the other role). */
  | { status: 'refused'; problem: Problem<F> };

/** How a kind reads rows, prepared once per preview or import (its statements, its look-ups). */
export interface RowRules<F extends string, Value, Change, Sample> {
  read(row: MappedRow<F>): RowReading<F, Value>;
  /** Kinds without one treat every valid row as new. */
  match?(value: Value, row: MappedRow<F>): Match<F, Change>;
  /** The preview's picture of a row, once all of its problems are known. */
  sample?(row: MappedRow<F>, reading: RowReading<F, Value>, problems: Problem<F>[]): Sample;
}

export interface ImportKind<F extends string, Value, Change = never, Sample = never> {
  /** Names the remembered mapping of this kind (import_mappings.kind). */
  key: string;
  fields: readonly F[];
  required: readonly F[];
  labels: Record<F, string>;
  guess: GuessRules<F>;
  rules(db: ReadDb, pilotId: number): RowRules<F, Value, Change, Sample>;
  /** Writes the new rows and the confirmed changes, inside the import command's transaction. */
  write(db: WriteDb, pilotId: number, rows: { line: number; value: Value }[], changes: { id: number; change: Change }[], now: string): void;
}

/** How many rows the preview pictures. */
export const SAMPLE_ROWS = 10;

interface Analysis<F extends string, Value, Change, Sample> {
  mapping: Mapping<F>;
  remembered: boolean;
  missing: F[];
  errors: RowError[];
  counts: ImportCounts;
  sample: Sample[];
  accepted: { line: number; value: Value }[];
  changes: { line: number; id: number; change: Change }[];
}

function analyse<F extends string, V, C, S>(kind: ImportKind<F, V, C, S>, db: ReadDb, pilotId: number, table: StagedTable, requested: Mapping<F> | undefined): Analysis<F, V, C, S> {
  const { headers } = table;
  const chosen = requested
    ? { mapping: requestedColumns(headers, requested), remembered: false }
    : mergeMapping(headers, rememberedMapping(db, pilotId, kind.key, kind.fields), guessColumns(table.columns, kind.guess));
  const mapped = new Set(Object.values(chosen.mapping).filter(Boolean));
  const result: Analysis<F, V, C, S> = {
    ...chosen,
    missing: kind.required.filter((f) => !mapped.has(f)),
    errors: doubleMappings(chosen.mapping, (f) => kind.labels[f]),
    counts: { new: 0, unchanged: 0, changed: 0, invalid: 0 },
    sample: [],
    accepted: [],
    changes: [],
  };
  // The rows are read once every required field has a column: until then most of them would only say so.
  if (result.missing.length > 0) return result;

  const columnOf = columnsByField(headers, chosen.mapping);
  const mappedFields = kind.fields.filter((f) => columnOf.has(f));
  const headerOf = (field: F) => headers[columnOf.get(field) ?? -1] ?? kind.labels[field];
  const rules = kind.rules(db, pilotId);
  const firstLineOf = new Map<string, number>();

  table.rows.forEach((cells, index) => {
    const line = table.rowLines[index]!;
    const row: MappedRow<F> = { line, mapped: mappedFields, cell: (field) => (columnOf.has(field) ? (cells[columnOf.get(field)!] ?? '').trim() : '') };
    const problems: Problem<F>[] = [];
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== '')) {
      problems.push({ field: null, message: `has ${cells.length} values but the header has ${headers.length} columns` });
    }
    const reading = rules.read(row);
    problems.push(...reading.problems);
    const match: Match<F, C> = reading.value !== undefined && problems.length === 0 && rules.match ? rules.match(reading.value, row) : { status: 'new' };
    if (match.status === 'refused') problems.push(match.problem);
    if (reading.identity) {
      const { key, field, words } = reading.identity;
      const earlier = firstLineOf.get(key);
      if (earlier !== undefined) problems.push({ field, message: `${words} also appears in row ${earlier}` });
      else firstLineOf.set(key, line);
    }

    for (const p of problems) result.errors.push({ row: line, column: p.field === null ? '' : headerOf(p.field), message: p.message });
    if (rules.sample && result.sample.length < SAMPLE_ROWS) result.sample.push(rules.sample(row, reading, problems));
    if (problems.length > 0 || reading.value === undefined || match.status === 'refused') {
      result.counts.invalid += 1;
      return;
    }
    result.counts[match.status] += 1;
    if (match.status === 'new') result.accepted.push({ line, value: reading.value });
    if (match.status === 'changed') result.changes.push({ line, id: match.id, change: match.change });
  });
  return result;
}

/** What every kind's preview says (the kind adds its own mapping type, sample and changes). */
export function previewImport<F extends string, V, C, S>(kind: ImportKind<F, V, C, S>, db: ReadDb, pilotId: number, table: StagedTable, requested?: Mapping<F>) {
  const a = analyse(kind, db, pilotId, table, requested);
  return {
    format: table.format,
    encoding: table.encoding,
    delimiter: delimiterWord(table.delimiter),
    sheet: table.sheet,
    headers: table.headers,
    rowCount: table.rows.length,
    columns: table.columns,
    mapping: a.mapping,
    mappingRemembered: a.remembered,
    missingFields: a.missing,
    errors: a.errors,
    counts: a.counts,
    sample: a.sample,
    changes: a.changes,
  };
}

export interface ImportOutcome {
  /** Rows written as new records. */
  imported: number;
  /** The records whose confirmed changes were applied. */
  updated: number[];
  /** Rows matching a record already there that were left as they were. */
  skipped: number;
}

/**
 * Every new row or none: any problem anywhere refuses the whole file, listing every problem. Rows
 * that match a record already there are skipped, unless their changes were confirmed (`apply`, the
 * records' ids as the preview gave them), which must still be exactly the changes the file makes.
 */
export function runImport<F extends string, V, C, S>(kind: ImportKind<F, V, C, S>, db: WriteDb, pilotId: number, table: StagedTable, mapping: Mapping<F>, apply: readonly number[], now: string): ImportOutcome {
  const a = analyse(kind, db, pilotId, table, mapping);
  if (a.missing.length > 0) {
    const names = a.missing.map((f) => kind.labels[f]).join(', ');
    throw new AppError('INVALID_INPUT', `No column is mapped to: ${names}. Map a column to each, or check that this is the right file. Nothing was imported.`, [
      { path: ['mapping'], message: `Missing: ${names}` },
    ]);
  }
  if (a.errors.length > 0) {
    const rows = new Set(a.errors.map((e) => e.row)).size;
    throw new AppError(
      'INVALID_INPUT',
      `${plural(rows, 'row has', 'rows have')} problems, so nothing was imported. Fix them in the file (or the mapping) and import again.`,
      a.errors.map((e) => ({ path: ['rows', e.row, e.column], message: e.message })),
    );
  }
  const changed = new Set(a.changes.map((c) => c.id));
  const stale = apply.filter((id) => !changed.has(id));
  if (stale.length > 0) {
    throw new AppError(
      'CONFLICT',
      'Some of the changes you confirmed are no longer what the file would change (a record was edited since the preview, or is not in this file). Check the preview again. Nothing was imported.',
      stale.map((id) => ({ path: ['updates'], message: `Record ${id} has no change from this file to apply` })),
    );
  }
  const confirmed = new Set(apply);
  const applied = a.changes.filter((c) => confirmed.has(c.id));
  kind.write(db, pilotId, a.accepted, applied, now);
  rememberMapping(db, pilotId, kind.key, a.mapping);
  return { imported: a.accepted.length, updated: applied.map((c) => c.id), skipped: a.counts.unchanged + a.counts.changed - applied.length };
}
