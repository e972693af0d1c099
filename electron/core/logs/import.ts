import { many, one, value, type ReadDb, type WriteDb } from '../db/query';
import { gibbsEntry, gibbsStages, logImportFieldLabels, logImportFields, requiredLogImportFields, type GibbsEntry, type LogColumnMapping, type LogImportField, type LogImportPreview } from '../../../shared/logs/contract';
import { previewImport, runImport, type ImportKind, type MappedRow, type Problem, type RowReading, type StagedTable } from '../imports';
import { writeLog } from './repository';

/** A row read as a log: whose, for which meeting, and its six stages. */
interface LogRow {
  meetingId: number;
  authorId: number;
  stages: GibbsEntry;
}

/** The look-ups a log row needs, prepared once per preview or import. */
function lookups(db: ReadDb, pilotId: number) {
  return {
    person: (email: string) => one<{ id: number; name: string }>(db, 'SELECT id, name FROM participants WHERE pilot_id = ? AND email = ?', [pilotId, email]),
    /** The person's pairs, current ones first. */
    pairsOf: (personId: number) =>
      many<{ id: number; mentor_id: number; mentee_id: number }>(db, 'SELECT id, mentor_id, mentee_id FROM pairs WHERE pilot_id = ? AND (mentor_id = ? OR mentee_id = ?) ORDER BY ended_at IS NOT NULL, id', [
        pilotId,
        personId,
        personId,
      ]),
    meeting: (pairId: number, sequence: number) => one<{ id: number; status: string }>(db, 'SELECT id, status FROM meetings WHERE pair_id = ? AND sequence = ?', [pairId, sequence]),
    submitted: (log: LogRow) => value<number>(db, "SELECT 1 FROM reflective_logs WHERE meeting_id = ? AND author_id = ? AND state = 'submitted'", [log.meetingId, log.authorId]) !== undefined,
  };
}

function readLog(row: MappedRow<LogImportField>, look: ReturnType<typeof lookups>): RowReading<LogImportField, LogRow> {
  const { cell } = row;
  const problems: Problem<LogImportField>[] = [];
  // Once the cells read well, the first thing that does not fit the pilot's pairs and meetings is the row's one problem.
  const fail = (field: LogImportField, message: string): RowReading<LogImportField, LogRow> => ({ problems: [{ field, message }] });
  const author = look.person(cell('email').toLowerCase());
  if (!author) problems.push({ field: 'email', message: cell('email') ? `${cell('email')} is not a participant of this pilot` : 'The author’s email is required' });
  const sequence = Number(cell('meeting').replace(/^(meeting|session)\s*/i, ''));
  if (!Number.isInteger(sequence) || sequence < 1) problems.push({ field: 'meeting', message: `"${cell('meeting')}" is not a meeting number (1, 2, 3…)` });
  const parsed = gibbsEntry.safeParse(Object.fromEntries(gibbsStages.map((s) => [s, cell(s)])));
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ field: issue.path[0] as LogImportField, message: issue.message });
  else if (!parsed.data.description) problems.push({ field: 'description', message: 'The Description stage is empty' });
  if (!author || problems.length > 0) return { problems };

  let pairs = look.pairsOf(author.id);
  const partnerEmail = cell('partnerEmail').toLowerCase();
  if (partnerEmail) {
    const partner = look.person(partnerEmail);
    pairs = pairs.filter((p) => partner && (p.mentor_id === partner.id || p.mentee_id === partner.id));
    if (pairs.length === 0) return fail('partnerEmail', `${author.name} has no pair with ${partnerEmail}`);
  }
  if (pairs.length === 0) return fail('email', `${author.name} is not in a pair`);
  if (pairs.length > 1) return fail('email', `${author.name} has ${pairs.length} partners: add a partner email column to say which pair`);
  const meeting = look.meeting(pairs[0]!.id, sequence);
  if (!meeting) return fail('meeting', `${author.name}’s pair has no meeting ${sequence}`);
  if (meeting.status !== 'held') return fail('meeting', `meeting ${sequence} of ${author.name}’s pair is not marked held yet`);
  return {
    value: { meetingId: meeting.id, authorId: author.id, stages: parsed.data! },
    problems,
    identity: { key: `${meeting.id}:${author.id}`, field: 'meeting', words: `${author.name}’s log for meeting ${sequence}` },
  };
}

/** Reflective logs written in an online form: one log per row, imported as submitted; a log already submitted is never overwritten. */
export const logImport: ImportKind<LogImportField, LogRow> = {
  key: 'logs',
  fields: logImportFields,
  required: requiredLogImportFields,
  labels: logImportFieldLabels,
  guess: {
    // Partner first: its headings also contain "email".
    order: ['partnerEmail', 'email', 'meeting', ...gibbsStages],
    clues: {
      partnerEmail: /partner|mentee'?s e-?mail|mentor'?s e-?mail/,
      email: /e-?mail/,
      meeting: /meeting|session|which (meeting|session)|number/,
      description: /descri|what happened/,
      feelings: /feel/,
      evaluation: /evaluat|good and bad/,
      analysis: /analys|sense/,
      conclusion: /conclu|could you have/,
      actionPlan: /action|next time|plan/,
    },
    // As for expressions of interest: Microsoft Forms' own "Email" column loses to the form's own question.
    weak: { email: /^e-?mail$/ },
    looksLike: { email: (text) => text.includes('@'), partnerEmail: (text) => text.includes('@') },
  },
  rules(db, pilotId) {
    const look = lookups(db, pilotId);
    return {
      read: (row) => readLog(row, look),
      match: (log) => (look.submitted(log) ? { status: 'refused', problem: { field: null, message: 'a submitted log already exists for this person and meeting' } } : { status: 'new' }),
    };
  },
  write(db, _pilotId, rows, _changes, now) {
    for (const { value: log } of rows) writeLog(db, log.meetingId, log.authorId, 'submitted', log.stages, { source: 'imported' }, now);
  },
};

/** Logs have no sample rows and no changes to confirm: the contract's output leaves those out. */
export function previewLogImport(db: ReadDb, pilotId: number, staged: StagedTable, mapping?: LogColumnMapping): LogImportPreview {
  return previewImport(logImport, db, pilotId, staged, mapping);
}

/** All rows or none; an imported log replaces a draft but never a log already submitted. */
export function importLogs(db: WriteDb, pilotId: number, staged: StagedTable, mapping: LogColumnMapping, now: string): { imported: number } {
  return { imported: runImport(logImport, db, pilotId, staged, mapping, [], now).imported };
}
