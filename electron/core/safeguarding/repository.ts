/**
 * The concern register's SQL: concerns, their history, the register's pages and counts, and
 * erasure. Protocol steps, referrals and follow-ups are in response-repository.ts.
 */
import { many, one, run, value, values, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { formatDate } from '../../../shared/dates';
import { getSafeguardingPlan } from '../plan';
import { addHistory } from './history-repository';
import { describeLink, type StoredLink } from './link-repository';
import { listFollowUps, listReferrals, listSteps } from './response-repository';
import { retentionOf } from './retention';
import {
  categoryLabels,
  raisedViaLabels,
  raiserLabels,
  riskLabels,
  type Concern,
  type ConcernCategory,
  type ConcernDetails,
  type ConcernList,
  type ConcernStatus,
  type ConcernSummary,
  type RaisedVia,
  type Raiser,
  type RiskLevel,
} from '../../../shared/safeguarding/contract';
import type { ParticipantRole, ParticipantStatus } from '../../../shared/participants/contract';

interface ConcernRow {
  id: number;
  pilot_id: number;
  raised_on: string;
  raised_via: RaisedVia;
  raised_by: Raiser;
  meeting_id: number | null;
  log_id: number | null;
  log_author_id: number | null;
  about_participant_id: number | null;
  about_other: string;
  category: ConcernCategory;
  risk: RiskLevel;
  what_was_said: string;
  status: ConcernStatus;
  outcome: string;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

function concernRow(db: ReadDb, id: number): ConcernRow {
  const row = one<ConcernRow>(db, 'SELECT * FROM concerns WHERE id = ?', [id]);
  if (!row) throw notFound('Concern', id);
  return row;
}

/** The pilot of a concern (NOT_FOUND when there is none). */
export function concernPilot(db: ReadDb, id: number): number {
  return concernRow(db, id).pilot_id;
}

/** Every change to a concern is refused once it is closed, except reopening it. */
export function assertOpen(db: ReadDb, id: number): void {
  if (concernRow(db, id).status === 'closed') throw new AppError('INVALID_TRANSITION', `Concern ${id} is closed. Reopen it to change it.`);
}

// ---- one concern --------------------------------------------------------------------------

export function getConcern(db: ReadDb, id: number, today: string): Concern {
  const row = concernRow(db, id);
  const about =
    row.about_participant_id === null
      ? null
      : (one<{ id: number; name: string; role: ParticipantRole; status: ParticipantStatus }>(db, 'SELECT id, name, role, status FROM participants WHERE id = ?', [row.about_participant_id]) ?? null);
  const link: StoredLink = { meetingId: row.meeting_id, logId: row.log_id, logAuthorId: row.log_author_id };
  const { concernRetentionMonths } = getSafeguardingPlan(db, row.pilot_id);
  return {
    id: row.id,
    pilotId: row.pilot_id,
    raisedOn: row.raised_on,
    raisedVia: row.raised_via,
    raisedBy: row.raised_by,
    about,
    aboutOther: row.about_other,
    category: row.category,
    risk: row.risk,
    whatWasSaid: row.what_was_said,
    link: describeLink(db, link),
    status: row.status,
    outcome: row.outcome,
    closedOn: row.closed_on,
    ...retentionOf(row.closed_on, concernRetentionMonths, today),
    steps: listSteps(db, id),
    referrals: listReferrals(db, id),
    followUps: listFollowUps(db, id, today),
    history: many<{ id: number; at: string; change: string }>(db, 'SELECT id, at, change FROM concern_history WHERE concern_id = ? ORDER BY id DESC', [id]),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function insertConcern(db: WriteDb, pilotId: number, details: ConcernDetails, link: StoredLink, at: string): number {
  const { lastInsertRowid } = run(
    db,
    `INSERT INTO concerns (pilot_id, raised_on, raised_via, raised_by, meeting_id, log_id, log_author_id, about_participant_id, about_other, category, risk, what_was_said, created_at, updated_at)
     VALUES (@pilotId, @raisedOn, @raisedVia, @raisedBy, @meetingId, @logId, @logAuthorId, @aboutParticipantId, @aboutOther, @category, @risk, @whatWasSaid, @at, @at)`,
    { pilotId, ...details, ...link, at },
  );
  addHistory(db, lastInsertRowid, at, `Raised: ${categoryLabels[details.category]}, ${riskLabels[details.risk].toLowerCase()}${details.risk === 'immediate' ? '' : ' risk'}`);
  return lastInsertRowid;
}

const participantName = (db: ReadDb, id: number | null) => (id === null ? null : (value<string>(db, 'SELECT name FROM participants WHERE id = ?', [id]) ?? `person ${id}`));
const aboutWords = (db: ReadDb, d: { aboutParticipantId: number | null; aboutOther: string }) => participantName(db, d.aboutParticipantId) ?? d.aboutOther;

/** Changes the details; each changed one is a line of history, and earlier wording of what was said is kept there. */
export function updateConcern(db: WriteDb, id: number, next: ConcernDetails, at: string): void {
  const row = concernRow(db, id);
  const before: ConcernDetails = {
    raisedOn: row.raised_on,
    raisedVia: row.raised_via,
    raisedBy: row.raised_by,
    aboutParticipantId: row.about_participant_id,
    aboutOther: row.about_other,
    category: row.category,
    risk: row.risk,
    whatWasSaid: row.what_was_said,
  };
  const changes: string[] = [];
  if (before.risk !== next.risk) changes.push(`Risk changed from ${riskLabels[before.risk].toLowerCase()} to ${riskLabels[next.risk].toLowerCase()}`);
  if (before.category !== next.category) changes.push(`Category changed from ${categoryLabels[before.category]} to ${categoryLabels[next.category]}`);
  if (before.aboutParticipantId !== next.aboutParticipantId || before.aboutOther !== next.aboutOther) changes.push(`Now about ${aboutWords(db, next)} (was ${aboutWords(db, before)})`);
  if (before.raisedBy !== next.raisedBy) changes.push(`Raised by changed to: ${raiserLabels[next.raisedBy].toLowerCase()}`);
  if (before.raisedVia !== next.raisedVia) changes.push(`How it was raised changed to: ${raisedViaLabels[next.raisedVia].toLowerCase()}`);
  if (before.raisedOn !== next.raisedOn) changes.push(`Date raised changed from ${formatDate(before.raisedOn)} to ${formatDate(next.raisedOn)}`);
  if (before.whatWasSaid !== next.whatWasSaid) changes.push(`What was said was edited. It read before: “${before.whatWasSaid}”`);
  if (changes.length === 0) return;
  run(
    db,
    `UPDATE concerns SET raised_on = @raisedOn, raised_via = @raisedVia, raised_by = @raisedBy, about_participant_id = @aboutParticipantId, about_other = @aboutOther,
       category = @category, risk = @risk, what_was_said = @whatWasSaid WHERE id = @id`,
    { ...next, id },
  );
  for (const change of changes) addHistory(db, id, at, change);
}

export function closeConcern(db: WriteDb, id: number, closedOn: string, outcome: string, at: string): void {
  const row = concernRow(db, id);
  if (row.status === 'closed') throw new AppError('INVALID_TRANSITION', `Concern ${id} is already closed.`);
  if (closedOn < row.raised_on) {
    const message = `A concern cannot close before it was raised (${formatDate(row.raised_on)}).`;
    throw new AppError('INVALID_INPUT', message, [{ path: ['closedOn'], message }]);
  }
  const pending = value<number>(db, 'SELECT count(*) FROM concern_follow_ups WHERE concern_id = ? AND done_on IS NULL', [id])!;
  if (pending > 0) {
    throw new AppError(
      'INVALID_TRANSITION',
      `${pending === 1 ? 'A follow-up is' : `${pending} follow-ups are`} still to do. Mark ${pending === 1 ? 'it' : 'them'} done, or remove ${pending === 1 ? 'it' : 'them'} if no longer needed, before closing the concern.`,
    );
  }
  run(db, "UPDATE concerns SET status = 'closed', closed_on = ?, outcome = ? WHERE id = ?", [closedOn, outcome, id]);
  addHistory(db, id, at, `Closed on ${formatDate(closedOn)}. Outcome: ${outcome}`);
}

export function reopenConcern(db: WriteDb, id: number, reason: string, at: string): void {
  if (concernRow(db, id).status === 'open') throw new AppError('INVALID_TRANSITION', `Concern ${id} is open already.`);
  run(db, "UPDATE concerns SET status = 'open', closed_on = NULL WHERE id = ?", [id]);
  addHistory(db, id, at, `Reopened: ${reason}`);
}

// ---- the register -------------------------------------------------------------------------

export interface ListFilters {
  status: ConcernStatus | 'all';
  risk: RiskLevel | null;
  category: ConcernCategory | null;
  overdueOnly: boolean;
  offset: number;
  limit: number;
}

const OVERDUE = 'EXISTS (SELECT 1 FROM concern_follow_ups f WHERE f.concern_id = c.id AND f.done_on IS NULL AND f.due_on < @today)';
const FILTERS = `c.pilot_id = @pilotId AND (@status = 'all' OR c.status = @status) AND (@risk IS NULL OR c.risk = @risk)
  AND (@category IS NULL OR c.category = @category) AND (@overdueOnly = 0 OR ${OVERDUE})`;

interface RegisterRow {
  id: number;
  raised_on: string;
  raised_via: RaisedVia;
  category: ConcernCategory;
  risk: RiskLevel;
  status: ConcernStatus;
  closed_on: string | null;
  about_name: string;
  next_follow_up_on: string | null;
  overdue: number;
  steps_done: number;
  steps_total: number;
}

/** A page of the register: open concerns first, highest risk first, then the latest. */
export function listConcerns(db: ReadDb, pilotId: number, filters: ListFilters, today: string): ConcernList {
  const params = { pilotId, today, status: filters.status, risk: filters.risk, category: filters.category, overdueOnly: filters.overdueOnly ? 1 : 0 };
  const total = value<number>(db, `SELECT count(*) FROM concerns c WHERE ${FILTERS}`, params)!;
  const rows = many<RegisterRow>(
    db,
    `SELECT c.id, c.raised_on, c.raised_via, c.category, c.risk, c.status, c.closed_on, coalesce(p.name, c.about_other) AS about_name,
       (SELECT min(f.due_on) FROM concern_follow_ups f WHERE f.concern_id = c.id AND f.done_on IS NULL) AS next_follow_up_on,
       (SELECT count(*) FROM concern_follow_ups f WHERE f.concern_id = c.id AND f.done_on IS NULL AND f.due_on < @today) AS overdue,
       (SELECT count(*) FROM concern_steps s WHERE s.concern_id = c.id AND s.done_on IS NOT NULL) AS steps_done,
       (SELECT count(*) FROM concern_steps s WHERE s.concern_id = c.id) AS steps_total
     FROM concerns c LEFT JOIN participants p ON p.id = c.about_participant_id
     WHERE ${FILTERS}
     ORDER BY c.status = 'open' DESC,
       CASE WHEN c.status = 'open' THEN CASE c.risk WHEN 'immediate' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END ELSE 0 END DESC,
       coalesce(c.closed_on, c.raised_on) DESC, c.id DESC
     LIMIT @limit OFFSET @offset`,
    { ...params, limit: filters.limit, offset: filters.offset },
  );
  const { concernRetentionMonths } = getSafeguardingPlan(db, pilotId);
  return {
    offset: filters.offset,
    total,
    rows: rows.map((r) => ({
      id: r.id,
      raisedOn: r.raised_on,
      raisedVia: r.raised_via,
      category: r.category,
      risk: r.risk,
      status: r.status,
      aboutName: r.about_name,
      nextFollowUpOn: r.next_follow_up_on,
      overdueFollowUps: r.overdue,
      stepsDone: r.steps_done,
      stepsTotal: r.steps_total,
      closedOn: r.closed_on,
      ...retentionOf(r.closed_on, concernRetentionMonths, today),
    })),
  };
}

/** Counts for the dashboard: no text, no names. */
export function summarise(db: ReadDb, pilotId: number, today: string): ConcernSummary {
  const open = value<number>(db, "SELECT count(*) FROM concerns WHERE pilot_id = ? AND status = 'open'", [pilotId])!;
  const overdueFollowUps = value<number>(
    db,
    "SELECT count(*) FROM concern_follow_ups f JOIN concerns c ON c.id = f.concern_id WHERE c.pilot_id = ? AND c.status = 'open' AND f.done_on IS NULL AND f.due_on < ?",
    [pilotId, today],
  )!;
  const { concernRetentionMonths } = getSafeguardingPlan(db, pilotId);
  const closedOn = values<string>(db, "SELECT closed_on FROM concerns WHERE pilot_id = ? AND status = 'closed'", [pilotId]);
  const pastRetention = closedOn.filter((date) => retentionOf(date, concernRetentionMonths, today).pastRetention).length;
  return { open, overdueFollowUps, pastRetention };
}

// ---- erasure ------------------------------------------------------------------------------

/** How many concerns are about a person: what erasure asks the coordinator about before removing them. */
export function countConcernsAbout(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM concerns WHERE about_participant_id = ?', [participantId])!;
}

/**
 * Removes every concern about a person, with its steps, referrals, follow-ups and history. Call it
 * only after the coordinator has explicitly confirmed it (safeguarding records may need to be kept
 * beyond a participant's erasure), inside the erasure's transaction, which records the ids returned.
 */
export function eraseConcernsAbout(db: WriteDb, participantId: number): { removedConcernIds: number[] } {
  const removedConcernIds = values<number>(db, 'SELECT id FROM concerns WHERE about_participant_id = ? ORDER BY id', [participantId]);
  run(db, 'DELETE FROM concerns WHERE about_participant_id = ?', [participantId]);
  return { removedConcernIds };
}
