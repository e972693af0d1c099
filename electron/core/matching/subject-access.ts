import { many, type ReadDb } from '../db/query';

/** One person's pairs, current and ended, with their partner's name (subject access: what is held about them). */
export function pairsOfPerson(db: ReadDb, participantId: number) {
  return many<{ id: number; role: 'mentor' | 'mentee'; partnerName: string; confirmedAt: string; endedAt: string | null; endReason: string | null }>(
    db,
    `SELECT pairs.id AS id,
            CASE WHEN pairs.mentor_id = @id THEN 'mentor' ELSE 'mentee' END AS role,
            partner.name AS partnerName, pairs.confirmed_at AS confirmedAt, pairs.ended_at AS endedAt, pairs.end_reason AS endReason
       FROM pairs JOIN participants AS partner ON partner.id = CASE WHEN pairs.mentor_id = @id THEN pairs.mentee_id ELSE pairs.mentor_id END
      WHERE pairs.mentor_id = @id OR pairs.mentee_id = @id
      ORDER BY pairs.confirmed_at, pairs.id`,
    { id: participantId },
  );
}
