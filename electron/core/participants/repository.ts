import type { Db } from '../db/types';
import { AppError, notFound } from '../errors';
import { parseJsonArray, uniqueIgnoringCase } from '../util/json';
import { getEligibility } from '../plan/repository';
import {
  allowedTransitions,
  statusLabels,
  type ConsentState,
  type Participant,
  type ParticipantQuery,
  type ParticipantRole,
  type ParticipantStatus,
  type ParticipantSummary,
} from '../../../shared/participants/contract';
import { listConsents } from './consent';

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
export function listParticipants(db: Db, q: Required<Omit<ParticipantQuery, 'role' | 'status' | 'department' | 'characteristic'>> & ParticipantQuery) {
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
  const rows = db
    .prepare(`SELECT ${summaryColumns} FROM participants p WHERE ${where.join(' AND ')} ORDER BY ${order}`)
    .raw(true)
    .all(params) as SummaryTuple[];
  const { total } = db.prepare('SELECT count(*) AS total FROM participants WHERE pilot_id = ?').get(q.pilotId) as { total: number };
  const departments = (db.prepare("SELECT DISTINCT department COLLATE NOCASE AS department FROM participants WHERE pilot_id = ? AND department <> '' ORDER BY 1").all(q.pilotId) as { department: string }[]).map(
    (r) => r.department,
  );
  return { rows: rows.map(tupleToSummary), total, departments };
}

export function getParticipant(db: Db, id: number): Participant {
  const row = db.prepare('SELECT p.* FROM participants p WHERE p.id = ?').get(id) as ParticipantRow | undefined;
  if (!row) throw notFound('Participant', id);
  const history = db.prepare('SELECT from_status, to_status, reason, at FROM participant_status_history WHERE participant_id = ? ORDER BY id').all(id) as {
    from_status: ParticipantStatus | null;
    to_status: ParticipantStatus;
    reason: string | null;
    at: string;
  }[];
  return {
    ...toSummary(row),
    topics: parseJsonArray(row.topics),
    availability: parseJsonArray(row.availability),
    notes: row.notes,
    statusReason: row.status_reason,
    createdAt: row.created_at,
    statusHistory: history.map((h) => ({ from: h.from_status, to: h.to_status, reason: h.reason, at: h.at })),
    consents: listConsents(db, id),
  };
}

export function participantPilot(db: Db, id: number): number {
  const row = db.prepare('SELECT pilot_id FROM participants WHERE id = ?').get(id) as { pilot_id: number } | undefined;
  if (!row) throw notFound('Participant', id);
  return row.pilot_id;
}

type Problem = { field: keyof ParticipantFields; message: string };

/**
 * What a person's record is checked against in their pilot, prepared once so that an import of
 * thousands of rows reads the eligibility list and prepares the email look-up only once.
 */
export function pilotChecks(db: Db, pilotId: number) {
  const eligibility = getEligibility(db, pilotId);
  const canonical = new Map(eligibility.map((c) => [c.toLowerCase(), c]));
  const clashStatement = db.prepare('SELECT name FROM participants WHERE pilot_id = ? AND email = ? AND id IS NOT ?');
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
      const clash = clashStatement.get(pilotId, email, exceptId ?? null) as { name: string } | undefined;
      return clash ? { field: 'email', message: `${email} is already registered (${clash.name})` } : undefined;
    },
  };
}

/**
 * Checks a single record against the pilot: characteristics from its eligibility list and a free
 * email address. Returns the cleaned fields or the problems, each with the field it concerns.
 */
export function checkAgainstPilot(db: Db, pilotId: number, fields: ParticipantFields, exceptId?: number): { fields: ParticipantFields; problems: Problem[] } {
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

function checkedOrThrow(db: Db, pilotId: number, fields: ParticipantFields, exceptId?: number): ParticipantFields {
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

const insertStatement = (db: Db) =>
  db.prepare(
    `INSERT INTO participants (pilot_id, name, email, role, department, level, characteristics, topics, availability, notes, status, created_at, updated_at)
     VALUES (@pilotId, @name, @email, @role, @department, @level, @characteristics, @topics, @availability, @notes, 'interested', @now, @now)`,
  );
const historyStatement = (db: Db) => db.prepare('INSERT INTO participant_status_history (participant_id, from_status, to_status, reason, at) VALUES (?, ?, ?, ?, ?)');

/** Inserts already-checked rows (used by the single form and by the all-or-nothing import). */
export function insertParticipants(db: Db, pilotId: number, rows: ParticipantFields[], now: string): number[] {
  const insert = insertStatement(db);
  const history = historyStatement(db);
  return rows.map((f) => {
    const { lastInsertRowid } = insert.run({
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
    });
    history.run(Number(lastInsertRowid), null, 'interested', null, now);
    return Number(lastInsertRowid);
  });
}

export function createParticipant(db: Db, pilotId: number, fields: ParticipantFields, now: string): Participant {
  const [id] = insertParticipants(db, pilotId, [checkedOrThrow(db, pilotId, fields)], now);
  return getParticipant(db, id!);
}

export function updateParticipant(db: Db, id: number, fields: ParticipantFields, now: string): Participant {
  const pilotId = participantPilot(db, id);
  const f = checkedOrThrow(db, pilotId, fields, id);
  db.prepare(
    `UPDATE participants SET name = ?, email = ?, role = ?, department = ?, level = ?, characteristics = ?, topics = ?, availability = ?, notes = ?, updated_at = ? WHERE id = ?`,
  ).run(f.name, f.email, f.role, f.department, f.level, JSON.stringify(f.characteristics), JSON.stringify(f.topics), JSON.stringify(f.availability), f.notes, now, id);
  return getParticipant(db, id);
}

/** Applies one pipeline move; the reason is required for a withdrawal and kept in the history. */
export function transitionParticipant(db: Db, id: number, to: ParticipantStatus, reason: string | undefined, now: string): Participant {
  const current = getParticipant(db, id);
  const allowed = allowedTransitions(current.status);
  if (!allowed.includes(to)) {
    const options = allowed.map((s) => statusLabels[s]).join(', ');
    const pairing = to === 'paired' ? ' Paired is set by confirming a pair on the Pairing screen.' : '';
    throw new AppError(
      'INVALID_TRANSITION',
      `${current.name} is ${statusLabels[current.status].toLowerCase()}; from there they can move to: ${options || 'nothing (completed is final)'}.${pairing}`,
    );
  }
  const trimmed = reason?.trim() || null;
  if (to === 'withdrawn' && !trimmed) {
    const message = 'Say why the person is withdrawing (it is kept in their history).';
    throw new AppError('INVALID_INPUT', message, [{ path: ['reason'], message }]);
  }
  db.prepare('UPDATE participants SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?').run(to, to === 'withdrawn' ? trimmed : null, now, id);
  historyStatement(db).run(id, current.status, to, trimmed, now);
  return getParticipant(db, id);
}
