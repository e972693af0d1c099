/**
 * The stages before pairing — interested → chemistry → trained — follow from what is recorded: a
 * chemistry meeting that took place, and training that covered the required topics. When a record is
 * removed or changed, a stage it set is taken back; a stage set by hand, or a later one (paired and
 * on), is kept, and the "not trained yet" flag shows instead. Which stage was set by a record is
 * known from the cause kept with each status change (participants/lifecycle.ts).
 */
import { many, type ReadDb, type WriteDb } from '../db/query';
import { parseJsonArray } from '../util/json';
import { REQUIRED_TRAINING_TOPICS, audienceFits, type TrainingAudience } from '../../../shared/training/contract';
import type { ParticipantRole, ParticipantStatus } from '../../../shared/participants/contract';
import { preparationStages, stageSetByRecords, statusOf, transition } from '../participants';
import { hadChemistryMeeting } from '../chemistry';

const normal = (topic: string) => topic.trim().toLowerCase();

/**
 * Required topics each person of the pilot still misses, counting only sessions for their role held
 * on or before `today` (YYYY-MM-DD); topics may come from several sessions. Everyone of the pilot is
 * in the map; an empty list means trained.
 */
export function missingTopics(db: ReadDb, pilotId: number, today: string): Map<number, string[]> {
  const people = many<{ id: number }>(db, 'SELECT id FROM participants WHERE pilot_id = ?', [pilotId]);
  const attended = many<{ id: number; role: ParticipantRole; audience: TrainingAudience; topics: string }>(
    db,
    `SELECT a.participant_id AS id, p.role, s.audience, s.topics FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id JOIN participants p ON p.id = a.participant_id
     WHERE s.pilot_id = ? AND s.held_on <= ?`,
    [pilotId, today],
  );
  const covered = new Map<number, Set<string>>();
  for (const row of attended) {
    if (!audienceFits(row.audience, row.role)) continue;
    const set = covered.get(row.id) ?? new Set<string>();
    for (const topic of parseJsonArray(row.topics)) set.add(normal(topic));
    covered.set(row.id, set);
  }
  return new Map(people.map((p) => [p.id, REQUIRED_TRAINING_TOPICS.filter((t) => !covered.get(p.id)?.has(normal(t)))]));
}

/** What changed: chemistry meetings or training. Decides the cause of a stage taken back. */
export type PreparationRecord = 'chemistry' | 'training';

/**
 * Brings the stages of these people of the pilot in line with their chemistry meetings and training:
 * forward when they have earned more; back only when the current stage was set by a record (not by
 * hand). Stages from "paired" on are never touched.
 */
export function settleStages(db: WriteDb, pilotId: number, ids: Iterable<number>, today: string, now: string, changed: PreparationRecord): void {
  const missing = missingTopics(db, pilotId, today);
  for (const id of new Set(ids)) {
    const { status } = statusOf(db, id);
    const current = preparationStages.indexOf(status);
    if (current === -1) continue;
    // The stage their records earn them before pairing.
    const earned: ParticipantStatus = missing.get(id)?.length === 0 ? 'trained' : hadChemistryMeeting(db, id) ? 'chemistry' : 'interested';
    const target = preparationStages.indexOf(earned);
    if (target > current) transition(db, id, earned, earned === 'trained' ? 'training-complete' : 'chemistry', now);
    else if (target < current && stageSetByRecords(db, id, status)) transition(db, id, earned, changed === 'training' ? 'training-removed' : 'chemistry-removed', now);
  }
}
