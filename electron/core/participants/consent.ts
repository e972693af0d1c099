import { many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { formatDate } from '../../../shared/dates';
import type { ConsentChoices, ConsentRecord } from '../../../shared/participants/contract';

interface ConsentRow {
  id: number;
  participant_id: number;
  form_id: number;
  version: string;
  given_on: string;
  take_part: number;
  research_use_of_logs: number;
  audio_recording: number;
  direct_quotes: number;
  archiving: number;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  recorded_at: string;
  corrects_id: number | null;
  correction_reason: string | null;
  corrected_by_id: number | null;
}

const toRecord = (r: ConsentRow): ConsentRecord => ({
  id: r.id,
  participantId: r.participant_id,
  formId: r.form_id,
  formVersion: r.version,
  givenOn: r.given_on,
  choices: {
    takePart: r.take_part === 1,
    researchUseOfLogs: r.research_use_of_logs === 1,
    audioRecording: r.audio_recording === 1,
    directQuotes: r.direct_quotes === 1,
    archiving: r.archiving === 1,
  },
  withdrawnOn: r.withdrawn_on,
  withdrawalReason: r.withdrawal_reason,
  recordedAt: r.recorded_at,
  correctsId: r.corrects_id,
  correctionReason: r.correction_reason,
  correctedById: r.corrected_by_id,
});

const select = `SELECT c.*, f.version, (SELECT k.id FROM consent_records k WHERE k.corrects_id = c.id) AS corrected_by_id
  FROM consent_records c JOIN consent_forms f ON f.id = c.form_id`;

/** SQL over `consent_records c`: the record still counts (it was not entered by mistake and corrected since). */
export const NOT_CORRECTED = 'NOT EXISTS (SELECT 1 FROM consent_records k WHERE k.corrects_id = c.id)';

/**
 * The latest record (by the date consent was given) decides the person's consent state, kept on the
 * participant row for fast lists: withdrawn, declined (they did not agree to take part), or given.
 * A record corrected by a later one no longer counts.
 */
function refreshConsentState(db: WriteDb, participantId: number, now: string): void {
  run(
    db,
    `UPDATE participants SET updated_at = ?, consent_state = coalesce((
       SELECT CASE WHEN c.withdrawn_on IS NOT NULL THEN 'withdrawn' WHEN c.take_part = 0 THEN 'declined' ELSE 'given' END
       FROM consent_records c WHERE c.participant_id = participants.id AND ${NOT_CORRECTED} ORDER BY c.given_on DESC, c.id DESC LIMIT 1), 'none') WHERE id = ?`,
    [now, participantId],
  );
}

const refuse = (field: string, message: string) => new AppError('INVALID_INPUT', message, [{ path: [field], message }]);

/** Oldest first: the consent history as it happened. */
export function listConsents(db: ReadDb, participantId: number): ConsentRecord[] {
  return many<ConsentRow>(db, `${select} WHERE c.participant_id = ? ORDER BY c.id`, [participantId]).map(toRecord);
}

export function getConsent(db: ReadDb, id: number): ConsentRecord {
  const row = one<ConsentRow>(db, `${select} WHERE c.id = ?`, [id]);
  if (!row) throw notFound('Consent record', id);
  return toRecord(row);
}

/** The pilot of a consent record's person (NOT_FOUND when there is no such record). */
export function consentPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT p.pilot_id FROM consent_records c JOIN participants p ON p.id = c.participant_id WHERE c.id = ?', [id]);
  if (pilotId === undefined) throw notFound('Consent record', id);
  return pilotId;
}

export function recordConsent(db: WriteDb, participantId: number, formId: number, givenOn: string, choices: ConsentChoices, now: string, today: string): ConsentRecord {
  return insertConsent(db, { participantId, formId, givenOn, choices, correction: null }, now, today);
}

export interface NewConsent {
  participantId: number;
  formId: number;
  givenOn: string;
  choices: ConsentChoices;
  /** The record this one corrects, and why; null for consent recorded as given. */
  correction: { correctsId: number; reason: string } | null;
}

/** Checks the form and the date, writes the record and refreshes the person's consent state. */
export function insertConsent(db: WriteDb, consent: NewConsent, now: string, today: string): ConsentRecord {
  const { participantId, formId, givenOn, choices, correction } = consent;
  const participant = one<{ pilot_id: number }>(db, 'SELECT pilot_id FROM participants WHERE id = ?', [participantId]);
  if (!participant) throw notFound('Participant', participantId);
  const form = one<{ pilot_id: number; dated_on: string; version: string }>(db, 'SELECT pilot_id, dated_on, version FROM consent_forms WHERE id = ?', [formId]);
  if (!form || form.pilot_id !== participant.pilot_id) {
    const message = 'Choose a consent form version of this pilot.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['formId'], message }]);
  }
  if (givenOn > today) throw refuse('givenOn', 'Consent cannot be recorded as given on a date still to come. Use the date the form was signed.');
  if (givenOn < form.dated_on) throw refuse('givenOn', `Consent cannot be given before the form existed (version ${form.version} is dated ${formatDate(form.dated_on)}).`);
  const { lastInsertRowid } = run(
    db,
    `INSERT INTO consent_records (participant_id, form_id, given_on, take_part, research_use_of_logs, audio_recording, direct_quotes, archiving, recorded_at, corrects_id, correction_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [participantId, formId, givenOn, +choices.takePart, +choices.researchUseOfLogs, +choices.audioRecording, +choices.directQuotes, +choices.archiving, now, correction?.correctsId ?? null, correction?.reason ?? null],
  );
  refreshConsentState(db, participantId, now);
  return getConsent(db, lastInsertRowid);
}

/** The record that decides the person's consent now (latest given, not corrected), if any. */
export function currentConsent(db: ReadDb, participantId: number): ConsentRecord | undefined {
  const row = one<ConsentRow>(db, `${select} WHERE c.participant_id = ? AND ${NOT_CORRECTED} ORDER BY c.given_on DESC, c.id DESC LIMIT 1`, [participantId]);
  return row ? toRecord(row) : undefined;
}

/** Withdrawal is written onto the record, never by deleting it: the history must show what was consented and when. */
export function withdrawConsent(db: WriteDb, id: number, withdrawnOn: string, reason: string, now: string, today: string): ConsentRecord {
  const record = getConsent(db, id);
  if (record.withdrawnOn) throw new AppError('INVALID_TRANSITION', `This consent was already withdrawn on ${formatDate(record.withdrawnOn)}.`);
  if (record.correctedById) throw new AppError('INVALID_TRANSITION', 'This consent record was corrected: withdraw the record that corrects it instead.');
  if (withdrawnOn > today) throw refuse('withdrawnOn', 'Consent cannot be withdrawn on a date still to come. Record the withdrawal on the day it happens.');
  if (withdrawnOn < record.givenOn) throw refuse('withdrawnOn', `Consent cannot be withdrawn before it was given (${formatDate(record.givenOn)}).`);
  run(db, 'UPDATE consent_records SET withdrawn_on = ?, withdrawal_reason = ? WHERE id = ?', [withdrawnOn, reason, id]);
  refreshConsentState(db, record.participantId, now);
  return getConsent(db, id);
}
