import { many, type ReadDb } from '../db/query';

export interface ResearchLog {
  id: number;
  meetingId: number;
  authorId: number;
  state: 'draft' | 'submitted' | 'not-provided';
  description: string;
  feelings: string;
  evaluation: string;
  analysis: string;
  conclusion: string;
  actionPlan: string;
  source: 'entered' | 'imported';
  submittedAt: string | null;
}

/** The pilot's submitted and not-provided logs (drafts are not finished and never go out). */
export function researchLogs(db: ReadDb, pilotId: number): ResearchLog[] {
  return many<ResearchLog>(
    db,
    `SELECT l.id, l.meeting_id AS meetingId, l.author_id AS authorId, l.state, l.description, l.feelings, l.evaluation, l.analysis, l.conclusion,
            l.action_plan AS actionPlan, l.source, l.submitted_at AS submittedAt
     FROM reflective_logs l JOIN meetings m ON m.id = l.meeting_id
     WHERE m.pilot_id = ? AND l.state <> 'draft' ORDER BY l.meeting_id, l.author_id`,
    [pilotId],
  );
}
