import { AppError } from '../errors';
import { decodeWindows1252 } from './windows-1252';

export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';
}

const notCsv = (what: string) =>
  new AppError('INVALID_INPUT', `This file is neither a CSV file nor an Excel workbook (${what}). Export the form responses as CSV or Excel (.xlsx) and try again. Nothing was imported.`);
const empty = () => new AppError('INVALID_INPUT', 'The file is empty. Nothing was imported.');

/**
 * Finds the text in a CSV as forms tools and Excel write it: UTF-8 with or without a BOM,
 * UTF-16 with a BOM, or Windows-1252 (Excel's "CSV" on Windows) when the bytes are not UTF-8.
 * (A workbook never gets here: readTable sends zip archives to the workbook reader.)
 */
export function decodeCsvBytes(bytes: Buffer): DecodedText {
  if (bytes.length === 0) throw empty();
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw notCsv('it is a PDF');
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') throw empty();
  assertLooksLikeText(decoded.text);
  return decoded;
}

function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  if (bytes.includes(0)) throw notCsv('it contains binary data');
  try {
    return { text: utf8(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

function utf8(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * Control characters (other than tab and line breaks), C1 controls and replacement characters do
 * not occur in form responses; more than a trace of them means the bytes are not text at all.
 */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;
const MAX_NOT_TEXT_SHARE = 0.01;
// A stray control character or two (say a vertical tab from a spreadsheet cell) is no reason to refuse.
const TOLERATED_NOT_TEXT = 4;

function assertLooksLikeText(text: string): void {
  const odd = text.match(NOT_TEXT)?.length ?? 0;
  if (odd > TOLERATED_NOT_TEXT && odd / text.length > MAX_NOT_TEXT_SHARE) {
    throw new AppError(
      'INVALID_INPUT',
      'This file does not look like a CSV text file: much of it is not readable text. Export the form responses as CSV or Excel (.xlsx) and try again. Nothing was imported.',
    );
  }
}
