import { many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import type { Audience, Wave, WaveKind, WaveReturns, WaveState } from '../../../shared/surveys/contract';
import { rolesOf, TAKING_PART } from './people';

interface WaveRow {
  id: number;
  pilot_id: number;
  instrument_id: number;
  instrument_title: string;
  kind: WaveKind;
  title: string;
  audience: Audience;
  opens_on: string;
  closes_on: string;
  returned: number;
  invited: number;
}

export const waveState = (opensOn: string, closesOn: string, today: string): WaveState => (today < opensOn ? 'upcoming' : today > closesOn ? 'closed' : 'open');

const toWave = (row: WaveRow, today: string): Wave => ({
  id: row.id,
  pilotId: row.pilot_id,
  instrumentId: row.instrument_id,
  instrumentTitle: row.instrument_title,
  kind: row.kind,
  title: row.title,
  audience: row.audience,
  opensOn: row.opens_on,
  closesOn: row.closes_on,
  state: waveState(row.opens_on, row.closes_on, today),
  returned: row.returned,
  invited: row.invited,
});

// Returns count every response; invited counts the audience still taking part.
const SELECT_WAVES = `
  SELECT w.id, w.pilot_id, w.instrument_id, i.title AS instrument_title, w.kind, w.title, w.audience, w.opens_on, w.closes_on,
         (SELECT count(*) FROM survey_responses r WHERE r.wave_id = w.id) AS returned,
         (SELECT count(*) FROM participants p WHERE p.pilot_id = w.pilot_id AND ${TAKING_PART}
             AND (w.audience = 'both' OR p.role = CASE w.audience WHEN 'mentors' THEN 'mentor' ELSE 'mentee' END)) AS invited
    FROM survey_waves w JOIN survey_instruments i ON i.id = w.instrument_id`;

export function listWaves(db: ReadDb, pilotId: number, today: string): Wave[] {
  return many<WaveRow>(db, `${SELECT_WAVES} WHERE w.pilot_id = ? ORDER BY w.opens_on, w.id`, [pilotId]).map((row) => toWave(row, today));
}

export function getWave(db: ReadDb, waveId: number, today: string): Wave {
  const row = one<WaveRow>(db, `${SELECT_WAVES} WHERE w.id = ?`, [waveId]);
  if (!row) throw notFound('Survey wave', waveId);
  return toWave(row, today);
}

/** The pilot of a wave (NOT_FOUND when there is none). */
export function wavePilot(db: ReadDb, waveId: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM survey_waves WHERE id = ?', [waveId]);
  if (pilotId === undefined) throw notFound('Survey wave', waveId);
  return pilotId;
}

/** Returns per wave, for the pilot dashboard. */
export function waveReturns(db: ReadDb, pilotId: number, today: string): WaveReturns[] {
  return listWaves(db, pilotId, today).map((w) => ({ waveId: w.id, title: w.title, kind: w.kind, opensOn: w.opensOn, closesOn: w.closesOn, state: w.state, returned: w.returned, invited: w.invited }));
}

export interface WaveValues {
  instrumentId: number;
  kind: WaveKind;
  title: string;
  audience: Audience;
  opensOn: string;
  closesOn: string;
}

function assertInstrumentOfPilot(db: ReadDb, pilotId: number, instrumentId: number): void {
  if (value<number>(db, 'SELECT pilot_id FROM survey_instruments WHERE id = ?', [instrumentId]) !== pilotId) {
    const message = 'Choose a questionnaire of this pilot.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['wave', 'instrumentId'], message }]);
  }
}

/** A wave's values in the order of its columns instrument_id, kind, title, audience, opens_on, closes_on. */
const waveColumns = (wave: WaveValues) => [wave.instrumentId, wave.kind, wave.title, wave.audience, wave.opensOn, wave.closesOn] as const;

export function createWave(db: WriteDb, pilotId: number, wave: WaveValues, now: string): number {
  assertInstrumentOfPilot(db, pilotId, wave.instrumentId);
  return run(db, 'INSERT INTO survey_waves (pilot_id, instrument_id, kind, title, audience, opens_on, closes_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    pilotId,
    ...waveColumns(wave),
    now,
  ]).lastInsertRowid;
}

export function updateWave(db: WriteDb, waveId: number, wave: WaveValues): void {
  const before = one<{ pilot_id: number; instrument_id: number }>(db, 'SELECT pilot_id, instrument_id FROM survey_waves WHERE id = ?', [waveId]);
  if (!before) throw notFound('Survey wave', waveId);
  assertInstrumentOfPilot(db, before.pilot_id, wave.instrumentId);
  const responses = value<number>(db, 'SELECT count(*) FROM survey_responses WHERE wave_id = ?', [waveId]) ?? 0;
  if (responses > 0 && wave.instrumentId !== before.instrument_id) {
    const message = 'This wave has responses to its questionnaire, so the questionnaire cannot change. Add another wave instead.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['wave', 'instrumentId'], message }]);
  }
  const outside = value<number>(
    db,
    'SELECT count(*) FROM survey_responses r JOIN participants p ON p.id = r.participant_id WHERE r.wave_id = ? AND p.role NOT IN (SELECT value FROM json_each(?))',
    [waveId, JSON.stringify(rolesOf(wave.audience))],
  );
  if (outside) {
    const message = `${outside === 1 ? 'One response comes' : `${outside} responses come`} from people outside that audience. Remove them first, or keep the audience.`;
    throw new AppError('INVALID_INPUT', message, [{ path: ['wave', 'audience'], message }]);
  }
  run(db, 'UPDATE survey_waves SET instrument_id = ?, kind = ?, title = ?, audience = ?, opens_on = ?, closes_on = ? WHERE id = ?', [...waveColumns(wave), waveId]);
}

export function deleteWave(db: WriteDb, waveId: number): void {
  const responses = value<number>(db, 'SELECT count(*) FROM survey_responses WHERE wave_id = ?', [waveId]) ?? 0;
  if (responses > 0) {
    throw new AppError('CONFLICT', `This wave has ${responses === 1 ? 'a response' : `${responses} responses`}, so it is not deleted: they would be lost. Remove the responses first if they were recorded by mistake.`);
  }
  run(db, 'DELETE FROM survey_waves WHERE id = ?', [waveId]);
}

/** The settings row's threshold, or the default. */
export function thresholdOf(db: ReadDb, pilotId: number, fallback: number): number {
  return value<number>(db, 'SELECT threshold FROM survey_settings WHERE pilot_id = ?', [pilotId]) ?? fallback;
}

export function setThreshold(db: WriteDb, pilotId: number, threshold: number): void {
  run(db, 'INSERT INTO survey_settings (pilot_id, threshold) VALUES (?, ?) ON CONFLICT (pilot_id) DO UPDATE SET threshold = excluded.threshold', [pilotId, threshold]);
}
