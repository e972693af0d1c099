import type { Db } from '../db/types';
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

function findingsOf(db: Db, focusGroupIds: number[]): Map<number, Finding[]> {
  const result = new Map<number, Finding[]>(focusGroupIds.map((id) => [id, []]));
  if (focusGroupIds.length === 0) return result;
  const marks = focusGroupIds.map(() => '?').join(',');
  const rows = db.prepare(`SELECT id, focus_group_id, text FROM findings WHERE focus_group_id IN (${marks}) ORDER BY id`).all(...focusGroupIds) as { id: number; focus_group_id: number; text: string }[];
  const links = db
    .prepare(`SELECT ft.finding_id, ft.theme_id FROM finding_themes ft JOIN findings f ON f.id = ft.finding_id WHERE f.focus_group_id IN (${marks}) ORDER BY ft.theme_id`)
    .all(...focusGroupIds) as { finding_id: number; theme_id: number }[];
  const themesByFinding = new Map<number, number[]>();
  for (const link of links) themesByFinding.set(link.finding_id, [...(themesByFinding.get(link.finding_id) ?? []), link.theme_id]);
  for (const r of rows) result.get(r.focus_group_id)!.push({ id: r.id, focusGroupId: r.focus_group_id, text: r.text, themeIds: themesByFinding.get(r.id) ?? [] });
  return result;
}

function attendeesOf(db: Db, focusGroupId: number): { ids: number[]; names: string[] } {
  const rows = db
    .prepare('SELECT a.participant_id, p.name FROM focus_group_attendees a JOIN participants p ON p.id = a.participant_id WHERE a.focus_group_id = ? ORDER BY a.position')
    .all(focusGroupId) as { participant_id: number; name: string }[];
  return { ids: rows.map((r) => r.participant_id), names: rows.map((r) => r.name) };
}

function toFocusGroups(db: Db, rows: FocusGroupRow[]): FocusGroup[] {
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

export function listFocusGroups(db: Db, pilotId: number): FocusGroup[] {
  return toFocusGroups(db, db.prepare('SELECT * FROM focus_groups WHERE pilot_id = ? ORDER BY held_on DESC, id DESC').all(pilotId) as FocusGroupRow[]);
}

export function getFocusGroup(db: Db, id: number): FocusGroup {
  const row = db.prepare('SELECT * FROM focus_groups WHERE id = ?').get(id) as FocusGroupRow | undefined;
  if (!row) throw notFound('Focus group', id);
  return toFocusGroups(db, [row])[0]!;
}

/** Named attendees must be people of the same pilot. */
function assertAttendees(db: Db, pilotId: number, ids: number[]): void {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = db.prepare(`SELECT count(*) AS n FROM participants WHERE pilot_id = ? AND id IN (${unique.map(() => '?').join(',')})`).get(pilotId, ...unique) as { n: number };
  if (found.n !== unique.length) {
    const message = 'Some attendees are not in this pilot’s register.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['focusGroup', 'attendance', 'participantIds'], message }]);
  }
}

function writeAttendance(db: Db, focusGroupId: number, pilotId: number, attendance: Attendance): void {
  db.prepare('DELETE FROM focus_group_attendees WHERE focus_group_id = ?').run(focusGroupId);
  if (attendance.mode !== 'named') return;
  assertAttendees(db, pilotId, attendance.participantIds);
  const insert = db.prepare('INSERT INTO focus_group_attendees (focus_group_id, participant_id, position) VALUES (?, ?, ?)');
  [...new Set(attendance.participantIds)].forEach((participantId, i) => insert.run(focusGroupId, participantId, i));
}

const counts = (a: Attendance) => (a.mode === 'counts' ? { staff: a.staff, students: a.students } : { staff: 0, students: 0 });

export function insertFocusGroup(db: Db, pilotId: number, g: FocusGroupFields): FocusGroup {
  const c = counts(g.attendance);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO focus_groups (pilot_id, held_on, audience, facilitator, attendance_mode, staff_count, student_count, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(pilotId, g.heldOn, g.audience, g.facilitator, g.attendance.mode, c.staff, c.students, g.notes);
  writeAttendance(db, Number(lastInsertRowid), pilotId, g.attendance);
  return getFocusGroup(db, Number(lastInsertRowid));
}

export function updateFocusGroup(db: Db, id: number, g: FocusGroupFields): FocusGroup {
  const current = getFocusGroup(db, id);
  const c = counts(g.attendance);
  db.prepare('UPDATE focus_groups SET held_on = ?, audience = ?, facilitator = ?, attendance_mode = ?, staff_count = ?, student_count = ?, notes = ? WHERE id = ?').run(
    g.heldOn,
    g.audience,
    g.facilitator,
    g.attendance.mode,
    c.staff,
    c.students,
    g.notes,
    id,
  );
  writeAttendance(db, id, current.pilotId, g.attendance);
  return getFocusGroup(db, id);
}

// ---- findings -----------------------------------------------------------------------------

export function findingFocusGroup(db: Db, findingId: number): { focusGroupId: number; pilotId: number } {
  const row = db.prepare('SELECT f.focus_group_id, g.pilot_id FROM findings f JOIN focus_groups g ON g.id = f.focus_group_id WHERE f.id = ?').get(findingId) as
    | { focus_group_id: number; pilot_id: number }
    | undefined;
  if (!row) throw notFound('Finding', findingId);
  return { focusGroupId: row.focus_group_id, pilotId: row.pilot_id };
}

/** A finding can only inform themes of its own pilot. */
function writeThemeLinks(db: Db, findingId: number, pilotId: number, themeIds: number[]): void {
  const unique = [...new Set(themeIds)];
  if (unique.length > 0) {
    const found = db.prepare(`SELECT count(*) AS n FROM themes WHERE pilot_id = ? AND id IN (${unique.map(() => '?').join(',')})`).get(pilotId, ...unique) as { n: number };
    if (found.n !== unique.length) {
      const message = 'Some of the chosen themes do not belong to this pilot.';
      throw new AppError('INVALID_INPUT', message, [{ path: ['finding', 'themeIds'], message }]);
    }
  }
  db.prepare('DELETE FROM finding_themes WHERE finding_id = ?').run(findingId);
  const insert = db.prepare('INSERT INTO finding_themes (finding_id, theme_id) VALUES (?, ?)');
  for (const themeId of unique) insert.run(findingId, themeId);
}

function getFinding(db: Db, id: number): Finding {
  const { focusGroupId } = findingFocusGroup(db, id);
  return getFocusGroup(db, focusGroupId).findings.find((f) => f.id === id)!;
}

export function insertFinding(db: Db, focusGroupId: number, finding: { text: string; themeIds: number[] }): Finding {
  const group = getFocusGroup(db, focusGroupId);
  const { lastInsertRowid } = db.prepare('INSERT INTO findings (focus_group_id, text) VALUES (?, ?)').run(focusGroupId, finding.text);
  writeThemeLinks(db, Number(lastInsertRowid), group.pilotId, finding.themeIds);
  return getFinding(db, Number(lastInsertRowid));
}

export function updateFinding(db: Db, id: number, finding: { text: string; themeIds: number[] }): Finding {
  const { pilotId } = findingFocusGroup(db, id);
  db.prepare('UPDATE findings SET text = ? WHERE id = ?').run(finding.text, id);
  writeThemeLinks(db, id, pilotId, finding.themeIds);
  return getFinding(db, id);
}
