import { participantDraft, type ImportField, type ImportSampleRow } from '../../../../shared/participants/contract';
import { AVAILABILITY_SLOTS, parseSlot } from '../../../../shared/participants/availability';
import type { MappedRow, Problem, RowReading } from '../../imports';
import { cleanFields, type pilotChecks, type ParticipantFields } from '../repository';

/** A row read as a person: the fields to register, and the values as the preview shows them. */
export interface EoiReading extends RowReading<ImportField, ParticipantFields> {
  shown: ImportSampleRow['read'];
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
 * Turns one mapped row into a person's fields, with every problem in the column it concerns. The
 * email is read even when the row has other problems, so that a repeat is caught whatever else is wrong.
 */
export function readPerson(row: MappedRow<ImportField>, checks: ReturnType<typeof pilotChecks>): EoiReading {
  const { cell } = row;
  const problems: Problem<ImportField>[] = [];
  const fail = (field: ImportField, message: string) => problems.push({ field, message });

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

  const email = parsed.success ? parsed.data.email : normalEmail.safeParse(draft.email).data;
  return {
    value: parsed.success && problems.length === 0 ? cleanFields(parsed.data, known.characteristics) : undefined,
    problems,
    identity: email === undefined ? undefined : { key: email, field: 'email', words: email },
    shown: { ...draft, role, characteristics: known.characteristics },
  };
}

/** The preview's picture of a row: the file's text of each mapped column, what will be imported, and what cannot be read. */
export function sampleRow(row: MappedRow<ImportField>, reading: EoiReading, problems: Problem<ImportField>[]): ImportSampleRow {
  const raw: ImportSampleRow['raw'] = {};
  const read: ImportSampleRow['read'] = {};
  const wrong: ImportSampleRow['problems'] = {};
  for (const p of problems) if (p.field !== null) wrong[p.field] ??= p.message;
  for (const field of row.mapped) {
    raw[field] = row.cell(field);
    if (!wrong[field]) Object.assign(read, { [field]: reading.shown[field] });
  }
  return { row: row.line, raw, read, problems: wrong };
}
