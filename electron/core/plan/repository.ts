import { jsonList, many, one, run, value, values, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { addDays, parseJsonArray, uniqueIgnoringCase } from '../util/json';
import {
  DEFAULT_ELIGIBILITY,
  DEFAULT_MEETING_PLAN,
  type ConsentForm,
  type Governance,
  type MeetingPlan,
  type Milestone,
  type MilestoneStatus,
  type Plan,
  type SafeguardingPlan,
  type SupportProtocol,
  type Theme,
} from '../../../shared/plan/contract';

interface SettingsRow {
  eligibility: string;
  meeting_count: number;
  cadence_days: number;
  duration_min: number;
  duration_max: number;
  meeting_mode: MeetingPlan['mode'];
  meeting_place: string;
  meeting_online_link: string;
  chemistry_before_pairing: number;
  training_before_pairing: number;
  ethics_reference: string;
  retention_months: number | null;
  support_contacts: string;
  escalation_steps: string;
  referral_services: string;
  concern_retention_months: number | null;
}

/** Every pilot has a plan from its creation, with the defaults of a typical round. */
export function insertDefaultPlan(db: WriteDb, pilotId: number): void {
  run(db, 'INSERT INTO plan_settings (pilot_id, eligibility, meeting_count, cadence_days, duration_min, duration_max) VALUES (?, ?, ?, ?, ?, ?)', [
    pilotId,
    JSON.stringify(DEFAULT_ELIGIBILITY),
    DEFAULT_MEETING_PLAN.meetingCount,
    DEFAULT_MEETING_PLAN.cadenceDays,
    DEFAULT_MEETING_PLAN.durationMin,
    DEFAULT_MEETING_PLAN.durationMax,
  ]);
}

function settings(db: ReadDb, pilotId: number): SettingsRow {
  const row = one<SettingsRow>(db, 'SELECT * FROM plan_settings WHERE pilot_id = ?', [pilotId]);
  if (!row) throw notFound('Pilot', pilotId);
  return row;
}

export function getEligibility(db: ReadDb, pilotId: number): string[] {
  return parseJsonArray(settings(db, pilotId).eligibility);
}

const meetingPlanOf = (s: SettingsRow): MeetingPlan => ({
  meetingCount: s.meeting_count,
  cadenceDays: s.cadence_days,
  durationMin: s.duration_min,
  durationMax: s.duration_max,
  mode: s.meeting_mode,
  place: s.meeting_place,
  onlineLink: s.meeting_online_link,
  chemistryBeforePairing: s.chemistry_before_pairing === 1,
  trainingBeforePairing: s.training_before_pairing === 1,
});

export function getMeetingPlan(db: ReadDb, pilotId: number): MeetingPlan {
  return meetingPlanOf(settings(db, pilotId));
}

export function setEligibility(db: WriteDb, pilotId: number, categories: string[]): string[] {
  const unique = uniqueIgnoringCase(categories);
  settings(db, pilotId);
  run(db, 'UPDATE plan_settings SET eligibility = ? WHERE pilot_id = ?', [JSON.stringify(unique), pilotId]);
  return unique;
}

export function setMeetingPlan(db: WriteDb, pilotId: number, plan: MeetingPlan): MeetingPlan {
  settings(db, pilotId);
  run(
    db,
    `UPDATE plan_settings SET meeting_count = ?, cadence_days = ?, duration_min = ?, duration_max = ?, meeting_mode = ?, meeting_place = ?, meeting_online_link = ?,
       chemistry_before_pairing = ?, training_before_pairing = ? WHERE pilot_id = ?`,
    [plan.meetingCount, plan.cadenceDays, plan.durationMin, plan.durationMax, plan.mode, plan.place, plan.onlineLink, +plan.chemistryBeforePairing, +plan.trainingBeforePairing, pilotId],
  );
  return getMeetingPlan(db, pilotId);
}

export function setGovernance(db: WriteDb, pilotId: number, governance: Governance): Governance {
  settings(db, pilotId);
  run(db, 'UPDATE plan_settings SET ethics_reference = ?, retention_months = ? WHERE pilot_id = ?', [governance.ethicsReference, governance.retentionMonths, pilotId]);
  return governance;
}

export function setSupport(db: WriteDb, pilotId: number, support: SupportProtocol): SupportProtocol {
  settings(db, pilotId);
  run(db, 'UPDATE plan_settings SET support_contacts = ?, escalation_steps = ? WHERE pilot_id = ?', [JSON.stringify(support.contacts), JSON.stringify(support.escalationSteps), pilotId]);
  return support;
}

const supportOf = (s: SettingsRow): SupportProtocol => ({ contacts: parseJsonArray(s.support_contacts), escalationSteps: parseJsonArray(s.escalation_steps) });
const safeguardingOf = (s: SettingsRow): SafeguardingPlan => ({ referralServices: parseJsonArray(s.referral_services), concernRetentionMonths: s.concern_retention_months });

export function getSupportProtocol(db: ReadDb, pilotId: number): SupportProtocol {
  return supportOf(settings(db, pilotId));
}

export function getSafeguardingPlan(db: ReadDb, pilotId: number): SafeguardingPlan {
  return safeguardingOf(settings(db, pilotId));
}

export function setSafeguardingPlan(db: WriteDb, pilotId: number, plan: SafeguardingPlan): SafeguardingPlan {
  settings(db, pilotId);
  run(db, 'UPDATE plan_settings SET referral_services = ?, concern_retention_months = ? WHERE pilot_id = ?', [JSON.stringify(plan.referralServices), plan.concernRetentionMonths, pilotId]);
  return getSafeguardingPlan(db, pilotId);
}

// ---- themes -------------------------------------------------------------------------------

interface ThemeRow {
  id: number;
  pilot_id: number;
  title: string;
  description: string;
  ice_breakers: string;
  position: number;
}

function themeFindings(db: ReadDb, themeIds: number[]): Map<number, Theme['findings']> {
  const byTheme = new Map<number, Theme['findings']>(themeIds.map((id) => [id, []]));
  if (themeIds.length === 0) return byTheme;
  const rows = many<{ theme_id: number; id: number; text: string; focus_group_id: number; held_on: string }>(
    db,
    `SELECT ft.theme_id, f.id, f.text, f.focus_group_id, g.held_on
     FROM finding_themes ft JOIN findings f ON f.id = ft.finding_id JOIN focus_groups g ON g.id = f.focus_group_id
     WHERE ft.theme_id IN (SELECT value FROM json_each(?))
     ORDER BY g.held_on, f.id`,
    [jsonList(themeIds)],
  );
  for (const r of rows) byTheme.get(r.theme_id)!.push({ id: r.id, text: r.text, focusGroupId: r.focus_group_id, heldOn: r.held_on });
  return byTheme;
}

export function listThemes(db: ReadDb, pilotId: number): Theme[] {
  const rows = many<ThemeRow>(db, 'SELECT * FROM themes WHERE pilot_id = ? ORDER BY position, id', [pilotId]);
  const findings = themeFindings(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    pilotId: r.pilot_id,
    title: r.title,
    description: r.description,
    iceBreakers: parseJsonArray(r.ice_breakers),
    position: r.position,
    findings: findings.get(r.id) ?? [],
  }));
}

