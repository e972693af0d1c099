import type { Db } from '../db/types';
import { AppError, notFound } from '../errors';
import type { ParticipantRole, ParticipantStatus } from '../../../shared/participants/contract';

export interface PersonRef {
  id: number;
  pilotId: number;
  name: string;
  role: ParticipantRole;
  status: ParticipantStatus;
}

export function person(db: Db, id: number): PersonRef {
  const row = db.prepare('SELECT id, pilot_id AS pilotId, name, role, status FROM participants WHERE id = ?').get(id) as PersonRef | undefined;
  if (!row) throw notFound('Participant', id);
  return row;
}

/**
 * The two people of a (prospective) pair: a mentor (student) and a mentee (staff) of the given
 * pilot, neither withdrawn. `path` names the input fields for the error issues.
 */
export function assertPairPeople(db: Db, pilotId: number, mentorId: number, menteeId: number, path: string[] = []): { mentor: PersonRef; mentee: PersonRef } {
  const mentor = person(db, mentorId);
  const mentee = person(db, menteeId);
  const problems: { field: string; message: string }[] = [];
  if (mentor.pilotId !== pilotId) problems.push({ field: 'mentorId', message: `${mentor.name} is not in this pilot.` });
  if (mentee.pilotId !== pilotId) problems.push({ field: 'menteeId', message: `${mentee.name} is not in this pilot.` });
  if (mentor.role !== 'mentor') problems.push({ field: 'mentorId', message: `${mentor.name} is a mentee (staff), not a mentor (student).` });
  if (mentee.role !== 'mentee') problems.push({ field: 'menteeId', message: `${mentee.name} is a mentor (student), not a mentee (staff).` });
  for (const [who, field] of [[mentor, 'mentorId'], [mentee, 'menteeId']] as const) {
    if (who.status === 'withdrawn') problems.push({ field, message: `${who.name} has withdrawn from the scheme.` });
  }
  if (problems.length > 0) {
    throw new AppError('INVALID_INPUT', problems.map((p) => p.message).join(' '), problems.map((p) => ({ path: [...path, p.field], message: p.message })));
  }
  return { mentor, mentee };
}

/** Moves a person forward to `to` when they are still before it in the pipeline (never backwards). */
export function advanceTo(db: Db, id: number, to: ParticipantStatus, before: ParticipantStatus[], now: string, reason: string | null = null): void {
  const current = person(db, id);
  if (!before.includes(current.status)) return;
  db.prepare('UPDATE participants SET status = ?, status_reason = NULL, updated_at = ? WHERE id = ?').run(to, now, id);
  db.prepare('INSERT INTO participant_status_history (participant_id, from_status, to_status, reason, at) VALUES (?, ?, ?, ?, ?)').run(id, current.status, to, reason, now);
}
