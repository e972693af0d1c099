/**
 * What erasing a person means for the safeguarding register. Concerns about them are removed only
 * when the coordinator confirmed that separately (repository.ts, eraseConcernsAbout): such records
 * may have to be kept longer than the person's other data. Concerns about someone else that came
 * from their log lose the link to them; their name in any concern's text becomes "[removed]".
 */
import { run, value, values, type ReadDb, type WriteDb } from '../db/query';
import { redactRows } from '../db/redact-rows';

export function unlinkConcernsFromLogsOf(db: WriteDb, participantId: number): number {
  return run(db, 'UPDATE concerns SET log_author_id = NULL WHERE log_author_id = ?', [participantId]).changes;
}

export function redactNamesInConcerns(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  let replaced = 0;
  const redactTable = <K extends string>(select: string, columns: readonly K[], update: string) => {
    replaced += redactRows(db, select, [pilotId], columns, update, pattern);
  };
  redactTable('SELECT id, what_was_said, about_other, outcome FROM concerns WHERE pilot_id = ?', ['what_was_said', 'about_other', 'outcome'], 'UPDATE concerns SET what_was_said = @what_was_said, about_other = @about_other, outcome = @outcome WHERE id = @id');
  redactTable('SELECT s.id, s.text, s.note FROM concern_steps s JOIN concerns c ON c.id = s.concern_id WHERE c.pilot_id = ?', ['text', 'note'], 'UPDATE concern_steps SET text = @text, note = @note WHERE id = @id');
  redactTable('SELECT r.id, r.note, r.outcome FROM concern_referrals r JOIN concerns c ON c.id = r.concern_id WHERE c.pilot_id = ?', ['note', 'outcome'], 'UPDATE concern_referrals SET note = @note, outcome = @outcome WHERE id = @id');
  redactTable('SELECT f.id, f.what, f.done_note FROM concern_follow_ups f JOIN concerns c ON c.id = f.concern_id WHERE c.pilot_id = ?', ['what', 'done_note'], 'UPDATE concern_follow_ups SET what = @what, done_note = @done_note WHERE id = @id');
  redactTable('SELECT h.id, h.change FROM concern_history h JOIN concerns c ON c.id = h.concern_id WHERE c.pilot_id = ?', ['change'], 'UPDATE concern_history SET change = @change WHERE id = @id');
  return replaced;
}

/** The people of a pilot that concerns are about: their emptied records stay while the concerns are kept. */
export function peopleWithConcerns(db: ReadDb, pilotId: number): number[] {
  return values<number>(db, 'SELECT DISTINCT about_participant_id FROM concerns WHERE pilot_id = ? AND about_participant_id IS NOT NULL', [pilotId]);
}

/** How many concerns of a pilot are about one of its people: what a pilot's erasure asks about (a count only). */
export function countConcernsAboutPeopleOf(db: ReadDb, pilotId: number): number {
  return value<number>(db, 'SELECT count(*) FROM concerns WHERE pilot_id = ? AND about_participant_id IS NOT NULL', [pilotId])!;
}
