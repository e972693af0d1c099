import type { Db } from '../db/types';
import { AppError, notFound } from '../errors';
import { parseJsonArray } from '../util/json';
import { NOT_HELD_YET, audienceFits, type TrainingAudience, type TrainingSession } from '../../../shared/training/contract';
import type { ParticipantRole } from '../../../shared/participants/contract';
import { STAGE_REASONS, settleStages } from './preparation';

interface Row {
  id: number;
  pilot_id: number;
  held_on: string;
  audience: TrainingAudience;
  topics: string;
  notes: string;
}

export interface TrainingFields {
  heldOn: string;
  audience: TrainingAudience;
  topics: string[];
  attendeeIds: number[];
  notes: string;
}

function toSession(db: Db, r: Row): TrainingSession {
  const attendees = db
    .prepare('SELECT p.id, p.name, p.role FROM training_attendance a JOIN participants p ON p.id = a.participant_id WHERE a.session_id = ? ORDER BY p.name COLLATE NOCASE')
    .all(r.id) as { id: number; name: string; role: 'mentor' | 'mentee' }[];
  return { id: r.id, pilotId: r.pilot_id, heldOn: r.held_on, audience: r.audience, topics: parseJsonArray(r.topics), attendees, notes: r.notes };
}

export function listTraining(db: Db, pilotId: number): TrainingSession[] {
  return (db.prepare('SELECT * FROM training_sessions WHERE pilot_id = ? ORDER BY held_on DESC, id DESC').all(pilotId) as Row[]).map((r) => toSession(db, r));
}

export function getTraining(db: Db, id: number): TrainingSession {
  const row = db.prepare('SELECT * FROM training_sessions WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw notFound('Training session', id);
  return toSession(db, row);
}

/**
 * Attendees are people of the pilot whose role the session was for, recorded once the session has
 * taken place. Everyone whose attendance changed has their stage brought in line with it.
 */
function writeAttendance(db: Db, sessionId: number, pilotId: number, t: TrainingFields, before: number[], today: string, now: string): void {
  const unique = [...new Set(t.attendeeIds)];
  const people = unique.length
    ? (db.prepare(`SELECT id, name, role, pilot_id FROM participants WHERE id IN (${unique.map(() => '?').join(',')})`).all(...unique) as { id: number; name: string; role: ParticipantRole; pilot_id: number }[])
    : [];
  const problems: string[] = [];
  if (people.length !== unique.length || people.some((p) => p.pilot_id !== pilotId)) problems.push('Some attendees are not in this pilot’s register.');
  for (const p of people) if (!audienceFits(t.audience, p.role)) problems.push(`${p.name} is a ${p.role}, but this session was for ${t.audience}.`);
  if (unique.length > 0 && t.heldOn > today) problems.push(NOT_HELD_YET);
  if (problems.length > 0) {
    throw new AppError('INVALID_INPUT', problems.join(' '), [{ path: ['session', 'attendeeIds'], message: problems.join(' ') }]);
  }
  db.prepare('DELETE FROM training_attendance WHERE session_id = ?').run(sessionId);
  const insert = db.prepare('INSERT INTO training_attendance (session_id, participant_id) VALUES (?, ?)');
  for (const id of unique) insert.run(sessionId, id);
  settleStages(db, pilotId, [...before, ...unique], today, now, STAGE_REASONS.trainingChanged);
}

export function insertTraining(db: Db, pilotId: number, t: TrainingFields, today: string, now: string): TrainingSession {
  const { lastInsertRowid } = db.prepare('INSERT INTO training_sessions (pilot_id, held_on, audience, topics, notes) VALUES (?, ?, ?, ?, ?)').run(pilotId, t.heldOn, t.audience, JSON.stringify(t.topics), t.notes);
  writeAttendance(db, Number(lastInsertRowid), pilotId, t, [], today, now);
  return getTraining(db, Number(lastInsertRowid));
}

export function updateTraining(db: Db, id: number, t: TrainingFields, today: string, now: string): TrainingSession {
  const current = getTraining(db, id);
  db.prepare('UPDATE training_sessions SET held_on = ?, audience = ?, topics = ?, notes = ? WHERE id = ?').run(t.heldOn, t.audience, JSON.stringify(t.topics), t.notes, id);
  writeAttendance(db, id, current.pilotId, t, current.attendees.map((a) => a.id), today, now);
  return getTraining(db, id);
}

/** Deleting a session takes its attendance with it; stages it set are taken back. */
export function deleteTraining(db: Db, id: number, today: string, now: string): void {
  const current = getTraining(db, id);
  db.prepare('DELETE FROM training_sessions WHERE id = ?').run(id);
  settleStages(db, current.pilotId, current.attendees.map((a) => a.id), today, now, STAGE_REASONS.trainingChanged);
}
