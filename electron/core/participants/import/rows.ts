import { participantDraft, type ColumnMapping, type ImportField, type RowError } from '../../../../shared/participants/contract';
import { parseSlot } from '../../../../shared/participants/availability';
import type { Db } from '../../db/types';
import { checkAgainstPilot, type ParticipantFields } from '../repository';

export interface CheckedRows {
  valid: { row: number; fields: ParticipantFields }[];
  /** Each row's values as mapped, for the preview (valid or not). */
  mapped: ({ row: number } & Partial<ParticipantFields>)[];
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

/**
 * Turns mapped CSV rows into participant fields and collects every problem with its spreadsheet
 * row number (header = row 1) and column heading. Duplicate emails are caught within the file and
 * against the pilot's register.
 */
export function checkRows(db: Db, pilotId: number, headers: string[], rows: string[][], mapping: ColumnMapping): CheckedRows {
  const columnOf = new Map<ImportField, number>();
  headers.forEach((h, i) => {
    const field = mapping[h];
    if (field && !columnOf.has(field)) columnOf.set(field, i);
  });
  const headerOf = (field: ImportField) => headers[columnOf.get(field) ?? -1] ?? field;
  const result: CheckedRows = { valid: [], mapped: [], errors: [] };
  const firstRowOfEmail = new Map<string, number>();

  rows.forEach((cells, index) => {
    const row = index + 2;
    const errorsBefore = result.errors.length;
    const fail = (field: ImportField | 'row', message: string) => result.errors.push({ row, column: field === 'row' ? '' : headerOf(field), message });
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
      if (slot) availability.push(slot);
      else fail('availability', `"${item}" is not a weekday and part of day, like "Monday morning"`);
    }
    const draft = {
      name: cell('name'),
      email: cell('email'),
      role: role ?? (roleText ? 'mentor' : ''),
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
    result.mapped.push({ row, ...draft, role: role ?? undefined } as { row: number } & Partial<ParticipantFields>);
    if (!parsed.success) return;

    const { fields, problems } = checkAgainstPilot(db, pilotId, parsed.data);
    for (const p of problems) fail(p.field as ImportField, p.message);
    const earlier = firstRowOfEmail.get(fields.email);
    if (earlier !== undefined) fail('email', `${fields.email} also appears in row ${earlier}`);
    else firstRowOfEmail.set(fields.email, row);
    if (result.errors.length === errorsBefore) result.valid.push({ row, fields });
  });
  return result;
}
