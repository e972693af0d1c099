import { many, type ReadDb } from '../db/query';

interface ResponseRow {
  id: number;
  wave: string;
  kind: string;
  versionId: number;
  scores: string;
  recordedAt: string;
}

/** A person's survey answers, each item with its wording as they were asked it and the answer in words (subject access). */
export function surveyAnswersOf(db: ReadDb, participantId: number) {
  const responses = many<ResponseRow>(
    db,
    `SELECT responses.id AS id, waves.title AS wave, waves.kind AS kind, responses.version_id AS versionId, responses.scores AS scores, responses.recorded_at AS recordedAt
       FROM survey_responses AS responses JOIN survey_waves AS waves ON waves.id = responses.wave_id
      WHERE responses.participant_id = ? ORDER BY waves.opens_on, responses.id`,
    [participantId],
  );
  return responses.map((response) => {
    const items = many<{ itemId: number; text: string; kind: string; options: string }>(
      db,
      'SELECT item_id AS itemId, text, kind, options FROM survey_version_items WHERE version_id = ? ORDER BY position',
      [response.versionId],
    );
    const texts = new Map(many<{ itemId: number; text: string }>(db, 'SELECT item_id AS itemId, text FROM survey_text_answers WHERE response_id = ?', [response.id]).map((row) => [row.itemId, row.text]));
    const scores = JSON.parse(response.scores) as Record<string, number>;
    const answers = items.flatMap((item) => {
      if (item.kind === 'text') {
        const text = texts.get(item.itemId);
        return text === undefined ? [] : [{ question: item.text, answer: text }];
      }
      const score = scores[String(item.itemId)];
      if (score === undefined) return [];
      const options = JSON.parse(item.options) as string[];
      const label = options[score - 1];
      return [{ question: item.text, answer: label === undefined ? String(score) : `${score} (${label})` }];
    });
    return { wave: response.wave, kind: response.kind, recordedAt: response.recordedAt, answers };
  });
}
