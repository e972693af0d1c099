import { many, type ReadDb } from '../db/query';

/** The reflective logs a person wrote themselves (never their partner's), oldest meeting first (subject access). */
export function logsWrittenBy(db: ReadDb, participantId: number) {
  return many<{ id: number; meetingId: number; meetingDate: string; state: string; description: string; feelings: string; evaluation: string; analysis: string; conclusion: string; actionPlan: string; notProvidedReason: string | null; submittedAt: string | null; updatedAt: string }>(
    db,
    `SELECT logs.id AS id, logs.meeting_id AS meetingId, meetings.date AS meetingDate, logs.state AS state, logs.description AS description, logs.feelings AS feelings,
            logs.evaluation AS evaluation, logs.analysis AS analysis, logs.conclusion AS conclusion, logs.action_plan AS actionPlan,
            logs.not_provided_reason AS notProvidedReason, logs.submitted_at AS submittedAt, logs.updated_at AS updatedAt
       FROM reflective_logs AS logs JOIN meetings ON meetings.id = logs.meeting_id
      WHERE logs.author_id = ? ORDER BY meetings.date, logs.id`,
    [participantId],
  );
}
