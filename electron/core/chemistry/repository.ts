import { many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import type { ChemistryMeeting, Willingness } from '../../../shared/chemistry/contract';
import { assertPairPeople } from '../participants';
import { settleStages } from '../training';

interface Row {
  id: number;
  pilot_id: number;
  held_on: string;
  mentor_id: number;
  mentor_name: string;
  mentee_id: number;
  mentee_name: string;
  happened: number;
  mentor_willingness: Willingness | null;
  mentee_willingness: Willingness | null;
  mentor_note: string;
  mentee_note: string;
}

export interface ChemistryFields {
  heldOn: string;
  mentorId: number;
  menteeId: number;
  happened: boolean;
  mentorWillingness: Willingness | null;
  menteeWillingness: Willingness | null;
  mentorNote: string;
  menteeNote: string;
}

const select = `SELECT c.*, m.name AS mentor_name, e.name AS mentee_name FROM chemistry_meetings c
  JOIN participants m ON m.id = c.mentor_id JOIN participants e ON e.id = c.mentee_id`;

const toMeeting = (r: Row): ChemistryMeeting => ({
  id: r.id,
  pilotId: r.pilot_id,
  heldOn: r.held_on,
  mentorId: r.mentor_id,
  mentorName: r.mentor_name,
  menteeId: r.mentee_id,
  menteeName: r.mentee_name,
  happened: r.happened === 1,
  mentorWillingness: r.mentor_willingness,
  menteeWillingness: r.mentee_willingness,
  mentorNote: r.mentor_note,
  menteeNote: r.mentee_note,
});

export function listChemistry(db: ReadDb, pilotId: number): ChemistryMeeting[] {
  return many<Row>(db, `${select} WHERE c.pilot_id = ? ORDER BY c.held_on DESC, c.id DESC`, [pilotId]).map(toMeeting);
}

export function getChemistry(db: ReadDb, id: number): ChemistryMeeting {
  const row = one<Row>(db, `${select} WHERE c.id = ?`, [id]);
  if (!row) throw notFound('Chemistry meeting', id);
  return toMeeting(row);
}

export function chemistryPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM chemistry_meetings WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Chemistry meeting', id);
  return pilotId;
}

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

function check(db: ReadDb, pilotId: number, m: ChemistryFields, exceptId?: number): void {
  const { mentor, mentee } = assertPairPeople(db, pilotId, m.mentorId, m.menteeId, ['meeting']);
  const clash = one(db, 'SELECT id FROM chemistry_meetings WHERE mentor_id = ? AND mentee_id = ? AND id IS NOT ?', [m.mentorId, m.menteeId, exceptId ?? null]);
  if (clash) throw new AppError('CONFLICT', `A chemistry meeting between ${mentor.name} and ${mentee.name} is already recorded; change that one instead.`);
  if (!m.happened && (m.mentorWillingness || m.menteeWillingness)) {
    const message = 'Willingness is asked after a meeting that happened.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['meeting', 'happened'], message }]);
  }
}

/** A chemistry meeting that took place moves both people on to "chemistry"; one removed or not held takes back a stage it set. */
function settle(db: WriteDb, pilotId: number, ids: number[], today: string, now: string): void {
  settleStages(db, pilotId, ids, today, now, 'chemistry');
}

export function insertChemistry(db: WriteDb, pilotId: number, m: ChemistryFields, today: string, now: string): ChemistryMeeting {
  check(db, pilotId, m);
  const { lastInsertRowid } = run(
    db,
    `INSERT INTO chemistry_meetings (pilot_id, held_on, mentor_id, mentee_id, happened, mentor_willingness, mentee_willingness, mentor_note, mentee_note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [pilotId, m.heldOn, m.mentorId, m.menteeId, +m.happened, m.mentorWillingness, m.menteeWillingness, m.mentorNote, m.menteeNote],
  );
  settle(db, pilotId, [m.mentorId, m.menteeId], today, now);
  return getChemistry(db, lastInsertRowid);
}

export function updateChemistry(db: WriteDb, id: number, m: ChemistryFields, today: string, now: string): ChemistryMeeting {
  const current = getChemistry(db, id);
  check(db, current.pilotId, m, id);
  run(
    db,
    'UPDATE chemistry_meetings SET held_on = ?, mentor_id = ?, mentee_id = ?, happened = ?, mentor_willingness = ?, mentee_willingness = ?, mentor_note = ?, mentee_note = ? WHERE id = ?',
    [m.heldOn, m.mentorId, m.menteeId, +m.happened, m.mentorWillingness, m.menteeWillingness, m.mentorNote, m.menteeNote, id],
  );
  // The people it was recorded for before, too: a meeting moved to someone else no longer counts for them.
  settle(db, current.pilotId, [current.mentorId, current.menteeId, m.mentorId, m.menteeId], today, now);
  return getChemistry(db, id);
}

export function deleteChemistry(db: WriteDb, id: number, today: string, now: string): void {
  const current = getChemistry(db, id);
  run(db, 'DELETE FROM chemistry_meetings WHERE id = ?', [id]);
  settle(db, current.pilotId, [current.mentorId, current.menteeId], today, now);
}
