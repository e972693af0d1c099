import type { Db } from '../db/types';
import { AppError, notFound } from '../errors';
import { gibbsStages, HIGHLIGHT_END, HIGHLIGHT_START, type GibbsEntry, type OwedLog, type ReflectiveLog, type SearchHit } from '../../../shared/logs/contract';

interface LogRow {
  id: number;
  meeting_id: number;
  pair_id: number;
  author_id: number;
  author_name: string;
  role: 'mentor' | 'mentee';
  sequence: number;
  meeting_date: string;
  theme_title: string;
  state: ReflectiveLog['state'];
  description: string;
  feelings: string;
  evaluation: string;
  analysis: string;
  conclusion: string;
  action_plan: string;
  not_provided_reason: string | null;
  source: 'entered' | 'imported';
  updated_at: string;
  submitted_at: string | null;
}

const select = `SELECT l.*, m.pair_id, m.sequence, coalesce(m.held_on, m.date) AS meeting_date, m.theme_title, p.name AS author_name, p.role
  FROM reflective_logs l JOIN meetings m ON m.id = l.meeting_id JOIN participants p ON p.id = l.author_id`;

const toLog = (r: LogRow): ReflectiveLog => ({
  id: r.id,
  meetingId: r.meeting_id,
  pairId: r.pair_id,
  authorId: r.author_id,
  authorName: r.author_name,
  role: r.role,
  sequence: r.sequence,
  meetingDate: r.meeting_date,
  themeTitle: r.theme_title,
  state: r.state,
  stages: { description: r.description, feelings: r.feelings, evaluation: r.evaluation, analysis: r.analysis, conclusion: r.conclusion, actionPlan: r.action_plan },
  notProvidedReason: r.not_provided_reason,
  source: r.source,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
});

export function findLog(db: Db, meetingId: number, authorId: number): ReflectiveLog | null {
  const row = db.prepare(`${select} WHERE l.meeting_id = ? AND l.author_id = ?`).get(meetingId, authorId) as LogRow | undefined;
  return row ? toLog(row) : null;
}

export function logsByAuthor(db: Db, authorId: number, states: ReflectiveLog['state'][]): ReflectiveLog[] {
  return (db.prepare(`${select} WHERE l.author_id = ? AND l.state IN (${states.map(() => '?').join(',')}) ORDER BY meeting_date, m.sequence`).all(authorId, ...states) as LogRow[]).map(toLog);
}

/** A log belongs to one of the two people of a meeting that was held. Returns the meeting's pilot. */
export function assertLoggable(db: Db, meetingId: number, authorId: number): number {
  const meeting = db
    .prepare('SELECT m.pilot_id, m.status, m.sequence, x.mentor_id, x.mentee_id FROM meetings m JOIN pairs x ON x.id = m.pair_id WHERE m.id = ?')
    .get(meetingId) as { pilot_id: number; status: string; sequence: number; mentor_id: number; mentee_id: number } | undefined;
  if (!meeting) throw notFound('Meeting', meetingId);
  if (authorId !== meeting.mentor_id && authorId !== meeting.mentee_id) {
    throw new AppError('INVALID_INPUT', 'Only the two people of this meeting write logs about it.', [{ path: ['authorId'], message: 'Not a member of this pair' }]);
  }
  if (meeting.status !== 'held') throw new AppError('INVALID_TRANSITION', `Meeting ${meeting.sequence} has not been marked held yet; logs follow a held meeting.`);
  return meeting.pilot_id;
}

const stageColumns = { description: 'description', feelings: 'feelings', evaluation: 'evaluation', analysis: 'analysis', conclusion: 'conclusion', actionPlan: 'action_plan' } as const;

