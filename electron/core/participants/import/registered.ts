import { one, type ReadDb } from '../../db/query';
import { parseJsonArray } from '../../util/json';
import type { ImportChange, ImportField, ParticipantRole } from '../../../../shared/participants/contract';
import { slotLabel } from '../../../../shared/participants/availability';
import type { ParticipantFields } from '../repository';

/** Someone already in the pilot's register, as an import compares a row with them. */
export interface Registered {
  id: number;
  fields: ParticipantFields;
}

interface RegisteredRow {
  id: number;
  name: string;
  email: string;
  role: ParticipantRole;
  department: string;
  level: string;
  characteristics: string;
  topics: string;
  availability: string;
  notes: string;
}

/** The person of the pilot with this (normalised) email, if any. */
export function registeredByEmail(db: ReadDb, pilotId: number, email: string): Registered | undefined {
  const row = one<RegisteredRow>(
    db,
    'SELECT id, name, email, role, department, level, characteristics, topics, availability, notes FROM participants WHERE pilot_id = ? AND email = ?',
    [pilotId, email],
  );
  if (!row) return undefined;
  const { id, characteristics, topics, availability, ...text } = row;
  return { id, fields: { ...text, characteristics: parseJsonArray(characteristics), topics: parseJsonArray(topics), availability: parseJsonArray(availability) } };
}

/** What an import may change of someone registered: their email is how they are found, and their role is their side of the scheme. */
const UPDATABLE = ['name', 'department', 'level', 'characteristics', 'topics', 'availability', 'notes'] as const satisfies readonly ImportField[];

type Updatable = (typeof UPDATABLE)[number];

const sameList = (a: string[], b: string[]) => {
  const normal = (list: string[]) => [...new Set(list.map((v) => v.toLowerCase()))].sort().join('\n');
  return normal(a) === normal(b);
};

const shown = (field: Updatable, value: string | string[]) => (Array.isArray(value) ? (field === 'availability' ? value.map(slotLabel) : value).join(', ') : value);

/**
 * How a row differs from the registered person, for the columns the file has. A blank answer never
 * clears a value (the coordinator may have filled it in by hand since); a list in another order is the same list.
 */
export function differencesFrom(stored: ParticipantFields, row: ParticipantFields, mapped: readonly ImportField[]): { differences: ImportChange['differences']; fields: ParticipantFields } {
  const differences: ImportChange['differences'] = [];
  const fields: ParticipantFields = { ...stored };
  for (const field of UPDATABLE) {
    if (!mapped.includes(field)) continue;
    const before = stored[field];
    const after = row[field];
    const blank = Array.isArray(after) ? after.length === 0 : after === '';
    const same = Array.isArray(before) ? sameList(before, after as string[]) : before === after;
    if (blank || same) continue;
    differences.push({ field, from: shown(field, before), to: shown(field, after) });
    Object.assign(fields, { [field]: after });
  }
  return { differences, fields };
}
