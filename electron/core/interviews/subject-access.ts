import { many, type ReadDb } from '../db/query';

/** A person's closing interviews with the notes taken, each under its question (subject access). No transcripts are kept. */
export function interviewsAbout(db: ReadDb, participantId: number) {
  const interviews = many<{ id: number; scheduledOn: string; startsAt: string; status: string; interviewer: string }>(
    db,
    `SELECT v.id AS id, v.scheduled_on AS scheduledOn, v.starts_at AS startsAt, v.status AS status, i.name AS interviewer
       FROM interviews.interviews v JOIN interviews.interviewers i ON i.id = v.interviewer_id
      WHERE v.participant_id = ? ORDER BY v.scheduled_on, v.id`,
    [participantId],
  );
  return interviews.map(({ id, ...interview }) => ({
    ...interview,
    notes: many<{ question: string; note: string }>(
      db,
      `SELECT coalesce(q.question, 'General notes') AS question, n.body AS note
         FROM interviews.interview_notes n LEFT JOIN interviews.guide_questions q ON q.id = n.question_id
        WHERE n.interview_id = ? ORDER BY n.question_id = 0, q.position, n.question_id`,
      [id],
    ),
  }));
}
