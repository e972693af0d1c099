/**
 * Names for the records an audit page mentions, read when the page is shown: the trail stores
 * record types and ids only, never content, so a person erased from the vault is no longer named
 * anywhere. One query per record type per page (at most ~15), never one per row. Safeguarding
 * concerns are never named here: the register is read only after the passphrase is asked again.
 *
 * This reads other features' tables for display only (labels and the ids a link needs).
 */
import { many, type ReadDb } from '../db/query';
import type { AuditRecord, AuditScreen } from '../../../shared/audit/contract';
import { formatDate } from '../../../shared/dates';

type Named = { id: number; label: string; pilotId: number; screen: AuditScreen; ids: number[] };
type Resolver = (db: ReadDb, ids: number[]) => Named[];

const inList = (ids: number[]) => `(${ids.map(() => '?').join(', ')})`;
const both = (a: string, b: string) => `${a} and ${b}`;

/** A pilot's own record (focus group, milestone, theme, training session): named from one column, shown on its stage's screen. */
const pilotRecord =
  (table: string, column: string, screen: AuditScreen, label: (value: string) => string, link: (id: number) => number[] = () => []): Resolver =>
  (db, ids) =>
    many<{ id: number; pilot_id: number; value: string }>(db, `SELECT id, pilot_id, ${column} AS value FROM ${table} WHERE id IN ${inList(ids)}`, ids).map((r) => ({
      id: r.id,
      label: label(r.value),
      pilotId: r.pilot_id,
      screen,
      ids: link(r.id),
    }));

const resolvers: Record<string, Resolver> = {
  pilot: (db, ids) =>
    many<{ id: number; name: string }>(db, `SELECT id, name FROM pilots WHERE id IN ${inList(ids)}`, ids).map((r) => ({ id: r.id, label: `Pilot “${r.name}”`, pilotId: r.id, screen: 'pilot', ids: [] })),
  participant: (db, ids) =>
    many<{ id: number; name: string; pilot_id: number }>(db, `SELECT id, name, pilot_id FROM participants WHERE id IN ${inList(ids)}`, ids).map((r) => ({
      id: r.id,
      label: r.name,
      pilotId: r.pilot_id,
      screen: 'participant',
      ids: [r.id],
    })),
  pair: (db, ids) =>
    many<{ id: number; pilot_id: number; a: string; b: string }>(
      db,
      `SELECT x.id, x.pilot_id, a.name AS a, b.name AS b FROM pairs x JOIN participants a ON a.id = x.mentor_id JOIN participants b ON b.id = x.mentee_id WHERE x.id IN ${inList(ids)}`,
      ids,
    ).map((r) => ({ id: r.id, label: `Pair ${both(r.a, r.b)}`, pilotId: r.pilot_id, screen: 'pair-meetings', ids: [r.id] })),
  meeting: (db, ids) =>
    many<{ id: number; pilot_id: number; pair_id: number; sequence: number; a: string; b: string }>(
      db,
      `SELECT m.id, m.pilot_id, m.pair_id, m.sequence, a.name AS a, b.name AS b FROM meetings m JOIN pairs x ON x.id = m.pair_id
       JOIN participants a ON a.id = x.mentor_id JOIN participants b ON b.id = x.mentee_id WHERE m.id IN ${inList(ids)}`,
      ids,
    ).map((r) => ({ id: r.id, label: `Meeting ${r.sequence} of ${both(r.a, r.b)}`, pilotId: r.pilot_id, screen: 'pair-meetings', ids: [r.pair_id] })),
  reflective_log: (db, ids) =>
    many<{ id: number; meeting_id: number; author_id: number; pilot_id: number; sequence: number; author: string }>(
      db,
      `SELECT l.id, l.meeting_id, l.author_id, m.pilot_id, m.sequence, p.name AS author FROM reflective_logs l JOIN meetings m ON m.id = l.meeting_id
       JOIN participants p ON p.id = l.author_id WHERE l.id IN ${inList(ids)}`,
      ids,
    ).map((r) => ({ id: r.id, label: `${r.author}’s log for meeting ${r.sequence}`, pilotId: r.pilot_id, screen: 'log', ids: [r.meeting_id, r.author_id] })),
  chemistry_meeting: (db, ids) =>
    many<{ id: number; pilot_id: number; a: string; b: string }>(
      db,
      `SELECT c.id, c.pilot_id, a.name AS a, b.name AS b FROM chemistry_meetings c JOIN participants a ON a.id = c.mentor_id JOIN participants b ON b.id = c.mentee_id WHERE c.id IN ${inList(ids)}`,
      ids,
    ).map((r) => ({ id: r.id, label: `Chemistry meeting of ${both(r.a, r.b)}`, pilotId: r.pilot_id, screen: 'chemistry', ids: [] })),
  focus_group: pilotRecord('focus_groups', 'held_on', 'focus-group', (heldOn) => `Focus group of ${formatDate(heldOn)}`, (id) => [id]),
  finding: (db, ids) =>
    many<{ id: number; focus_group_id: number; pilot_id: number; held_on: string }>(
      db,
      `SELECT f.id, f.focus_group_id, g.pilot_id, g.held_on FROM findings f JOIN focus_groups g ON g.id = f.focus_group_id WHERE f.id IN ${inList(ids)}`,
      ids,
    ).map((r) => ({ id: r.id, label: `A finding of the focus group of ${formatDate(r.held_on)}`, pilotId: r.pilot_id, screen: 'focus-group', ids: [r.focus_group_id] })),
  milestone: pilotRecord('milestones', 'title', 'plan', (title) => `Milestone “${title}”`),
  theme: pilotRecord('themes', 'title', 'plan', (title) => `Theme “${title}”`),
  training_session: pilotRecord('training_sessions', 'held_on', 'training', (heldOn) => `Training session of ${formatDate(heldOn)}`),
  consent_record: (db, ids) =>
    many<{ id: number; participant_id: number; pilot_id: number; name: string }>(
      db,
      `SELECT c.id, c.participant_id, p.pilot_id, p.name FROM consent_records c JOIN participants p ON p.id = c.participant_id WHERE c.id IN ${inList(ids)}`,
      ids,
    ).map((r) => ({ id: r.id, label: `${r.name}’s consent`, pilotId: r.pilot_id, screen: 'participant', ids: [r.participant_id] })),
};

