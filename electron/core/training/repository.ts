import { many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { parseJsonArray } from '../util/json';
import { NOT_HELD_YET, audienceFits, type TrainingAudience, type TrainingSession } from '../../../shared/training/contract';
import { people } from '../participants';
import { settleStages } from './preparation';

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

function toSession(db: ReadDb, r: Row): TrainingSession {
  const attendees = many<{ id: number; name: string; role: 'mentor' | 'mentee' }>(
    db,
    'SELECT p.id, p.name, p.role FROM training_attendance a JOIN participants p ON p.id = a.participant_id WHERE a.session_id = ? ORDER BY p.name COLLATE NOCASE',
    [r.id],
  );
  return { id: r.id, pilotId: r.pilot_id, heldOn: r.held_on, audience: r.audience, topics: parseJsonArray(r.topics), attendees, notes: r.notes };
}

export function listTraining(db: ReadDb, pilotId: number): TrainingSession[] {
  return many<Row>(db, 'SELECT * FROM training_sessions WHERE pilot_id = ? ORDER BY held_on DESC, id DESC', [pilotId]).map((r) => toSession(db, r));
}

export function getTraining(db: ReadDb, id: number): TrainingSession {
  const row = one<Row>(db, 'SELECT * FROM training_sessions WHERE id = ?', [id]);
  if (!row) throw notFound('Training session', id);
  return toSession(db, row);
}

export function trainingPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM training_sessions WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Training session', id);
  return pilotId;
}

/**
 * Attendees are people of the pilot whose role the session was for, recorded once the session has
 * taken place. Everyone whose attendance changed has their stage brought in line with it.
 */
function writeAttendance(db: WriteDb, sessionId: number, pilotId: number, t: TrainingFields, before: number[], today: string, now: string): void {
  const unique = [...new Set(t.attendeeIds)];
  const found = unique.length ? people(db, unique) : [];
  const problems: string[] = [];
  if (found.length !== unique.length || found.some((p) => p.pilotId !== pilotId)) problems.push('Some attendees are not in this pilot’s register.');
  for (const p of found) if (!audienceFits(t.audience, p.role)) problems.push(`${p.name} is a ${p.role}, but this session was for ${t.audience}.`);
  if (unique.length > 0 && t.heldOn > today) problems.push(NOT_HELD_YET);
  if (problems.length > 0) {
    throw new AppError('INVALID_INPUT', problems.join(' '), [{ path: ['session', 'attendeeIds'], message: problems.join(' ') }]);
  }
  run(db, 'DELETE FROM training_attendance WHERE session_id = ?', [sessionId]);
  for (const id of unique) run(db, 'INSERT INTO training_attendance (session_id, participant_id) VALUES (?, ?)', [sessionId, id]);
  settleStages(db, pilotId, [...before, ...unique], today, now, 'training');
}

export function insertTraining(db: WriteDb, pilotId: number, t: TrainingFields, today: string, now: string): TrainingSession {
  const { lastInsertRowid: id } = run(db, 'INSERT INTO training_sessions (pilot_id, held_on, audience, topics, notes) VALUES (?, ?, ?, ?, ?)', [
    pilotId,
    t.heldOn,
    t.audience,
    JSON.stringify(t.topics),
    t.notes,
  ]);
  writeAttendance(db, id, pilotId, t, [], today, now);
  return getTraining(db, id);
}

export function updateTraining(db: WriteDb, id: number, t: TrainingFields, today: string, now: string): TrainingSession {
  const current = getTraining(db, id);
  run(db, 'UPDATE training_sessions SET held_on = ?, audience = ?, topics = ?, notes = ? WHERE id = ?', [t.heldOn, t.audience, JSON.stringify(t.topics), t.notes, id]);
  writeAttendance(db, id, current.pilotId, t, current.attendees.map((a) => a.id), today, now);
  return getTraining(db, id);
}

/** Deleting a session takes its attendance with it; stages it set are taken back. */
export function deleteTraining(db: WriteDb, id: number, today: string, now: string): void {
  const current = getTraining(db, id);
  run(db, 'DELETE FROM training_sessions WHERE id = ?', [id]);
  settleStages(db, current.pilotId, current.attendees.map((a) => a.id), today, now, 'training');
}
