import type { ReadDb, WriteDb } from '../db/query';
import { AppError } from '../errors';
import type { FieldIssue } from '../../../shared/contract';
import type { SurveyItem, SurveyResponse } from '../../../shared/surveys/contract';
import { FREE_TEXT_MAX } from '../../../shared/surveys/contract';
import { pseudonymCoder } from '../pseudonyms';
import { currentVersion, getInstrument, versionItems, versionNumber, type VersionItem } from './instruments';
import { findResponse, isTakingPart, respondentPerson, writeResponse, type RespondentPerson } from './responses';
import { rolesOf } from './people';
import { getWave } from './waves';

/** Items of a version that a person of this role is asked. */
const itemsFor = (items: VersionItem[], role: RespondentPerson['role']) => items.filter((item) => rolesOf(item.audience).includes(role));

/** The wave's person, checked: of the wave's pilot and in its audience. */
function personInWave(db: ReadDb, waveId: number, participantId: number, today: string) {
  const wave = getWave(db, waveId, today);
  const person = respondentPerson(db, participantId);
  if (person.pilotId !== wave.pilotId) throw new AppError('INVALID_INPUT', `${person.name} is not a participant of this wave’s pilot.`);
  if (!rolesOf(wave.audience).includes(person.role)) {
    throw new AppError('INVALID_INPUT', `${person.name} is a ${person.role === 'mentor' ? 'mentor (student)' : 'mentee (member of staff)'}, and this wave is for ${wave.audience === 'mentors' ? 'mentors' : 'mentees'} only.`);
  }
  return { wave, person };
}

/** One person's response in a wave, with the items of the version they answered (or would answer now). */
export function responseView(db: ReadDb, waveId: number, participantId: number, today: string): SurveyResponse {
  const { wave, person } = personInWave(db, waveId, participantId, today);
  const stored = findResponse(db, waveId, participantId);
  const versionId = stored?.versionId ?? currentVersion(db, wave.instrumentId).id;
  // Each item with its earlier wordings and whether it was answered: from the questionnaire's own view where the item is still there.
  const known = new Map(getInstrument(db, wave.instrumentId).items.map((item) => [item.id, item]));
  const items: SurveyItem[] = itemsFor(versionItems(db, versionId), person.role).map((item) => ({
    id: item.id,
    kind: item.kind,
    text: item.text,
    audience: item.audience,
    reverseScored: item.reverseScored,
    options: item.options,
    earlierWordings: known.get(item.id)?.earlierWordings ?? [],
    answered: known.get(item.id)?.answered ?? true,
  }));
  const code = pseudonymCoder(db)(person.id);
  return {
    waveId,
    participant: { id: person.id, name: person.name, role: person.role, code },
    version: versionNumber(db, versionId),
    items,
    answers: stored ? items.map((item) => ({ itemId: item.id, score: stored.scores.get(item.id) ?? null, text: stored.texts.get(item.id) ?? '' })) : null,
    source: stored?.source ?? null,
    recordedAt: stored?.recordedAt ?? null,
  };
}

/** Answers read against the items they answer: scores in range, text only where text is asked; every problem with its place in the input. */
export function readAnswers(items: VersionItem[], answers: readonly { itemId: number; score: number | null; text: string }[]) {
  const byId = new Map(items.map((item) => [item.id, item]));
  const scores = new Map<number, number>();
  const texts = new Map<number, string>();
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  answers.forEach((answer, index) => {
    const at = (field: string, message: string) => issues.push({ path: ['answers', index, field], message });
    const item = byId.get(answer.itemId);
    if (!item) return at('itemId', `Item ${answer.itemId} is not asked of this person in this questionnaire`);
    if (seen.has(item.id)) return at('itemId', `“${item.text}” is answered twice`);
    seen.add(item.id);
    if (item.kind === 'text') {
      if (answer.score !== null) return at('score', `“${item.text}” takes a written answer, not a choice`);
      if (answer.text.length > FREE_TEXT_MAX) return at('text', `The answer must be at most ${FREE_TEXT_MAX} characters`);
      if (answer.text.trim()) texts.set(item.id, answer.text);
      return;
    }
    if (answer.text.trim()) return at('text', `“${item.text}” takes one of its ${item.kind === 'likert' ? 'points' : 'choices'}, not written text`);
    if (answer.score === null) return; // skipped
    if (answer.score > item.options.length) return at('score', `“${item.text}” has ${item.options.length} ${item.kind === 'likert' ? 'points' : 'choices'}; ${answer.score} is not one of them`);
    scores.set(item.id, answer.score);
  });
  return { scores, texts, issues };
}

/** Records a person's answers by hand; a correction keeps the version they first answered. */
export function saveResponse(db: WriteDb, waveId: number, participantId: number, answers: { itemId: number; score: number | null; text: string }[], now: string, today: string): SurveyResponse {
  const { wave, person } = personInWave(db, waveId, participantId, today);
  if (!isTakingPart(person)) {
    throw new AppError(
      'INVALID_TRANSITION',
      person.consentState === 'declined'
        ? `${person.name} declined to take part, so no survey answers are recorded for them.`
        : `${person.name} has withdrawn, so no survey answers are recorded for them. An earlier response can still be removed.`,
    );
  }
  const stored = findResponse(db, waveId, participantId);
  const versionId = stored?.versionId ?? currentVersion(db, wave.instrumentId).id;
  const { scores, texts, issues } = readAnswers(itemsFor(versionItems(db, versionId), person.role), answers);
  if (issues.length > 0) throw new AppError('INVALID_INPUT', `Some answers are not valid: ${issues.map((i) => i.message).join('; ')}.`, issues);
  if (scores.size === 0 && texts.size === 0) {
    const message = 'Enter at least one answer. To take a response away, remove it instead.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['answers'], message }]);
  }
  writeResponse(db, { waveId, participantId, versionId, scores, texts, source: 'entered' }, now);
  return responseView(db, waveId, participantId, today);
}
