import { AppError } from '../errors';
import { readCsv } from './csv';
import { readXlsx } from './xlsx';
import type { SourceTable } from './table';

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
/** An .xlsx workbook is a zip archive. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Excel 97–2003 (.xls) is an OLE2 compound file. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * A chosen file as a table, by what its bytes are rather than by its name (a workbook saved with a
 * ".csv" name is still read as a workbook): an Excel workbook's first sheet, or CSV text.
 */
export async function readTable(bytes: Buffer): Promise<SourceTable> {
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE2)) {
    throw new AppError(
      'INVALID_INPUT',
      'This is an Excel 97–2003 workbook (.xls), which Reciprocal cannot read. Open it in Excel and save it as an Excel workbook (.xlsx) or CSV, then choose that file. Nothing was imported.',
    );
  }
  return readCsv(bytes);
}
