import type { ReadDb } from '../db/query';
import { AppError } from '../errors';
import { person, type PersonRef } from './repository';

/**
 * The two people of a (prospective) pair: a mentor (student) and a mentee (staff) of the given
 * pilot, neither withdrawn. `path` names the input fields for the error issues.
 */
export function assertPairPeople(db: ReadDb, pilotId: number, mentorId: number, menteeId: number, path: string[] = []): { mentor: PersonRef; mentee: PersonRef } {
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