export function getTheme(db: ReadDb, id: number): Theme {
  return listThemes(db, themePilot(db, id)).find((t) => t.id === id)!;
}

export function themePilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM themes WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Theme', id);
  return pilotId;
}

/** How many of these theme ids are themes of the pilot. */
export function countThemesInPilot(db: ReadDb, pilotId: number, themeIds: number[]): number {
  return value<number>(db, 'SELECT count(*) FROM themes WHERE pilot_id = ? AND id IN (SELECT value FROM json_each(?))', [pilotId, jsonList(themeIds)])!;
}

interface ThemeFields {
  title: string;
  description: string;
  iceBreakers: string[];
}

export function insertTheme(db: WriteDb, pilotId: number, theme: ThemeFields): Theme {
  const next = value<number>(db, 'SELECT coalesce(max(position), 0) + 1 FROM themes WHERE pilot_id = ?', [pilotId])!;
  const { lastInsertRowid } = run(db, 'INSERT INTO themes (pilot_id, title, description, ice_breakers, position) VALUES (?, ?, ?, ?, ?)', [
    pilotId,
    theme.title,
    theme.description,
    JSON.stringify(theme.iceBreakers),
    next,
  ]);
  return getTheme(db, lastInsertRowid);
}

export function updateTheme(db: WriteDb, id: number, theme: ThemeFields): Theme {
  themePilot(db, id);
  run(db, 'UPDATE themes SET title = ?, description = ?, ice_breakers = ? WHERE id = ?', [theme.title, theme.description, JSON.stringify(theme.iceBreakers), id]);
  return getTheme(db, id);
}

