import type { Db } from '../db/types';
import { AppError } from '../errors';
import { decodeCsvBytes } from '../csv/decode';
import { parseCsv } from '../csv/parse';
import { columnsByField, doubleMappings, guessColumns, requestedColumns } from '../csv/mapping';
import { gibbsEntry, gibbsStages, logImportFieldLabels, type GibbsEntry, type LogImportField } from '../../../shared/logs/contract';
import type { RowError } from '../../../shared/participants/contract';
import { writeLog } from './repository';

type Mapping = Record<string, LogImportField | ''>;

const clues: Record<LogImportField, RegExp> = {
  partnerEmail: /partner|mentee'?s e-?mail|mentor'?s e-?mail/,
  email: /e-?mail/,
  meeting: /meeting|session|which (meeting|session)|number/,
  description: /descri|what happened/,
  feelings: /feel/,
  evaluation: /evaluat|good and bad/,
  analysis: /analys|sense/,
  conclusion: /conclu|could you have/,
  actionPlan: /action|next time|plan/,
};
// Partner first: its headings also contain "email".
const guessOrder: LogImportField[] = ['partnerEmail', 'email', 'meeting', ...gibbsStages];
const required: LogImportField[] = ['email', 'meeting', 'description'];

interface Target {
  meetingId: number;
  authorId: number;
}

function analyse(db: Db, pilotId: number, bytes: Buffer, requested: Mapping | undefined) {
  const decoded = decodeCsvBytes(bytes);
  const csv = parseCsv(decoded.text);
  const mapping: Mapping = requested ? requestedColumns(csv.headers, requested) : guessColumns(csv.headers, guessOrder, clues);
  const mapped = new Set(Object.values(mapping).filter(Boolean));
  const missingFields = required.filter((f) => !mapped.has(f));
  const errors: RowError[] = doubleMappings(mapping, (f) => logImportFieldLabels[f]);
  const valid: { row: number; target: Target; stages: GibbsEntry }[] = [];
  if (missingFields.length > 0) return { decoded, csv, mapping, missingFields, errors, valid };

  const columnOf = columnsByField(csv.headers, mapping);
  const header = (f: LogImportField) => csv.headers[columnOf.get(f) ?? -1] ?? logImportFieldLabels[f];
  const personByEmail = db.prepare('SELECT id, name FROM participants WHERE pilot_id = ? AND email = ?');
  const pairsOf = db.prepare('SELECT id, mentor_id, mentee_id FROM pairs WHERE pilot_id = ? AND (mentor_id = ? OR mentee_id = ?) ORDER BY ended_at IS NOT NULL, id');
  const meetingOf = db.prepare('SELECT id, status FROM meetings WHERE pair_id = ? AND sequence = ?');
  const seen = new Map<string, number>();

  csv.rows.forEach((cells, index) => {
    const row = index + 2;
    const before = errors.length;
    const cell = (f: LogImportField) => (columnOf.has(f) ? (cells[columnOf.get(f)!] ?? '').trim() : '');
    const fail = (f: LogImportField, message: string) => errors.push({ row, column: header(f), message });
    const author = personByEmail.get(pilotId, cell('email').toLowerCase()) as { id: number; name: string } | undefined;
    if (!author) fail('email', cell('email') ? `${cell('email')} is not a participant of this pilot` : 'The author’s email is required');
    const sequence = Number(cell('meeting').replace(/^(meeting|session)\s*/i, ''));
    if (!Number.isInteger(sequence) || sequence < 1) fail('meeting', `"${cell('meeting')}" is not a meeting number (1, 2, 3…)`);
    const parsed = gibbsEntry.safeParse(Object.fromEntries(gibbsStages.map((s) => [s, cell(s)])));
    if (!parsed.success) for (const issue of parsed.error.issues) fail(issue.path[0] as LogImportField, issue.message);
    else if (!parsed.data.description) fail('description', 'The Description stage is empty');
    if (!author || errors.length > before) return;

    let pairs = pairsOf.all(pilotId, author.id, author.id) as { id: number; mentor_id: number; mentee_id: number }[];
    const partnerEmail = cell('partnerEmail').toLowerCase();
    if (partnerEmail) {
      const partner = personByEmail.get(pilotId, partnerEmail) as { id: number } | undefined;
      pairs = pairs.filter((p) => partner && (p.mentor_id === partner.id || p.mentee_id === partner.id));
      if (pairs.length === 0) return fail('partnerEmail', `${author.name} has no pair with ${partnerEmail}`);
    }
    if (pairs.length === 0) return fail('email', `${author.name} is not in a pair`);
    if (pairs.length > 1) return fail('email', `${author.name} has ${pairs.length} partners: add a partner email column to say which pair`);
    const meeting = meetingOf.get(pairs[0]!.id, sequence) as { id: number; status: string } | undefined;
    if (!meeting) return fail('meeting', `${author.name}’s pair has no meeting ${sequence}`);
    if (meeting.status !== 'held') return fail('meeting', `meeting ${sequence} of ${author.name}’s pair is not marked held yet`);
    const key = `${meeting.id}:${author.id}`;
    if (seen.has(key)) return fail('meeting', `${author.name}’s log for meeting ${sequence} also appears in row ${seen.get(key)}`);
    seen.set(key, row);
    valid.push({ row, target: { meetingId: meeting.id, authorId: author.id }, stages: parsed.data! });
  });
  return { decoded, csv, mapping, missingFields, errors, valid };
}

export function previewLogImport(db: Db, pilotId: number, bytes: Buffer, mapping?: Mapping) {
  const a = analyse(db, pilotId, bytes, mapping);
  return {
    encoding: a.decoded.encoding,
    delimiter: a.csv.delimiter === '\t' ? 'tab' : a.csv.delimiter,
    headers: a.csv.headers,
    mapping: a.mapping,
    missingFields: a.missingFields,
    rowCount: a.csv.rows.length,
    errors: a.errors,
  };
}

/** All rows or none; an imported log replaces a draft but never a log already submitted. */
export function importLogs(db: Db, pilotId: number, bytes: Buffer, mapping: Mapping, now: string): { imported: number } {
  const a = analyse(db, pilotId, bytes, mapping);
  if (a.missingFields.length > 0) {
    const names = a.missingFields.map((f) => logImportFieldLabels[f]).join(', ');
    throw new AppError('INVALID_INPUT', `No column is mapped to: ${names}. Nothing was imported.`, [{ path: ['mapping'], message: `Missing: ${names}` }]);
  }
  const submitted = db.prepare("SELECT 1 FROM reflective_logs WHERE meeting_id = ? AND author_id = ? AND state = 'submitted'");
  const errors = [...a.errors];
  for (const v of a.valid) {
    if (submitted.get(v.target.meetingId, v.target.authorId)) errors.push({ row: v.row, column: '', message: 'a submitted log already exists for this person and meeting' });
  }
  if (errors.length > 0) {
    const rows = new Set(errors.map((e) => e.row)).size;
    throw new AppError(
      'INVALID_INPUT',
      `${rows} row${rows === 1 ? ' has' : 's have'} problems, so nothing was imported.`,
      errors.map((e) => ({ path: ['rows', e.row, e.column], message: e.message })),
    );
  }
  for (const v of a.valid) writeLog(db, v.target.meetingId, v.target.authorId, 'submitted', v.stages, { source: 'imported' }, now);
  return { imported: a.valid.length };
}
