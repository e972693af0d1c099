/**
 * One person's page, read in one go: what each stage recorded about them. Read-only SQL over the
 * other stages' tables (as meetings read log states): no other feature's rules are needed to show
 * what was recorded. A later stage adds a reader here and a section in shared/participants/profile-contract.ts.
 */
import { many, type ReadDb } from '../db/query';
import type { PersonProfile } from '../../../shared/participants/profile-contract';
import type { ParticipantRole } from '../../../shared/participants/contract';
import type { Willingness } from '../../../shared/chemistry/contract';
import type { LogState, MeetingDue, MeetingStatus } from '../../../shared/meetings/contract';
import { parseJsonArray } from '../util/json';
import { dueSoonUntil } from '../meetings';

interface OtherRow {
  other_id: number;
  other_name: string;
  other_role: ParticipantRole;
  other_department: string;
  other_email: string;
}
const other = (r: OtherRow) => ({ id: r.other_id, name: r.other_name, role: r.other_role, department: r.other_department, email: r.other_email });
/** The columns of the person on the other side of a row with mentor_id and mentee_id, given as `o`. */
const otherColumns = 'o.id AS other_id, o.name AS other_name, o.role AS other_role, o.department AS other_department, o.email AS other_email';

function chemistry(db: ReadDb, id: number): PersonProfile['chemistry'] {
  type Row = OtherRow & { id: number; held_on: string; happened: number; own: Willingness | null; partners: Willingness | null };
  return many<Row>(
    db,
    `SELECT c.id, c.held_on, c.happened, ${otherColumns},
       CASE WHEN c.mentor_id = @id THEN c.mentor_willingness ELSE c.mentee_willingness END AS own,
       CASE WHEN c.mentor_id = @id THEN c.mentee_willingness ELSE c.mentor_willingness END AS partners
     FROM chemistry_meetings c JOIN participants o ON o.id = CASE WHEN c.mentor_id = @id THEN c.mentee_id ELSE c.mentor_id END
     WHERE c.mentor_id = @id OR c.mentee_id = @id
     ORDER BY c.held_on, c.id`,
    { id },
  ).map((r) => ({ id: r.id, heldOn: r.held_on, happened: r.happened === 1, partner: other(r), own: r.own, partners: r.partners }));
}

function training(db: ReadDb, id: number): PersonProfile['training'] {
  return many<{ id: number; held_on: string; topics: string }>(
    db,
    `SELECT s.id, s.held_on, s.topics FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
     WHERE a.participant_id = @id ORDER BY s.held_on, s.id`,
    { id },
  ).map((r) => ({ sessionId: r.id, heldOn: r.held_on, topics: parseJsonArray(r.topics) }));
}

function pairs(db: ReadDb, id: number): PersonProfile['pairs'] {
  type Row = OtherRow & { id: number; confirmed_at: string; ended_at: string | null; end_reason: string | null };
  // Current pairs first, then past ones, newest first.
  return many<Row>(
    db,
    `SELECT x.id, x.confirmed_at, x.ended_at, x.end_reason, ${otherColumns}
     FROM pairs x JOIN participants o ON o.id = CASE WHEN x.mentor_id = @id THEN x.mentee_id ELSE x.mentor_id END
     WHERE x.mentor_id = @id OR x.mentee_id = @id
     ORDER BY x.ended_at IS NOT NULL, coalesce(x.ended_at, x.confirmed_at) DESC, x.id DESC`,
    { id },
  ).map((r) => ({ id: r.id, partner: other(r), confirmedAt: r.confirmed_at, endedAt: r.ended_at, endReason: r.end_reason }));
}

function meetings(db: ReadDb, id: number, today: string): PersonProfile['meetings'] {
  type Row = { id: number; pair_id: number; partner_name: string; sequence: number; theme_title: string; date: string; status: MeetingStatus; due: MeetingDue; log: LogState | null };
  return many<Row>(
    db,
    `SELECT m.id, m.pair_id, o.name AS partner_name, m.sequence, m.theme_title, m.date, m.status,
       CASE WHEN m.status = 'held' THEN 'done' WHEN m.status = 'cancelled' THEN 'cancelled'
            WHEN m.date < @today THEN 'overdue' WHEN m.date <= @soon THEN 'due-soon' ELSE 'upcoming' END AS due,
       (SELECT l.state FROM reflective_logs l WHERE l.meeting_id = m.id AND l.author_id = @id) AS log
     FROM pairs x JOIN meetings m ON m.pair_id = x.id
       JOIN participants o ON o.id = CASE WHEN x.mentor_id = @id THEN x.mentee_id ELSE x.mentor_id END
     WHERE x.mentor_id = @id OR x.mentee_id = @id
     ORDER BY m.date, m.start_time, m.id`,
    { id, today, soon: dueSoonUntil(today) },
  ).map((r) => ({ id: r.id, pairId: r.pair_id, partnerName: r.partner_name, sequence: r.sequence, themeTitle: r.theme_title, date: r.date, status: r.status, due: r.due, log: r.log ?? 'missing' }));
}

export function personProfile(db: ReadDb, id: number, today: string): PersonProfile {
  const met = meetings(db, id, today);
  const held = met.filter((m) => m.status === 'held');
  return {
    participantId: id,
    chemistry: chemistry(db, id),
    training: training(db, id),
    pairs: pairs(db, id),
    meetings: met,
    meetingCounts: { held: held.length, due: met.filter((m) => m.due === 'due-soon').length, overdue: met.filter((m) => m.due === 'overdue').length },
    logs: {
      submitted: held.filter((m) => m.log === 'submitted').length,
      drafts: held.filter((m) => m.log === 'draft').length,
      notProvided: held.filter((m) => m.log === 'not-provided').length,
      // Owed: held, and neither submitted nor excused (a draft still counts as owed, as on the Logs screen).
      owed: held.filter((m) => m.log === 'missing' || m.log === 'draft').length,
    },
  };
}
