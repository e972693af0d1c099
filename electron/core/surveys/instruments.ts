import { many, one, run, value, values, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import type { Instrument, InstrumentSummary, ItemKind, Audience, SurveyItem } from '../../../shared/surveys/contract';
import type { itemDraft } from '../../../shared/surveys/contract';
import type { z } from 'zod';

/**
 * Questionnaires and their versions. An item's identity (survey_items) stays the same across
 * versions; its wording, audience, scale and place are kept per version (survey_version_items).
 * A change to the items of a version that has responses first copies it into a new version, so
 * answers always keep the wording they were given with.
 */

export type ItemValues = z.output<typeof itemDraft>;

interface VersionItemRow {
  item_id: number;
  position: number;
  kind: ItemKind;
  text: string;
  audience: Audience;
  reverse_scored: number;
  options: string;
}

/** An item as one version has it. */
export interface VersionItem {
  id: number;
  position: number;
  kind: ItemKind;
  text: string;
  audience: Audience;
  reverseScored: boolean;
  options: string[];
}

const parseOptions = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

const toItem = (row: VersionItemRow): VersionItem => ({
  id: row.item_id,
  position: row.position,
  kind: row.kind,
  text: row.text,
  audience: row.audience,
  reverseScored: row.reverse_scored === 1,
  options: parseOptions(row.options),
});

/** The pilot of a questionnaire (NOT_FOUND when there is none). */
export function instrumentPilot(db: ReadDb, instrumentId: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM survey_instruments WHERE id = ?', [instrumentId]);
  if (pilotId === undefined) throw notFound('Questionnaire', instrumentId);
  return pilotId;
}

export function currentVersion(db: ReadDb, instrumentId: number): { id: number; number: number } {
  const row = one<{ id: number; number: number }>(db, 'SELECT id, number FROM survey_versions WHERE instrument_id = ? ORDER BY number DESC LIMIT 1', [instrumentId]);
  if (!row) throw notFound('Questionnaire', instrumentId);
  return row;
}

export function versionItems(db: ReadDb, versionId: number): VersionItem[] {
  return many<VersionItemRow>(db, 'SELECT item_id, position, kind, text, audience, reverse_scored, options FROM survey_version_items WHERE version_id = ? ORDER BY position', [versionId]).map(toItem);
}

/** Every version's items of the questionnaires these versions belong to, by version id: what the analysis reads answers against. */
export function itemsOfVersions(db: ReadDb, versionIds: readonly number[]): Map<number, Map<number, VersionItem>> {
  const rows = many<VersionItemRow & { version_id: number }>(
    db,
    'SELECT version_id, item_id, position, kind, text, audience, reverse_scored, options FROM survey_version_items WHERE version_id IN (SELECT value FROM json_each(?)) ORDER BY version_id, position',
    [JSON.stringify(versionIds)],
  );
  const byVersion = new Map<number, Map<number, VersionItem>>();
  for (const row of rows) {
    let items = byVersion.get(row.version_id);
    if (!items) byVersion.set(row.version_id, (items = new Map()));
    items.set(row.item_id, toItem(row));
  }
  return byVersion;
}

export function versionNumber(db: ReadDb, versionId: number): number {
  return value<number>(db, 'SELECT number FROM survey_versions WHERE id = ?', [versionId]) ?? 0;
}

const responsesOfVersion = (db: ReadDb, versionId: number) => value<number>(db, 'SELECT count(*) FROM survey_responses WHERE version_id = ?', [versionId]) ?? 0;

export function listInstruments(db: ReadDb, pilotId: number): InstrumentSummary[] {
  return many<InstrumentSummary>(
    db,
    `SELECT i.id, i.pilot_id AS pilotId, i.title,
            (SELECT max(number) FROM survey_versions v WHERE v.instrument_id = i.id) AS version,
            (SELECT count(*) FROM survey_version_items vi WHERE vi.version_id = (SELECT id FROM survey_versions v WHERE v.instrument_id = i.id ORDER BY number DESC LIMIT 1)) AS items,
            (SELECT count(*) FROM survey_responses r JOIN survey_versions v ON v.id = r.version_id WHERE v.instrument_id = i.id) AS responses
       FROM survey_instruments i WHERE i.pilot_id = ? ORDER BY i.id`,
    [pilotId],
  );
}

export function getInstrument(db: ReadDb, instrumentId: number): Instrument {
  const row = one<{ id: number; pilot_id: number; title: string }>(db, 'SELECT id, pilot_id, title FROM survey_instruments WHERE id = ?', [instrumentId]);
  if (!row) throw notFound('Questionnaire', instrumentId);
  const versions = many<{ id: number; number: number; createdAt: string; responses: number }>(
    db,
    'SELECT v.id, v.number, v.created_at AS createdAt, (SELECT count(*) FROM survey_responses r WHERE r.version_id = v.id) AS responses FROM survey_versions v WHERE v.instrument_id = ? ORDER BY v.number',
    [instrumentId],
  );
  const current = versions.at(-1)!;
  // Wordings answered in earlier versions, for "the wording changed" notes; and which items have answers at all.
  const answeredWordings = many<{ item_id: number; number: number; text: string }>(
    db,
    `SELECT vi.item_id, v.number, vi.text FROM survey_version_items vi JOIN survey_versions v ON v.id = vi.version_id
      WHERE v.instrument_id = ? AND EXISTS (SELECT 1 FROM survey_responses r WHERE r.version_id = v.id) ORDER BY v.number`,
    [instrumentId],
  );
  const items: SurveyItem[] = versionItems(db, current.id).map((item) => {
    const answered = answeredWordings.filter((w) => w.item_id === item.id);
    const earlier = answered.filter((w) => w.number !== current.number && w.text !== item.text);
    const distinct = earlier.filter((w, i) => earlier.findIndex((x) => x.text === w.text) === i);
    return { ...item, earlierWordings: distinct.map((w) => ({ version: w.number, text: w.text })), answered: answered.length > 0 };
  });
  const waves = many<{ id: number; title: string }>(db, 'SELECT id, title FROM survey_waves WHERE instrument_id = ? ORDER BY opens_on, id', [instrumentId]);
  return {
    id: row.id,
    pilotId: row.pilot_id,
    title: row.title,
    version: current.number,
    items,
    responses: versions.reduce((sum, v) => sum + v.responses, 0),
    versions: versions.map(({ number, createdAt, responses }) => ({ number, createdAt, responses })),
    nextChangeMakesVersion: current.responses > 0,
    waves,
  };
}

function insertVersionItem(db: WriteDb, versionId: number, itemId: number, position: number, item: ItemValues): void {
  run(db, 'INSERT INTO survey_version_items (version_id, item_id, position, kind, text, audience, reverse_scored, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    versionId,
    itemId,
    position,
    item.kind,
    item.text,
    item.audience,
    item.reverseScored ? 1 : 0,
    JSON.stringify(item.options),
  ]);
}

