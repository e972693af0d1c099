import Papa from 'papaparse';
import { AppError } from '../errors';
import { decodeCsvBytes } from './decode';
import { splitHeader, type SourceRecord, type SourceTable } from './table';

type Delimiter = ',' | ';' | '\t';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter is whichever of comma, semicolon or tab the header row uses most, counted outside
 * quotes: a heading such as "Role (student, staff, other)" says nothing about the delimiter.
 */
function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  // Ties go to the first in DELIMITERS: a stable sort keeps that order.
  return [...DELIMITERS].sort((a, b) => counts.get(b)! - counts.get(a)!)[0]!;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const countLineBreaks = (text: string) => text.match(LINE_BREAK)?.length ?? 0;

/**
 * Splits CSV bytes into a table with Papa Parse (quoted fields, embedded newlines and delimiters,
 * doubled quotes) after finding their encoding, keeping the line each row starts on for row-level
 * error messages.
 */
export function readCsv(bytes: Buffer): SourceTable {
  const decoded = decodeCsvBytes(bytes);
  const { delimiter, records } = parseCsv(decoded.text);
  return { format: 'csv', encoding: decoded.encoding, delimiter, sheet: null, ...splitHeader(records, CSV_WORDS) };
}

const CSV_WORDS = {
  what: 'The file',
  singleColumn: 'it is not a CSV export of form responses (expected columns separated by commas, semicolons or tabs).',
};

function parseCsv(text: string): { delimiter: Delimiter; records: SourceRecord[] } {
  const delimiter = detectDelimiter(text);
  const records: SourceRecord[] = [];
  let quoteErrorLine: number | undefined;
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      if (quoteErrorLine === undefined && result.errors.some((e) => e.type === 'Quotes')) quoteErrorLine = line;
      records.push({ line, cells: result.data });
      const end = result.meta.cursor;
      line += countLineBreaks(text.slice(offset, end));
      offset = end;
    },
  });
  if (quoteErrorLine !== undefined) {
    throw new AppError('INVALID_INPUT', `The file is not valid CSV: a quoted field is never closed (it starts on line ${quoteErrorLine}). Nothing was imported.`);
  }
  return { delimiter, records };
}