/** Record types the trail uses and their words when the record is gone or has no name. */
const typeWords: Record<string, string> = {
  pilot: 'Pilot',
  participant: 'Person',
  pair: 'Pair',
  meeting: 'Meeting',
  reflective_log: 'Reflective log',
  chemistry_meeting: 'Chemistry meeting',
  focus_group: 'Focus group',
  finding: 'Finding',
  milestone: 'Milestone',
  theme: 'Theme',
  training_session: 'Training session',
  consent_record: 'Consent record',
  consent_form: 'Consent form version',
  conflict_of_interest: 'Conflict of interest',
  concern: 'Safeguarding concern',
  survey_instrument: 'Questionnaire',
  survey_item: 'Questionnaire item',
  survey_wave: 'Survey wave',
};

/**
 * The record of each entry (by its type and id), or null for entries about no record or the vault
 * and settings (the screen words those itself).
 */
export function nameRecords(db: ReadDb, entries: { entityType: string | null; entityId: string | null }[]): (AuditRecord | null)[] {
  const wanted = new Map<string, Set<number>>();
  for (const e of entries) {
    const id = Number(e.entityId);
    if (e.entityType && resolvers[e.entityType] && Number.isSafeInteger(id) && id > 0) {
      (wanted.get(e.entityType) ?? wanted.set(e.entityType, new Set()).get(e.entityType)!).add(id);
    }
  }
  const found = new Map<string, Named>();
  for (const [type, ids] of wanted) for (const named of resolvers[type]!(db, [...ids])) found.set(`${type}:${named.id}`, named);
  return entries.map((e) => {
    if (!e.entityType || e.entityType === 'vault' || e.entityType === 'settings') return null;
    const words = typeWords[e.entityType];
    if (!words) return null;
    const named = found.get(`${e.entityType}:${Number(e.entityId)}`);
    if (named) return { label: named.label, link: { screen: named.screen, pilotId: named.pilotId, ids: named.ids } };
    if (e.entityId === null || e.entityId === '') return { label: words, link: null };
    // A concern is only ever "concern no. N"; anything else without a row was deleted or erased.
    if (e.entityType === 'concern' || !resolvers[e.entityType]) return { label: `${words} no. ${e.entityId}`, link: null };
    return { label: `${words} no. ${e.entityId} (no longer in the vault)`, link: null };
  });
}
