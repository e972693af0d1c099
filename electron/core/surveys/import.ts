import type { ReadDb, WriteDb } from '../db/query';
import { previewImport, runImport, type ImportKind, type MappedRow, type Problem, type RowReading, type StagedTable } from '../imports';
import { normalCode, pseudonymCoder } from '../pseudonyms';
import { RESPONDENT_FIELD, itemField, type ResponseColumnMapping, type ResponseImportPreview, type Wave } from '../../../shared/surveys/contract';
import { AppError } from '../errors';
import { currentVersion, versionItems, type VersionItem } from './instruments';
import { findResponse, isTakingPart, peopleByEmail, writeResponse, type RespondentPerson } from './responses';
import { rolesOf } from './people';
import { fromQualtrics } from './qualtrics';

/**
 * Survey responses from a forms tool's export (Microsoft Forms, Google Forms, Qualtrics), through the
 * import pipeline: one row per person, who they are by email or participant code, and one column
 * per question, mapped by the question's text. Likert answers may be the label ("Strongly agree",
 * in any case and spacing) or the point's number; choices likewise. Every row or none.
 */

interface ResponseRow {
  person: RespondentPerson;
  scores: Map<number, number>;
  texts: Map<number, string>;
}

const normalLabel = (text: string) =>
  text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\s_]+/g, ' ')
    .replace(/^[\s.,;:!-]+|[\s.,;:!-]+$/g, '');

/** A point or choice from a cell: its number (alone, or leading "4 - Agree"), or its label; undefined when it is neither. */
export function readPoint(cell: string, options: readonly string[]): number | undefined {
  const leading = /^(\d+)(?:\s*[-–—.:)]\s*(.*))?$/.exec(cell.trim());
  if (leading) {
    const point = Number(leading[1]);
    const rest = leading[2] ?? '';
    if (point >= 1 && point <= options.length && (rest === '' || normalLabel(rest) === normalLabel(options[point - 1]!))) return point;
  }
  const wanted = normalLabel(cell);
  const at = options.findIndex((option) => normalLabel(option) === wanted);
  return at >= 0 ? at + 1 : undefined;
}

/** A heading holds an item when it contains the item's words in order, whatever the punctuation ("How much do you agree? [I feel I belong here]"). */
function headingClue(text: string): RegExp {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return /$^/;
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+'), 'u');
}

const describePoints = (item: VersionItem) => item.options.map((o, i) => `${i + 1} “${o}”`).join(', ');

/** The import kind for one wave: its fields are the respondent and the items of the questionnaire's current version. */
export function responseImportKind(db: ReadDb, wave: Wave): { kind: ImportKind<string, ResponseRow>; versionId: number; items: VersionItem[] } {
  const version = currentVersion(db, wave.instrumentId);
  const items = versionItems(db, version.id).filter((item) => rolesOf(item.audience).some((role) => rolesOf(wave.audience).includes(role)));
  const fieldOfItem = new Map(items.map((item) => [itemField(item.id), item]));
  const fields = [RESPONDENT_FIELD, ...fieldOfItem.keys()];
  const labels: Record<string, string> = Object.fromEntries([[RESPONDENT_FIELD, 'Who answered: email or participant code'], ...items.map((item) => [itemField(item.id), item.text])]);
  const clues: Record<string, RegExp> = Object.fromEntries([[RESPONDENT_FIELD, /e-?mail|participant code|your code|respondent|^code$/], ...items.map((item) => [itemField(item.id), headingClue(item.text)])]);

  const kind: ImportKind<string, ResponseRow> = {
    // Remembered per questionnaire: the next wave of the same form starts from this mapping.
    key: `surveys:${wave.instrumentId}`,
    fields,
    required: [RESPONDENT_FIELD],
    labels,
    guess: {
      order: fields,
      clues,
      // Microsoft Forms' own Email column (the account, or "anonymous") loses to the form's own question.
      weak: { [RESPONDENT_FIELD]: /^e-?mail$/ },
      looksLike: { [RESPONDENT_FIELD]: (text) => text.includes('@') || normalCode(text) !== undefined },
    },
    rules(rulesDb, pilotId) {
      const byEmail = peopleByEmail(rulesDb, pilotId);
      const codeOf = pseudonymCoder(rulesDb);
      const byCode = new Map([...byEmail.values()].map((p) => [codeOf(p.id), p]));
      return {
        read: (row) => readResponseRow(row, wave, byEmail, byCode, fieldOfItem),
        match: (value) => {
          const existing = findResponse(rulesDb, wave.id, value.person.id);
          if (existing && sameAnswers(existing, value)) return { status: 'unchanged' };
          if (existing) {
            return {
              status: 'refused',
              problem: { field: RESPONDENT_FIELD, message: `${value.person.name} already has a response in this wave with other answers: remove it on the Responses tab first, or leave this row out` },
            };
          }
          if (!isTakingPart(value.person)) {
            return {
              status: 'refused',
              problem: { field: RESPONDENT_FIELD, message: `${value.person.name} ${value.person.consentState === 'declined' ? 'declined to take part' : 'has withdrawn'}, so their answers are not recorded: leave this row out` },
            };
          }
          return { status: 'new' };
        },
      };
    },
    write(writeDb, _pilotId, rows, _changes, now) {
      for (const { value } of rows) writeResponse(writeDb, { waveId: wave.id, participantId: value.person.id, versionId: version.id, scores: value.scores, texts: value.texts, source: 'imported' }, now);
    },
  };
  return { kind, versionId: version.id, items };
}

