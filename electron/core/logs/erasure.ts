/**
 * What erasing a person means for reflective logs: the logs they wrote go (their search index
 * entries with them, by the table's triggers), their name in other people's logs becomes
 * "[removed]", and the search index is then rebuilt into one segment, because FTS5 otherwise keeps
 * deleted words in its shadow tables (logs_fts_data) until segments happen to merge.
 */
import { many, run, value, type ReadDb, type WriteDb } from '../db/query';
import { redactRow } from '../../../shared/erasure/redact';

const textColumns = ['description', 'feelings', 'evaluation', 'analysis', 'conclusion', 'action_plan', 'not_provided_reason'] as const;
type TextRow = { id: number } & Record<(typeof textColumns)[number], string | null>;

export function countLogsBy(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM reflective_logs WHERE author_id = ?', [participantId])!;
}

export function eraseLogsBy(db: WriteDb, participantId: number): number {
  return run(db, 'DELETE FROM reflective_logs WHERE author_id = ?', [participantId]).changes;
}

/** Every log of the pilot's meetings that names someone, redacted; the number of names replaced. */
export function redactNamesInLogs(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  let replaced = 0;
  const rows = many<TextRow>(
    db,
    `SELECT l.id, l.description, l.feelings, l.evaluation, l.analysis, l.conclusion, l.action_plan, l.not_provided_reason
     FROM reflective_logs l JOIN meetings m ON m.id = l.meeting_id WHERE m.pilot_id = ?`,
    [pilotId],
  );
  for (const row of rows) {
    const result = redactRow(row, textColumns, pattern);
    if (!result) continue;
    replaced += result.replaced;
    run(
      db,
      `UPDATE reflective_logs SET description = @description, feelings = @feelings, evaluation = @evaluation, analysis = @analysis,
       conclusion = @conclusion, action_plan = @action_plan, not_provided_reason = @not_provided_reason WHERE id = @id`,
      result.changed,
    );
  }
  return replaced;
}

/** Merges the search index into one segment, which drops every deleted word from logs_fts_data. */
export function purgeSearchIndex(db: WriteDb): void {
  run(db, "INSERT INTO logs_fts (logs_fts) VALUES ('optimize')");
}
