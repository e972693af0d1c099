import { jsonList, many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { countInPilot } from '../participants';
import { countThemesInPilot } from '../plan';
import { AppError, notFound } from '../errors';
import type { Attendance, Finding, FocusGroup, FocusGroupAudience } from '../../../shared/focus-groups/contract';

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

function findingsOf(db: ReadDb, focusGroupIds: number[]): Map<number, Finding[]> {
  const result = new Map<number, Finding[]>(focusGroupIds.map((id) => [id, []]));
  if (focusGroupIds.length === 0) return result;
  const ids = jsonList(focusGroupIds);
  const rows = many<{ id: number; focus_group_id: number; text: string }>(db, 'SELECT id, focus_group_id, text FROM findings WHERE focus_group_id IN (SELECT value FROM json_each(?)) ORDER BY id', [ids]);
  const links = many<{ finding_id: number; theme_id: number }>(
    db,
    'SELECT ft.finding_id, ft.theme_id FROM finding_themes ft JOIN findings f ON f.id = ft.finding_id WHERE f.focus_group_id IN (SELECT value FROM json_each(?)) ORDER BY ft.theme_id',
    [ids],
  );
  const themesByFinding = new Map<number, number[]>();
  for (const link of links) themesByFinding.set(link.finding_id, [...(themesByFinding.get(link.finding_id) ?? []), link.theme_id]);
  for (const r of rows) result.get(r.focus_group_id)!.push({ id: r.id, focusGroupId: r.focus_group_id, text: r.text, themeIds: themesByFinding.get(r.id) ?? [] });
  return result;
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
  const findings = findingsOf(db, rows.map((r) => r.id));
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
      findings: findings.get(r.id) ?? [],
    };
  });
}

export function listFocusGroups(db: ReadDb, pilotId: number): FocusGroup[] {
  return toFocusGroups(db, many<FocusGroupRow>(db, 'SELECT * FROM focus_groups WHERE pilot_id = ? ORDER BY held_on DESC, id DESC', [pilotId]));
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
  const { focusGroupId } = findingFocusGroup(db, id);
  return getFocusGroup(db, focusGroupId).findings.find((f) => f.id === id)!;
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
