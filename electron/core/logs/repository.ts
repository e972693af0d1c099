import { many, one, run, value, type ReadDb, type WriteDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { gibbsStages, HIGHLIGHT_END, HIGHLIGHT_START, SEARCH_COUNT_CAP, type GibbsEntry, type OwedLog, type OwedLogsQuery, type ReflectiveLog, type SearchHit, type SearchOrder, type SearchResult } from '../../../shared/logs/contract';

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

export function findLog(db: ReadDb, meetingId: number, authorId: number): ReflectiveLog | null {
  const row = one<LogRow>(db, `${select} WHERE l.meeting_id = ? AND l.author_id = ?`, [meetingId, authorId]);
  return row ? toLog(row) : null;
}

export function logsByAuthor(db: ReadDb, authorId: number, states: ReflectiveLog['state'][]): ReflectiveLog[] {
  return many<LogRow>(db, `${select} WHERE l.author_id = ? AND l.state IN (SELECT value FROM json_each(?)) ORDER BY meeting_date, m.sequence`, [authorId, JSON.stringify(states)]).map(toLog);
}

/** A log belongs to one of the two people of a meeting that was held. */
export function assertLoggable(db: ReadDb, meetingId: number, authorId: number): void {
  const meeting = one<{ status: string; sequence: number; mentor_id: number; mentee_id: number }>(
    db,
    'SELECT m.status, m.sequence, x.mentor_id, x.mentee_id FROM meetings m JOIN pairs x ON x.id = m.pair_id WHERE m.id = ?',
    [meetingId],
  );
  if (!meeting) throw notFound('Meeting', meetingId);
  if (authorId !== meeting.mentor_id && authorId !== meeting.mentee_id) {
    throw new AppError('INVALID_INPUT', 'Only the two people of this meeting write logs about it.', [{ path: ['authorId'], message: 'Not a member of this pair' }]);
  }
  if (meeting.status !== 'held') throw new AppError('INVALID_TRANSITION', `Meeting ${meeting.sequence} has not been marked held yet; logs follow a held meeting.`);
}

const stageColumns = { description: 'description', feelings: 'feelings', evaluation: 'evaluation', analysis: 'analysis', conclusion: 'conclusion', actionPlan: 'action_plan' } as const;

/** Inserts or replaces one person's log for a meeting in a given state. */
export function writeLog(db: WriteDb, meetingId: number, authorId: number, state: ReflectiveLog['state'], stages: GibbsEntry, extra: { reason?: string | null; source?: 'entered' | 'imported' }, now: string): ReflectiveLog {
  const existing = findLog(db, meetingId, authorId);
  const submittedAt = state === 'submitted' ? (existing?.submittedAt ?? now) : null;
  const values = { meetingId, authorId, state, ...Object.fromEntries(gibbsStages.map((s) => [s, stages[s]])), reason: extra.reason ?? null, source: extra.source ?? 'entered', now, submittedAt };
  run(
    db,
    `INSERT INTO reflective_logs (meeting_id, author_id, state, ${Object.values(stageColumns).join(', ')}, not_provided_reason, source, updated_at, submitted_at)
     VALUES (@meetingId, @authorId, @state, @description, @feelings, @evaluation, @analysis, @conclusion, @actionPlan, @reason, @source, @now, @submittedAt)
     ON CONFLICT (meeting_id, author_id) DO UPDATE SET state = excluded.state,
       ${Object.values(stageColumns).map((c) => `${c} = excluded.${c}`).join(', ')},
       not_provided_reason = excluded.not_provided_reason, source = excluded.source, updated_at = excluded.updated_at, submitted_at = excluded.submitted_at`,
    values,
  );
  return findLog(db, meetingId, authorId)!;
}

/**
 * Each person of each held meeting without a submitted log or a reason. Found from indexes alone
 * (pairs → their held meetings → each author's log state, migration 005); only the owed rows are
 * then read in full. The indexes are named: the planner would otherwise read each log's wide row.
 */
/**
 * One page of the logs still owed, oldest meeting first: the rows and their total, filtered by the
 * person's name, the state (none written or a draft) or one meeting and person.
 */
export function owedLogs(db: ReadDb, q: OwedLogsQuery, today: string): { total: number; offset: number; rows: OwedLog[] } {
  const filters = [
    q.search ? "p.name LIKE @pattern ESCAPE '\\'" : '',
    q.state ? "coalesce(o.state, 'missing') = @state" : '',
    q.meetingId ? 'm.id = @meetingId' : '',
    q.authorId ? 'p.id = @authorId' : '',
  ].filter(Boolean);
  const from = `WITH owed AS MATERIALIZED (
         SELECT m.id AS meeting_id, CASE r.column1 WHEN 1 THEN x.mentor_id ELSE x.mentee_id END AS author_id, l.state
         FROM pairs x JOIN meetings m INDEXED BY meetings_by_pair_status_date ON m.pair_id = x.id AND m.status = 'held'
         CROSS JOIN (VALUES (1), (2)) r
         LEFT JOIN reflective_logs l INDEXED BY logs_by_meeting_author_state
           ON l.meeting_id = m.id AND l.author_id = CASE r.column1 WHEN 1 THEN x.mentor_id ELSE x.mentee_id END
         WHERE x.pilot_id = @pilotId AND (l.state IS NULL OR l.state = 'draft'))
       SELECT %COLUMNS% FROM owed o JOIN meetings m ON m.id = o.meeting_id JOIN participants p ON p.id = o.author_id
       ${filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : ''}`;
  const params = {
    pilotId: q.pilotId,
    ...(q.search ? { pattern: `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } : {}),
    ...(q.state ? { state: q.state } : {}),
    ...(q.meetingId ? { meetingId: q.meetingId } : {}),
    ...(q.authorId ? { authorId: q.authorId } : {}),
  };
  const total = value<number>(db, from.replace('%COLUMNS%', 'count(*)'), params) ?? 0;
  const rows = many<OwedLog>(
    db,
    `${from.replace(
      '%COLUMNS%',
      `m.id AS meetingId, m.pair_id AS pairId, m.sequence, m.held_on AS heldOn, m.theme_title AS themeTitle,
         p.id AS authorId, p.name AS authorName, p.role, coalesce(o.state, 'missing') AS state,
         CAST(julianday(@today) - julianday(m.held_on) AS INTEGER) AS daysSinceMeeting`,
    )} ORDER BY m.held_on, p.name COLLATE NOCASE, m.id LIMIT @limit OFFSET @offset`,
    { ...params, today, limit: q.limit, offset: q.offset },
  );
  return { total, offset: q.offset, rows };
}

/**
 * Each word of the query must appear, as a word or the start of one. A "word" is what the user
 * typed between spaces; inside it, search syntax and punctuation separate words as they do in the
 * text: `a:b` finds "a b" and "a:b", `self(label)` finds "self (label)". Each becomes a quoted
 * phrase (quotes doubled), so nothing typed is read as a search operator. Control characters
 * separate words too: FTS5 reads its query as C text, so a NUL would end the phrase early
 * ("unterminated string"), and the tokenizer never puts one in a word anyway.
 */
export function ftsQuery(text: string): string | undefined {
  const words = text.split(/[\s\p{Cc}]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ') : undefined;
}

const orderBy: Record<SearchOrder, string> = {
  // Newest log first: FTS5 walks its index in rowid order and stops after the page.
  newest: 'logs_fts.rowid DESC',
  relevance: 'bm25(logs_fts), logs_fts.rowid DESC',
};

export function searchLogs(db: ReadDb, pilotId: number, text: string, order: SearchOrder, offset: number, limit: number): SearchResult {
  const query = ftsQuery(text);
  if (!query) return { hits: [], offset, total: 0, more: false };
  const snippets = gibbsStages.map((_, i) => `snippet(logs_fts, ${i}, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 16) AS s${i}`).join(', ');
  const rows = many<Omit<SearchHit, 'snippets'> & { [column: `s${number}`]: string }>(
    db,
    `SELECT l.id AS logId, l.meeting_id AS meetingId, m.pair_id AS pairId, p.id AS authorId, p.name AS authorName, coalesce(m.held_on, m.date) AS meetingDate, m.theme_title AS themeTitle, l.state, ${snippets}
       FROM logs_fts JOIN reflective_logs l ON l.id = logs_fts.rowid JOIN meetings m ON m.id = l.meeting_id JOIN participants p ON p.id = l.author_id
       WHERE logs_fts MATCH @query AND m.pilot_id = @pilotId
       ORDER BY ${orderBy[order]} LIMIT @limit OFFSET @offset`,
    { query, pilotId, limit, offset },
  );
  // Counted up to one past the cap: a common word in 20,000 logs is "more than 500", cheaply.
  const counted = value<number>(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM logs_fts JOIN reflective_logs l ON l.id = logs_fts.rowid JOIN meetings m ON m.id = l.meeting_id
     WHERE logs_fts MATCH @query AND m.pilot_id = @pilotId LIMIT @cap)`,
    { query, pilotId, cap: SEARCH_COUNT_CAP + 1 },
  )!;
  // snippet() returns the start of a column even where nothing matched: keep the stages with a hit.
  const hits = rows.map(({ logId, meetingId, pairId, authorId, authorName, meetingDate, themeTitle, state, ...columns }) => ({
    logId,
    meetingId,
    pairId,
    authorId,
    authorName,
    meetingDate,
    themeTitle,
    state,
    snippets: gibbsStages.map((stage, i) => ({ stage, text: columns[`s${i}`]! })).filter((s) => s.text.includes(HIGHLIGHT_START)),
  }));
  return { hits, offset, total: Math.min(counted, SEARCH_COUNT_CAP), more: counted > SEARCH_COUNT_CAP };
}

/** The held meetings (of any of their pairs) for which this person still owes a log: none written, or a draft. */
export function owedLogsOf(db: ReadDb, authorId: number): { meetingId: number; sequence: number; heldOn: string; state: 'missing' | 'draft' }[] {
  return many<{ meetingId: number; sequence: number; heldOn: string; state: 'missing' | 'draft' }>(
    db,
    `SELECT m.id AS meetingId, m.sequence, m.held_on AS heldOn, coalesce(l.state, 'missing') AS state
     FROM pairs x JOIN meetings m ON m.pair_id = x.id AND m.status = 'held'
     LEFT JOIN reflective_logs l ON l.meeting_id = m.id AND l.author_id = @authorId
     WHERE (x.mentor_id = @authorId OR x.mentee_id = @authorId) AND (l.state IS NULL OR l.state = 'draft')
     ORDER BY m.held_on, m.id`,
    { authorId },
  );
}

/**
 * Someone who left owes no more logs: each log they owe is recorded as not provided, with why. A
 * draft keeps what was written (their data stays until it is erased). Returns the logs' ids.
 */
export function excuseOwedLogs(db: WriteDb, authorId: number, reason: string, now: string): number[] {
  return owedLogsOf(db, authorId).map((log) => {
    run(
      db,
      `INSERT INTO reflective_logs (meeting_id, author_id, state, not_provided_reason, source, updated_at) VALUES (?, ?, 'not-provided', ?, 'entered', ?)
       ON CONFLICT (meeting_id, author_id) DO UPDATE SET state = 'not-provided', not_provided_reason = excluded.not_provided_reason, updated_at = excluded.updated_at`,
      [log.meetingId, authorId, reason, now],
    );
    return value<number>(db, 'SELECT id FROM reflective_logs WHERE meeting_id = ? AND author_id = ?', [log.meetingId, authorId])!;
  });
}
