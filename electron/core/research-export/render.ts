import { createHash } from 'node:crypto';
import type { ExportFileSummary, ResearchExportPlan } from '../../../shared/research-export/contract';
import { guardFormula, toCsv, type CsvValue } from './csv';
import { nameReplacer } from './names';
import type { Cell, Column, Dataset, DatasetOptions, FreeText, Table } from './dataset';
import { ABSENT_MARKER, STAFF_MARKER, WITHDRAWN_MARKER } from './dataset';

/** Free-text cells between two reports of progress (and two turns of the event loop, so the screen's progress query is answered). */
const BATCH = 2_000;

export type ReportProgress = (step: string, done: number, total: number) => void;

export interface RenderedFile {
  name: string;
  data: string;
}

export interface RenderedDataset {
  files: RenderedFile[];
  manifestSha256: string;
  namesReplaced: number;
  /** What was replaced, by words found and marker (the replacement log, kept in the vault). */
  replacements: Map<string, { found: string; marker: string; personKey: string | null; count: number }>;
}

/** Contact details in free text are direct identifiers: replaced before names are looked for. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONE = /(?:\+\d{1,3}[\s-]?\(?0?\)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b/g;
export const withoutContactDetails = (text: string): string => (/[@\d]/.test(text) ? text.replace(EMAIL, '[email]').replace(PHONE, '[phone]') : text);

const isFree = (cell: Cell): cell is FreeText => cell !== null && typeof cell === 'object';
const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const yes = (flag: boolean | undefined) => (flag ? 'yes' : 'no');

export const DICTIONARY_FILE = 'data_dictionary.csv';

/** Files and rows as the screen lists them (before writing, from the same dataset the files are made of). */
export function planOf(dataset: Dataset, options: DatasetOptions, madeOn: string): ResearchExportPlan {
  const columns = dataset.tables.reduce((n, table) => n + table.columns.length, 0);
  const files: ExportFileSummary[] = [
    ...dataset.tables.map((table) => ({ name: table.file, rows: table.rows.length, what: table.what })),
    { name: DICTIONARY_FILE, rows: columns, what: 'Data dictionary: every column of every file' },
    { name: 'README.txt', rows: null, what: 'What the dataset is, the pilot, the ethics reference, what was left out and why' },
    { name: 'manifest.json', rows: null, what: 'Every file with its size, rows and SHA-256' },
    { name: 'SHA256SUMS', rows: null, what: 'Checksums to verify with sha256sum -c SHA256SUMS' },
  ];
  return {
    pilotName: dataset.pilotName,
    ethicsReference: dataset.ethicsReference,
    madeOn,
    threshold: dataset.threshold,
    includeFreeText: options.includeFreeText,
    shiftDates: options.shiftDates,
    people: dataset.people,
    files,
    leftOut: dataset.leftOut,
  };
}

/** Replaces names in every free-text cell, a batch at a time, reporting progress; cells become plain strings. */
async function replaceNames(dataset: Dataset, report: ReportProgress): Promise<Pick<RenderedDataset, 'namesReplaced' | 'replacements'>> {
  const replacer = nameReplacer(dataset.names);
  const staffKeys = new Set(dataset.names.filter((entry) => entry.marker === STAFF_MARKER).map((entry) => entry.key));
  const replacements: RenderedDataset['replacements'] = new Map();
  let namesReplaced = 0;
  const onReplace = (found: string, marker: string, keys: readonly string[]) => {
    namesReplaced++;
    const personKey = keys.length === 1 && !staffKeys.has(keys[0]!) ? keys[0]! : null;
    const key = `${found}\u0000${marker}`;
    const entry = replacements.get(key);
    if (entry) entry.count++;
    else replacements.set(key, { found, marker, personKey, count: 1 });
  };
  const total = dataset.tables.reduce((n, table) => n + table.rows.reduce((m, row) => m + row.filter(isFree).length, 0), 0);
  let done = 0;
  report('Replacing names in free text', 0, total);
  for (const table of dataset.tables) {
    for (const row of table.rows) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i]!;
        if (!isFree(cell)) continue;
        row[i] = guardFormula(replacer.replace(withoutContactDetails(cell.free), { ...(cell.prefer ? { prefer: cell.prefer } : {}), onReplace }));
        if (++done % BATCH === 0) {
          report('Replacing names in free text', done, total);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
  }
  report('Replacing names in free text', total, total);
  return { namesReplaced, replacements };
}

function dictionary(tables: readonly Table[]): string {
  const header = ['variable', 'table', 'type', 'label', 'choices', 'units_or_validation', 'identifier', 'derived', 'pseudonymised'];
  const rows = tables.flatMap((table) =>
    table.columns.map((column: Column): CsvValue[] => [
      column.variable,
      table.file,
      column.type,
      column.label,
      column.choices ?? null,
      column.validation ?? (column.type === 'date' ? 'YYYY-MM-DD' : null),
      yes(column.identifier),
      yes(column.derived),
      yes(column.pseudonymised),
    ]),
  );
  return toCsv(header, rows);
}

