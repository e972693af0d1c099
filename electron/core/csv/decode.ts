import { AppError } from '../errors';

export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';
}

const notCsv = (what: string) => new AppError('INVALID_INPUT', `This file is not a CSV file (${what}). Export the form responses as CSV and try again. Nothing was imported.`);

/**
 * Finds the text in a CSV as forms tools and Excel write it: UTF-8 with or without a BOM,
 * UTF-16 with a BOM, or Windows-1252 (Excel's "CSV" on Windows) when the bytes are not UTF-8.
 */
export function decodeCsvBytes(bytes: Buffer): DecodedText {
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') {
    throw new AppError('INVALID_INPUT', 'The file is empty. Nothing was imported.');
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) throw notCsv('it is a zip archive, perhaps an Excel workbook; save it “as CSV” first');
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw notCsv('it is a PDF');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  if (bytes.includes(0)) throw notCsv('it contains binary data');
  try {
    return { text: utf8(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

function utf8(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
