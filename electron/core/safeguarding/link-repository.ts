/**
 * The SQL for what a concern is linked to: the meeting or reflective log it was raised from, read
 * from those features' tables (as meetings read log states), so the register can name them and
 * "Raise a concern" can pre-fill them. Nothing here reads a concern.
 */
import { one, type ReadDb } from '../db/query';
import { AppError, notFound } from '../errors';
import { meetingPilot } from '../meetings';
import { participantPilot } from '../participants';
import type { ConcernLink, ConcernPrefill, ConcernSource } from '../../../shared/safeguarding/contract';

interface MeetingRow {
  id: number;
  pilotId: number;
  pairId: number;
  sequence: number;
  date: string;
  themeTitle: string;
  mentorId: number;
  menteeId: number;
  mentorName: string;
  menteeName: string;
}

// A held meeting is dated by the day it was held, which may differ from the day it was planned for.
const meetingSql = `SELECT m.id, m.pilot_id AS pilotId, m.pair_id AS pairId, m.sequence, coalesce(m.held_on, m.date) AS date, m.theme_title AS themeTitle,
    p.mentor_id AS mentorId, p.mentee_id AS menteeId, mentor.name AS mentorName, mentee.name AS menteeName
  FROM meetings m JOIN pairs p ON p.id = m.pair_id
  JOIN participants mentor ON mentor.id = p.mentor_id JOIN participants mentee ON mentee.id = p.mentee_id
  WHERE m.id = ?`;

function meetingRow(db: ReadDb, meetingId: number): MeetingRow {
  const row = one<MeetingRow>(db, meetingSql, [meetingId]);
  if (!row) throw notFound('Meeting', meetingId);
  return row;
}

const meetingLink = (row: MeetingRow): NonNullable<ConcernLink['meeting']> => ({
  id: row.id,
  pairId: row.pairId,
  sequence: row.sequence,
  date: row.date,
  themeTitle: row.themeTitle,
  mentorName: row.mentorName,
  menteeName: row.menteeName,
});

/** A log's author must be one of its meeting's two people. */
function assertLogAuthor(row: MeetingRow, authorId: number): void {
  if (authorId !== row.mentorId && authorId !== row.menteeId) {
    const message = `Person ${authorId} is not one of the two people of meeting ${row.id}, so they wrote no log for it.`;
    throw new AppError('INVALID_INPUT', message, [{ path: ['source', 'authorId'], message }]);
  }
}

/** The pilot a source belongs to (NOT_FOUND when its record does not exist). */
export function sourcePilot(db: ReadDb, source: ConcernSource): number {
  switch (source.kind) {
    case 'meeting':
    case 'log':
      return meetingPilot(db, source.meetingId);
    case 'participant':
      return participantPilot(db, source.participantId);
    case 'pilot':
      return source.pilotId;
  }
}

/** The columns a new concern's link is stored in. */
export interface StoredLink {
  meetingId: number | null;
  logId: number | null;
  logAuthorId: number | null;
}

export function linkOfSource(db: ReadDb, source: ConcernSource): StoredLink {
  if (source.kind === 'meeting') return { meetingId: meetingRow(db, source.meetingId).id, logId: null, logAuthorId: null };
  if (source.kind === 'log') {
    assertLogAuthor(meetingRow(db, source.meetingId), source.authorId);
    return { meetingId: source.meetingId, logId: logId(db, source.meetingId, source.authorId), logAuthorId: source.authorId };
  }
  return { meetingId: null, logId: null, logAuthorId: null };
}

/** The log's row id, or null while nothing of it is written yet (the concern still names its author and meeting). */
const logId = (db: ReadDb, meetingId: number, authorId: number) =>
  one<{ id: number }>(db, 'SELECT id FROM reflective_logs WHERE meeting_id = ? AND author_id = ?', [meetingId, authorId])?.id ?? null;

/** What a stored link shows: the meeting with its pair's names, and the log's author. */
export function describeLink(db: ReadDb, stored: StoredLink): ConcernLink {
  const meeting = stored.meetingId === null ? undefined : one<MeetingRow>(db, meetingSql, [stored.meetingId]);
  const author = stored.logAuthorId === null ? undefined : one<{ name: string }>(db, 'SELECT name FROM participants WHERE id = ?', [stored.logAuthorId]);
  return {
    meeting: meeting ? meetingLink(meeting) : null,
    log: stored.logAuthorId !== null && author ? { id: stored.logId ?? logId(db, stored.meetingId ?? 0, stored.logAuthorId), authorId: stored.logAuthorId, authorName: author.name } : null,
  };
}

/** What "Raise a concern" starts from, given where it was pressed. */
export function prefill(db: ReadDb, source: ConcernSource, pilotId: number): ConcernPrefill {
  switch (source.kind) {
    case 'meeting':
      return { pilotId, raisedVia: 'meeting', raisedBy: null, aboutParticipantId: null, link: { meeting: meetingLink(meetingRow(db, source.meetingId)), log: null } };
    case 'log': {
      const stored = linkOfSource(db, source);
      // A log's words are its author's: most often they are the one the concern is about.
      return { pilotId, raisedVia: 'log', raisedBy: 'participant', aboutParticipantId: source.authorId, link: describeLink(db, stored) };
    }
    case 'participant':
      return { pilotId, raisedVia: 'direct', raisedBy: null, aboutParticipantId: source.participantId, link: { meeting: null, log: null } };
    case 'pilot':
      return { pilotId, raisedVia: 'direct', raisedBy: null, aboutParticipantId: null, link: { meeting: null, log: null } };
  }
}
