import readXlsxFile from 'read-excel-file/universal';
import { AppError } from '../errors';
import { splitHeader, type SourceTable } from './table';

/**
 * Microsoft Forms exports responses as an Excel workbook by default. The first sheet is read in this
 * (main) process, from memory, with read-excel-file (maintained, MIT, small; unpacks with fflate in
 * memory, no temp files, no network). Dates come out as ISO text and numbers as Excel's General
 * format shows them, so a workbook reads like the CSV of the same responses.
 */
export async function readXlsx(bytes: Buffer): Promise<SourceTable> {
  assertUnpackedSizeWithin(bytes, MAX_UNPACKED_BYTES);
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // The library's own number parsing is bypassed: the text as stored is rounded as Excel shows it (cellText).
    sheets = await readXlsxFile<string>(arrayBufferOf(bytes), { trim: false, parseNumber: (text) => text });
  } catch {
    throw unreadable();
  }
  const first = sheets[0];
  if (!first) throw unreadable();
  const records = first.data.map((row, index) => ({ line: index + 1, cells: row.map(cellText) }));
  const what = sheets.length === 1 ? `The workbook’s sheet (“${first.sheet}”)` : `The first sheet of the workbook (“${first.sheet}”)`;
  const table = splitHeader(records, { what, singleColumn: 'it does not look like form responses (one column per question).' });
  return { format: 'xlsx', encoding: null, delimiter: null, sheet: { name: first.sheet, of: sheets.length }, ...table };
}

const unreadable = () =>
  new AppError(
    'INVALID_INPUT',
    'This file looks like an Excel workbook (.xlsx) but cannot be read: it is damaged, or it is another kind of file. Open it in Excel and save it again as an Excel workbook or CSV, then choose it again. Nothing was imported.',
  );

/** A copy of exactly the file's bytes (a Buffer may be a slice of a larger pool). */
const arrayBufferOf = (bytes: Buffer): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** A cell as the coordinator sees it in Excel, as text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDateTime(value);
  if (typeof value === 'string') return /^-?\d/.test(value) && Number.isFinite(Number(value)) ? asShown(value) : value;
  return String(value);
}

/** Excel's General format shows at most 15 significant digits: 0.30000000000000004 is 0.3. */
const asShown = (stored: string) => String(Number(Number(stored).toPrecision(15)));

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as ISO text: the day alone when there is no time, else with hours and minutes (and
 * seconds when there are any). Excel stores a fraction of a day, so the time is rounded to the second.
 */
function isoDateTime(date: Date): string {
  const at = new Date(Math.round(date.getTime() / 1000) * 1000);
  if (Number.isNaN(at.getTime())) return '';
  const day = at.toISOString().slice(0, 10);
  const [h, m, s] = [at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()];
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

/**
 * What the sheets take once unpacked: a few megabytes of workbook can unpack to gigabytes (a "zip
 * bomb"). Read from the archive's central directory, the sizes the unpacker itself trusts; a ZIP64
 * archive (sizes beyond 4 GB) is refused outright, as no forms export is one.
 */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

function assertUnpackedSizeWithin(bytes: Buffer, limit: number): void {
  // No directory to read means no readable archive: the reader then says so in its own words.
  const unpacked = unpackedXmlSize(bytes);
  if (unpacked === undefined || unpacked <= limit) return;
  throw new AppError(
    'INVALID_INPUT',
    `This workbook unpacks to more than ${Math.round(limit / 1024 / 1024)} MB, far more than a form’s responses. Export only the responses (or save them as CSV) and try again. Nothing was imported.`,
  );
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64 = 0xffffffff;

/** The unpacked size of the archive's XML parts (what the reader unpacks); Infinity for ZIP64; undefined when there is no directory to read. */
function unpackedXmlSize(bytes: Buffer): number | undefined {
  // The end-of-directory record is the last 22 bytes, unless a comment (up to 64 KB) follows it.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (directoryOffset === ZIP64 || entries === 0xffff) return Infinity;
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const unpacked = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('latin1', at + 46, at + 46 + nameLength);
    if (name.endsWith('.xml') || name.endsWith('.rels')) {
      if (unpacked === ZIP64) return Infinity;
      total += unpacked;
    }
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}