export function createInstrument(db: WriteDb, pilotId: number, title: string, items: readonly ItemValues[], now: string): number {
  const instrumentId = run(db, 'INSERT INTO survey_instruments (pilot_id, title, created_at, updated_at) VALUES (?, ?, ?, ?)', [pilotId, title, now, now]).lastInsertRowid;
  const versionId = run(db, 'INSERT INTO survey_versions (instrument_id, number, created_at) VALUES (?, 1, ?)', [instrumentId, now]).lastInsertRowid;
  items.forEach((item, index) => {
    const itemId = run(db, 'INSERT INTO survey_items (instrument_id) VALUES (?)', [instrumentId]).lastInsertRowid;
    insertVersionItem(db, versionId, itemId, index + 1, item);
  });
  return instrumentId;
}

export function renameInstrument(db: WriteDb, instrumentId: number, title: string, now: string): void {
  run(db, 'UPDATE survey_instruments SET title = ?, updated_at = ? WHERE id = ?', [title, now, instrumentId]);
}

/**
 * The version whose items may be changed now: the current one, or — when it has responses — a copy
 * of it as the next version, so the answers already given keep their wording.
 */
export function editableVersion(db: WriteDb, instrumentId: number, now: string): number {
  const current = currentVersion(db, instrumentId);
  run(db, 'UPDATE survey_instruments SET updated_at = ? WHERE id = ?', [now, instrumentId]);
  if (responsesOfVersion(db, current.id) === 0) return current.id;
  const next = run(db, 'INSERT INTO survey_versions (instrument_id, number, created_at) VALUES (?, ?, ?)', [instrumentId, current.number + 1, now]).lastInsertRowid;
  run(
    db,
    'INSERT INTO survey_version_items (version_id, item_id, position, kind, text, audience, reverse_scored, options) SELECT ?, item_id, position, kind, text, audience, reverse_scored, options FROM survey_version_items WHERE version_id = ?',
    [next, current.id],
  );
  return next;
}

/** How an item was answered before, if at all: its kind and number of points or choices in versions that have responses. */
function answeredShape(db: ReadDb, itemId: number): { kind: ItemKind; options: number } | undefined {
  const row = one<{ kind: ItemKind; options: string }>(
    db,
    'SELECT vi.kind, vi.options FROM survey_version_items vi WHERE vi.item_id = ? AND EXISTS (SELECT 1 FROM survey_responses r WHERE r.version_id = vi.version_id) LIMIT 1',
    [itemId],
  );
  return row ? { kind: row.kind, options: parseOptions(row.options).length } : undefined;
}

const refuse = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path: ['item', path], message }]);

