import type { StagedFile } from '../../../../shared/imports/contract';

const delimiterNames: Record<string, string> = { ',': 'commas (,)', ';': 'semicolons (;)', tab: 'tabs' };

/** "CSV text in UTF-8, separated by commas (,)", "Excel workbook: sheet “Form1”". */
export function formatWords(file: Pick<StagedFile, 'format' | 'encoding' | 'delimiter' | 'sheet'>): string {
  if (file.format === 'xlsx') {
    const sheet = file.sheet;
    if (!sheet) return 'Excel workbook';
    return `Excel workbook: sheet “${sheet.name}”${sheet.of > 1 ? ` (the first of ${sheet.of} sheets; only it is read)` : ''}`;
  }
  const delimiter = file.delimiter ? (delimiterNames[file.delimiter] ?? `“${file.delimiter}”`) : undefined;
  return `CSV text in ${file.encoding ?? 'an unknown encoding'}${delimiter ? `, separated by ${delimiter}` : ''}`;
}

/** How rows are numbered, said the way the coordinator will look them up. */
export const rowNumbering = (format: StagedFile['format']) =>
  format === 'xlsx'
    ? 'Rows are numbered as in the spreadsheet: the heading row is row 1.'
    : 'Rows are numbered by the line of the file they start on, counting the header as line 1 and blank lines too, as a text editor shows them.';
