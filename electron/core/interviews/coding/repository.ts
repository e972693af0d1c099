/** All SQL of the codebook and coded excerpts: in the attached interview database (`interviews.`). */
import { many, one, run, value, type ReadDb, type WriteDb } from '../../db/query';
import { AppError, notFound } from '../../errors';
import type { Code, Excerpt } from '../../../../shared/interviews/transcripts-contract';

const codeSelect = `SELECT c.id, c.pilot_id AS pilotId, c.name, c.colour, c.description, c.memo, c.theme_id AS themeId,
  (SELECT count(*) FROM interviews.excerpt_codes ec WHERE ec.code_id = c.id) AS excerpts
  FROM interviews.codes c`;

export function listCodes(db: ReadDb, pilotId: number): Code[] {
  return many<Code>(db, `${codeSelect} WHERE c.pilot_id = ? ORDER BY c.name COLLATE NOCASE, c.id`, [pilotId]);
}

export function codeById(db: ReadDb, id: number): Code {
  const code = one<Code>(db, `${codeSelect} WHERE c.id = ?`, [id]);
  if (!code) throw notFound('Code', id);
  return code;
}

export const codePilot = (db: ReadDb, id: number): number => codeById(db, id).pilotId;

function assertNameFree(db: ReadDb, pilotId: number, name: string, exceptId: number): void {
  if (value<number>(db, 'SELECT 1 FROM interviews.codes WHERE pilot_id = ? AND lower(name) = lower(?) AND id <> ?', [pilotId, name, exceptId])) {
    throw new AppError('CONFLICT', `The codebook already has a code called “${name}”. Choose another name, or merge the two codes; nothing was changed.`, [{ path: ['name'], message: 'Already in the codebook' }]);
  }
}

export interface CodeFields {
  name: string;
  colour: string;
  description: string;
}

export function insertCode(db: WriteDb, pilotId: number, fields: CodeFields, themeId: number | null, now: string): number {
  assertNameFree(db, pilotId, fields.name, 0);
  return run(db, 'INSERT INTO interviews.codes (pilot_id, name, colour, description, theme_id, created_at) VALUES (?, ?, ?, ?, ?, ?)', [pilotId, fields.name, fields.colour, fields.description, themeId, now]).lastInsertRowid;
}

export function updateCode(db: WriteDb, id: number, fields: CodeFields & { memo: string }): void {
  assertNameFree(db, codePilot(db, id), fields.name, id);
  run(db, 'UPDATE interviews.codes SET name = ?, colour = ?, description = ?, memo = ? WHERE id = ?', [fields.name, fields.colour, fields.description, fields.memo, id]);
}

export function themeIdsInCodebook(db: ReadDb, pilotId: number): Set<number> {
  return new Set(many<{ id: number }>(db, 'SELECT theme_id AS id FROM interviews.codes WHERE pilot_id = ? AND theme_id IS NOT NULL', [pilotId]).map((row) => row.id));
}

export function codeNamesTaken(db: ReadDb, pilotId: number): Set<string> {
  return new Set(many<{ name: string }>(db, 'SELECT lower(name) AS name FROM interviews.codes WHERE pilot_id = ?', [pilotId]).map((row) => row.name));
}

/** Moves every excerpt of `fromId` to `intoId` (an excerpt with both keeps one) and deletes `fromId`. */
export function mergeCodes(db: WriteDb, fromId: number, intoId: number): void {
  run(db, 'INSERT OR IGNORE INTO interviews.excerpt_codes (excerpt_id, code_id) SELECT excerpt_id, ? FROM interviews.excerpt_codes WHERE code_id = ?', [intoId, fromId]);
  run(db, 'DELETE FROM interviews.excerpt_codes WHERE code_id = ?', [fromId]);
  run(db, 'DELETE FROM interviews.codes WHERE id = ?', [fromId]);
}

/** Deletes a code; excerpts it alone coded go with it. Returns how many excerpts were removed. */
export function deleteCode(db: WriteDb, id: number): number {
  const only = many<{ id: number }>(
    db,
    `SELECT ec.excerpt_id AS id FROM interviews.excerpt_codes ec WHERE ec.code_id = ?
       AND NOT EXISTS (SELECT 1 FROM interviews.excerpt_codes other WHERE other.excerpt_id = ec.excerpt_id AND other.code_id <> ?)`,
    [id, id],
  ).map((row) => row.id);
  run(db, 'DELETE FROM interviews.excerpt_codes WHERE code_id = ?', [id]);
  for (const excerptId of only) run(db, 'DELETE FROM interviews.excerpts WHERE id = ?', [excerptId]);
  run(db, 'DELETE FROM interviews.codes WHERE id = ?', [id]);
  return only.length;
}

// ---- excerpts ----

interface ExcerptRow {
  id: number;
  interviewId: number;
  start: number;
  end: number;
  memo: string;
  codeIds: string;
  text: string;
}

