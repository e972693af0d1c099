import type { Db } from '../db/types';
import { AppError, notFound } from '../errors';
import type { ChemistryMeeting, Willingness } from '../../../shared/chemistry/contract';
import { assertPairPeople } from '../participants/roles';
import { STAGE_REASONS, settleStages } from '../training/preparation';

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

export function listChemistry(db: Db, pilotId: number): ChemistryMeeting[] {
  return (db.prepare(`${select} WHERE c.pilot_id = ? ORDER BY c.held_on DESC, c.id DESC`).all(pilotId) as Row[]).map(toMeeting);
}

export function getChemistry(db: Db, id: number): ChemistryMeeting {
  const row = db.prepare(`${select} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('Chemistry meeting', id);
  return toMeeting(row);
}

function check(db: Db, pilotId: number, m: ChemistryFields, exceptId?: number): void {
  const { mentor, mentee } = assertPairPeople(db, pilotId, m.mentorId, m.menteeId, ['meeting']);
  const clash = db.prepare('SELECT id FROM chemistry_meetings WHERE mentor_id = ? AND mentee_id = ? AND id IS NOT ?').get(m.mentorId, m.menteeId, exceptId ?? null);
  if (clash) throw new AppError('CONFLICT', `A chemistry meeting between ${mentor.name} and ${mentee.name} is already recorded; change that one instead.`);
  if (!m.happened && (m.mentorWillingness || m.menteeWillingness)) {
    const message = 'Willingness is asked after a meeting that happened.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['meeting', 'happened'], message }]);
  }
}

/** A chemistry meeting that took place moves both people on to "chemistry"; one removed or not held takes back a stage it set. */
function settle(db: Db, pilotId: number, ids: number[], today: string, now: string): void {
  settleStages(db, pilotId, ids, today, now, STAGE_REASONS.chemistryChanged);
}

export function insertChemistry(db: Db, pilotId: number, m: ChemistryFields, today: string, now: string): ChemistryMeeting {
  check(db, pilotId, m);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO chemistry_meetings (pilot_id, held_on, mentor_id, mentee_id, happened, mentor_willingness, mentee_willingness, mentor_note, mentee_note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(pilotId, m.heldOn, m.mentorId, m.menteeId, +m.happened, m.mentorWillingness, m.menteeWillingness, m.mentorNote, m.menteeNote);
  settle(db, pilotId, [m.mentorId, m.menteeId], today, now);
  return getChemistry(db, Number(lastInsertRowid));
}

export function updateChemistry(db: Db, id: number, m: ChemistryFields, today: string, now: string): ChemistryMeeting {
  const current = getChemistry(db, id);
  check(db, current.pilotId, m, id);
  db.prepare(
    `UPDATE chemistry_meetings SET held_on = ?, mentor_id = ?, mentee_id = ?, happened = ?, mentor_willingness = ?, mentee_willingness = ?, mentor_note = ?, mentee_note = ? WHERE id = ?`,
  ).run(m.heldOn, m.mentorId, m.menteeId, +m.happened, m.mentorWillingness, m.menteeWillingness, m.mentorNote, m.menteeNote, id);
  // The people it was recorded for before, too: a meeting moved to someone else no longer counts for them.
  settle(db, current.pilotId, [current.mentorId, current.menteeId, m.mentorId, m.menteeId], today, now);
  return getChemistry(db, id);
}

export function deleteChemistry(db: Db, id: number, today: string, now: string): void {
  const current = getChemistry(db, id);
  db.prepare('DELETE FROM chemistry_meetings WHERE id = ?').run(id);
  settle(db, current.pilotId, [current.mentorId, current.menteeId], today, now);
}