export function deleteTheme(db: WriteDb, id: number): void {
  themePilot(db, id);
  run(db, 'DELETE FROM themes WHERE id = ?', [id]);
}

/** Swaps a theme with its neighbour; positions are renumbered 1…n so they stay dense. */
export function moveTheme(db: WriteDb, id: number, direction: 'up' | 'down'): Theme[] {
  const pilotId = themePilot(db, id);
  const ids = values<number>(db, 'SELECT id FROM themes WHERE pilot_id = ? ORDER BY position, id', [pilotId]);
  const index = ids.indexOf(id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= ids.length) throw new AppError('INVALID_TRANSITION', `This theme is already ${direction === 'up' ? 'first' : 'last'}.`);
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  ids.forEach((themeId, i) => run(db, 'UPDATE themes SET position = ? WHERE id = ?', [i + 1, themeId]));
  return listThemes(db, pilotId);
}

// ---- milestones ---------------------------------------------------------------------------

interface MilestoneRow {
  id: number;
  pilot_id: number;
  title: string;
  due_on: string;
  done_on: string | null;
}

const DUE_SOON_DAYS = 14;

export function milestoneStatus(dueOn: string, doneOn: string | null, today: string): MilestoneStatus {
  if (doneOn) return 'done';
  if (dueOn < today) return 'late';
  if (dueOn <= addDays(today, DUE_SOON_DAYS)) return 'due-soon';
  return 'upcoming';
}

const toMilestone = (r: MilestoneRow, today: string): Milestone => ({
  id: r.id,
  pilotId: r.pilot_id,
  title: r.title,
  dueOn: r.due_on,
  doneOn: r.done_on,
  status: milestoneStatus(r.due_on, r.done_on, today),
});

export function listMilestones(db: ReadDb, pilotId: number, today: string): Milestone[] {
  return many<MilestoneRow>(db, 'SELECT * FROM milestones WHERE pilot_id = ? ORDER BY due_on, id', [pilotId]).map((r) => toMilestone(r, today));
}

export function getMilestone(db: ReadDb, id: number, today: string): Milestone {
  const row = one<MilestoneRow>(db, 'SELECT * FROM milestones WHERE id = ?', [id]);
  if (!row) throw notFound('Milestone', id);
  return toMilestone(row, today);
}

export function insertMilestone(db: WriteDb, pilotId: number, m: { title: string; dueOn: string; doneOn: string | null }, today: string): Milestone {
  const { lastInsertRowid } = run(db, 'INSERT INTO milestones (pilot_id, title, due_on, done_on) VALUES (?, ?, ?, ?)', [pilotId, m.title, m.dueOn, m.doneOn]);
  return getMilestone(db, lastInsertRowid, today);
}

export function updateMilestone(db: WriteDb, id: number, m: { title: string; dueOn: string; doneOn: string | null }, today: string): Milestone {
  getMilestone(db, id, today);
  run(db, 'UPDATE milestones SET title = ?, due_on = ?, done_on = ? WHERE id = ?', [m.title, m.dueOn, m.doneOn, id]);
  return getMilestone(db, id, today);
}

export function deleteMilestone(db: WriteDb, id: number): void {
  run(db, 'DELETE FROM milestones WHERE id = ?', [id]);
}

