import Papa from 'papaparse';
import { AppError } from '../errors';

export interface ParsedCsv {
  delimiter: ',' | ';' | '\t';
  headers: string[];
  /** Data rows, blank lines left out. */
  rows: string[][];
  /**
   * rowLines[i] is the line of the file where rows[i] starts (the header starts on line 1): the
   * number a person sees in a text editor, counting blank lines and line breaks inside quoted answers.
   */
  rowLines: number[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter is whichever of comma, semicolon or tab the header row uses most, counted outside
 * quotes: a heading such as "Role (student, staff, other)" says nothing about the delimiter.
 */
function detectDelimiter(text: string): ParsedCsv['delimiter'] {
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
 * Splits CSV text into a header and rows with Papa Parse (quoted fields, embedded newlines and
 * delimiters, doubled quotes), keeping the line each row starts on for row-level error messages.
 */
export function parseCsv(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text);
  const records: { line: number; cells: string[] }[] = [];
  let quoteErrorLine: number | undefined;
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      if (quoteErrorLine === undefined && result.errors.some((e) => e.type === 'Quotes')) quoteErrorLine = line;
      // Blank lines (and lines of blanks) are no one's answers, but they still count as lines.
      if (result.data.some((cell) => cell.trim() !== '')) records.push({ line, cells: result.data });
      const end = result.meta.cursor;
      line += countLineBreaks(text.slice(offset, end));
      offset = end;
    },
  });
  if (quoteErrorLine !== undefined) {
    throw new AppError('INVALID_INPUT', `The file is not valid CSV: a quoted field is never closed (it starts on line ${quoteErrorLine}). Nothing was imported.`);
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError('INVALID_INPUT', 'The file is empty. Nothing was imported.');
  if (header.cells.length < 2) {
    throw new AppError('INVALID_INPUT', 'The file has a single column: it is not a CSV export of form responses (expected columns separated by commas, semicolons or tabs). Nothing was imported.');
  }
  if (rows.length === 0) throw new AppError('INVALID_INPUT', 'The file has column headings but no rows. Nothing was imported.');
  return { delimiter, headers: uniqueHeaders(header.cells), rows: rows.map((r) => r.cells), rowLines: rows.map((r) => r.line) };
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
