import type { Db } from '../../db/types';
import { AppError, notFound } from '../../errors';
import { parseJsonArray } from '../../util/json';
import { missingTopics } from '../../training/preparation';
import { getEligibility } from '../../plan/repository';
import { assertPairPeople, person } from '../../participants/roles';
import {
  DEFAULT_MATCHING_SETTINGS,
  matchingSettingsSchema,
  type MatchingSettings,
  type MatchingState,
  type Pair,
  type PairRule,
} from '../../../../shared/matching/contract';
import type { Willingness } from '../../../../shared/chemistry/contract';
import type { ParticipantStatus } from '../../../../shared/participants/contract';
import { pairKey, type PairingInput, type Person } from './types';

/** Who can still be paired: not withdrawn or completed. Free capacity counts current pairs. */
const PAIRABLE = "p.status NOT IN ('withdrawn', 'completed')";

export function getSettings(db: Db, pilotId: number): MatchingSettings {
  const row = db.prepare('SELECT settings FROM matching_settings WHERE pilot_id = ?').get(pilotId) as { settings: string } | undefined;
  const parsed = row ? matchingSettingsSchema.safeParse(JSON.parse(row.settings)) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_MATCHING_SETTINGS;
}

export function setSettings(db: Db, pilotId: number, settings: MatchingSettings): MatchingSettings {
  const eligibility = new Map(getEligibility(db, pilotId).map((c) => [c.toLowerCase(), c]));
  const unknown = settings.differenceCharacteristics.filter((c) => !eligibility.has(c.toLowerCase()));
  if (unknown.length > 0) {
    const message = `Not among this pilot’s categories: ${unknown.join(', ')}.`;
    throw new AppError('INVALID_INPUT', message, [{ path: ['settings', 'differenceCharacteristics'], message }]);
  }
  const clean = { ...settings, differenceCharacteristics: settings.differenceCharacteristics.map((c) => eligibility.get(c.toLowerCase())!) };
  db.prepare('INSERT INTO matching_settings (pilot_id, settings) VALUES (?, ?) ON CONFLICT (pilot_id) DO UPDATE SET settings = excluded.settings').run(pilotId, JSON.stringify(clean));
  return clean;
}

interface PersonRow {
  id: number;
  name: string;
  role: 'mentor' | 'mentee';
  department: string;
  status: ParticipantStatus;
  characteristics: string;
  topics: string;
  availability: string;
  capacity: number;
  paired: number;
}

