import { jsonList, many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { countInPilot } from '../participants';
import { countThemesInPilot } from '../plan';
import { AppError, notFound } from '../errors';
import type { Attendance, Finding, FindingsPage, FocusGroup, FocusGroupAudience } from '../../../shared/focus-groups/contract';

interface FocusGroupRow {
  id: number;
  pilot_id: number;
  held_on: string;
  audience: FocusGroupAudience;
  facilitator: string;
  attendance_mode: 'named' | 'counts';
  staff_count: number;
  student_count: number;
  notes: string;
}

export interface FocusGroupFields {
  heldOn: string;
  audience: FocusGroupAudience;
  facilitator: string;
  attendance: Attendance;
  notes: string;
}

function findingCounts(db: ReadDb, focusGroupIds: number[]): Map<number, number> {
  const rows = many<{ focus_group_id: number; total: number }>(
    db,
    'SELECT focus_group_id, count(*) AS total FROM findings WHERE focus_group_id IN (SELECT value FROM json_each(?)) GROUP BY focus_group_id',
    [jsonList(focusGroupIds)],
  );
  return new Map(rows.map((r) => [r.focus_group_id, r.total]));
}

/** The themes each of these findings informed, by finding. */
function themeLinksOf(db: ReadDb, findingIds: number[]): Map<number, number[]> {
  const links = many<{ finding_id: number; theme_id: number }>(
    db,
    'SELECT finding_id, theme_id FROM finding_themes WHERE finding_id IN (SELECT value FROM json_each(?)) ORDER BY theme_id',
    [jsonList(findingIds)],
  );
  const themesByFinding = new Map<number, number[]>();
  for (const link of links) themesByFinding.set(link.finding_id, [...(themesByFinding.get(link.finding_id) ?? []), link.theme_id]);
  return themesByFinding;
}

/** LIKE with the user's % and _ taken literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of a session's findings in the order recorded, each with its number in the session
 * (which a filter does not change), by theme and words in the text.
 */
export function findingsPage(db: ReadDb, q: { focusGroupId: number; themeId?: number | 'none' | undefined; search: string; offset: number; limit: number }): FindingsPage {
  getFocusGroup(db, q.focusGroupId);
  const conditions = ['focus_group_id = @focusGroupId'];
  if (q.themeId === 'none') conditions.push('NOT EXISTS (SELECT 1 FROM finding_themes ft WHERE ft.finding_id = numbered.id)');
  else if (q.themeId !== undefined) conditions.push('EXISTS (SELECT 1 FROM finding_themes ft WHERE ft.finding_id = numbered.id AND ft.theme_id = @themeId)');
  if (q.search) conditions.push("text LIKE @pattern ESCAPE '\\'");
  const params = { focusGroupId: q.focusGroupId, ...(typeof q.themeId === 'number' ? { themeId: q.themeId } : {}), ...(q.search ? { pattern: likePattern(q.search) } : {}) };
  const numbered = '(SELECT id, focus_group_id, text, row_number() OVER (ORDER BY id) AS number FROM findings WHERE focus_group_id = @focusGroupId) AS numbered';
  const where = conditions.join(' AND ');
  const total = value<number>(db, `SELECT count(*) FROM ${numbered} WHERE ${where}`, params) ?? 0;
  const rows = many<{ id: number; focus_group_id: number; text: string; number: number }>(db, `SELECT id, focus_group_id, text, number FROM ${numbered} WHERE ${where} ORDER BY id LIMIT @limit OFFSET @offset`, {
    ...params,
    limit: q.limit,
    offset: q.offset,
  });
  const themes = themeLinksOf(db, rows.map((r) => r.id));
  const inSession = value<number>(db, 'SELECT count(*) FROM findings WHERE focus_group_id = ?', [q.focusGroupId]) ?? 0;
  return {
    total,
    offset: q.offset,
    inSession,
    rows: rows.map((r) => ({ id: r.id, focusGroupId: r.focus_group_id, text: r.text, themeIds: themes.get(r.id) ?? [], number: r.number })),
  };
}

function attendeesOf(db: ReadDb, focusGroupId: number): { ids: number[]; names: string[] } {
  const rows = many<{ participant_id: number; name: string }>(
    db,
    'SELECT a.participant_id, p.name FROM focus_group_attendees a JOIN participants p ON p.id = a.participant_id WHERE a.focus_group_id = ? ORDER BY a.position',
    [focusGroupId],
  );
  return { ids: rows.map((r) => r.participant_id), names: rows.map((r) => r.name) };
}

function toFocusGroups(db: ReadDb, rows: FocusGroupRow[]): FocusGroup[] {
  const findings = findingCounts(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const attendees = r.attendance_mode === 'named' ? attendeesOf(db, r.id) : { ids: [], names: [] };
    return {
      id: r.id,
      pilotId: r.pilot_id,
      heldOn: r.held_on,
      audience: r.audience,
      facilitator: r.facilitator,
      attendance: r.attendance_mode === 'named' ? { mode: 'named', participantIds: attendees.ids } : { mode: 'counts', staff: r.staff_count, students: r.student_count },
      attendeeNames: attendees.names,
      notes: r.notes,
      findingCount: findings.get(r.id) ?? 0,
    };
  });
}

