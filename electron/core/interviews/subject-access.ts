import { many, type ReadDb } from '../db/query';
import { recordingsAboutPerson } from './recordings/repository';
import { transcriptOf } from './transcripts/repository';

/**
 * A person's closing interviews with the notes taken, each under its question (subject access),
 * the transcript's text, and which recordings exist (source, length, date): the audio itself is not
 * copied into the document (it can be played to them, or exported on request).
 */
export function interviewsAbout(db: ReadDb, participantId: number) {
  const interviews = many<{ id: number; scheduledOn: string; startsAt: string; status: string; interviewer: string }>(
    db,
    `SELECT v.id AS id, v.scheduled_on AS scheduledOn, v.starts_at AS startsAt, v.status AS status, i.name AS interviewer
       FROM interviews.interviews v JOIN interviews.interviewers i ON i.id = v.interviewer_id
      WHERE v.participant_id = ? ORDER BY v.scheduled_on, v.id`,
    [participantId],
  );
  const recordings = recordingsAboutPerson(db, participantId);
  return interviews.map(({ id, ...interview }) => ({
    ...interview,
    transcript: transcriptOf(db, id)?.body ?? null,
    recordings: recordings.filter((r) => r.interviewId === id).map(({ interviewId: _interviewId, ...recording }) => recording),
    notes: many<{ question: string; note: string }>(
      db,
      `SELECT coalesce(q.question, 'General notes') AS question, n.body AS note
         FROM interviews.interview_notes n LEFT JOIN interviews.guide_questions q ON q.id = n.question_id
        WHERE n.interview_id = ? ORDER BY n.question_id = 0, q.position, n.question_id`,
      [id],
    ),
  }));
}