// SQLite's substr counts characters (code points) in text, as the stored offsets do.
const excerptSelect = `SELECT e.id, e.interview_id AS interviewId, e.start_cp AS start, e.end_cp AS "end", e.memo,
  (SELECT json_group_array(code_id) FROM (SELECT code_id FROM interviews.excerpt_codes WHERE excerpt_id = e.id ORDER BY code_id)) AS codeIds,
  coalesce((SELECT substr(t.body, e.start_cp + 1, e.end_cp - e.start_cp) FROM interviews.transcripts t WHERE t.interview_id = e.interview_id), '') AS text
  FROM interviews.excerpts e`;

const toExcerpt = (row: ExcerptRow): Excerpt => ({ ...row, codeIds: JSON.parse(row.codeIds) as number[] });

export function excerptsOf(db: ReadDb, interviewId: number): Excerpt[] {
  return many<ExcerptRow>(db, `${excerptSelect} WHERE e.interview_id = ? ORDER BY e.start_cp, e.id`, [interviewId]).map(toExcerpt);
}

export function excerptById(db: ReadDb, id: number): Excerpt {
  const row = one<ExcerptRow>(db, `${excerptSelect} WHERE e.id = ?`, [id]);
  if (!row) throw notFound('Excerpt', id);
  return toExcerpt(row);
}

export function excerptAt(db: ReadDb, interviewId: number, start: number, end: number): number | undefined {
  return value<number>(db, 'SELECT id FROM interviews.excerpts WHERE interview_id = ? AND start_cp = ? AND end_cp = ?', [interviewId, start, end]);
}

export function insertExcerpt(db: WriteDb, interviewId: number, start: number, end: number, memo: string, now: string): number {
  return run(db, 'INSERT INTO interviews.excerpts (interview_id, start_cp, end_cp, memo, created_at) VALUES (?, ?, ?, ?, ?)', [interviewId, start, end, memo, now]).lastInsertRowid;
}

export function setExcerptMemo(db: WriteDb, id: number, memo: string): void {
  run(db, 'UPDATE interviews.excerpts SET memo = ? WHERE id = ?', [memo, id]);
}

export function addExcerptCodes(db: WriteDb, excerptId: number, codeIds: number[]): void {
  for (const codeId of codeIds) run(db, 'INSERT OR IGNORE INTO interviews.excerpt_codes (excerpt_id, code_id) VALUES (?, ?)', [excerptId, codeId]);
}

export function replaceExcerptCodes(db: WriteDb, excerptId: number, codeIds: number[]): void {
  run(db, 'DELETE FROM interviews.excerpt_codes WHERE excerpt_id = ?', [excerptId]);
  addExcerptCodes(db, excerptId, codeIds);
}

export function deleteExcerpt(db: WriteDb, id: number): void {
  run(db, 'DELETE FROM interviews.excerpt_codes WHERE excerpt_id = ?', [id]);
  run(db, 'DELETE FROM interviews.excerpts WHERE id = ?', [id]);
}

export interface CodedExcerptRow extends ExcerptRow {
  participantId: number;
  personName: string;
  personRole: 'mentor' | 'mentee';
}

export function pageExcerptsOfCode(db: ReadDb, codeId: number, offset: number, limit: number): { total: number; rows: (Excerpt & Omit<CodedExcerptRow, 'codeIds'>)[] } {
  const total = value<number>(db, 'SELECT count(*) FROM interviews.excerpt_codes WHERE code_id = ?', [codeId]) ?? 0;
  const rows = many<CodedExcerptRow>(
    db,
    `SELECT x.*, v.participant_id AS participantId, p.display_name AS personName, p.role AS personRole
     FROM (${excerptSelect}) x
     JOIN interviews.excerpt_codes ec ON ec.excerpt_id = x.id AND ec.code_id = ?
     JOIN interviews.interviews v ON v.id = x.interviewId
     JOIN interviews.people p ON p.participant_id = v.participant_id
     ORDER BY p.display_name COLLATE NOCASE, x.interviewId, x.start, x.id LIMIT ? OFFSET ?`,
    [codeId, limit, offset],
  );
  return { total, rows: rows.map((row) => ({ ...row, codeIds: JSON.parse(row.codeIds) as number[] })) };
}

/** Erasure of one person: their interviews' excerpts and transcripts. */
export function eraseTranscriptsOf(db: WriteDb, participantId: number): void {
  const ofPerson = 'SELECT id FROM interviews.interviews WHERE participant_id = ?';
  run(db, `DELETE FROM interviews.excerpt_codes WHERE excerpt_id IN (SELECT id FROM interviews.excerpts WHERE interview_id IN (${ofPerson}))`, [participantId]);
  run(db, `DELETE FROM interviews.excerpts WHERE interview_id IN (${ofPerson})`, [participantId]);
  run(db, `DELETE FROM interviews.transcripts WHERE interview_id IN (${ofPerson})`, [participantId]);
}
