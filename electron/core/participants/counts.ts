import { many, one, type ReadDb } from '../db/query';
import { participantStatuses, type ParticipantStatus } from '../../../shared/participants/contract';

/** For the dashboard: how many people are at each stage now, and how many have consent to take part. One grouped read. */
export function stageCounts(db: ReadDb, pilotId: number): { total: number; byStatus: Record<ParticipantStatus, number>; consented: number } {
  const byStatus = Object.fromEntries(participantStatuses.map((status) => [status, 0])) as Record<ParticipantStatus, number>;
  let total = 0;
  let consented = 0;
  for (const row of many<{ status: ParticipantStatus; people: number; consented: number }>(
    db,
    "SELECT status, count(*) AS people, sum(consent_state = 'given') AS consented FROM participants WHERE pilot_id = ? GROUP BY status",
    [pilotId],
  )) {
    byStatus[row.status] = row.people;
    total += row.people;
    consented += row.consented;
  }
  return { total, byStatus, consented };
}

/**
 * People still in the scheme without consent to take part (none recorded, declined or withdrawn)
 * who nevertheless have data about them: a pair (paired, active or completed), a reflective log or a
 * survey response. The count,
 * and the first few by name so the coordinator can open them.
 */
export function consentMissingWithData(db: ReadDb, pilotId: number, firstFew: number): { count: number; people: { id: number; name: string }[] } {
  const missing = `FROM participants p
    WHERE p.pilot_id = @pilotId AND p.status <> 'withdrawn' AND p.consent_state <> 'given'
      AND (p.status IN ('paired', 'active', 'completed')
        OR EXISTS (SELECT 1 FROM reflective_logs l WHERE l.author_id = p.id)
        OR EXISTS (SELECT 1 FROM survey_responses r WHERE r.participant_id = p.id))`;
  const count = one<{ n: number }>(db, `SELECT count(*) AS n ${missing}`, { pilotId })!.n;
  const people = count ? many<{ id: number; name: string }>(db, `SELECT p.id, p.name ${missing} ORDER BY p.name COLLATE NOCASE, p.id LIMIT @firstFew`, { pilotId, firstFew }) : [];
  return { count, people };
}

/**
 * For the sponsor report: per role, how many expressed interest, consented, were ever paired, and of
 * those paired how many are still in (or completed) and how many withdrew. One grouped read.
 */
export function recruitmentByRole(db: ReadDb, pilotId: number): { role: 'mentor' | 'mentee'; interested: number; consented: number; paired: number; retained: number; withdrawn: number }[] {
  const rows = many<{ role: 'mentor' | 'mentee'; interested: number; consented: number; paired: number; retained: number; withdrawn: number }>(
    db,
    `WITH ever_paired AS (SELECT mentor_id AS id FROM pairs WHERE pilot_id = @pilotId UNION SELECT mentee_id FROM pairs WHERE pilot_id = @pilotId)
     SELECT p.role, count(*) AS interested, coalesce(sum(p.consent_state = 'given'), 0) AS consented,
       coalesce(sum(e.id IS NOT NULL), 0) AS paired,
       coalesce(sum(e.id IS NOT NULL AND p.status <> 'withdrawn'), 0) AS retained,
       coalesce(sum(e.id IS NOT NULL AND p.status = 'withdrawn'), 0) AS withdrawn
     FROM participants p LEFT JOIN ever_paired e ON e.id = p.id
     WHERE p.pilot_id = @pilotId GROUP BY p.role`,
    { pilotId },
  );
  return (['mentor', 'mentee'] as const).map((role) => rows.find((r) => r.role === role) ?? { role, interested: 0, consented: 0, paired: 0, retained: 0, withdrawn: 0 });
}
