/**
 * The SQL for what was done about a concern: the support protocol's steps (copied onto the concern
 * when it is raised, so later changes to the plan do not rewrite what was done), referrals to the
 * university's services, and follow-up dates. Each change leaves a line in the concern's history.
 */
import { many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { formatDate } from '../../../shared/dates';
import { addHistory } from './history-repository';
import type { ConcernStep, FollowUp, Referral } from '../../../shared/safeguarding/contract';

/** Which concern a step, referral or follow-up belongs to, and that concern's pilot. */
export interface Owner {
  concernId: number;
  pilotId: number;
}

const ownerOf = (table: string, what: string) => (db: ReadDb, id: number): Owner => {
  const owner = one<Owner>(db, `SELECT t.concern_id AS concernId, c.pilot_id AS pilotId FROM ${table} t JOIN concerns c ON c.id = t.concern_id WHERE t.id = ?`, [id]);
  if (!owner) throw notFound(what, id);
  return owner;
};
export const stepOwner = ownerOf('concern_steps', 'Protocol step');
export const referralOwner = ownerOf('concern_referrals', 'Referral');
export const followUpOwner = ownerOf('concern_follow_ups', 'Follow-up');

const notAfterToday = (date: string | null, today: string, path: string[], what: string) => {
  if (date !== null && date > today) {
    const message = `${what} cannot be in the future.`;
    throw new AppError('INVALID_INPUT', message, [{ path, message }]);
  }
};

// ---- protocol steps -----------------------------------------------------------------------

interface StepRow {
  id: number;
  position: number;
  text: string;
  from_protocol: number;
  done_on: string | null;
  note: string;
}

export function listSteps(db: ReadDb, concernId: number): ConcernStep[] {
  return many<StepRow>(db, 'SELECT id, position, text, from_protocol, done_on, note FROM concern_steps WHERE concern_id = ? ORDER BY position, id', [concernId]).map((r) => ({
    id: r.id,
    position: r.position,
    text: r.text,
    fromProtocol: r.from_protocol === 1,
    doneOn: r.done_on,
    note: r.note,
  }));
}

const normalised = (text: string) => text.trim().toLowerCase();

/** Adds the protocol's steps the concern does not have yet (by their words), after those it has; returns how many. */
export function addProtocolSteps(db: WriteDb, concernId: number, protocol: readonly string[], at: string): number {
  const have = new Set(listSteps(db, concernId).map((s) => normalised(s.text)));
  const missing = protocol.filter((text) => !have.has(normalised(text)));
  let position = value<number>(db, 'SELECT coalesce(max(position), 0) FROM concern_steps WHERE concern_id = ?', [concernId])!;
  for (const text of missing) {
    position += 1;
    run(db, 'INSERT INTO concern_steps (concern_id, position, text, from_protocol) VALUES (?, ?, ?, 1)', [concernId, position, text]);
  }
  if (missing.length > 0) addHistory(db, concernId, at, `${missing.length === 1 ? 'One step' : `${missing.length} steps`} of the support protocol added`);
  return missing.length;
}

export function addStep(db: WriteDb, concernId: number, text: string, at: string): void {
  const position = value<number>(db, 'SELECT coalesce(max(position), 0) + 1 FROM concern_steps WHERE concern_id = ?', [concernId])!;
  run(db, 'INSERT INTO concern_steps (concern_id, position, text, from_protocol) VALUES (?, ?, ?, 0)', [concernId, position, text]);
  addHistory(db, concernId, at, `Step ${position} added: ${text}`);
}

export function recordStep(db: WriteDb, stepId: number, doneOn: string | null, note: string, today: string, at: string): number {
  notAfterToday(doneOn, today, ['doneOn'], 'The day a step was done');
  const step = one<StepRow & { concern_id: number }>(db, 'SELECT * FROM concern_steps WHERE id = ?', [stepId]);
  if (!step) throw notFound('Protocol step', stepId);
  run(db, 'UPDATE concern_steps SET done_on = ?, note = ? WHERE id = ?', [doneOn, note, stepId]);
  const label = `Step ${step.position}`;
  if (step.done_on !== doneOn) addHistory(db, step.concern_id, at, doneOn ? `${label} done on ${formatDate(doneOn)}` : `${label} marked not done`);
  if (step.note !== note) addHistory(db, step.concern_id, at, note ? `${label} note: ${note}` : `${label} note removed`);
  return step.concern_id;
}

// ---- referrals ----------------------------------------------------------------------------

interface ReferralFields {
  service: string;
  referredOn: string;
  note: string;
  outcome: string;
  outcomeOn: string | null;
}

function checkReferral(r: ReferralFields, today: string): void {
  notAfterToday(r.referredOn, today, ['referral', 'referredOn'], 'The day of the referral');
  notAfterToday(r.outcomeOn, today, ['referral', 'outcomeOn'], 'The day of the outcome');
  if (r.outcomeOn !== null && r.outcomeOn < r.referredOn) {
    const message = 'The outcome cannot come before the referral.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['referral', 'outcomeOn'], message }]);
  }
  if (r.outcomeOn !== null && !r.outcome) {
    const message = 'Say what the outcome was, or leave its date empty.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['referral', 'outcome'], message }]);
  }
}

export function listReferrals(db: ReadDb, concernId: number): Referral[] {
  return many<Referral>(
    db,
    'SELECT id, service, referred_on AS referredOn, note, outcome, outcome_on AS outcomeOn FROM concern_referrals WHERE concern_id = ? ORDER BY referred_on, id',
    [concernId],
  );
}

export function addReferral(db: WriteDb, concernId: number, referral: ReferralFields, today: string, at: string): void {
  checkReferral(referral, today);
  run(db, 'INSERT INTO concern_referrals (concern_id, service, referred_on, note, outcome, outcome_on) VALUES (@concernId, @service, @referredOn, @note, @outcome, @outcomeOn)', {
    concernId,
    ...referral,
  });
  addHistory(db, concernId, at, `Referred to ${referral.service} on ${formatDate(referral.referredOn)}${referral.outcome ? `. Outcome: ${referral.outcome}` : ''}`);
}

export function updateReferral(db: WriteDb, id: number, referral: ReferralFields, today: string, at: string): number {
  checkReferral(referral, today);
  const before = one<Referral & { concernId: number }>(db, 'SELECT concern_id AS concernId, service, referred_on AS referredOn, note, outcome, outcome_on AS outcomeOn FROM concern_referrals WHERE id = ?', [id]);
  if (!before) throw notFound('Referral', id);
  run(db, 'UPDATE concern_referrals SET service = @service, referred_on = @referredOn, note = @note, outcome = @outcome, outcome_on = @outcomeOn WHERE id = @id', { ...referral, id });
  if (before.outcome !== referral.outcome && referral.outcome) addHistory(db, before.concernId, at, `Referral to ${referral.service}: outcome${referral.outcomeOn ? ` on ${formatDate(referral.outcomeOn)}` : ''}: ${referral.outcome}`);
  else if (before.service !== referral.service || before.referredOn !== referral.referredOn || before.note !== referral.note || before.outcomeOn !== referral.outcomeOn || before.outcome !== referral.outcome) {
    addHistory(db, before.concernId, at, `Referral to ${referral.service} changed`);
  }
  return before.concernId;
}

export function removeReferral(db: WriteDb, id: number, at: string): number {
  const referral = one<{ concernId: number; service: string; referredOn: string }>(db, 'SELECT concern_id AS concernId, service, referred_on AS referredOn FROM concern_referrals WHERE id = ?', [id]);
  if (!referral) throw notFound('Referral', id);
  run(db, 'DELETE FROM concern_referrals WHERE id = ?', [id]);
  addHistory(db, referral.concernId, at, `Referral to ${referral.service} of ${formatDate(referral.referredOn)} removed`);
  return referral.concernId;
}

// ---- follow-ups ---------------------------------------------------------------------------

interface FollowUpFields {
  dueOn: string;
  what: string;
  doneOn: string | null;
  doneNote: string;
}

export function listFollowUps(db: ReadDb, concernId: number, today: string): FollowUp[] {
  return many<Omit<FollowUp, 'overdue'>>(db, 'SELECT id, due_on AS dueOn, what, done_on AS doneOn, done_note AS doneNote FROM concern_follow_ups WHERE concern_id = ? ORDER BY due_on, id', [concernId]).map((f) => ({
    ...f,
    overdue: f.doneOn === null && f.dueOn < today,
  }));
}

export function addFollowUp(db: WriteDb, concernId: number, followUp: FollowUpFields, today: string, at: string): void {
  notAfterToday(followUp.doneOn, today, ['followUp', 'doneOn'], 'The day a follow-up was done');
  run(db, 'INSERT INTO concern_follow_ups (concern_id, due_on, what, done_on, done_note) VALUES (@concernId, @dueOn, @what, @doneOn, @doneNote)', { concernId, ...followUp });
  addHistory(db, concernId, at, `Follow-up for ${formatDate(followUp.dueOn)} added: ${followUp.what}`);
}

export function updateFollowUp(db: WriteDb, id: number, followUp: FollowUpFields, today: string, at: string): number {
  notAfterToday(followUp.doneOn, today, ['followUp', 'doneOn'], 'The day a follow-up was done');
  const before = one<FollowUpFields & { concernId: number }>(db, 'SELECT concern_id AS concernId, due_on AS dueOn, what, done_on AS doneOn, done_note AS doneNote FROM concern_follow_ups WHERE id = ?', [id]);
  if (!before) throw notFound('Follow-up', id);
  run(db, 'UPDATE concern_follow_ups SET due_on = @dueOn, what = @what, done_on = @doneOn, done_note = @doneNote WHERE id = @id', { ...followUp, id });
  if (before.doneOn !== followUp.doneOn) {
    addHistory(db, before.concernId, at, followUp.doneOn ? `Follow-up of ${formatDate(followUp.dueOn)} done on ${formatDate(followUp.doneOn)}${followUp.doneNote ? `: ${followUp.doneNote}` : ''}` : `Follow-up of ${formatDate(followUp.dueOn)} marked not done`);
  } else if (before.dueOn !== followUp.dueOn || before.what !== followUp.what || before.doneNote !== followUp.doneNote) {
    addHistory(db, before.concernId, at, `Follow-up changed: ${followUp.what}, due ${formatDate(followUp.dueOn)}`);
  }
  return before.concernId;
}

export function removeFollowUp(db: WriteDb, id: number, at: string): number {
  const followUp = one<{ concernId: number; dueOn: string; what: string }>(db, 'SELECT concern_id AS concernId, due_on AS dueOn, what FROM concern_follow_ups WHERE id = ?', [id]);
  if (!followUp) throw notFound('Follow-up', id);
  run(db, 'DELETE FROM concern_follow_ups WHERE id = ?', [id]);
  addHistory(db, followUp.concernId, at, `Follow-up of ${formatDate(followUp.dueOn)} removed: ${followUp.what}`);
  return followUp.concernId;
}