/** An answered item keeps what makes its answers comparable: its kind and its number of points or choices. */
export function assertComparableChange(db: ReadDb, itemId: number, item: ItemValues): void {
  const before = answeredShape(db, itemId);
  if (!before) return;
  if (before.kind !== item.kind) throw refuse('kind', 'This item already has answers, so its kind cannot change (they would no longer compare). Add a new item instead.');
  if (item.kind !== 'text' && before.options !== item.options.length) {
    throw refuse(
      'options',
      `This item already has answers on ${before.options} ${item.kind === 'likert' ? 'points' : 'choices'}, so that number cannot change (answers before and after would not compare). Change the labels’ words, or add a new item.`,
    );
  }
}

const MAX_ITEMS_MESSAGE = (max: number) => `A questionnaire has at most ${max} items.`;

export function addItem(db: WriteDb, instrumentId: number, item: ItemValues, maxItems: number, now: string): void {
  const versionId = editableVersion(db, instrumentId, now);
  const count = value<number>(db, 'SELECT count(*) FROM survey_version_items WHERE version_id = ?', [versionId]) ?? 0;
  if (count >= maxItems) throw new AppError('INVALID_INPUT', MAX_ITEMS_MESSAGE(maxItems));
  const itemId = run(db, 'INSERT INTO survey_items (instrument_id) VALUES (?)', [instrumentId]).lastInsertRowid;
  const last = value<number>(db, 'SELECT max(position) FROM survey_version_items WHERE version_id = ?', [versionId]) ?? 0;
  insertVersionItem(db, versionId, itemId, last + 1, item);
}

function assertInCurrent(db: ReadDb, instrumentId: number, itemId: number): void {
  const current = currentVersion(db, instrumentId);
  if (value<number>(db, 'SELECT 1 FROM survey_version_items WHERE version_id = ? AND item_id = ?', [current.id, itemId]) === undefined) {
    throw new AppError('NOT_FOUND', `Item ${itemId} is not in this questionnaire.`);
  }
}

/** True when anything changes (an unchanged item makes no new version). */
export function updateItem(db: WriteDb, instrumentId: number, itemId: number, item: ItemValues, now: string): boolean {
  assertInCurrent(db, instrumentId, itemId);
  assertComparableChange(db, itemId, item);
  const current = versionItems(db, currentVersion(db, instrumentId).id).find((i) => i.id === itemId)!;
  const same =
    current.kind === item.kind &&
    current.text === item.text &&
    current.audience === item.audience &&
    current.reverseScored === item.reverseScored &&
    JSON.stringify(current.options) === JSON.stringify(item.options);
  if (same) return false;
  const versionId = editableVersion(db, instrumentId, now);
  run(db, 'UPDATE survey_version_items SET kind = ?, text = ?, audience = ?, reverse_scored = ?, options = ? WHERE version_id = ? AND item_id = ?', [
    item.kind,
    item.text,
    item.audience,
    item.reverseScored ? 1 : 0,
    JSON.stringify(item.options),
    versionId,
    itemId,
  ]);
  return true;
}

export function removeItem(db: WriteDb, instrumentId: number, itemId: number, now: string): void {
  assertInCurrent(db, instrumentId, itemId);
  const versionId = editableVersion(db, instrumentId, now);
  run(db, 'DELETE FROM survey_version_items WHERE version_id = ? AND item_id = ?', [versionId, itemId]);
  // An item never answered and in no version any more is simply gone.
  run(db, 'DELETE FROM survey_items WHERE id = ? AND NOT EXISTS (SELECT 1 FROM survey_version_items WHERE item_id = ?)', [itemId, itemId]);
}

export function moveItem(db: WriteDb, instrumentId: number, itemId: number, direction: 'up' | 'down', now: string): void {
  assertInCurrent(db, instrumentId, itemId);
  const order = versionItems(db, currentVersion(db, instrumentId).id).map((i) => i.id);
  const from = order.indexOf(itemId);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= order.length) return;
  const versionId = editableVersion(db, instrumentId, now);
  [order[from], order[to]] = [order[to]!, order[from]!];
  order.forEach((id, index) => run(db, 'UPDATE survey_version_items SET position = ? WHERE version_id = ? AND item_id = ?', [index + 1, versionId, id]));
}

export function deleteInstrument(db: WriteDb, instrumentId: number): void {
  const waves = values<string>(db, 'SELECT title FROM survey_waves WHERE instrument_id = ? ORDER BY opens_on', [instrumentId]);
  if (waves.length > 0) {
    throw new AppError('CONFLICT', `This questionnaire is used by ${waves.map((w) => `“${w}”`).join(', ')}. Delete or change those waves first. Nothing was deleted.`);
  }
  run(db, 'DELETE FROM survey_instruments WHERE id = ?', [instrumentId]);
}
