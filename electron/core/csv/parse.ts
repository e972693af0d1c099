import Papa from 'papaparse';
import { AppError } from '../errors';

export interface ParsedCsv {
  delimiter: ',' | ';' | '\t';
  headers: string[];
  /** Data rows; rows[i] is spreadsheet row i + 2 (the header is row 1). */
  rows: string[][];
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Splits CSV text into a header and rows with Papa Parse (quoted fields, embedded newlines and
 * delimiters, doubled quotes). The delimiter is whichever of comma, semicolon or tab the header uses.
 */
export function parseCsv(text: string): ParsedCsv {
  const firstLine = text.slice(0, text.search(/\r?\n/) === -1 ? text.length : text.search(/\r?\n/));
  const delimiter = [...DELIMITERS].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    throw new AppError('INVALID_INPUT', `The file is not valid CSV: a quoted field is never closed (near row ${(quoteError.row ?? 0) + 1}). Nothing was imported.`);
  }
  const [header, ...rows] = result.data;
  if (!header || header.every((h) => h.trim() === '')) throw new AppError('INVALID_INPUT', 'The file has no header row. Nothing was imported.');
  if (header.length < 2) {
    throw new AppError('INVALID_INPUT', 'The file has a single column: it is not a CSV export of form responses (expected columns separated by commas, semicolons or tabs). Nothing was imported.');
  }
  if (rows.length === 0) throw new AppError('INVALID_INPUT', 'The file has column headings but no rows. Nothing was imported.');
  return { delimiter, headers: uniqueHeaders(header), rows };
}

/** Two columns with the same heading stay apart: "Email", "Email (2)". */
function uniqueHeaders(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