/** A pilot's sessions, most recent first, with how many findings each has (what the screen lists). */
export function focusGroupsOfPilot(db: ReadDb, pilotId: number): FocusGroup[] {
  return toFocusGroups(db, many<FocusGroupRow>(db, 'SELECT * FROM focus_groups WHERE pilot_id = ? ORDER BY held_on DESC, id DESC', [pilotId]));
}

/** A pilot's sessions with all their findings (in the order recorded), for other features (the research export). */
export function listFocusGroups(db: ReadDb, pilotId: number): (FocusGroup & { findings: Finding[] })[] {
  const groups = focusGroupsOfPilot(db, pilotId);
  const rows = many<{ id: number; focus_group_id: number; text: string }>(
    db,
    'SELECT f.id, f.focus_group_id, f.text FROM findings f JOIN focus_groups g ON g.id = f.focus_group_id WHERE g.pilot_id = ? ORDER BY f.id',
    [pilotId],
  );
  const themes = themeLinksOf(db, rows.map((r) => r.id));
  const byGroup = new Map<number, Finding[]>();
  for (const r of rows) byGroup.set(r.focus_group_id, [...(byGroup.get(r.focus_group_id) ?? []), { id: r.id, focusGroupId: r.focus_group_id, text: r.text, themeIds: themes.get(r.id) ?? [] }]);
  return groups.map((group) => ({ ...group, findings: byGroup.get(group.id) ?? [] }));
}

export function getFocusGroup(db: ReadDb, id: number): FocusGroup {
  const row = one<FocusGroupRow>(db, 'SELECT * FROM focus_groups WHERE id = ?', [id]);
  if (!row) throw notFound('Focus group', id);
  return toFocusGroups(db, [row])[0]!;
}

export function focusGroupPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM focus_groups WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Focus group', id);
  return pilotId;
}

export function deleteFocusGroup(db: WriteDb, id: number): void {
  run(db, 'DELETE FROM focus_groups WHERE id = ?', [id]);
}

/** Named attendees must be people of the same pilot. */
function assertAttendees(db: ReadDb, pilotId: number, ids: number[]): void {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  if (countInPilot(db, pilotId, unique) !== unique.length) {
    const message = 'Some attendees are not in this pilot’s register.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['focusGroup', 'attendance', 'participantIds'], message }]);
  }
}

function writeAttendance(db: WriteDb, focusGroupId: number, pilotId: number, attendance: Attendance): void {
  run(db, 'DELETE FROM focus_group_attendees WHERE focus_group_id = ?', [focusGroupId]);
  if (attendance.mode !== 'named') return;
  assertAttendees(db, pilotId, attendance.participantIds);
  [...new Set(attendance.participantIds)].forEach((participantId, i) =>
    run(db, 'INSERT INTO focus_group_attendees (focus_group_id, participant_id, position) VALUES (?, ?, ?)', [focusGroupId, participantId, i]),
  );
}

