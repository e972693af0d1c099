import { many, jsonList, type ReadDb } from '../db/query';
import { parseJsonArray } from '../util/json';
import { REQUIRED_TRAINING_TOPICS, audienceFits, type TrainingAudience } from '../../../shared/training/contract';
import type { ParticipantRole } from '../../../shared/participants/contract';

const normal = (topic: string) => topic.trim().toLowerCase();

/**
 * For the dashboard: which of these people still miss a required topic (the rule of `missingTopics`),
 * reading the training of these people only, so a few hundred are checked without the whole pilot.
 */
export function untrainedAmong(db: ReadDb, pilotId: number, ids: number[], today: string): number[] {
  if (ids.length === 0) return [];
  // By id (the rowid), then checked against the pilot: a scan of the pilot's people would read them all.
  const people = many<{ id: number; role: ParticipantRole; pilotId: number }>(db, 'SELECT id, role, pilot_id AS pilotId FROM participants WHERE id IN (SELECT value FROM json_each(?))', [jsonList(ids)]).filter((p) => p.pilotId === pilotId);
  const attended = many<{ id: number; audience: TrainingAudience; topics: string }>(
    db,
    `SELECT a.participant_id AS id, s.audience, s.topics FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
     WHERE a.participant_id IN (SELECT value FROM json_each(?)) AND s.pilot_id = ? AND s.held_on <= ?`,
    [jsonList(ids), pilotId, today],
  );
  const roleOf = new Map(people.map((p) => [p.id, p.role]));
  const covered = new Map<number, Set<string>>();
  for (const row of attended) {
    const role = roleOf.get(row.id);
    if (!role || !audienceFits(row.audience, role)) continue;
    const set = covered.get(row.id) ?? new Set<string>();
    for (const topic of parseJsonArray(row.topics)) set.add(normal(topic));
    covered.set(row.id, set);
  }
  return people.filter((p) => REQUIRED_TRAINING_TOPICS.some((topic) => !covered.get(p.id)?.has(normal(topic)))).map((p) => p.id);
}
