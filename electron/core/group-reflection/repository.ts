import { jsonList, many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { countInPilot } from '../participants';
import { countThemesInPilot } from '../plan';
import { AppError, notFound } from '../errors';
import { MAX_REFLECTION_FINDINGS, type GroupReflection, type ReflectionAttendance, type ReflectionFinding } from '../../../shared/group-reflection/contract';

interface EventRow {
  id: number;
  pilot_id: number;
  held_on: string;
  place: string;
  attendance_mode: 'named' | 'counted';
  head_count: number;
  notes: string;
}

export interface EventFields {
  heldOn: string;
  place: string;
  attendance: ReflectionAttendance;
  notes: string;
}

function findingCounts(db: ReadDb, eventIds: number[]): Map<number, number> {
  const rows = many<{ event_id: number; total: number }>(
    db,
    'SELECT group_reflection_id AS event_id, count(*) AS total FROM group_reflection_findings WHERE group_reflection_id IN (SELECT value FROM json_each(?)) GROUP BY group_reflection_id',
    [jsonList(eventIds)],
  );
  return new Map(rows.map((r) => [r.event_id, r.total]));
}

/** Named attendees in the order given; a withdrawn person is still listed (they did attend), marked. */
function attendeesOf(db: ReadDb, eventId: number): GroupReflection['attendees'] {
  return many<{ id: number; name: string; status: string }>(
    db,
    `SELECT p.id, p.name, p.status FROM group_reflection_attendees a JOIN participants p ON p.id = a.participant_id
     WHERE a.group_reflection_id = ? ORDER BY a.position`,
    [eventId],
  ).map((r) => ({ id: r.id, name: r.name, withdrawn: r.status === 'withdrawn' }));
}

function toEvents(db: ReadDb, rows: EventRow[]): GroupReflection[] {
  const findings = findingCounts(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const attendees = r.attendance_mode === 'named' ? attendeesOf(db, r.id) : [];
    return {
      id: r.id,
      pilotId: r.pilot_id,
      heldOn: r.held_on,
      place: r.place,
      attendance: r.attendance_mode === 'named' ? { mode: 'named', participantIds: attendees.map((a) => a.id) } : { mode: 'counted', headCount: r.head_count },
      attendees,
      notes: r.notes,
      findingCount: findings.get(r.id) ?? 0,
    };
  });
}

export function eventsOfPilot(db: ReadDb, pilotId: number): GroupReflection[] {
  return toEvents(db, many<EventRow>(db, 'SELECT * FROM group_reflections WHERE pilot_id = ? ORDER BY held_on DESC, id DESC', [pilotId]));
}

export function getEvent(db: ReadDb, id: number): GroupReflection {
  const row = one<EventRow>(db, 'SELECT * FROM group_reflections WHERE id = ?', [id]);
  if (!row) throw notFound('Group reflection', id);
  return toEvents(db, [row])[0]!;
}

export function eventPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM group_reflections WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Group reflection', id);
  return pilotId;
}

function writeAttendance(db: WriteDb, eventId: number, pilotId: number, attendance: ReflectionAttendance): void {
  run(db, 'DELETE FROM group_reflection_attendees WHERE group_reflection_id = ?', [eventId]);
  if (attendance.mode !== 'named') return;
  const unique = [...new Set(attendance.participantIds)];
  if (countInPilot(db, pilotId, unique) !== unique.length) {
    const message = 'Some attendees are not in this pilot’s register.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['event', 'attendance', 'participantIds'], message }]);
  }
  unique.forEach((participantId, position) =>
    run(db, 'INSERT INTO group_reflection_attendees (group_reflection_id, participant_id, position) VALUES (?, ?, ?)', [eventId, participantId, position]),
  );
}

const headCount = (attendance: ReflectionAttendance) => (attendance.mode === 'counted' ? attendance.headCount : 0);

export function insertEvent(db: WriteDb, pilotId: number, event: EventFields): GroupReflection {
  const { lastInsertRowid: id } = run(db, 'INSERT INTO group_reflections (pilot_id, held_on, place, attendance_mode, head_count, notes) VALUES (?, ?, ?, ?, ?, ?)', [
    pilotId,
    event.heldOn,
    event.place,
    event.attendance.mode,
    headCount(event.attendance),
    event.notes,
  ]);
  writeAttendance(db, id, pilotId, event.attendance);
  return getEvent(db, id);
}

export function updateEvent(db: WriteDb, id: number, event: EventFields): GroupReflection {
  const pilotId = eventPilot(db, id);
  run(db, 'UPDATE group_reflections SET held_on = ?, place = ?, attendance_mode = ?, head_count = ?, notes = ? WHERE id = ?', [
    event.heldOn,
    event.place,
    event.attendance.mode,
    headCount(event.attendance),
    event.notes,
    id,
  ]);
  writeAttendance(db, id, pilotId, event.attendance);
  return getEvent(db, id);
}

export function saveNotes(db: WriteDb, id: number, notes: string): void {
  eventPilot(db, id);
  run(db, 'UPDATE group_reflections SET notes = ? WHERE id = ?', [notes, id]);
}

export function deleteEvent(db: WriteDb, id: number): void {
  run(db, 'DELETE FROM group_reflections WHERE id = ?', [id]);
}