/** Inserts or replaces one person's log for a meeting in a given state. */
export function writeLog(db: Db, meetingId: number, authorId: number, state: ReflectiveLog['state'], stages: GibbsEntry, extra: { reason?: string | null; source?: 'entered' | 'imported' }, now: string): ReflectiveLog {
  const existing = findLog(db, meetingId, authorId);
  const submittedAt = state === 'submitted' ? (existing?.submittedAt ?? now) : null;
  const values = { meetingId, authorId, state, ...Object.fromEntries(gibbsStages.map((s) => [s, stages[s]])), reason: extra.reason ?? null, source: extra.source ?? 'entered', now, submittedAt };
  db.prepare(
    `INSERT INTO reflective_logs (meeting_id, author_id, state, ${Object.values(stageColumns).join(', ')}, not_provided_reason, source, updated_at, submitted_at)
     VALUES (@meetingId, @authorId, @state, @description, @feelings, @evaluation, @analysis, @conclusion, @actionPlan, @reason, @source, @now, @submittedAt)
     ON CONFLICT (meeting_id, author_id) DO UPDATE SET state = excluded.state,
       ${Object.values(stageColumns).map((c) => `${c} = excluded.${c}`).join(', ')},
       not_provided_reason = excluded.not_provided_reason, source = excluded.source, updated_at = excluded.updated_at, submitted_at = excluded.submitted_at`,
  ).run(values);
  return findLog(db, meetingId, authorId)!;
}

export function owedLogs(db: Db, pilotId: number, today: string): OwedLog[] {
  const rows = db
    .prepare(
      `WITH authors AS (
         SELECT m.id AS meeting_id, m.pair_id, m.sequence, m.held_on, m.theme_title, x.mentor_id AS author_id FROM meetings m JOIN pairs x ON x.id = m.pair_id
           WHERE m.pilot_id = @pilotId AND m.status = 'held'
         UNION ALL
         SELECT m.id, m.pair_id, m.sequence, m.held_on, m.theme_title, x.mentee_id FROM meetings m JOIN pairs x ON x.id = m.pair_id
           WHERE m.pilot_id = @pilotId AND m.status = 'held')
       SELECT a.meeting_id AS meetingId, a.pair_id AS pairId, a.sequence, a.held_on AS heldOn, a.theme_title AS themeTitle,
         p.id AS authorId, p.name AS authorName, p.role, coalesce(l.state, 'missing') AS state,
         CAST(julianday(@today) - julianday(a.held_on) AS INTEGER) AS daysSinceMeeting
       FROM authors a JOIN participants p ON p.id = a.author_id
       LEFT JOIN reflective_logs l ON l.meeting_id = a.meeting_id AND l.author_id = a.author_id
       WHERE l.state IS NULL OR l.state = 'draft'
       ORDER BY a.held_on, p.name COLLATE NOCASE`,
    )
    .all({ pilotId, today }) as OwedLog[];
  return rows;
}

/** Each word of the query must appear (as a word or word start); FTS syntax in the query is treated as text. */
export function ftsQuery(text: string): string | undefined {
  const terms = text
    .split(/\s+/)
    .map((t) => t.replace(/["*^():]/g, '').trim())
    .filter(Boolean);
  return terms.length ? terms.map((t) => `"${t}"*`).join(' ') : undefined;
}

export function searchLogs(db: Db, pilotId: number, text: string, limit: number): SearchHit[] {
  const query = ftsQuery(text);
  if (!query) return [];
  const snippets = gibbsStages.map((_, i) => `snippet(logs_fts, ${i}, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 16) AS s${i}`).join(', ');
  const rows = db
    .prepare(
      `SELECT l.id AS logId, l.meeting_id AS meetingId, m.pair_id AS pairId, p.name AS authorName, coalesce(m.held_on, m.date) AS meetingDate, m.theme_title AS themeTitle, ${snippets}
       FROM logs_fts JOIN reflective_logs l ON l.id = logs_fts.rowid JOIN meetings m ON m.id = l.meeting_id JOIN participants p ON p.id = l.author_id
       WHERE logs_fts MATCH ? AND m.pilot_id = ?
       ORDER BY bm25(logs_fts), l.id LIMIT ?`,
    )
    .all(query, pilotId, limit) as (Omit<SearchHit, 'snippets'> & { [column: `s${number}`]: string })[];
  // snippet() returns the start of a column even where nothing matched: keep the stages with a hit.
  return rows.map(({ logId, meetingId, pairId, authorName, meetingDate, themeTitle, ...columns }) => ({
    logId,
    meetingId,
    pairId,
    authorName,
    meetingDate,
    themeTitle,
    snippets: gibbsStages.map((stage, i) => ({ stage, text: columns[`s${i}`]! })).filter((s) => s.text.includes(HIGHLIGHT_START)),
  }));
}
