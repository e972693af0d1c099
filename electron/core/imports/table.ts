import { AppError } from '../errors';
import type { ImportFormat } from '../../../shared/imports/contract';

/** A file's responses as one table, however the file held them (CSV text or a workbook's first sheet). */
export interface SourceTable {
  format: ImportFormat;
  /** CSV: the text encoding found; null for a workbook. */
  encoding: string | null;
  /** CSV: the delimiter found; null for a workbook. */
  delimiter: ',' | ';' | '\t' | null;
  /** Workbook: the sheet read and how many there are; null for CSV. */
  sheet: { name: string; of: number } | null;
  headers: string[];
  /** Data rows, blank ones left out. */
  rows: string[][];
  /**
   * rowLines[i] is where rows[i] starts, as the coordinator finds it: the line of a CSV file in a text
   * editor (counting blank lines and line breaks inside quoted answers), or the row number of a sheet.
   */
  rowLines: number[];
}

/** One record of the file (a CSV record or a sheet row) and the line or row number it starts on. */
export interface SourceRecord {
  line: number;
  cells: string[];
}

/** How the table's own problems are worded: "the file" for CSV, "the first sheet" for a workbook. */
export interface TableWords {
  /** "The file", "The first sheet (“Form1”)". */
  what: string;
  /** Why a single column means the wrong file. */
  singleColumn: string;
}

const isBlank = (record: SourceRecord) => record.cells.every((cell) => cell.trim() === '');

/**
 * The first record that is not blank holds the headings; blank records (no one's answers) are left
 * out but keep counting as lines, so every row keeps the number the coordinator sees.
 */
export function splitHeader(records: SourceRecord[], words: TableWords): Pick<SourceTable, 'headers' | 'rows' | 'rowLines'> {
  const [header, ...rows] = records.filter((record) => !isBlank(record));
  if (!header) throw new AppError('INVALID_INPUT', `${words.what} is empty. Nothing was imported.`);
  if (header.cells.length < 2) throw new AppError('INVALID_INPUT', `${words.what} has a single column: ${words.singleColumn} Nothing was imported.`);
  if (rows.length === 0) throw new AppError('INVALID_INPUT', `${words.what} has column headings but no rows. Nothing was imported.`);
  return { headers: uniqueHeaders(header.cells), rows: rows.map((r) => r.cells), rowLines: rows.map((r) => r.line) };
}

/** Two columns with the same heading stay apart: "Email", "Email (2)"; a column without one is "Column 3". */
function uniqueHeaders(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