// ---- findings -----------------------------------------------------------------------------

function themeLinksOf(db: ReadDb, findingIds: number[]): Map<number, number[]> {
  const links = many<{ finding_id: number; theme_id: number }>(
    db,
    'SELECT finding_id, theme_id FROM group_reflection_finding_themes WHERE finding_id IN (SELECT value FROM json_each(?)) ORDER BY theme_id',
    [jsonList(findingIds)],
  );
  const byFinding = new Map<number, number[]>();
  for (const link of links) byFinding.set(link.finding_id, [...(byFinding.get(link.finding_id) ?? []), link.theme_id]);
  return byFinding;
}

interface FindingRow {
  id: number;
  group_reflection_id: number;
  text: string;
}

function toFindings(db: ReadDb, rows: FindingRow[]): ReflectionFinding[] {
  const themes = themeLinksOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, groupReflectionId: r.group_reflection_id, text: r.text, themeIds: themes.get(r.id) ?? [] }));
}

export function findingsOfEvent(db: ReadDb, eventId: number): ReflectionFinding[] {
  return toFindings(db, many<FindingRow>(db, 'SELECT id, group_reflection_id, text FROM group_reflection_findings WHERE group_reflection_id = ? ORDER BY id', [eventId]));
}

/** A pilot's events with all their findings, for other features (the research export). */
export function eventsWithFindings(db: ReadDb, pilotId: number): (GroupReflection & { findings: ReflectionFinding[] })[] {
  return eventsOfPilot(db, pilotId).map((event) => ({ ...event, findings: findingsOfEvent(db, event.id) }));
}

function getFinding(db: ReadDb, id: number): ReflectionFinding {
  const row = one<FindingRow>(db, 'SELECT id, group_reflection_id, text FROM group_reflection_findings WHERE id = ?', [id]);
  if (!row) throw notFound('Finding', id);
  return toFindings(db, [row])[0]!;
}

export function findingPilot(db: ReadDb, findingId: number): number {
  const pilotId = value<number>(db, 'SELECT g.pilot_id FROM group_reflection_findings f JOIN group_reflections g ON g.id = f.group_reflection_id WHERE f.id = ?', [findingId]);
  if (pilotId === undefined) throw notFound('Finding', findingId);
  return pilotId;
}

function writeThemeLinks(db: WriteDb, findingId: number, pilotId: number, themeIds: number[]): void {
  const unique = [...new Set(themeIds)];
  if (unique.length > 0 && countThemesInPilot(db, pilotId, unique) !== unique.length) {
    const message = 'Some of the chosen themes do not belong to this pilot.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['finding', 'themeIds'], message }]);
  }
  run(db, 'DELETE FROM group_reflection_finding_themes WHERE finding_id = ?', [findingId]);
  for (const themeId of unique) run(db, 'INSERT INTO group_reflection_finding_themes (finding_id, theme_id) VALUES (?, ?)', [findingId, themeId]);
}

export function insertFinding(db: WriteDb, eventId: number, finding: { text: string; themeIds: number[] }): ReflectionFinding {
  const pilotId = eventPilot(db, eventId);
  const existing = value<number>(db, 'SELECT count(*) FROM group_reflection_findings WHERE group_reflection_id = ?', [eventId]) ?? 0;
  if (existing >= MAX_REFLECTION_FINDINGS) {
    throw new AppError('INVALID_INPUT', `An event holds at most ${MAX_REFLECTION_FINDINGS} findings. Merge some before adding more.`, [{ path: ['finding', 'text'], message: 'Too many findings' }]);
  }
  const { lastInsertRowid: id } = run(db, 'INSERT INTO group_reflection_findings (group_reflection_id, text) VALUES (?, ?)', [eventId, finding.text]);
  writeThemeLinks(db, id, pilotId, finding.themeIds);
  return getFinding(db, id);
}

export function updateFinding(db: WriteDb, id: number, finding: { text: string; themeIds: number[] }): ReflectionFinding {
  const pilotId = findingPilot(db, id);
  run(db, 'UPDATE group_reflection_findings SET text = ? WHERE id = ?', [finding.text, id]);
  writeThemeLinks(db, id, pilotId, finding.themeIds);
  return getFinding(db, id);
}

export function deleteFinding(db: WriteDb, id: number): void {
  run(db, 'DELETE FROM group_reflection_findings WHERE id = ?', [id]);
}

/** Group reflection events held between two dates (inclusive): the dashboard's week. */
export const reflectionsBetween = (db: ReadDb, pilotId: number, from: string, to: string): number =>
  value<number>(db, 'SELECT count(*) FROM group_reflections WHERE pilot_id = ? AND held_on BETWEEN ? AND ?', [pilotId, from, to])!;

/** The events one person is named as attending, for their page. */
export const reflectionsOfPerson = (db: ReadDb, participantId: number) =>
  many<{ id: number; heldOn: string; place: string }>(
    db,
    `SELECT g.id, g.held_on AS heldOn, g.place FROM group_reflection_attendees a JOIN group_reflections g ON g.id = a.group_reflection_id
      WHERE a.participant_id = ? ORDER BY g.held_on, g.id`,
    [participantId],
  );
