import { many, one, run, value, type ReadDb, type WriteDb } from '../../db/query';
import { AppError, notFound } from '../../errors';
import { parseJsonArray } from '../../util/json';
import { missingTopics } from '../../training';
import { getEligibility, getMeetingPlan } from '../../plan';
import { chemistryAnswers } from '../../chemistry';
import { assertPairPeople, pairingBlock, pairingFacts, person, setPairingCapacity, type PairingBlock, type PairingGate } from '../../participants';
import {
  DEFAULT_MATCHING_SETTINGS,
  matchingSettingsSchema,
  type MatchingSettings,
  type MatchingState,
  type Pair,
  type PairRule,
} from '../../../../shared/matching/contract';
import type { ConsentState, ParticipantStatus } from '../../../../shared/participants/contract';
import { pairKey, type Excluded, type PairingInput, type Person } from './types';

/** Who the pairing screen lists: everyone still taking part. Free capacity counts current pairs; who may be paired is `pairingBlock`'s rule. */
const PAIRABLE = "p.status NOT IN ('withdrawn', 'completed')";

/** What the pilot's plan asks before pairing. */
export function pairingGateOf(db: ReadDb, pilotId: number): PairingGate {
  const { chemistryBeforePairing, trainingBeforePairing } = getMeetingPlan(db, pilotId);
  return { chemistryBeforePairing, trainingBeforePairing };
}

/** Why this person may not be paired in their pilot now, or null when they may. */
export function blockOf(db: ReadDb, pilotId: number, participantId: number): PairingBlock | null {
  return pairingBlock(pairingFacts(db, participantId), pairingGateOf(db, pilotId));
}

/** Refuses a pin or a pair with someone outside the pairing pool, naming them and why. */
export function assertInPool(db: ReadDb, pilotId: number, ids: { mentorId: number; menteeId: number }, what: string): void {
  const problems = (['mentorId', 'menteeId'] as const).flatMap((field) => {
    const blocked = blockOf(db, pilotId, ids[field]);
    return blocked ? [{ field, message: `${person(db, ids[field]).name} cannot be ${what}: ${blocked.words.toLowerCase()}.` }] : [];
  });
  if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.map((p) => p.message).join(' '), problems.map((p) => ({ path: [p.field], message: p.message })));
}

export function getSettings(db: ReadDb, pilotId: number): MatchingSettings {
  const stored = value<string>(db, 'SELECT settings FROM matching_settings WHERE pilot_id = ?', [pilotId]);
  const parsed = stored !== undefined ? matchingSettingsSchema.safeParse(JSON.parse(stored)) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_MATCHING_SETTINGS;
}

export function setSettings(db: WriteDb, pilotId: number, settings: MatchingSettings): MatchingSettings {
  const eligibility = new Map(getEligibility(db, pilotId).map((c) => [c.toLowerCase(), c]));
  const unknown = settings.differenceCharacteristics.filter((c) => !eligibility.has(c.toLowerCase()));
  if (unknown.length > 0) {
    const message = `Not among this pilot’s categories: ${unknown.join(', ')}.`;
    throw new AppError('INVALID_INPUT', message, [{ path: ['settings', 'differenceCharacteristics'], message }]);
  }
  const clean = { ...settings, differenceCharacteristics: settings.differenceCharacteristics.map((c) => eligibility.get(c.toLowerCase())!) };
  run(db, 'INSERT INTO matching_settings (pilot_id, settings) VALUES (?, ?) ON CONFLICT (pilot_id) DO UPDATE SET settings = excluded.settings', [pilotId, JSON.stringify(clean)]);
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
  consent: ConsentState;
  repairing_note: string | null;
}

function people(db: ReadDb, pilotId: number): PersonRow[] {
  return many<PersonRow>(
    db,
    `SELECT p.id, p.name, p.role, p.department, p.status, p.characteristics, p.topics, p.availability, p.capacity, p.consent_state AS consent, p.repairing_note,
       (SELECT count(*) FROM pairs x WHERE x.ended_at IS NULL AND (x.mentor_id = p.id OR x.mentee_id = p.id)) AS paired
     FROM participants p WHERE p.pilot_id = ? AND ${PAIRABLE} ORDER BY p.name COLLATE NOCASE, p.id`,
    [pilotId],
  );
}

function preferencesOf(db: ReadDb, pilotId: number): Map<number, number[]> {
  const rows = many<{ participant_id: number; preferred_id: number }>(
    db,
    'SELECT f.participant_id, f.preferred_id FROM pair_preferences f JOIN participants p ON p.id = f.participant_id WHERE p.pilot_id = ? ORDER BY f.participant_id, f.rank',
    [pilotId],
  );
  const map = new Map<number, number[]>();
  for (const r of rows) map.set(r.participant_id, [...(map.get(r.participant_id) ?? []), r.preferred_id]);
  return map;
}

