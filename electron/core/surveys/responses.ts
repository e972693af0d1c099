import { many, one, run, tuples, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import type { ParticipantRole, ParticipantStatus } from '../../../shared/participants/contract';
import type { Audience, Respondent, WaveKind } from '../../../shared/surveys/contract';
import { rolesOf, TAKING_PART } from './people';

/** A response's scores as stored: {itemId: point or choice number}. */
export type Scores = Record<string, number>;

/** A person's answers in a wave, as written. */
export interface NewResponse {
  waveId: number;
  participantId: number;
  versionId: number;
  scores: ReadonlyMap<number, number>;
  texts: ReadonlyMap<number, string>;
  source: 'entered' | 'imported';
}

/** A person's answers in a wave, as read back. */
export interface StoredResponse extends Omit<NewResponse, 'waveId'> {
  id: number;
  recordedAt: string;
}

/** Scores written by this module only; anything else in the column (a hand edit) is read as no answers rather than a crash. */
export function parseScores(json: string): Map<number, number> {
  const scores = new Map<number, number>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return scores;
  }
  if (typeof parsed !== 'object' || parsed === null) return scores;
  for (const [key, score] of Object.entries(parsed)) {
    if (Number.isInteger(score) && /^\d+$/.test(key)) scores.set(Number(key), score as number);
  }
  return scores;
}

const scoresJson = (scores: ReadonlyMap<number, number>) => JSON.stringify(Object.fromEntries([...scores].sort(([a], [b]) => a - b)));

export function findResponse(db: ReadDb, waveId: number, participantId: number): StoredResponse | undefined {
  const row = one<{ id: number; version_id: number; scores: string; source: 'entered' | 'imported'; recorded_at: string }>(
    db,
    'SELECT id, version_id, scores, source, recorded_at FROM survey_responses WHERE wave_id = ? AND participant_id = ?',
    [waveId, participantId],
  );
  if (!row) return undefined;
  const texts = many<{ item_id: number; text: string }>(db, 'SELECT item_id, text FROM survey_text_answers WHERE response_id = ?', [row.id]);
  return {
    id: row.id,
    participantId,
    versionId: row.version_id,
    scores: parseScores(row.scores),
    texts: new Map(texts.map((t) => [t.item_id, t.text])),
    source: row.source,
    recordedAt: row.recorded_at,
  };
}

/** Writes a person's answers in a wave, replacing any they had there. */
export function writeResponse(db: WriteDb, response: NewResponse, now: string): number {
  run(db, 'DELETE FROM survey_responses WHERE wave_id = ? AND participant_id = ?', [response.waveId, response.participantId]);
  const id = run(db, 'INSERT INTO survey_responses (wave_id, participant_id, version_id, scores, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)', [
    response.waveId,
    response.participantId,
    response.versionId,
    scoresJson(response.scores),
    response.source,
    now,
  ]).lastInsertRowid;
  for (const [itemId, text] of response.texts) run(db, 'INSERT INTO survey_text_answers (response_id, item_id, text) VALUES (?, ?, ?)', [id, itemId, text]);
  return id;
}

export function deleteResponse(db: WriteDb, waveId: number, participantId: number): void {
  const { changes } = run(db, 'DELETE FROM survey_responses WHERE wave_id = ? AND participant_id = ?', [waveId, participantId]);
  if (changes === 0) throw new AppError('NOT_FOUND', 'This person has no response in this wave, so there is nothing to remove.');
}

export interface RespondentPerson {
  id: number;
  pilotId: number;
  name: string;
  email: string;
  role: ParticipantRole;
  status: ParticipantStatus;
  consentState: string;
}

export function respondentPerson(db: ReadDb, participantId: number): RespondentPerson {
  const row = one<RespondentPerson>(db, 'SELECT id, pilot_id AS pilotId, name, email, role, status, consent_state AS consentState FROM participants WHERE id = ?', [participantId]);
  if (!row) throw notFound('Participant', participantId);
  return row;
}

export const isTakingPart = (person: Pick<RespondentPerson, 'status' | 'consentState'>) => person.status !== 'withdrawn' && person.consentState !== 'withdrawn' && person.consentState !== 'declined';

/** A LIKE pattern that matches the words literally (% and _ in a name are not wildcards). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The people a wave is for, in name order: its audience still taking part, and anyone with a
 * response there (say, someone who withdrew since), so every response can be found and removed.
 */