/** Adds the template's milestones the pilot does not have yet (by title), so applying it twice is harmless. */
export function addMissingMilestones(db: WriteDb, pilotId: number, template: { title: string; dueOn: string }[], today: string): Milestone[] {
  const existing = new Set(listMilestones(db, pilotId, today).map((m) => m.title.toLowerCase()));
  for (const m of template) {
    if (!existing.has(m.title.toLowerCase())) insertMilestone(db, pilotId, { ...m, doneOn: null }, today);
  }
  return listMilestones(db, pilotId, today);
}

export function milestonePilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM milestones WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Milestone', id);
  return pilotId;
}

// ---- consent forms ------------------------------------------------------------------------

interface ConsentFormRow {
  id: number;
  pilot_id: number;
  version: string;
  dated_on: string;
  body: string;
  record_count: number;
}

const consentFormSelect = `SELECT f.*, (SELECT count(*) FROM consent_records r WHERE r.form_id = f.id) AS record_count FROM consent_forms f`;
const toConsentForm = (r: ConsentFormRow): ConsentForm => ({ id: r.id, pilotId: r.pilot_id, version: r.version, datedOn: r.dated_on, text: r.body, recordCount: r.record_count });

export function listConsentForms(db: ReadDb, pilotId: number): ConsentForm[] {
  return many<ConsentFormRow>(db, `${consentFormSelect} WHERE f.pilot_id = ? ORDER BY f.dated_on DESC, f.id DESC`, [pilotId]).map(toConsentForm);
}

export function getConsentForm(db: ReadDb, id: number): ConsentForm {
  const row = one<ConsentFormRow>(db, `${consentFormSelect} WHERE f.id = ?`, [id]);
  if (!row) throw notFound('Consent form', id);
  return toConsentForm(row);
}

/** The pilot of a consent form version (NOT_FOUND when there is none). */
export function consentFormPilot(db: ReadDb, id: number): number {
  const pilotId = value<number>(db, 'SELECT pilot_id FROM consent_forms WHERE id = ?', [id]);
  if (pilotId === undefined) throw notFound('Consent form', id);
  return pilotId;
}

function assertVersionFree(db: ReadDb, pilotId: number, version: string, exceptId?: number): void {
  const clash = one(db, 'SELECT id FROM consent_forms WHERE pilot_id = ? AND lower(version) = lower(?) AND id IS NOT ?', [pilotId, version, exceptId ?? null]);
  if (clash) {
    const message = `Version "${version}" already exists for this pilot. Give the new form its own version label.`;
    throw new AppError('CONFLICT', message, [{ path: ['form', 'version'], message }]);
  }
}

export function insertConsentForm(db: WriteDb, pilotId: number, form: { version: string; datedOn: string; text: string }): ConsentForm {
  assertVersionFree(db, pilotId, form.version);
  const { lastInsertRowid } = run(db, 'INSERT INTO consent_forms (pilot_id, version, dated_on, body) VALUES (?, ?, ?, ?)', [pilotId, form.version, form.datedOn, form.text]);
  return getConsentForm(db, lastInsertRowid);
}

/** A version people have consented on is evidence: it can no longer change. */
export function updateConsentForm(db: WriteDb, id: number, form: { version: string; datedOn: string; text: string }): ConsentForm {
  const current = getConsentForm(db, id);
  if (current.recordCount > 0) {
    throw new AppError('INVALID_TRANSITION', `Consent has already been given on version ${current.version}, so it cannot be changed. Add a new version instead.`);
  }
  assertVersionFree(db, current.pilotId, form.version, id);
  run(db, 'UPDATE consent_forms SET version = ?, dated_on = ?, body = ? WHERE id = ?', [form.version, form.datedOn, form.text, id]);
  return getConsentForm(db, id);
}

export function getPlan(db: ReadDb, pilotId: number, today: string): Plan {
  const s = settings(db, pilotId);
  return {
    pilotId,
    eligibility: parseJsonArray(s.eligibility),
    meetingPlan: meetingPlanOf(s),
    governance: { ethicsReference: s.ethics_reference, retentionMonths: s.retention_months },
    support: supportOf(s),
    safeguarding: safeguardingOf(s),
    themes: listThemes(db, pilotId),
    milestones: listMilestones(db, pilotId, today),
    consentForms: listConsentForms(db, pilotId),
  };
}
