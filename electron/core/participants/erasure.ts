/**
 * What erasing a person means for the register. Their consent records and status history go; their
 * row stays as an empty record (no name, email, department, characteristics or notes; marked
 * erased) because their pairs stay for their partner's sake and point at it; their name in other
 * people's notes and reasons becomes "[removed]". (Someone still taking part is withdrawn first:
 * erasure/withdraw-first.ts.)
 */
import { jsonList, many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { redactRows } from '../db/redact-rows';
import type { ParticipantStatus } from '../../../shared/participants/contract';
import { formatDate } from '../../../shared/dates';

/** What the erased record is called wherever it is still shown (a partner's pair, the audit trail). */
export const ERASED_NAME = 'Erased person';

export interface ErasureSubject {
  id: number;
  pilotId: number;
  name: string;
  email: string;
  status: ParticipantStatus;
  erasedAt: string | null;
}

export function erasureSubject(db: ReadDb, participantId: number): ErasureSubject {
  const row = one<ErasureSubject>(db, 'SELECT id, pilot_id AS pilotId, name, email, status, erased_at AS erasedAt FROM participants WHERE id = ?', [participantId]);
  if (!row) throw notFound('Participant', participantId);
  return row;
}

/**
 * An erased person's row stays only so that their partner's pairs keep their shape: it can no longer
 * be edited, moved to another status or given consent (nothing about them may be collected again).
 */
export function assertNotErased(db: ReadDb, participantId: number): void {
  const erasedAt = value<string | null>(db, 'SELECT erased_at FROM participants WHERE id = ?', [participantId]);
  if (erasedAt) {
    throw new AppError('INVALID_TRANSITION', `This person’s data was erased on ${formatDate(erasedAt.slice(0, 10))}: their entry cannot be changed. Register them again if they rejoin.`);
  }
}

/** Everyone of a pilot not yet erased, for the pilot's erasure. */
export function participantsToErase(db: ReadDb, pilotId: number): { id: number; name: string }[] {
  return many<{ id: number; name: string }>(db, 'SELECT id, name FROM participants WHERE pilot_id = ? AND erased_at IS NULL ORDER BY id', [pilotId]);
}

/** The names of everyone else in the pilot not erased: parts of the erased name they share are theirs too. */
export function otherNamesInPilot(db: ReadDb, pilotId: number, exceptId: number): string[] {
  return many<{ name: string }>(db, 'SELECT name FROM participants WHERE pilot_id = ? AND id <> ? AND erased_at IS NULL', [pilotId, exceptId]).map((row) => row.name);
}

export function countParticipantRecords(db: ReadDb, participantId: number): { consents: number; statusChanges: number } {
  return {
    consents: value<number>(db, 'SELECT count(*) FROM consent_records WHERE participant_id = ?', [participantId])!,
    statusChanges: value<number>(db, 'SELECT count(*) FROM participant_status_history WHERE participant_id = ?', [participantId])!,
  };
}

/**
 * Their consent records and status history go; the row is emptied of everything about them. Its
 * status stays as the lifecycle left it (withdrawn or completed): erasure is not a status change.
 */
export function eraseParticipantRecord(db: WriteDb, participantId: number, at: string): { consents: number; statusChanges: number } {
  const counts = countParticipantRecords(db, participantId);
  // A correction points at the record it corrects: the corrections go first.
  run(db, 'DELETE FROM consent_records WHERE participant_id = ? AND corrects_id IS NOT NULL', [participantId]);
  run(db, 'DELETE FROM consent_records WHERE participant_id = ?', [participantId]);
  run(db, 'DELETE FROM participant_status_history WHERE participant_id = ?', [participantId]);
  run(
    db,
    `UPDATE participants SET name = @name, email = 'erased-' || id || '@erased.invalid', department = '', level = '', characteristics = '[]',
       topics = '[]', availability = '[]', notes = '', status_reason = NULL, consent_state = 'none',
       repairing_note = NULL, capacity = 1, created_at = @at, updated_at = @at, erased_at = @at WHERE id = @id`,
    { id: participantId, name: ERASED_NAME, at },
  );
  return counts;
}

/** Deletes the emptied records of a whole pilot (but those `keep`, which safeguarding concerns still point at), once everything about each person is gone: their pairs and meetings go with them. */
export function deleteErasedParticipantsOfPilot(db: WriteDb, pilotId: number, keep: readonly number[]): number {
  return run(db, 'DELETE FROM participants WHERE pilot_id = ? AND erased_at IS NOT NULL AND id NOT IN (SELECT value FROM json_each(?))', [pilotId, jsonList(keep)]).changes;
}

export function redactNamesInParticipants(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  let replaced = 0;
  const redactTable = <K extends string>(select: string, columns: readonly K[], update: string) => {
    replaced += redactRows(db, select, [pilotId], columns, update, pattern);
  };
  redactTable(
    'SELECT id, notes, status_reason, repairing_note FROM participants WHERE pilot_id = ? AND erased_at IS NULL',
    ['notes', 'status_reason', 'repairing_note'],
    'UPDATE participants SET notes = @notes, status_reason = @status_reason, repairing_note = @repairing_note WHERE id = @id',
  );
  redactTable('SELECT h.id, h.reason FROM participant_status_history h JOIN participants p ON p.id = h.participant_id WHERE p.pilot_id = ?', ['reason'], 'UPDATE participant_status_history SET reason = @reason WHERE id = @id');
  redactTable(
    'SELECT c.id, c.withdrawal_reason, c.correction_reason FROM consent_records c JOIN participants p ON p.id = c.participant_id WHERE p.pilot_id = ?',
    ['withdrawal_reason', 'correction_reason'],
    'UPDATE consent_records SET withdrawal_reason = @withdrawal_reason, correction_reason = @correction_reason WHERE id = @id',
  );
  return replaced;
}