export function listRules(db: ReadDb, pilotId: number): PairRule[] {
  return many<{ mentor_id: number; mentee_id: number; rule: 'pin' | 'forbid' }>(db, 'SELECT mentor_id, mentee_id, rule FROM pair_rules WHERE pilot_id = ? ORDER BY mentor_id, mentee_id', [pilotId]).map(
    (r) => ({ mentorId: r.mentor_id, menteeId: r.mentee_id, rule: r.rule }),
  );
}

function listConflicts(db: ReadDb, pilotId: number) {
  return many<{ id: number; mentor_id: number; mentee_id: number; kind: 'teaches' | 'assesses' | 'supervises' | 'other'; note: string }>(
    db,
    'SELECT id, mentor_id, mentee_id, kind, note FROM conflicts_of_interest WHERE pilot_id = ? ORDER BY id',
    [pilotId],
  ).map((r) => ({ id: r.id, mentorId: r.mentor_id, menteeId: r.mentee_id, kind: r.kind, note: r.note }));
}

export function getState(db: ReadDb, pilotId: number, today: string): MatchingState {
  const missing = missingTopics(db, pilotId, today);
  const prefs = preferencesOf(db, pilotId);
  const gate = pairingGateOf(db, pilotId);
  return {
    settings: getSettings(db, pilotId),
    eligibility: getEligibility(db, pilotId),
    gate,
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
      notInPool: pairingBlock(p, gate)?.words ?? null,
      repairingNote: p.repairing_note,
    })),
    conflicts: listConflicts(db, pilotId),
    rules: listRules(db, pilotId),
  };
}

const conflictVerb = { teaches: 'teaches', assesses: 'assesses', supervises: 'supervises', other: 'has a conflict of interest with' } as const;

/** Reads the cohort and its constraints into the pure pairing input. */
export function loadPairingInput(db: ReadDb, pilotId: number): PairingInput {
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
  const gate = pairingGateOf(db, pilotId);
  const excluded: Excluded[] = [];
  const all = people(db, pilotId).filter((p) => {
    const blocked = pairingBlock(p, gate);
    if (blocked) excluded.push({ id: p.id, name: p.name, role: p.role, block: blocked });
    return !blocked;
  });
  const chemistry = new Map(chemistryAnswers(db, pilotId).map(({ mentorId, menteeId, ...answer }) => [pairKey(mentorId, menteeId), answer]));
  return {
    settings: getSettings(db, pilotId),
    mentors: all.filter((p) => p.role === 'mentor').map(toPerson),
    mentees: all.filter((p) => p.role === 'mentee').map(toPerson),
    excluded,
    chemistry,
    conflicts: new Map(listConflicts(db, pilotId).map((c) => [pairKey(c.mentorId, c.menteeId), conflictVerb[c.kind]])),
    rules: new Map(listRules(db, pilotId).map((r) => [pairKey(r.mentorId, r.menteeId), r.rule])),
    current: new Set(many<{ mentor_id: number; mentee_id: number }>(db, 'SELECT mentor_id, mentee_id FROM pairs WHERE pilot_id = ? AND ended_at IS NULL', [pilotId]).map((r) => pairKey(r.mentor_id, r.mentee_id))),
  };
}

export function addConflict(db: WriteDb, pilotId: number, mentorId: number, menteeId: number, kind: 'teaches' | 'assesses' | 'supervises' | 'other', note: string) {
  const { mentor, mentee } = assertPairPeople(db, pilotId, mentorId, menteeId);
  const current = one(db, 'SELECT id FROM pairs WHERE mentor_id = ? AND mentee_id = ? AND ended_at IS NULL', [mentorId, menteeId]);
  if (current) throw new AppError('CONFLICT', `${mentee.name} and ${mentor.name} are a confirmed pair: end the pair first (with the conflict as the reason).`);
  const { lastInsertRowid } = run(db, 'INSERT INTO conflicts_of_interest (pilot_id, mentor_id, mentee_id, kind, note) VALUES (?, ?, ?, ?, ?)', [pilotId, mentorId, menteeId, kind, note]);
  return listConflicts(db, pilotId).find((c) => c.id === lastInsertRowid)!;
}

export function conflictPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM conflicts_of_interest WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Conflict of interest', id);
  return pilotId;
}

export function removeConflict(db: WriteDb, id: number): void {
  run(db, 'DELETE FROM conflicts_of_interest WHERE id = ?', [id]);
}

export function setRule(db: WriteDb, pilotId: number, mentorId: number, menteeId: number, rule: 'pin' | 'forbid' | null): PairRule[] {
  assertPairPeople(db, pilotId, mentorId, menteeId);
  if (rule === 'pin') assertInPool(db, pilotId, { mentorId, menteeId }, 'pinned');
  run(db, 'DELETE FROM pair_rules WHERE mentor_id = ? AND mentee_id = ?', [mentorId, menteeId]);
  if (rule) run(db, 'INSERT INTO pair_rules (pilot_id, mentor_id, mentee_id, rule) VALUES (?, ?, ?, ?)', [pilotId, mentorId, menteeId, rule]);
  return listRules(db, pilotId);
}