function sameAnswers(existing: { scores: ReadonlyMap<number, number>; texts: ReadonlyMap<number, string> }, row: ResponseRow): boolean {
  const same = <V>(a: ReadonlyMap<number, V>, b: ReadonlyMap<number, V>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
  return same(existing.scores, row.scores) && same(existing.texts, row.texts);
}

function readResponseRow(
  row: MappedRow<string>,
  wave: Wave,
  byEmail: Map<string, RespondentPerson>,
  byCode: Map<string, RespondentPerson>,
  fieldOfItem: Map<string, VersionItem>,
): RowReading<string, ResponseRow> {
  const problems: Problem<string>[] = [];
  const who = row.cell(RESPONDENT_FIELD);
  let person: RespondentPerson | undefined;
  if (!who) problems.push({ field: RESPONDENT_FIELD, message: 'says nobody: an email or participant code is needed' });
  else if (who.includes('@')) {
    person = byEmail.get(who.toLowerCase());
    if (!person) problems.push({ field: RESPONDENT_FIELD, message: `${who} is not the email of a participant of this pilot` });
  } else {
    const code = normalCode(who);
    person = code ? byCode.get(code) : undefined;
    if (!person) problems.push({ field: RESPONDENT_FIELD, message: code ? `${code} is not the participant code of anyone in this pilot` : `“${who}” is neither an email nor a participant code (like P-7K3Q-X2PD)` });
  }
  if (person && !rolesOf(wave.audience).includes(person.role)) {
    problems.push({ field: RESPONDENT_FIELD, message: `${person.name} is a ${person.role === 'mentor' ? 'mentor' : 'mentee'}, and this wave is for ${wave.audience} only` });
  }

  const scores = new Map<number, number>();
  const texts = new Map<number, string>();
  for (const field of row.mapped) {
    const item = fieldOfItem.get(field);
    const cell = row.cell(field);
    if (!item || cell === '') continue;
    if (person && !rolesOf(item.audience).includes(person.role)) continue; // not asked of them: a form may still have the column
    if (item.kind === 'text') {
      if (cell.length > 5000) problems.push({ field, message: 'the answer is longer than 5,000 characters' });
      else texts.set(item.id, cell);
      continue;
    }
    const point = readPoint(cell, item.options);
    if (point === undefined) problems.push({ field, message: `“${cell.length > 60 ? `${cell.slice(0, 59)}…` : cell}” is not one of ${describePoints(item)}` });
    else scores.set(item.id, point);
  }
  if (person && problems.length === 0 && scores.size === 0 && texts.size === 0) problems.push({ field: null, message: `has no answers for ${person.name}` });
  if (!person) return { problems };
  return {
    ...(problems.length === 0 ? { value: { person, scores, texts } } : {}),
    problems,
    identity: { key: String(person.id), field: RESPONDENT_FIELD, words: `${person.name}’s response` },
  };
}

/** Keeps only mapping values this wave knows; an unknown field name is the caller's mistake, said plainly. */
function checkedMapping(mapping: ResponseColumnMapping | undefined, fields: readonly string[]): ResponseColumnMapping | undefined {
  if (!mapping) return undefined;
  const unknown = Object.values(mapping).filter((f) => f !== '' && !fields.includes(f));
  if (unknown.length > 0) {
    throw new AppError('INVALID_INPUT', `The mapping names ${unknown.length === 1 ? 'a field' : 'fields'} this wave’s questionnaire does not have (${[...new Set(unknown)].slice(0, 3).join(', ')}). Check the mapping again. Nothing was imported.`, [
      { path: ['mapping'], message: 'Unknown field' },
    ]);
  }
  return mapping;
}

export function previewResponseImport(db: ReadDb, pilotId: number, wave: Wave, staged: StagedTable, mapping?: ResponseColumnMapping): ResponseImportPreview {
  const { kind } = responseImportKind(db, wave);
  const preview = previewImport(kind, db, pilotId, fromQualtrics(staged), checkedMapping(mapping, kind.fields));
  return { ...preview, fields: kind.fields.map((id) => ({ id, label: kind.labels[id]!, required: kind.required.includes(id) })) };
}

export function importResponses(db: WriteDb, pilotId: number, wave: Wave, staged: StagedTable, mapping: ResponseColumnMapping, now: string): { imported: number; skipped: number } {
  const { kind } = responseImportKind(db, wave);
  const outcome = runImport(kind, db, pilotId, fromQualtrics(staged), checkedMapping(mapping, kind.fields)!, [], now);
  return { imported: outcome.imported, skipped: outcome.skipped };
}
