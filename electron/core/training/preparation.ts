/**
 * The stages before pairing — interested → chemistry → trained — follow from what is recorded: a
 * chemistry meeting that took place, and training that covered the required topics. When a record is
 * removed or changed, a stage it set is taken back; a stage set by hand, or a later one (paired and
 * on), is kept, and the "not trained yet" flag shows instead.
 */
import type { Db } from '../db/types';
import { person } from '../participants/roles';
import { parseJsonArray } from '../util/json';
import { REQUIRED_TRAINING_TOPICS, audienceFits, type TrainingAudience } from '../../../shared/training/contract';
import type { ParticipantRole, ParticipantStatus } from '../../../shared/participants/contract';

/** Reasons written into the status history by this module: a stage with one of them was set automatically. */
export const STAGE_REASONS = {
  chemistryHeld: 'Chemistry meeting held',
  trained: 'Attended training',
  chemistryChanged: 'Chemistry meeting changed or deleted',
  trainingChanged: 'Training changed or deleted',
} as const;
const automatic: readonly string[] = Object.values(STAGE_REASONS);

const order: ParticipantStatus[] = ['interested', 'chemistry', 'trained'];

const normal = (topic: string) => topic.trim().toLowerCase();

/**
 * Required topics each person of the pilot still misses, counting only sessions for their role held
 * on or before `today` (YYYY-MM-DD); topics may come from several sessions. Everyone of the pilot is
 * in the map; an empty list means trained.
 */
export function missingTopics(db: Db, pilotId: number, today: string): Map<number, string[]> {
  const people = db.prepare('SELECT id FROM participants WHERE pilot_id = ?').all(pilotId) as { id: number }[];
  const attended = db
    .prepare(
      `SELECT a.participant_id AS id, p.role, s.audience, s.topics FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id JOIN participants p ON p.id = a.participant_id
       WHERE s.pilot_id = ? AND s.held_on <= ?`,
    )
    .all(pilotId, today) as { id: number; role: ParticipantRole; audience: TrainingAudience; topics: string }[];
  const covered = new Map<number, Set<string>>();
  for (const row of attended) {
    if (!audienceFits(row.audience, row.role)) continue;
    const set = covered.get(row.id) ?? new Set<string>();
    for (const topic of parseJsonArray(row.topics)) set.add(normal(topic));
    covered.set(row.id, set);
  }
  return new Map(people.map((p) => [p.id, REQUIRED_TRAINING_TOPICS.filter((t) => !covered.get(p.id)?.has(normal(t)))]));
}

/**
 * Brings the stages of these people of the pilot in line with their chemistry meetings and training:
 * forward when they have earned more; back (with `reasonBack` in the history) only when the current
 * stage was set by a record that no longer holds. Stages from "paired" on are never touched.
 */
export function settleStages(db: Db, pilotId: number, ids: Iterable<number>, today: string, now: string, reasonBack: string): void {
  const missing = missingTopics(db, pilotId, today);
  const met = db.prepare('SELECT 1 FROM chemistry_meetings WHERE happened = 1 AND (mentor_id = ? OR mentee_id = ?)');
  const lastChange = db.prepare('SELECT to_status, reason FROM participant_status_history WHERE participant_id = ? ORDER BY id DESC LIMIT 1');
  for (const id of new Set(ids)) {
    const who = person(db, id);
    const current = order.indexOf(who.status);
    if (current === -1) continue;
    // The stage their records earn them before pairing.
    const earned: ParticipantStatus = missing.get(id)?.length === 0 ? 'trained' : met.get(id, id) ? 'chemistry' : 'interested';
    const target = order.indexOf(earned);
    if (target === current) continue;
    let reason: string;
    if (target > current) {
      reason = earned === 'trained' ? STAGE_REASONS.trained : STAGE_REASONS.chemistryHeld;
    } else {
      const last = lastChange.get(id) as { to_status: string; reason: string | null } | undefined;
      if (!last || last.to_status !== who.status || !automatic.includes(last.reason ?? '')) continue;
      reason = reasonBack;
    }
    db.prepare('UPDATE participants SET status = ?, status_reason = NULL, updated_at = ? WHERE id = ?').run(earned, now, id);
    db.prepare('INSERT INTO participant_status_history (participant_id, from_status, to_status, reason, at) VALUES (?, ?, ?, ?, ?)').run(id, who.status, earned, reason, now);
  }
}
