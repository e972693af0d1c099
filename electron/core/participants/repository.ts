import { jsonList, many, one, run, tuples, value, values, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { parseJsonArray, uniqueIgnoringCase } from '../util/json';
import { getEligibility } from '../plan';
import type { ConsentState, Participant, ParticipantQuery, ParticipantRole, ParticipantStatus, ParticipantSummary, StatusCause } from '../../../shared/participants/contract';
import { listConsents } from './consent';
import { recordRegistered } from './lifecycle';

interface ParticipantRow {
  id: number;
  pilot_id: number;
  name: string;
  email: string;
  role: ParticipantRole;
  department: string;
  level: string;
  characteristics: string;
  topics: string;
  availability: string;
  notes: string;
  status: ParticipantStatus;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
  consent_state: ConsentState;
  repairing_note: string | null;
}

export interface ParticipantFields {
  name: string;
  email: string;
  role: ParticipantRole;
  department: string;
  level: string;
  characteristics: string[];
  topics: string[];
  availability: string[];
  notes: string;
}

/** Only what a list shows: long lists are read often, and every column costs on thousands of rows. */
const summaryColumns = 'p.id, p.pilot_id, p.name, p.email, p.role, p.department, p.level, p.status, p.characteristics, p.consent_state, p.updated_at';
type SummaryTuple = [number, number, string, string, ParticipantRole, string, string, ParticipantStatus, string, ConsentState, string];

// Rows come back as arrays: for 5,000 rows this halves the time better-sqlite3 spends building objects.
const tupleToSummary = ([id, pilotId, name, email, role, department, level, status, characteristics, consent, updatedAt]: SummaryTuple): ParticipantSummary => ({
  id,
  pilotId,
  name,
  email,
  role,
  department,
  level,
  status,
  characteristics: parseJsonArray(characteristics),
  consent,
  updatedAt,
});

const toSummary = (r: ParticipantRow): ParticipantSummary => ({
  id: r.id,
  pilotId: r.pilot_id,
  name: r.name,
  email: r.email,
  role: r.role,
  department: r.department,
  level: r.level,
  status: r.status,
  characteristics: parseJsonArray(r.characteristics),
  consent: r.consent_state,
  updatedAt: r.updated_at,
});

const sortColumns: Record<NonNullable<ParticipantQuery['sortBy']>, string> = {
  name: 'p.name COLLATE NOCASE',
  role: 'p.role',
  department: 'p.department COLLATE NOCASE',
  status: `CASE p.status WHEN 'interested' THEN 1 WHEN 'chemistry' THEN 2 WHEN 'trained' THEN 3 WHEN 'paired' THEN 4 WHEN 'active' THEN 5 WHEN 'completed' THEN 6 ELSE 7 END`,
  updatedAt: 'p.updated_at',
};

/** Filtering and sorting happen in SQL; the name tie-break keeps the order stable between calls. */
export function listParticipants(db: ReadDb, q: Required<Omit<ParticipantQuery, 'role' | 'status' | 'department' | 'characteristic'>> & ParticipantQuery) {
  const where = ['p.pilot_id = @pilotId'];
  const params: Record<string, unknown> = { pilotId: q.pilotId };
  if (q.search) {
    where.push(`(p.name LIKE @search ESCAPE '\\' OR p.email LIKE @search ESCAPE '\\' OR p.department LIKE @search ESCAPE '\\' OR p.topics LIKE @search ESCAPE '\\')`);
    params.search = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (q.role) {
    where.push('p.role = @role');
    params.role = q.role;
  }
  if (q.status) {
    where.push('p.status = @status');
    params.status = q.status;
  }
  if (q.department !== undefined) {
    where.push('p.department = @department COLLATE NOCASE');
    params.department = q.department;
  }
  if (q.characteristic) {
    where.push('EXISTS (SELECT 1 FROM json_each(p.characteristics) c WHERE lower(c.value) = lower(@characteristic))');
    params.characteristic = q.characteristic;
  }
  const direction = q.sortDirection === 'desc' ? 'DESC' : 'ASC';
  // By name, the (pilot_id, name) index already gives the order (ties by rowid): a repeated name term would force a sort.
  const order = q.sortBy === 'name' ? `p.name COLLATE NOCASE ${direction}, p.id ${direction}` : `${sortColumns[q.sortBy]} ${direction}, p.name COLLATE NOCASE, p.id`;
  const rows = tuples<SummaryTuple>(db, `SELECT ${summaryColumns} FROM participants p WHERE ${where.join(' AND ')} ORDER BY ${order}`, params);
  const total = value<number>(db, 'SELECT count(*) FROM participants WHERE pilot_id = ?', [q.pilotId])!;
  const departments = values<string>(db, "SELECT DISTINCT department COLLATE NOCASE FROM participants WHERE pilot_id = ? AND department <> '' ORDER BY 1", [q.pilotId]);
  return { rows: rows.map(tupleToSummary), total, departments };
}

export function getParticipant(db: ReadDb, id: number): Participant {
  const row = one<ParticipantRow>(db, 'SELECT p.* FROM participants p WHERE p.id = ?', [id]);
  if (!row) throw notFound('Participant', id);
  const history = many<{ from_status: ParticipantStatus | null; to_status: ParticipantStatus; reason: string | null; cause: StatusCause; at: string }>(
    db,
    'SELECT from_status, to_status, reason, cause, at FROM participant_status_history WHERE participant_id = ? ORDER BY id',
    [id],
  );
  return {
    ...toSummary(row),
    topics: parseJsonArray(row.topics),
    availability: parseJsonArray(row.availability),
    notes: row.notes,
    statusReason: row.status_reason,
    repairingNote: row.repairing_note,
    createdAt: row.created_at,
    statusHistory: history.map((h) => ({ from: h.from_status, to: h.to_status, reason: h.reason, cause: h.cause, at: h.at })),
    consents: listConsents(db, id),
  };
}

export function participantPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM participants WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Participant', id);
  return pilotId;
}

/** Who a person is, for checks and messages in other features. */
export interface PersonRef {
  id: number;
  pilotId: number;
  name: string;
  role: ParticipantRole;
  status: ParticipantStatus;
}

export function person(db: ReadDb, id: number): PersonRef {
  const row = one<PersonRef>(db, 'SELECT id, pilot_id AS pilotId, name, role, status FROM participants WHERE id = ?', [id]);
  if (!row) throw notFound('Participant', id);
  return row;
}

/** These people, those of them that exist (in no particular order). */
export function people(db: ReadDb, ids: number[]): PersonRef[] {
  return many<PersonRef>(db, 'SELECT id, pilot_id AS pilotId, name, role, status FROM participants WHERE id IN (SELECT value FROM json_each(?))', [jsonList(ids)]);
}

/** How many of these ids are people of the pilot. */
export function countInPilot(db: ReadDb, pilotId: number, ids: number[]): number {
  return value<number>(db, 'SELECT count(*) FROM participants WHERE pilot_id = ? AND id IN (SELECT value FROM json_each(?))', [pilotId, jsonList(ids)])!;
}

/** How many people of the pilot have this characteristic (in any capitals). */
export function countHoldingCharacteristic(db: ReadDb, pilotId: number, category: string): number {
  return value<number>(
    db,
    'SELECT count(*) FROM participants p WHERE p.pilot_id = ? AND EXISTS (SELECT 1 FROM json_each(p.characteristics) c WHERE lower(c.value) = lower(?))',
    [pilotId, category],
  )!;
}

/**
 * Renames characteristics on everyone of the pilot who has them (`renameTo`: lower-case old name →
 * new spelling), keeping each list free of repeats. Returns whose records changed.
 */
export function renameCharacteristics(db: WriteDb, pilotId: number, renameTo: ReadonlyMap<string, string>, now: string): number[] {
  const rows = many<{ id: number; characteristics: string }>(db, 'SELECT id, characteristics FROM participants WHERE pilot_id = ?', [pilotId]);
  const moved: number[] = [];
  for (const row of rows) {
    const before = parseJsonArray(row.characteristics);
    const after = uniqueIgnoringCase(before.map((c) => renameTo.get(c.toLowerCase()) ?? c));
    if (after.length === before.length && after.every((c, i) => c === before[i])) continue;
    run(db, 'UPDATE participants SET characteristics = ?, updated_at = ? WHERE id = ?', [JSON.stringify(after), now, row.id]);
    moved.push(row.id);
  }
  return moved;
}

/** How many partners a person can take at once (the pairing's capacity). */
export function setPairingCapacity(db: WriteDb, participantId: number, capacity: number): void {
  run(db, 'UPDATE participants SET capacity = ? WHERE id = ?', [capacity, participantId]);
}

/** A person's availability slots (e.g. "wed-pm"). */
export function availabilityOf(db: ReadDb, participantId: number): string[] {
  const stored = value<string>(db, 'SELECT availability FROM participants WHERE id = ?', [participantId]);
  if (stored === undefined) throw notFound('Participant', participantId);
  return parseJsonArray(stored);
}

type Problem = { field: keyof ParticipantFields; message: string };

/**
 * What a person's record is checked against in their pilot, read once so that an import of
 * thousands of rows reads the eligibility list only once.
 */
export function pilotChecks(db: ReadDb, pilotId: number) {
  const eligibility = getEligibility(db, pilotId);
  const canonical = new Map(eligibility.map((c) => [c.toLowerCase(), c]));
  return {
    /** Characteristics from the eligibility list, matched case-insensitively and spelt as the plan spells them. */
    characteristics(values: string[]): { characteristics: string[]; problems: Problem[] } {
      const characteristics: string[] = [];
      const problems: Problem[] = [];
      for (const c of values) {
        const known = canonical.get(c.toLowerCase());
        if (known) {
          if (!characteristics.includes(known)) characteristics.push(known);
        } else {
          problems.push({ field: 'characteristics', message: `"${c}" is not one of this pilot’s categories (${eligibility.join(', ') || 'none set'})` });
        }
      }
      return { characteristics, problems };
    },
    /** The problem when someone else in the pilot already has this (normalised) email. */
    emailClash(email: string, exceptId?: number): Problem | undefined {
      const clash = value<string>(db, 'SELECT name FROM participants WHERE pilot_id = ? AND email = ? AND id IS NOT ?', [pilotId, email, exceptId ?? null]);
      return clash !== undefined ? { field: 'email', message: `${email} is already registered (${clash})` } : undefined;
    },
  };
}

/**
 * Checks a single record against the pilot: characteristics from its eligibility list and a free
 * email address. Returns the cleaned fields or the problems, each with the field it concerns.
 */
export function checkAgainstPilot(db: ReadDb, pilotId: number, fields: ParticipantFields, exceptId?: number): { fields: ParticipantFields; problems: Problem[] } {
  const checks = pilotChecks(db, pilotId);
  const { characteristics, problems } = checks.characteristics(fields.characteristics);
  const clash = checks.emailClash(fields.email, exceptId);
  if (clash) problems.push(clash);
  return { fields: cleanFields(fields, characteristics), problems };
}

/** Repeated topics and slots go; characteristics are the ones already matched to the plan. */
export const cleanFields = (fields: ParticipantFields, characteristics: string[]): ParticipantFields => ({
  ...fields,
  characteristics,
  topics: uniqueIgnoringCase(fields.topics),
  availability: [...new Set(fields.availability)],
});

function checkedOrThrow(db: ReadDb, pilotId: number, fields: ParticipantFields, exceptId?: number): ParticipantFields {
  const { fields: clean, problems } = checkAgainstPilot(db, pilotId, fields, exceptId);
  if (problems.length > 0) {
    const code = problems.some((p) => p.field === 'email') ? 'CONFLICT' : 'INVALID_INPUT';
    throw new AppError(
      code,
      problems.map((p) => p.message).join('; '),
      problems.map((p) => ({ path: ['participant', p.field], message: p.message })),
    );
  }
  return clean;
}

/** Inserts already-checked rows (used by the single form and by the all-or-nothing import), each registered as interested. */
export function insertParticipants(db: WriteDb, pilotId: number, rows: ParticipantFields[], now: string): number[] {
  return rows.map((f) => {
    const { lastInsertRowid: id } = run(
      db,
      `INSERT INTO participants (pilot_id, name, email, role, department, level, characteristics, topics, availability, notes, status, created_at, updated_at)
       VALUES (@pilotId, @name, @email, @role, @department, @level, @characteristics, @topics, @availability, @notes, 'interested', @now, @now)`,
      {
      pilotId,
      name: f.name,
      email: f.email,
      role: f.role,
      department: f.department,
      level: f.level,
      characteristics: JSON.stringify(f.characteristics),
      topics: JSON.stringify(f.topics),
      availability: JSON.stringify(f.availability),
        notes: f.notes,
        now,
      },
    );
    recordRegistered(db, id, now);
    return id;
  });
}

export function createParticipant(db: WriteDb, pilotId: number, fields: ParticipantFields, now: string): Participant {
  const [id] = insertParticipants(db, pilotId, [checkedOrThrow(db, pilotId, fields)], now);
  return getParticipant(db, id!);
}

export function updateParticipant(db: WriteDb, id: number, fields: ParticipantFields, now: string): Participant {
  const pilotId = participantPilot(db, id);
  const f = checkedOrThrow(db, pilotId, fields, id);
  refuseRoleChangeWhilePaired(db, id, f.role);
  run(
    db,
    'UPDATE participants SET name = ?, email = ?, role = ?, department = ?, level = ?, characteristics = ?, topics = ?, availability = ?, notes = ?, updated_at = ? WHERE id = ?',
    [f.name, f.email, f.role, f.department, f.level, JSON.stringify(f.characteristics), JSON.stringify(f.topics), JSON.stringify(f.availability), f.notes, now, id],
  );
  return getParticipant(db, id);
}

/**
 * A person in a current pair keeps their role: the pair is a mentor and a mentee, and its meetings
 * and logs were made for those roles. End the pair first.
 */
function refuseRoleChangeWhilePaired(db: ReadDb, id: number, role: ParticipantRole): void {
  const current = one<{ name: string; role: ParticipantRole; partners: string | null }>(
    db,
    `SELECT p.name, p.role, (SELECT group_concat(o.name, ', ') FROM pairs x JOIN participants o ON o.id = CASE WHEN x.mentor_id = p.id THEN x.mentee_id ELSE x.mentor_id END
       WHERE x.ended_at IS NULL AND (x.mentor_id = p.id OR x.mentee_id = p.id)) AS partners
     FROM participants p WHERE p.id = ?`,
    [id],
  );
  if (!current || current.role === role || !current.partners) return;
  const message = `${current.name}’s role cannot change while they are in a current pair (with ${current.partners}): end the pair first on the Pairing screen.`;
  throw new AppError('CONFLICT', message, [{ path: ['participant', 'role'], message }]);
}

/** Flags a person whose partner left for re-pairing (with why), or clears the flag (null) once they are paired again. */
export function setRepairingNote(db: WriteDb, participantId: number, note: string | null): void {
  run(db, 'UPDATE participants SET repairing_note = ? WHERE id = ?', [note, participantId]);
}

/** A person's consent state and status, for the pairing pool rule (eligibility-for-pairing.ts). */
export function pairingFacts(db: ReadDb, participantId: number): { name: string; status: ParticipantStatus; consent: ConsentState; repairingNote: string | null } {
  const row = one<{ name: string; status: ParticipantStatus; consent: ConsentState; repairingNote: string | null }>(
    db,
    'SELECT name, status, consent_state AS consent, repairing_note AS repairingNote FROM participants WHERE id = ?',
    [participantId],
  );
  if (!row) throw notFound('Participant', participantId);
  return row;
}
