import { many, type ReadDb } from '../db/query';
import type { Audience, ItemKind, WaveKind } from '../../../shared/surveys/contract';
import { parseScores } from './responses';

export interface ResearchWave {
  id: number;
  instrumentId: number;
  instrumentTitle: string;
  kind: WaveKind;
  title: string;
  opensOn: string;
  closesOn: string;
}

/** A question as its latest version words it. */
export interface ResearchItem {
  id: number;
  instrumentId: number;
  kind: ItemKind;
  text: string;
  audience: Audience;
  reverseScored: boolean;
  options: string[];
}

export interface ResearchResponse {
  id: number;
  waveId: number;
  participantId: number;
  versionNumber: number;
  recordedAt: string;
  scores: Map<number, number>;
  texts: Map<number, string>;
}

const parseOptions = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

/** The pilot's waves, questions (each in its latest wording) and every response with its scores and free text. */
export function researchSurveys(db: ReadDb, pilotId: number): { waves: ResearchWave[]; items: ResearchItem[]; responses: ResearchResponse[] } {
  const waves = many<ResearchWave>(
    db,
    `SELECT w.id, w.instrument_id AS instrumentId, i.title AS instrumentTitle, w.kind, w.title, w.opens_on AS opensOn, w.closes_on AS closesOn
     FROM survey_waves w JOIN survey_instruments i ON i.id = w.instrument_id WHERE w.pilot_id = ? ORDER BY w.opens_on, w.id`,
    [pilotId],
  );
  const items = many<{ id: number; instrumentId: number; kind: ItemKind; text: string; audience: Audience; reverseScored: number; options: string }>(
    db,
    `SELECT si.id, si.instrument_id AS instrumentId, vi.kind, vi.text, vi.audience, vi.reverse_scored AS reverseScored, vi.options
     FROM survey_items si
     JOIN survey_instruments i ON i.id = si.instrument_id
     JOIN survey_version_items vi ON vi.item_id = si.id
     JOIN survey_versions v ON v.id = vi.version_id
     WHERE i.pilot_id = ? AND v.number = (SELECT max(v2.number) FROM survey_versions v2 JOIN survey_version_items vi2 ON vi2.version_id = v2.id WHERE vi2.item_id = si.id)
     ORDER BY si.instrument_id, vi.position, si.id`,
    [pilotId],
  ).map((item) => ({ ...item, reverseScored: item.reverseScored === 1, options: parseOptions(item.options) }));
  const responses = many<{ id: number; waveId: number; participantId: number; versionNumber: number; recordedAt: string; scores: string }>(
    db,
    `SELECT r.id, r.wave_id AS waveId, r.participant_id AS participantId, v.number AS versionNumber, r.recorded_at AS recordedAt, r.scores
     FROM survey_responses r JOIN survey_waves w ON w.id = r.wave_id JOIN survey_versions v ON v.id = r.version_id
     WHERE w.pilot_id = ? ORDER BY r.wave_id, r.participant_id`,
    [pilotId],
  );
  const texts = new Map<number, Map<number, string>>();
  for (const row of many<{ responseId: number; itemId: number; text: string }>(
    db,
    `SELECT t.response_id AS responseId, t.item_id AS itemId, t.text FROM survey_text_answers t
     JOIN survey_responses r ON r.id = t.response_id JOIN survey_waves w ON w.id = r.wave_id WHERE w.pilot_id = ?`,
    [pilotId],
  )) {
    let forResponse = texts.get(row.responseId);
    if (!forResponse) texts.set(row.responseId, (forResponse = new Map()));
    forResponse.set(row.itemId, row.text);
  }
  return {
    waves,
    items,
    responses: responses.map((r) => ({ ...r, scores: parseScores(r.scores), texts: texts.get(r.id) ?? new Map() })),
  };
}