/** Takes away the pin of a pair (once confirmed, it has done its job); says whether there was one. */
export function clearPin(db: WriteDb, mentorId: number, menteeId: number): boolean {
  return run(db, "DELETE FROM pair_rules WHERE mentor_id = ? AND mentee_id = ? AND rule = 'pin'", [mentorId, menteeId]).changes > 0;
}

export function setPreferences(db: WriteDb, participantId: number, preferredIds: number[]): number[] {
  const who = person(db, participantId);
  const unique = [...new Set(preferredIds)];
  for (const id of unique) {
    const other = person(db, id);
    if (other.pilotId !== who.pilotId || other.role === who.role) {
      const message = `${other.name} cannot be a preferred partner of ${who.name}: preferences are for people of the other role in the same pilot.`;
      throw new AppError('INVALID_INPUT', message, [{ path: ['preferredIds'], message }]);
    }
  }
  run(db, 'DELETE FROM pair_preferences WHERE participant_id = ?', [participantId]);
  unique.forEach((id, i) => run(db, 'INSERT INTO pair_preferences (participant_id, preferred_id, rank) VALUES (?, ?, ?)', [participantId, id, i + 1]));
  return unique;
}

/** A person's current pairs, with their partner. */
export function currentPairsOf(db: ReadDb, participantId: number): { pairId: number; partnerId: number; partnerName: string; partnerStatus: ParticipantStatus }[] {
  return many<{ pairId: number; partnerId: number; partnerName: string; partnerStatus: ParticipantStatus }>(
    db,
    `SELECT x.id AS pairId, o.id AS partnerId, o.name AS partnerName, o.status AS partnerStatus FROM pairs x
     JOIN participants o ON o.id = CASE WHEN x.mentor_id = @id THEN x.mentee_id ELSE x.mentor_id END
     WHERE x.ended_at IS NULL AND (x.mentor_id = @id OR x.mentee_id = @id) ORDER BY x.id`,
    { id: participantId },
  );
}

/** How many current (not ended) pairs a person is in. */
export function currentPairCount(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM pairs WHERE ended_at IS NULL AND (mentor_id = @id OR mentee_id = @id)', { id: participantId })!;
}

export function setCapacity(db: WriteDb, participantId: number, capacity: number): number {
  const who = person(db, participantId);
  const paired = currentPairCount(db, participantId);
  if (capacity < paired) {
    const message = `${who.name} already has ${paired} partners; end a pair before lowering their capacity below that.`;
    throw new AppError('INVALID_INPUT', message, [{ path: ['capacity'], message }]);
  }
  setPairingCapacity(db, participantId, capacity);
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

function toPairs(db: ReadDb, rows: PairRow[], today: string): Pair[] {
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

export function listPairs(db: ReadDb, pilotId: number, includeEnded: boolean, today: string): Pair[] {
  const rows = many<PairRow>(db, `${pairSelect} WHERE x.pilot_id = ? ${includeEnded ? '' : 'AND x.ended_at IS NULL'} ORDER BY e.name COLLATE NOCASE, m.name COLLATE NOCASE, x.id`, [pilotId]);
  return toPairs(db, rows, today);
}

/** Pairs by id, in that order; who is not trained yet is read once for them all. */
export function getPairs(db: ReadDb, ids: number[], today: string): Pair[] {
  const rows = ids.map((id) => {
    const row = one<PairRow>(db, `${pairSelect} WHERE x.id = ?`, [id]);
    if (!row) throw notFound('Pair', id);
    return row;
  });
  return toPairs(db, rows, today);
}

export function getPair(db: ReadDb, id: number, today: string): Pair {
  return getPairs(db, [id], today)[0]!;
}

export function pairPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM pairs WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Pair', id);
  return pilotId;
}

export function insertPair(db: WriteDb, pilotId: number, mentorId: number, menteeId: number, score: number, explanation: Pair['explanation'], now: string): number {
  const mentorStatus = person(db, mentorId).status;
  const menteeStatus = person(db, menteeId).status;
  return run(
    db,
    'INSERT INTO pairs (pilot_id, mentor_id, mentee_id, score, explanation, mentor_status_before, mentee_status_before, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [pilotId, mentorId, menteeId, score, JSON.stringify(explanation), mentorStatus, menteeStatus, now],
  ).lastInsertRowid;
}

export function endPair(db: WriteDb, id: number, reason: string, today: string, now: string): { pair: Pair; row: PairRow } {
  const row = one<PairRow>(db, 'SELECT * FROM pairs WHERE id = ?', [id]);
  if (!row) throw notFound('Pair', id);
  if (row.ended_at) throw new AppError('INVALID_TRANSITION', `This pair was already ended on ${row.ended_at.slice(0, 10)}.`);
  run(db, 'UPDATE pairs SET ended_at = ?, end_reason = ? WHERE id = ?', [now, reason, id]);
  return { pair: getPair(db, id, today), row };
}