function readme(dataset: Dataset, plan: ResearchExportPlan, exportedAt: string): string {
  const lines = [
    `Research dataset: ${dataset.pilotName}`,
    '='.repeat(20 + dataset.pilotName.length),
    '',
    'A pseudonymised dataset from a reverse-mentoring pilot (students mentor senior staff), exported by Reciprocal.',
    '',
    `Pilot:             ${dataset.pilotName}`,
    `Ethics reference:  ${dataset.ethicsReference || '(none recorded in the plan)'}`,
    `Exported on:       ${exportedAt}`,
    `People:            ${dataset.people}`,
    `Small groups:      departments, levels and characteristics held by fewer than ${dataset.threshold} people are shown as "Other (small groups)"`,
    `Dates:             ${plan.shiftDates ? 'shifted by a per-person offset of up to 30 days either way (a pair’s meetings and logs by one of its people’s offset), the same in every export of this vault; intervals within a person or pair are kept' : 'as recorded (ISO 8601, YYYY-MM-DD)'}`,
    `Free text:         ${plan.includeFreeText ? 'included, with names replaced (see below)' : 'left out entirely'}`,
    '',
    'Files',
    '-----',
    ...plan.files.map((file) => `${file.name.padEnd(26)} ${file.rows === null ? '' : `${file.rows} rows: `}${file.what}`),
    '',
    'Every CSV file is RFC 4180, UTF-8 with a byte-order mark (for Excel), one header row, dates as YYYY-MM-DD.',
    'Open them in R (readr::read_csv), SPSS (File > Import Data > CSV), Excel or LibreOffice.',
    `${DICTIONARY_FILE} describes every column of every file in the style of a REDCap data dictionary.`,
    'A text cell that starts with =, +, -, @ has a leading apostrophe, so spreadsheets do not run it as a formula.',
    'Check the files with: sha256sum -c SHA256SUMS (manifest.json lists the same checksums).',
    '',
    'Pseudonyms',
    '----------',
    'Each person appears only as a code such as P-7K3Q-X2PD: a keyed hash (HMAC-SHA-256) of their record in the vault, with a key',
    'that never leaves it. The same person has the same code in every export of this vault. The key linking codes to people is not',
    'in this dataset. Names, email addresses, places, notes and written reasons are not exported.',
    '',
    'Names in free text',
    '------------------',
    'Names of the pilot’s participants (full name, first name, surname and each part of multi-word or hyphenated names, in any',
    'case and with or without accents) and of the staff named in the plan are replaced with a marker in square brackets:',
    '  [P-XXXX-XXXX]                  the participant with that code',
    '  [P-AAAA-AAAA or P-BBBB-BBBB]   a first name two participants share, where the text does not tell which',
    `  ${WITHDRAWN_MARKER.padEnd(30)} someone who withdrew`,
    `  ${ABSENT_MARKER.padEnd(30)} someone who is not in this dataset`,
    `  ${STAFF_MARKER.padEnd(30)} a member of staff named in the plan`,
    'Names that are also everyday words (Will, Grace, Rose…) are replaced only where written with a capital.',
    'Other names (people outside the pilot, places, organisations) are not guessed at and may remain: read the text before',
    'publishing any of it. Direct quotes need the participant’s consent (participants.csv, consent_direct_quotes).',
    '',
    'Consent',
    '-------',
    'Only people with consent to take part on record who have not withdrawn are in the dataset. Reflective logs go out only for',
    'people who consented to research use of their logs; that consent is also read as covering their survey answers,',
    'department, level and characteristics. Withdrawn people are in no file; their partner’s pair row says "partner withdrew".',
    'Safeguarding records are never exported. Closing interviews go out as metadata only (interviews.csv: who, when, whether',
    'audio or a transcript exists, interviewers as codes); their notes, recordings and transcripts stay in the vault.',
    '',
    'Left out, and why (counts only)',
    '-------------------------------',
    ...(dataset.leftOut.length === 0 ? ['Nothing.'] : dataset.leftOut.map((item) => `${item.what}: ${item.count}. ${item.why}`)),
    '',
  ];
  return lines.join('\r\n');
}

/** Every file of the export, names replaced, with the manifest and checksums covering them. */
export async function renderDataset(dataset: Dataset, options: DatasetOptions, exportedAt: string, report: ReportProgress): Promise<RenderedDataset> {
  const { namesReplaced, replacements } = options.includeFreeText ? await replaceNames(dataset, report) : { namesReplaced: 0, replacements: new Map() };
  report('Writing the files', 0, 1);
  const plan = planOf(dataset, options, exportedAt.slice(0, 10));
  const files: RenderedFile[] = [
    ...dataset.tables.map((table) => ({ name: table.file, data: toCsv(table.columns.map((column) => column.variable), table.rows as CsvValue[][]) })),
    { name: DICTIONARY_FILE, data: dictionary(dataset.tables) },
    { name: 'README.txt', data: readme(dataset, plan, exportedAt) },
  ];
  const rowsOf = new Map(plan.files.map((file) => [file.name, file.rows]));
  const manifest = {
    dataset: 'Reciprocal research export (pseudonymised)',
    pilot: dataset.pilotName,
    ethicsReference: dataset.ethicsReference,
    exportedAt,
    options: { includeFreeText: options.includeFreeText, shiftDates: options.shiftDates, threshold: dataset.threshold },
    files: files.map((file) => ({ name: file.name, bytes: Buffer.byteLength(file.data, 'utf8'), rows: rowsOf.get(file.name) ?? null, sha256: sha256(file.data) })),
  };
  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
  files.push({ name: 'manifest.json', data: manifestJson });
  // sha256sum's own format: the hash, two spaces (text mode), the name; one line per file.
  files.push({ name: 'SHA256SUMS', data: files.map((file) => `${sha256(file.data)}  ${file.name}\n`).join('') });
  report('Writing the files', 1, 1);
  return { files, manifestSha256: sha256(manifestJson), namesReplaced, replacements };
}
