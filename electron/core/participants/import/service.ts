import type { Db } from '../../db/types';
import { AppError } from '../../errors';
import { importFields, requiredImportFields, importFieldLabels, type ColumnMapping, type ImportPreview } from '../../../../shared/participants/contract';
import { decodeCsvBytes } from '../../csv/decode';
import { parseCsv } from '../../csv/parse';
import { doubleMappings, onlyKnownFields, requestedColumns } from '../../csv/mapping';
import { mergeMapping } from './mapping';
import { checkRows } from './rows';
import { insertParticipants } from '../repository';

const KIND = 'eoi';
const SAMPLE_ROWS = 10;

function rememberedMapping(db: Db, pilotId: number): ColumnMapping | undefined {
  const row = db.prepare('SELECT mapping FROM import_mappings WHERE pilot_id = ? AND kind = ?').get(pilotId, KIND) as { mapping: string } | undefined;
  // Only fields this version knows: a mapping saved by another version must not reach the preview.
  return row ? onlyKnownFields(JSON.parse(row.mapping), importFields) : undefined;
}

function analyse(db: Db, pilotId: number, bytes: Buffer, requested: ColumnMapping | undefined) {
  const decoded = decodeCsvBytes(bytes);
  const csv = parseCsv(decoded.text);
  const merged = requested
    ? { mapping: requestedColumns(csv.headers, requested), remembered: false }
    : mergeMapping(csv.headers, rememberedMapping(db, pilotId));
  const mappedFields = new Set(Object.values(merged.mapping).filter(Boolean));
  const missingFields = requiredImportFields.filter((f) => !mappedFields.has(f));
  const duplicates = doubleMappings(merged.mapping, (f) => importFieldLabels[f]);
  const checked = checkRows(db, pilotId, csv.headers, csv.rows, csv.rowLines, merged.mapping, SAMPLE_ROWS);
  return { decoded, csv, mapping: merged.mapping, remembered: merged.remembered, missingFields, duplicates, checked };
}

export function previewImport(db: Db, pilotId: number, bytes: Buffer, mapping?: ColumnMapping): ImportPreview {
  const a = analyse(db, pilotId, bytes, mapping);
  return {
    encoding: a.decoded.encoding,
    delimiter: a.csv.delimiter === '\t' ? 'tab' : a.csv.delimiter,
    headers: a.csv.headers,
    mapping: a.mapping,
    mappingRemembered: a.remembered,
    missingFields: a.missingFields,
    rowCount: a.csv.rows.length,
    sample: a.checked.sample,
    errors: a.missingFields.length > 0 ? [...a.duplicates] : [...a.duplicates, ...a.checked.errors],
  };
}

/** All rows or none: any problem anywhere refuses the whole file, listing every problem. */
export function runImport(db: Db, pilotId: number, bytes: Buffer, mapping: ColumnMapping, now: string): { imported: number } {
  const a = analyse(db, pilotId, bytes, mapping);
  if (a.missingFields.length > 0) {
    const names = a.missingFields.map((f) => importFieldLabels[f]).join(', ');
    throw new AppError('INVALID_INPUT', `No column is mapped to: ${names}. Map a column to each, or check that this is the right file. Nothing was imported.`, [
      { path: ['mapping'], message: `Missing: ${names}` },
    ]);
  }
  const errors = [...a.duplicates, ...a.checked.errors];
  if (errors.length > 0) {
    const rows = new Set(errors.map((e) => e.row)).size;
    throw new AppError(
      'INVALID_INPUT',
      `${rows} row${rows === 1 ? ' has' : 's have'} problems, so nothing was imported. Fix them in the file (or the mapping) and import again.`,
      errors.map((e) => ({ path: ['rows', e.row, e.column], message: e.message })),
    );
  }
  insertParticipants(db, pilotId, a.checked.valid.map((v) => v.fields), now);
  db.prepare('INSERT INTO import_mappings (pilot_id, kind, mapping) VALUES (?, ?, ?) ON CONFLICT (pilot_id, kind) DO UPDATE SET mapping = excluded.mapping').run(
    pilotId,
    KIND,
    JSON.stringify(a.mapping),
  );
  return { imported: a.checked.valid.length };
}
