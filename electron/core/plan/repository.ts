import type { Db } from '../db/types';
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
  ethics_reference: string;
  retention_months: number | null;
  support_contacts: string;
  escalation_steps: string;
}

/** Every pilot has a plan from its creation, with the defaults of a typical round. */
export function insertDefaultPlan(db: Db, pilotId: number): void {
  db.prepare(
    `INSERT INTO plan_settings (pilot_id, eligibility, meeting_count, cadence_days, duration_min, duration_max)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(pilotId, JSON.stringify(DEFAULT_ELIGIBILITY), DEFAULT_MEETING_PLAN.meetingCount, DEFAULT_MEETING_PLAN.cadenceDays, DEFAULT_MEETING_PLAN.durationMin, DEFAULT_MEETING_PLAN.durationMax);
}

function settings(db: Db, pilotId: number): SettingsRow {
  const row = db.prepare('SELECT * FROM plan_settings WHERE pilot_id = ?').get(pilotId) as SettingsRow | undefined;
  if (!row) throw notFound('Pilot', pilotId);
  return row;
}

export function getEligibility(db: Db, pilotId: number): string[] {
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
});

export function getMeetingPlan(db: Db, pilotId: number): MeetingPlan {
  return meetingPlanOf(settings(db, pilotId));
}

export function setEligibility(db: Db, pilotId: number, categories: string[]): string[] {
  const unique = uniqueIgnoringCase(categories);
  settings(db, pilotId);
  db.prepare('UPDATE plan_settings SET eligibility = ? WHERE pilot_id = ?').run(JSON.stringify(unique), pilotId);
  return unique;
}

export function setMeetingPlan(db: Db, pilotId: number, plan: MeetingPlan): MeetingPlan {
  settings(db, pilotId);
  db.prepare(
    'UPDATE plan_settings SET meeting_count = ?, cadence_days = ?, duration_min = ?, duration_max = ?, meeting_mode = ?, meeting_place = ?, meeting_online_link = ? WHERE pilot_id = ?',
  ).run(plan.meetingCount, plan.cadenceDays, plan.durationMin, plan.durationMax, plan.mode, plan.place, plan.onlineLink, pilotId);
  return getMeetingPlan(db, pilotId);
}

export function setGovernance(db: Db, pilotId: number, governance: Governance): Governance {
  settings(db, pilotId);
  db.prepare('UPDATE plan_settings SET ethics_reference = ?, retention_months = ? WHERE pilot_id = ?').run(governance.ethicsReference, governance.retentionMonths, pilotId);
  return governance;
}

export function setSupport(db: Db, pilotId: number, support: SupportProtocol): SupportProtocol {
  settings(db, pilotId);
  db.prepare('UPDATE plan_settings SET support_contacts = ?, escalation_steps = ? WHERE pilot_id = ?').run(JSON.stringify(support.contacts), JSON.stringify(support.escalationSteps), pilotId);
  return support;
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

function themeFindings(db: Db, themeIds: number[]): Map<number, Theme['findings']> {
  const byTheme = new Map<number, Theme['findings']>(themeIds.map((id) => [id, []]));
  if (themeIds.length === 0) return byTheme;
  const rows = db
    .prepare(
      `SELECT ft.theme_id, f.id, f.text, f.focus_group_id, g.held_on
       FROM finding_themes ft JOIN findings f ON f.id = ft.finding_id JOIN focus_groups g ON g.id = f.focus_group_id
       WHERE ft.theme_id IN (${themeIds.map(() => '?').join(',')})
       ORDER BY g.held_on, f.id`,
    )
    .all(...themeIds) as { theme_id: number; id: number; text: string; focus_group_id: number; held_on: string }[];
  for (const r of rows) byTheme.get(r.theme_id)!.push({ id: r.id, text: r.text, focusGroupId: r.focus_group_id, heldOn: r.held_on });
  return byTheme;
}

export function listThemes(db: Db, pilotId: number): Theme[] {
  const rows = db.prepare('SELECT * FROM themes WHERE pilot_id = ? ORDER BY position, id').all(pilotId) as ThemeRow[];
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

export function getTheme(db: Db, id: number): Theme {
  const row = db.prepare('SELECT pilot_id FROM themes WHERE id = ?').get(id) as { pilot_id: number } | undefined;
  if (!row) throw notFound('Theme', id);
  return listThemes(db, row.pilot_id).find((t) => t.id === id)!;
}

export function themePilot(db: Db, id: number): number {
  const row = db.prepare('SELECT pilot_id FROM themes WHERE id = ?').get(id) as { pilot_id: number } | undefined;
  if (!row) throw notFound('Theme', id);
  return row.pilot_id;
}

interface ThemeFields {
  title: string;
  description: string;
  iceBreakers: string[];
}

export function insertTheme(db: Db, pilotId: number, theme: ThemeFields): Theme {
  const { next } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM themes WHERE pilot_id = ?').get(pilotId) as { next: number };
  const { lastInsertRowid } = db
    .prepare('INSERT INTO themes (pilot_id, title, description, ice_breakers, position) VALUES (?, ?, ?, ?, ?)')
    .run(pilotId, theme.title, theme.description, JSON.stringify(theme.iceBreakers), next);
  return getTheme(db, Number(lastInsertRowid));
}

export function updateTheme(db: Db, id: number, theme: ThemeFields): Theme {
  themePilot(db, id);
  db.prepare('UPDATE themes SET title = ?, description = ?, ice_breakers = ? WHERE id = ?').run(theme.title, theme.description, JSON.stringify(theme.iceBreakers), id);
  return getTheme(db, id);
}

export function deleteTheme(db: Db, id: number): void {
  themePilot(db, id);
  db.prepare('DELETE FROM themes WHERE id = ?').run(id);
}

/** Swaps a theme with its neighbour; positions are renumbered 1…n so they stay dense. */
export function moveTheme(db: Db, id: number, direction: 'up' | 'down'): Theme[] {
  const pilotId = themePilot(db, id);
  const ids = (db.prepare('SELECT id FROM themes WHERE pilot_id = ? ORDER BY position, id').all(pilotId) as { id: number }[]).map((r) => r.id);
  const index = ids.indexOf(id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= ids.length) throw new AppError('INVALID_TRANSITION', `This theme is already ${direction === 'up' ? 'first' : 'last'}.`);
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  const setPosition = db.prepare('UPDATE themes SET position = ? WHERE id = ?');
  ids.forEach((themeId, i) => setPosition.run(i + 1, themeId));
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

export function listMilestones(db: Db, pilotId: number, today: string): Milestone[] {
  return (db.prepare('SELECT * FROM milestones WHERE pilot_id = ? ORDER BY due_on, id').all(pilotId) as MilestoneRow[]).map((r) => toMilestone(r, today));
}

export function getMilestone(db: Db, id: number, today: string): Milestone {
  const row = db.prepare('SELECT * FROM milestones WHERE id = ?').get(id) as MilestoneRow | undefined;
  if (!row) throw notFound('Milestone', id);
  return toMilestone(row, today);
}

export function insertMilestone(db: Db, pilotId: number, m: { title: string; dueOn: string; doneOn: string | null }, today: string): Milestone {
  const { lastInsertRowid } = db.prepare('INSERT INTO milestones (pilot_id, title, due_on, done_on) VALUES (?, ?, ?, ?)').run(pilotId, m.title, m.dueOn, m.doneOn);
  return getMilestone(db, Number(lastInsertRowid), today);
}

export function updateMilestone(db: Db, id: number, m: { title: string; dueOn: string; doneOn: string | null }, today: string): Milestone {
  getMilestone(db, id, today);
  db.prepare('UPDATE milestones SET title = ?, due_on = ?, done_on = ? WHERE id = ?').run(m.title, m.dueOn, m.doneOn, id);
  return getMilestone(db, id, today);
}

export function milestonePilot(db: Db, id: number): number {
  const row = db.prepare('SELECT pilot_id FROM milestones WHERE id = ?').get(id) as { pilot_id: number } | undefined;
  if (!row) throw notFound('Milestone', id);
  return row.pilot_id;
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

export function listConsentForms(db: Db, pilotId: number): ConsentForm[] {
  return (db.prepare(`${consentFormSelect} WHERE f.pilot_id = ? ORDER BY f.dated_on DESC, f.id DESC`).all(pilotId) as ConsentFormRow[]).map(toConsentForm);
}

export function getConsentForm(db: Db, id: number): ConsentForm {
  const row = db.prepare(`${consentFormSelect} WHERE f.id = ?`).get(id) as ConsentFormRow | undefined;
  if (!row) throw notFound('Consent form', id);
  return toConsentForm(row);
}

function assertVersionFree(db: Db, pilotId: number, version: string, exceptId?: number): void {
  const clash = db.prepare('SELECT id FROM consent_forms WHERE pilot_id = ? AND lower(version) = lower(?) AND id IS NOT ?').get(pilotId, version, exceptId ?? null);
  if (clash) {
    const message = `Version "${version}" already exists for this pilot. Give the new form its own version label.`;
    throw new AppError('CONFLICT', message, [{ path: ['form', 'version'], message }]);
  }
}

export function insertConsentForm(db: Db, pilotId: number, form: { version: string; datedOn: string; text: string }): ConsentForm {
  assertVersionFree(db, pilotId, form.version);
  const { lastInsertRowid } = db.prepare('INSERT INTO consent_forms (pilot_id, version, dated_on, body) VALUES (?, ?, ?, ?)').run(pilotId, form.version, form.datedOn, form.text);
  return getConsentForm(db, Number(lastInsertRowid));
}

/** A version people have consented on is evidence: it can no longer change. */
export function updateConsentForm(db: Db, id: number, form: { version: string; datedOn: string; text: string }): ConsentForm {
  const current = getConsentForm(db, id);
  if (current.recordCount > 0) {
    throw new AppError('INVALID_TRANSITION', `Consent has already been given on version ${current.version}, so it cannot be changed. Add a new version instead.`);
  }
  assertVersionFree(db, current.pilotId, form.version, id);
  db.prepare('UPDATE consent_forms SET version = ?, dated_on = ?, body = ? WHERE id = ?').run(form.version, form.datedOn, form.text, id);
  return getConsentForm(db, id);
}

export function getPlan(db: Db, pilotId: number, today: string): Plan {
  const s = settings(db, pilotId);
  return {
    pilotId,
    eligibility: parseJsonArray(s.eligibility),
    meetingPlan: meetingPlanOf(s),
    governance: { ethicsReference: s.ethics_reference, retentionMonths: s.retention_months },
    support: { contacts: parseJsonArray(s.support_contacts), escalationSteps: parseJsonArray(s.escalation_steps) },
    themes: listThemes(db, pilotId),
    milestones: listMilestones(db, pilotId, today),
    consentForms: listConsentForms(db, pilotId),
  };
}
