import { many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import type { ChemistryFilter, ChemistryMeeting, ChemistryPage, Willingness } from '../../../shared/chemistry/contract';
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

const filterSql: Record<ChemistryFilter, string> = {
  all: '1',
  'took-place': 'c.happened = 1',
  'did-not-happen': 'c.happened = 0',
  'said-no': "(c.mentor_willingness = 'no' OR c.mentee_willingness = 'no')",
  'not-asked': 'c.happened = 1 AND (c.mentor_willingness IS NULL OR c.mentee_willingness IS NULL)',
};

/** LIKE with the user's % and _ taken literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of a pilot's chemistry meetings, newest first, in one query for the rows and one for the
 * counts (a pilot may have thousands: the screen never loads them all).
 */
export function listChemistry(db: ReadDb, q: { pilotId: number; filter: ChemistryFilter; search: string; offset: number; limit: number }): ChemistryPage {
  const where = `c.pilot_id = @pilotId AND ${filterSql[q.filter]}${q.search ? " AND (m.name LIKE @pattern ESCAPE '\\' OR e.name LIKE @pattern ESCAPE '\\')" : ''}`;
  const filter = q.search ? { pilotId: q.pilotId, pattern: likePattern(q.search) } : { pilotId: q.pilotId };
  const total = value<number>(db, `SELECT count(*) FROM chemistry_meetings c JOIN participants m ON m.id = c.mentor_id JOIN participants e ON e.id = c.mentee_id WHERE ${where}`, filter) ?? 0;
  const rows = many<Row>(db, `${select} WHERE ${where} ORDER BY c.held_on DESC, c.id DESC LIMIT @limit OFFSET @offset`, { ...filter, offset: q.offset, limit: q.limit }).map(toMeeting);
  const summary = one<{ recorded: number; tookPlace: number; saidNo: number }>(
    db,
    `SELECT count(*) AS recorded, coalesce(sum(happened), 0) AS tookPlace,
       coalesce(sum(mentor_willingness = 'no' OR mentee_willingness = 'no'), 0) AS saidNo
     FROM chemistry_meetings WHERE pilot_id = ?`,
    [q.pilotId],
  )!;
  return { total, offset: q.offset, rows, summary };
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

function check(db: ReadDb, pilotId: number, m: ChemistryFields, today: string, exceptId?: number): void {
  if (m.happened && m.heldOn > today) {
    const message = 'A meeting that took place cannot be dated in the future. Record it once it has been held.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['meeting', 'heldOn'], message }]);
  }
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
  check(db, pilotId, m, today);
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
  check(db, current.pilotId, m, today, id);
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
