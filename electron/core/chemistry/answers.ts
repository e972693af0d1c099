import { many, one, type ReadDb } from '../db/query';
import type { Willingness } from '../../../shared/chemistry/contract';

/*
 * What other features read about chemistry meetings. Kept apart from the repository's writes, which
 * settle people's stages through training: the training stage reads these, so they must not import it.
 */

/** Whether the person has had a chemistry meeting that took place. */
export function hadChemistryMeeting(db: ReadDb, participantId: number): boolean {
  return one(db, 'SELECT 1 FROM chemistry_meetings WHERE happened = 1 AND (mentor_id = @id OR mentee_id = @id)', { id: participantId }) !== undefined;
}

/** Every chemistry meeting of the pilot, for pairing: who met, and what each side said. */
export function chemistryAnswers(db: ReadDb, pilotId: number) {
  return many<{ mentor_id: number; mentee_id: number; happened: number; mentor_willingness: Willingness | null; mentee_willingness: Willingness | null }>(
    db,
    'SELECT mentor_id, mentee_id, happened, mentor_willingness, mentee_willingness FROM chemistry_meetings WHERE pilot_id = ?',
    [pilotId],
  ).map((c) => ({ mentorId: c.mentor_id, menteeId: c.mentee_id, happened: c.happened === 1, mentor: c.mentor_willingness, mentee: c.mentee_willingness }));
}