const counts = (a: Attendance) => (a.mode === 'counts' ? { staff: a.staff, students: a.students } : { staff: 0, students: 0 });

export function insertFocusGroup(db: WriteDb, pilotId: number, g: FocusGroupFields): FocusGroup {
  const c = counts(g.attendance);
  const { lastInsertRowid: id } = run(
    db,
    'INSERT INTO focus_groups (pilot_id, held_on, audience, facilitator, attendance_mode, staff_count, student_count, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [pilotId, g.heldOn, g.audience, g.facilitator, g.attendance.mode, c.staff, c.students, g.notes],
  );
  writeAttendance(db, id, pilotId, g.attendance);
  return getFocusGroup(db, id);
}

export function updateFocusGroup(db: WriteDb, id: number, g: FocusGroupFields): FocusGroup {
  const current = getFocusGroup(db, id);
  const c = counts(g.attendance);
  run(db, 'UPDATE focus_groups SET held_on = ?, audience = ?, facilitator = ?, attendance_mode = ?, staff_count = ?, student_count = ?, notes = ? WHERE id = ?', [
    g.heldOn,
    g.audience,
    g.facilitator,
    g.attendance.mode,
    c.staff,
    c.students,
    g.notes,
    id,
  ]);
  writeAttendance(db, id, current.pilotId, g.attendance);
  return getFocusGroup(db, id);
}

// ---- findings -----------------------------------------------------------------------------

export function findingFocusGroup(db: ReadDb, findingId: number): { focusGroupId: number; pilotId: number } {
  const row = one<{ focus_group_id: number; pilot_id: number }>(db, 'SELECT f.focus_group_id, g.pilot_id FROM findings f JOIN focus_groups g ON g.id = f.focus_group_id WHERE f.id = ?', [findingId]);
  if (!row) throw notFound('Finding', findingId);
  return { focusGroupId: row.focus_group_id, pilotId: row.pilot_id };
}

/** A finding can only inform themes of its own pilot. */
export const findingPilot = (db: ReadDb, findingId: number): number => findingFocusGroup(db, findingId).pilotId;

export function deleteFinding(db: WriteDb, id: number): void {
  run(db, 'DELETE FROM findings WHERE id = ?', [id]);
}

function writeThemeLinks(db: WriteDb, findingId: number, pilotId: number, themeIds: number[]): void {
  const unique = [...new Set(themeIds)];
  if (unique.length > 0) {
    if (countThemesInPilot(db, pilotId, unique) !== unique.length) {
      const message = 'Some of the chosen themes do not belong to this pilot.';
      throw new AppError('INVALID_INPUT', message, [{ path: ['finding', 'themeIds'], message }]);
    }
  }
  run(db, 'DELETE FROM finding_themes WHERE finding_id = ?', [findingId]);
  for (const themeId of unique) run(db, 'INSERT INTO finding_themes (finding_id, theme_id) VALUES (?, ?)', [findingId, themeId]);
}

function getFinding(db: ReadDb, id: number): Finding {
  const row = one<{ id: number; focus_group_id: number; text: string }>(db, 'SELECT id, focus_group_id, text FROM findings WHERE id = ?', [id]);
  if (!row) throw notFound('Finding', id);
  return { id: row.id, focusGroupId: row.focus_group_id, text: row.text, themeIds: themeLinksOf(db, [id]).get(id) ?? [] };
}

export function insertFinding(db: WriteDb, focusGroupId: number, finding: { text: string; themeIds: number[] }): Finding {
  const group = getFocusGroup(db, focusGroupId);
  const { lastInsertRowid: id } = run(db, 'INSERT INTO findings (focus_group_id, text) VALUES (?, ?)', [focusGroupId, finding.text]);
  writeThemeLinks(db, id, group.pilotId, finding.themeIds);
  return getFinding(db, id);
}

export function updateFinding(db: WriteDb, id: number, finding: { text: string; themeIds: number[] }): Finding {
  const { pilotId } = findingFocusGroup(db, id);
  run(db, 'UPDATE findings SET text = ? WHERE id = ?', [finding.text, id]);
  writeThemeLinks(db, id, pilotId, finding.themeIds);
  return getFinding(db, id);
}