function people(db: Db, pilotId: number): PersonRow[] {
  return db
    .prepare(
      `SELECT p.id, p.name, p.role, p.department, p.status, p.characteristics, p.topics, p.availability, p.capacity,
         (SELECT count(*) FROM pairs x WHERE x.ended_at IS NULL AND (x.mentor_id = p.id OR x.mentee_id = p.id)) AS paired
       FROM participants p WHERE p.pilot_id = ? AND ${PAIRABLE} ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all(pilotId) as PersonRow[];
}

function preferencesOf(db: Db, pilotId: number): Map<number, number[]> {
  const rows = db
    .prepare('SELECT f.participant_id, f.preferred_id FROM pair_preferences f JOIN participants p ON p.id = f.participant_id WHERE p.pilot_id = ? ORDER BY f.participant_id, f.rank')
    .all(pilotId) as { participant_id: number; preferred_id: number }[];
  const map = new Map<number, number[]>();
  for (const r of rows) map.set(r.participant_id, [...(map.get(r.participant_id) ?? []), r.preferred_id]);
  return map;
}

export function listRules(db: Db, pilotId: number): PairRule[] {
  return (db.prepare('SELECT mentor_id, mentee_id, rule FROM pair_rules WHERE pilot_id = ? ORDER BY mentor_id, mentee_id').all(pilotId) as { mentor_id: number; mentee_id: number; rule: 'pin' | 'forbid' }[]).map(
    (r) => ({ mentorId: r.mentor_id, menteeId: r.mentee_id, rule: r.rule }),
  );
}

function listConflicts(db: Db, pilotId: number) {
  return (db.prepare('SELECT id, mentor_id, mentee_id, kind, note FROM conflicts_of_interest WHERE pilot_id = ? ORDER BY id').all(pilotId) as {
    id: number;
    mentor_id: number;
    mentee_id: number;
    kind: 'teaches' | 'assesses' | 'supervises' | 'other';
    note: string;
  }[]).map((r) => ({ id: r.id, mentorId: r.mentor_id, menteeId: r.mentee_id, kind: r.kind, note: r.note }));
}

export function getState(db: Db, pilotId: number, today: string): MatchingState {
  const missing = missingTopics(db, pilotId, today);
  const prefs = preferencesOf(db, pilotId);
  return {
    settings: getSettings(db, pilotId),
    eligibility: getEligibility(db, pilotId),
    candidates: people(db, pilotId).map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      department: p.department,
      status: p.status,
      capacity: p.capacity,
      pairedCount: p.paired,
      trained: missing.get(p.id)?.length === 0,
      trainingMissing: missing.get(p.id) ?? [],
      preferences: prefs.get(p.id) ?? [],
    })),
    conflicts: listConflicts(db, pilotId),
    rules: listRules(db, pilotId),
  };
}

const conflictVerb = { teaches: 'teaches', assesses: 'assesses', supervises: 'supervises', other: 'has a conflict of interest with' } as const;

/** Reads the cohort and its constraints into the pure pairing input. */
export function loadPairingInput(db: Db, pilotId: number): PairingInput {
  const prefs = preferencesOf(db, pilotId);
  const toPerson = (p: PersonRow): Person => ({
    id: p.id,
    name: p.name,
    role: p.role,
    department: p.department,
    characteristics: parseJsonArray(p.characteristics),
    topics: parseJsonArray(p.topics),
    availability: parseJsonArray(p.availability),
    freeCapacity: Math.max(0, p.capacity - p.paired),
    preferences: prefs.get(p.id) ?? [],
  });
  const all = people(db, pilotId);
  const chemistry = new Map<string, { happened: boolean; mentor: Willingness | null; mentee: Willingness | null }>();
  for (const c of db.prepare('SELECT mentor_id, mentee_id, happened, mentor_willingness, mentee_willingness FROM chemistry_meetings WHERE pilot_id = ?').all(pilotId) as {
    mentor_id: number;
    mentee_id: number;
    happened: number;
    mentor_willingness: Willingness | null;
    mentee_willingness: Willingness | null;
  }[]) {
    chemistry.set(pairKey(c.mentor_id, c.mentee_id), { happened: c.happened === 1, mentor: c.mentor_willingness, mentee: c.mentee_willingness });
  }
  return {
    settings: getSettings(db, pilotId),
    mentors: all.filter((p) => p.role === 'mentor').map(toPerson),
    mentees: all.filter((p) => p.role === 'mentee').map(toPerson),
    chemistry,
    conflicts: new Map(listConflicts(db, pilotId).map((c) => [pairKey(c.mentorId, c.menteeId), conflictVerb[c.kind]])),
    rules: new Map(listRules(db, pilotId).map((r) => [pairKey(r.mentorId, r.menteeId), r.rule])),
    current: new Set((db.prepare('SELECT mentor_id, mentee_id FROM pairs WHERE pilot_id = ? AND ended_at IS NULL').all(pilotId) as { mentor_id: number; mentee_id: number }[]).map((r) => pairKey(r.mentor_id, r.mentee_id))),
  };
}

export function addConflict(db: Db, pilotId: number, mentorId: number, menteeId: number, kind: 'teaches' | 'assesses' | 'supervises' | 'other', note: string) {
  const { mentor, mentee } = assertPairPeople(db, pilotId, mentorId, menteeId);
  const current = db.prepare('SELECT id FROM pairs WHERE mentor_id = ? AND mentee_id = ? AND ended_at IS NULL').get(mentorId, menteeId);
  if (current) throw new AppError('CONFLICT', `${mentee.name} and ${mentor.name} are a confirmed pair: end the pair first (with the conflict as the reason).`);
  const { lastInsertRowid } = db.prepare('INSERT INTO conflicts_of_interest (pilot_id, mentor_id, mentee_id, kind, note) VALUES (?, ?, ?, ?, ?)').run(pilotId, mentorId, menteeId, kind, note);
  return listConflicts(db, pilotId).find((c) => c.id === Number(lastInsertRowid))!;
}

export function conflictPilot(db: Db, id: number): number {
  const row = db.prepare('SELECT pilot_id FROM conflicts_of_interest WHERE id = ?').get(id) as { pilot_id: number } | undefined;
  if (!row) throw notFound('Conflict of interest', id);
  return row.pilot_id;
}

export function setRule(db: Db, pilotId: number, mentorId: number, menteeId: number, rule: 'pin' | 'forbid' | null): PairRule[] {
  assertPairPeople(db, pilotId, mentorId, menteeId);
  db.prepare('DELETE FROM pair_rules WHERE mentor_id = ? AND mentee_id = ?').run(mentorId, menteeId);
  if (rule) db.prepare('INSERT INTO pair_rules (pilot_id, mentor_id, mentee_id, rule) VALUES (?, ?, ?, ?)').run(pilotId, mentorId, menteeId, rule);
  return listRules(db, pilotId);
}

export function setPreferences(db: Db, participantId: number, preferredIds: number[]): number[] {
  const who = person(db, participantId);
  const unique = [...new Set(preferredIds)];
  for (const id of unique) {
    const other = person(db, id);
    if (other.pilotId !== who.pilotId || other.role === who.role) {
      const message = `${other.name} cannot be a preferred partner of ${who.name}: preferences are for people of the other role in the same pilot.`;
      throw new AppError('INVALID_INPUT', message, [{ path: ['preferredIds'], message }]);
    }
  }
  db.prepare('DELETE FROM pair_preferences WHERE participant_id = ?').run(participantId);
  const insert = db.prepare('INSERT INTO pair_preferences (participant_id, preferred_id, rank) VALUES (?, ?, ?)');
  unique.forEach((id, i) => insert.run(participantId, id, i + 1));
  return unique;
}

export function setCapacity(db: Db, participantId: number, capacity: number): number {
  const who = person(db, participantId);
  const { paired } = db.prepare('SELECT count(*) AS paired FROM pairs WHERE ended_at IS NULL AND (mentor_id = ? OR mentee_id = ?)').get(participantId, participantId) as { paired: number };
  if (capacity < paired) {
    const message = `${who.name} already has ${paired} partners; end a pair before lowering their capacity below that.`;
    throw new AppError('INVALID_INPUT', message, [{ path: ['capacity'], message }]);
  }
  db.prepare('UPDATE participants SET capacity = ? WHERE id = ?').run(capacity, participantId);
  return capacity;
}

// ---- confirmed pairs ----------------------------------------------------------------------

interface PairRow {
  id: number;
  pilot_id: number;
  mentor_id: number;
  mentor_name: string;
  mentee_id: number;
  mentee_name: string;
  score: number;
  explanation: string;
  mentor_status_before: ParticipantStatus;
  mentee_status_before: ParticipantStatus;
  confirmed_at: string;
  ended_at: string | null;
  end_reason: string | null;
}

const pairSelect = `SELECT x.*, m.name AS mentor_name, e.name AS mentee_name FROM pairs x
  JOIN participants m ON m.id = x.mentor_id JOIN participants e ON e.id = x.mentee_id`;

function toPairs(db: Db, rows: PairRow[], today: string): Pair[] {
  const missingByPilot = new Map<number, Map<number, string[]>>();
  const missingOf = (pilotId: number, id: number) => {
    if (!missingByPilot.has(pilotId)) missingByPilot.set(pilotId, missingTopics(db, pilotId, today));
    return missingByPilot.get(pilotId)!.get(id) ?? [];
  };
  return rows.map((r) => ({
    id: r.id,
    pilotId: r.pilot_id,
    mentorId: r.mentor_id,
    mentorName: r.mentor_name,
    menteeId: r.mentee_id,
    menteeName: r.mentee_name,
    score: r.score,
    explanation: JSON.parse(r.explanation) as Pair['explanation'],
    confirmedAt: r.confirmed_at,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    untrained: r.ended_at
      ? []
      : [
          { id: r.mentor_id, name: r.mentor_name, missing: missingOf(r.pilot_id, r.mentor_id) },
          { id: r.mentee_id, name: r.mentee_name, missing: missingOf(r.pilot_id, r.mentee_id) },
        ].filter((p) => p.missing.length > 0),
  }));
}

export function listPairs(db: Db, pilotId: number, includeEnded: boolean, today: string): Pair[] {
  const rows = db.prepare(`${pairSelect} WHERE x.pilot_id = ? ${includeEnded ? '' : 'AND x.ended_at IS NULL'} ORDER BY e.name COLLATE NOCASE, m.name COLLATE NOCASE, x.id`).all(pilotId) as PairRow[];
  return toPairs(db, rows, today);
}

/** Pairs by id, in that order; who is not trained yet is read once for them all. */
export function getPairs(db: Db, ids: number[], today: string): Pair[] {
  const select = db.prepare(`${pairSelect} WHERE x.id = ?`);
  const rows = ids.map((id) => {
    const row = select.get(id) as PairRow | undefined;
    if (!row) throw notFound('Pair', id);
    return row;
  });
  return toPairs(db, rows, today);
}

export function getPair(db: Db, id: number, today: string): Pair {
  return getPairs(db, [id], today)[0]!;
}

export function pairPilot(db: Db, id: number): number {
  const row = db.prepare('SELECT pilot_id FROM pairs WHERE id = ?').get(id) as { pilot_id: number } | undefined;
  if (!row) throw notFound('Pair', id);
  return row.pilot_id;
}

export function insertPair(db: Db, pilotId: number, mentorId: number, menteeId: number, score: number, explanation: Pair['explanation'], now: string): number {
  const mentorStatus = person(db, mentorId).status;
  const menteeStatus = person(db, menteeId).status;
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO pairs (pilot_id, mentor_id, mentee_id, score, explanation, mentor_status_before, mentee_status_before, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(pilotId, mentorId, menteeId, score, JSON.stringify(explanation), mentorStatus, menteeStatus, now);
  return Number(lastInsertRowid);
}

export function endPair(db: Db, id: number, reason: string, today: string, now: string): { pair: Pair; row: PairRow } {
  const row = db.prepare('SELECT * FROM pairs WHERE id = ?').get(id) as PairRow | undefined;
  if (!row) throw notFound('Pair', id);
  if (row.ended_at) throw new AppError('INVALID_TRANSITION', `This pair was already ended on ${row.ended_at.slice(0, 10)}.`);
  db.prepare('UPDATE pairs SET ended_at = ?, end_reason = ? WHERE id = ?').run(now, reason, id);
  return { pair: getPair(db, id, today), row };
}
