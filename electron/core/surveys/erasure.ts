/**
 * What erasing a person means for surveys: their responses go, scores and free text alike (the
 * analysis then simply has one person fewer); their name in other people's free-text answers
 * becomes "[removed]".
 */
import { many, run, value, type ReadDb, type WriteDb } from '../db/query';
import { redactRow } from '../../../shared/erasure/redact';

export function countSurveyResponsesOf(db: ReadDb, participantId: number): { responses: number; textAnswers: number } {
  return {
    responses: value<number>(db, 'SELECT count(*) FROM survey_responses WHERE participant_id = ?', [participantId])!,
    textAnswers: value<number>(db, 'SELECT count(*) FROM survey_text_answers t JOIN survey_responses r ON r.id = t.response_id WHERE r.participant_id = ?', [participantId])!,
  };
}

/** Their responses; their free-text answers go with them (ON DELETE CASCADE). */
export function eraseSurveyResponsesOf(db: WriteDb, participantId: number): { responses: number; textAnswers: number } {
  const counts = countSurveyResponsesOf(db, participantId);
  run(db, 'DELETE FROM survey_responses WHERE participant_id = ?', [participantId]);
  return counts;
}

export function redactNamesInSurveys(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  let replaced = 0;
  const rows = many<{ response_id: number; item_id: number; text: string }>(
    db,
    'SELECT t.response_id, t.item_id, t.text FROM survey_text_answers t JOIN survey_responses r ON r.id = t.response_id JOIN survey_waves w ON w.id = r.wave_id WHERE w.pilot_id = ?',
    [pilotId],
  );
  for (const row of rows) {
    const result = redactRow(row, ['text'], pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(db, 'UPDATE survey_text_answers SET text = @text WHERE response_id = @response_id AND item_id = @item_id', result.changed);
  }
  return replaced;
}
