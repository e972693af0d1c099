import { participantDraft, type ColumnMapping, type ImportField, type ImportSampleRow, type RowError } from '../../../../shared/participants/contract';
import { AVAILABILITY_SLOTS, parseSlot } from '../../../../shared/participants/availability';
import type { Db } from '../../db/types';
import { columnsByField } from '../../csv/mapping';
import { cleanFields, pilotChecks, type ParticipantFields } from '../repository';

export interface CheckedRows {
  valid: { row: number; fields: ParticipantFields }[];
  /** Each row as the preview shows it: the file's text, what will be imported, what cannot be read. */
  sample: ImportSampleRow[];
  errors: RowError[];
}

const splitList = (value: string) =>
  value
    .split(/[;|\n]|,(?![^(]*\))/)
    .map((v) => v.trim())
    .filter(Boolean);

/** Forms ask "Are you a student or a member of staff?"; reverse mentoring makes students mentors. */
function readRole(value: string): 'mentor' | 'mentee' | undefined {
  const v = value.toLowerCase();
  if (/\b(student|mentor|undergrad|postgrad|learner)\b/.test(v) && !/\bmentee\b/.test(v)) return 'mentor';
  if (/\b(staff|mentee|colleague|employee|academic|lecturer|professor|manager|leader)\b/.test(v)) return 'mentee';
  return undefined;
}

const normalEmail = participantDraft.shape.email;

/**
 * Turns mapped CSV rows into participant fields and collects every problem with the line the row
 * starts on and its column heading. Duplicate emails are caught within the file and against the
 * pilot's register, whatever else is wrong with either row.
 */
export function checkRows(db: Db, pilotId: number, headers: string[], rows: string[][], rowLines: number[], mapping: ColumnMapping, sampleSize: number): CheckedRows {
  const columnOf = columnsByField(headers, mapping);
  const mappedFields = [...columnOf.keys()];
  const headerOf = (field: ImportField) => headers[columnOf.get(field) ?? -1] ?? field;
  const checks = pilotChecks(db, pilotId);
  const result: CheckedRows = { valid: [], sample: [], errors: [] };
  const firstRowOfEmail = new Map<string, number>();

  rows.forEach((cells, index) => {
    const row = rowLines[index]!;
    const errorsBefore = result.errors.length;
    const problems: ImportSampleRow['problems'] = {};
    const fail = (field: ImportField | 'row', message: string) => {
      result.errors.push({ row, column: field === 'row' ? '' : headerOf(field), message });
      if (field !== 'row') problems[field] ??= message;
    };
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== '')) {
      fail('row', `has ${cells.length} values but the header has ${headers.length} columns`);
    }
    const cell = (field: ImportField) => (columnOf.has(field) ? (cells[columnOf.get(field)!] ?? '').trim() : '');

    const roleText = cell('role');
    const role = readRole(roleText);
    if (roleText && !role) fail('role', `"${roleText}" is neither a student (mentor) nor a member of staff (mentee)`);
    const availability: string[] = [];
    for (const item of splitList(cell('availability'))) {
      const slot = parseSlot(item);
      // Only a real slot: parseSlot reads its words through plain objects, where "constructor" is a key too.
      if (slot && AVAILABILITY_SLOTS.includes(slot)) availability.push(slot);
      else fail('availability', `"${item}" is not a weekday and part of day, like "Monday morning"`);
    }
    const draft = {
      name: cell('name'),
      email: cell('email'),
      role: role ?? '',
      department: cell('department'),
      level: cell('level'),
      characteristics: splitList(cell('characteristics')),
      topics: splitList(cell('topics')),
      availability,
      notes: cell('notes'),
    };
    const parsed = participantDraft.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as ImportField;
        if (field === 'role' && roleText) continue; // already explained above
        fail(field, field === 'role' ? 'Role is required (student or staff)' : issue.message);
      }
    }
    const known = checks.characteristics(draft.characteristics);
    for (const p of known.problems) fail(p.field as ImportField, p.message);

    // Checked even when the row has other problems: fixing those must not reveal a duplicate later.
    const email = parsed.success ? parsed.data.email : normalEmail.safeParse(draft.email).data;
    if (email !== undefined) {
      const clash = checks.emailClash(email);
      if (clash) fail('email', clash.message);
      const earlier = firstRowOfEmail.get(email);
      if (earlier !== undefined) fail('email', `${email} also appears in row ${earlier}`);
      else firstRowOfEmail.set(email, row);
    }

    if (result.sample.length < sampleSize) result.sample.push(sampleRow(row, mappedFields, cell, draft, role, known.characteristics, problems));
    if (parsed.success && result.errors.length === errorsBefore) result.valid.push({ row, fields: cleanFields(parsed.data, known.characteristics) });
  });
  return result;
}

function sampleRow(
  row: number,
  fields: ImportField[],
  cell: (field: ImportField) => string,
  draft: Omit<ParticipantFields, 'role'>,
  role: ParticipantFields['role'] | undefined,
  characteristics: string[],
  problems: ImportSampleRow['problems'],
): ImportSampleRow {
  const values: ImportSampleRow['read'] = { ...draft, role, characteristics };
  const read: ImportSampleRow['read'] = {};
  const raw: ImportSampleRow['raw'] = {};
  for (const field of fields) {
    raw[field] = cell(field);
    if (!problems[field]) Object.assign(read, { [field]: values[field] });
  }
  return { row, raw, read, problems };
}