export function respondents(
  db: ReadDb,
  waveId: number,
  audience: Audience,
  filter: { search: string; answered: 'all' | 'answered' | 'not-yet'; offset: number; limit: number },
  codeOf: (id: number) => string,
): { rows: Respondent[]; total: number; answered: number; invited: number } {
  const where = `p.pilot_id = (SELECT pilot_id FROM survey_waves WHERE id = @waveId)
      AND p.role IN (SELECT value FROM json_each(@roles))
      AND ((${TAKING_PART}) OR r.id IS NOT NULL)`;
  const params = { waveId, roles: JSON.stringify(rolesOf(audience)), search: containing(filter.search), answered: filter.answered, offset: filter.offset, limit: filter.limit };
  const from = `FROM participants p LEFT JOIN survey_responses r ON r.wave_id = @waveId AND r.participant_id = p.id`;
  const filtered = `${where} AND p.name LIKE @search ESCAPE '\\'
      AND (@answered = 'all' OR (@answered = 'answered') = (r.id IS NOT NULL))`;
  const rows = many<{ id: number; name: string; role: ParticipantRole; status: ParticipantStatus; source: 'entered' | 'imported' | null }>(
    db,
    `SELECT p.id, p.name, p.role, p.status, r.source ${from} WHERE ${filtered} ORDER BY p.name COLLATE NOCASE, p.id LIMIT @limit OFFSET @offset`,
    params,
  );
  const counts = one<{ total: number; answered: number; invited: number }>(
    db,
    `SELECT (SELECT count(*) ${from} WHERE ${filtered}) AS total,
            (SELECT count(*) FROM survey_responses WHERE wave_id = @waveId) AS answered,
            (SELECT count(*) FROM participants p WHERE p.pilot_id = (SELECT pilot_id FROM survey_waves WHERE id = @waveId) AND p.role IN (SELECT value FROM json_each(@roles)) AND ${TAKING_PART}) AS invited`,
    params,
  )!;
  return {
    rows: rows.map((row) => ({ participantId: row.id, name: row.name, role: row.role, status: row.status, code: codeOf(row.id), answered: row.source !== null, source: row.source })),
    ...counts,
  };
}

/** A response's scores as the analysis reads them: `scores[itemId]`, undefined when the item was skipped. */
export interface ScoredResponse {
  participantId: number;
  versionId: number;
  scores: Readonly<Record<number, unknown>>;
}

/**
 * Every response of a wave with its scores: what the analysis reads, one row per person. The JSON is
 * parsed as it is (no copying into maps): 10,000 responses of 30 items are read in milliseconds; a
 * value that is not a whole number is treated as skipped by the reader.
 */
export function waveScores(db: ReadDb, waveId: number): ScoredResponse[] {
  return tuples<[number, number, string]>(db, 'SELECT participant_id, version_id, scores FROM survey_responses WHERE wave_id = ?', [waveId]).map(([participantId, versionId, json]) => {
    let scores: unknown;
    try {
      scores = JSON.parse(json);
    } catch {
      scores = {};
    }
    return { participantId, versionId, scores: typeof scores === 'object' && scores !== null ? (scores as Record<number, unknown>) : {} };
  });
}

/** The versions a wave's responses were given in. */
export function waveVersions(db: ReadDb, waveId: number): number[] {
  return many<{ version_id: number }>(db, 'SELECT DISTINCT version_id FROM survey_responses WHERE wave_id = ?', [waveId]).map((r) => r.version_id);
}

/** A wave's free-text answers of the given people, in response order, paged; and how many there are. */
export function textAnswers(db: ReadDb, waveId: number, participantIds: readonly number[], offset: number, limit: number): { rows: { participantId: number; itemId: number; text: string }[]; total: number } {
  const params = { waveId, ids: JSON.stringify(participantIds), offset, limit };
  const where = "r.wave_id = @waveId AND r.participant_id IN (SELECT value FROM json_each(@ids)) AND trim(t.text) <> ''";
  const rows = many<{ participantId: number; itemId: number; text: string }>(
    db,
    `SELECT r.participant_id AS participantId, t.item_id AS itemId, t.text FROM survey_text_answers t JOIN survey_responses r ON r.id = t.response_id WHERE ${where} ORDER BY r.id, t.item_id LIMIT @limit OFFSET @offset`,
    params,
  );
  const total = value<number>(db, `SELECT count(*) FROM survey_text_answers t JOIN survey_responses r ON r.id = t.response_id WHERE ${where}`, params) ?? 0;
  return { rows, total };
}

/** How many non-empty free-text answers of a wave each person gave. */
export function textAnswerCounts(db: ReadDb, waveId: number): Map<number, number> {
  const rows = many<{ participant_id: number; answers: number }>(
    db,
    "SELECT r.participant_id, count(*) AS answers FROM survey_text_answers t JOIN survey_responses r ON r.id = t.response_id WHERE r.wave_id = ? AND trim(t.text) <> '' GROUP BY r.participant_id",
    [waveId],
  );
  return new Map(rows.map((r) => [r.participant_id, r.answers]));
}

/** The pilot's people by email (lower case), for matching a file's rows. */
export function peopleByEmail(db: ReadDb, pilotId: number): Map<string, RespondentPerson> {
  const rows = many<RespondentPerson>(db, 'SELECT id, pilot_id AS pilotId, name, email, role, status, consent_state AS consentState FROM participants WHERE pilot_id = ?', [pilotId]);
  return new Map(rows.map((r) => [r.email.toLowerCase(), r]));
}

/** The waves put to one person (their role is in the audience), each with when they answered or null: their page. */
export const wavesOfPerson = (db: ReadDb, participantId: number) =>
  many<{ waveId: number; title: string; kind: WaveKind; opensOn: string; closesOn: string; answeredAt: string | null }>(
    db,
    `SELECT w.id AS waveId, w.title, w.kind, w.opens_on AS opensOn, w.closes_on AS closesOn, r.recorded_at AS answeredAt
       FROM participants p
       JOIN survey_waves w ON w.pilot_id = p.pilot_id AND (w.audience = 'both' OR w.audience = p.role || 's')
       LEFT JOIN survey_responses r ON r.wave_id = w.id AND r.participant_id = p.id
      WHERE p.id = ? ORDER BY w.opens_on, w.id`,
    [participantId],
  );
