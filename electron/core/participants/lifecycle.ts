/**
 * The one owner of a participant's status. Every change — by hand, or following from a chemistry
 * meeting, training, a pair confirmed or ended, a first meeting held, consent withdrawn — goes
 * through `transition`, which checks that the cause allows the step and writes the status with its
 * history entry (cause, note, time). Whether a stage may be taken back is decided by the cause of
 * the change that set it, never by its words.
 */
import { one, run, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { assertNotErased } from './erasure';
import { allowedTransitions, statusLabels, type ParticipantStatus, type StatusCause } from '../../../shared/participants/contract';

/** The stages before pairing, in order: chemistry meetings and training move people along them. */
export const preparationStages: readonly ParticipantStatus[] = ['interested', 'chemistry', 'trained'];

/** Changes that follow from chemistry and training records: a stage they set is taken back when its record goes. */
const recordCauses: ReadonlySet<StatusCause> = new Set(['chemistry', 'chemistry-removed', 'training-complete', 'training-removed']);

const isPreparation = (status: ParticipantStatus | null) => status !== null && preparationStages.includes(status);
const stageIndex = (status: ParticipantStatus) => preparationStages.indexOf(status);

/** Which steps each cause may make. A step outside its rule is a mistake, refused with the reason. */
const allowedBy: Record<Exclude<StatusCause, 'registered'>, (from: ParticipantStatus, to: ParticipantStatus) => boolean> = {
  manual: (from, to) => to !== 'withdrawn' && allowedTransitions(from).includes(to),
  withdrawn: (from, to) => to === 'withdrawn' && allowedTransitions(from).includes(to),
  'consent-withdrawn': (from, to) => to === 'withdrawn' && allowedTransitions(from).includes(to),
  chemistry: (from, to) => to === 'chemistry' && isPreparation(from) && stageIndex(from) < stageIndex(to),
  'training-complete': (from, to) => to === 'trained' && isPreparation(from) && stageIndex(from) < stageIndex(to),
  'chemistry-removed': (from, to) => isPreparation(from) && isPreparation(to) && stageIndex(to) < stageIndex(from),
  'training-removed': (from, to) => isPreparation(from) && isPreparation(to) && stageIndex(to) < stageIndex(from),
  paired: (from, to) => to === 'paired' && isPreparation(from),
  unpaired: (from, to) => from === 'paired' && isPreparation(to),
  'meeting-held': (from, to) => from === 'paired' && to === 'active',
  'meeting-held-undone': (from, to) => from === 'active' && to === 'paired',
};

/** The words kept in the history for changes that follow from a record (a change by hand keeps what the coordinator wrote). */
const causeNotes: Partial<Record<StatusCause, string>> = {
  chemistry: 'Chemistry meeting held',
  'training-complete': 'Attended training',
  'chemistry-removed': 'Chemistry meeting changed or deleted',
  'training-removed': 'Training changed or deleted',
  'meeting-held': 'First meeting held',
  'meeting-held-undone': 'First meeting held was taken back',
};

export interface StatusOf {
  name: string;
  status: ParticipantStatus;
}

export function statusOf(db: ReadDb, participantId: number): StatusOf {
  const row = one<StatusOf>(db, 'SELECT name, status FROM participants WHERE id = ?', [participantId]);
  if (!row) throw notFound('Participant', participantId);
  return row;
}

function refusal(who: StatusOf, to: ParticipantStatus): AppError {
  const allowed = allowedTransitions(who.status);
  const options = allowed.map((s) => statusLabels[s]).join(', ');
  const pairing = to === 'paired' ? ' Paired is set by confirming a pair on the Pairing screen.' : '';
  return new AppError(
    'INVALID_TRANSITION',
    `${who.name} is ${statusLabels[who.status].toLowerCase()}; from there they can move to: ${options || 'nothing (completed is final)'}.${pairing}`,
  );
}

/**
 * Moves a person to `to` for `cause`, with an optional note (a withdrawal's reason is required and
 * also shown as their status reason). Refuses a step the cause does not allow.
 */
export function transition(db: WriteDb, participantId: number, to: ParticipantStatus, cause: Exclude<StatusCause, 'registered'>, at: string, note?: string | null): void {
  const who = statusOf(db, participantId);
  assertNotErased(db, participantId);
  if (!allowedBy[cause](who.status, to)) throw refusal(who, to);
  const written = note?.trim() || causeNotes[cause] || null;
  if (to === 'withdrawn' && !written) {
    const message = 'Say why the person is withdrawing (it is kept in their history).';
    throw new AppError('INVALID_INPUT', message, [{ path: ['reason'], message }]);
  }
  run(db, 'UPDATE participants SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?', [to, to === 'withdrawn' ? written : null, at, participantId]);
  run(db, 'INSERT INTO participant_status_history (participant_id, from_status, to_status, reason, cause, at) VALUES (?, ?, ?, ?, ?, ?)', [
    participantId,
    who.status,
    to,
    written,
    cause,
    at,
  ]);
}

/** The first entry of a new person's history: registered as interested (the row itself is inserted by the repository). */
export function recordRegistered(db: WriteDb, participantId: number, at: string): void {
  run(db, "INSERT INTO participant_status_history (participant_id, from_status, to_status, reason, cause, at) VALUES (?, NULL, 'interested', NULL, 'registered', ?)", [participantId, at]);
}

/**
 * Whether the person's current stage was set by a chemistry or training record (so a change to
 * those records may take it back), rather than by hand.
 */
export function stageSetByRecords(db: ReadDb, participantId: number, status: ParticipantStatus): boolean {
  const last = one<{ to_status: ParticipantStatus; cause: StatusCause }>(
    db,
    'SELECT to_status, cause FROM participant_status_history WHERE participant_id = ? ORDER BY id DESC LIMIT 1',
    [participantId],
  );
  return last !== undefined && last.to_status === status && recordCauses.has(last.cause);
}

/**
 * The stage a person was at when they were first paired (of their current run of pairs): where
 * ending their last pair takes them back to.
 */
export function stageBeforePairing(db: ReadDb, participantId: number): ParticipantStatus {
  const before = one<{ from_status: ParticipantStatus }>(
    db,
    "SELECT from_status FROM participant_status_history WHERE participant_id = ? AND cause = 'paired' ORDER BY id DESC LIMIT 1",
    [participantId],
  );
  return before && isPreparation(before.from_status) ? before.from_status : 'interested';
}
