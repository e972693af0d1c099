/**
 * The pilot dashboard, put together from each feature's own counts (their index.ts): no SQL here,
 * and no loop over people — each figure is one grouped read in the feature that owns the data.
 */
import type { ReadDb } from '../db/query';
import { addDays } from '../util/json';
import { daysBetween } from '../../../shared/dates';
import { SURVEY_CLOSING_DAYS, type AttentionItem, type Dashboard } from '../../../shared/dashboard/contract';
import { getPilot } from '../pilots';
import { listMilestones } from '../plan';
import { consentMissingWithData, people, stageCounts } from '../participants';
import { meetingCounts, meetingsBetween, peopleBeforeFirstMeeting } from '../meetings';
import { countOwedLogs } from '../logs';
import { untrainedAmong } from '../training';
import { waveReturns } from '../surveys';
import { concernCounts } from '../safeguarding';
import { interviewCounts, scheduledInterviewsBetween } from '../interviews';
import { reflectionsBetween } from '../group-reflection';

/** People named in an attention item: enough to act on the first ones, the rest behind the link. */
const FIRST_FEW = 5;

/** Monday of the week holding a date (weeks run Monday to Sunday, as on a UK academic calendar). */
export function mondayOf(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

function timeline(db: ReadDb, pilotId: number, pilot: { startDate: string; endDate: string }, today: string): Dashboard['timeline'] {
  const weekStart = mondayOf(today);
  const weekEnd = addDays(weekStart, 6);
  const milestones = listMilestones(db, pilotId, today);
  const firstWeek = mondayOf(pilot.startDate);
  const weeksInPilot = Math.floor(daysBetween(firstWeek, pilot.endDate) / 7) + 1;
  const weekOfPilot = today < pilot.startDate || today > pilot.endDate ? null : Math.floor(daysBetween(firstWeek, today) / 7) + 1;
  return {
    weekStart,
    weekEnd,
    weekOfPilot,
    weeksInPilot,
    thisWeek: milestones.filter((m) => m.dueOn >= weekStart && m.dueOn <= weekEnd),
    meetingsThisWeek: meetingsBetween(db, pilotId, weekStart, weekEnd),
    interviewsThisWeek: scheduledInterviewsBetween(db, pilotId, weekStart, weekEnd),
    groupReflectionsThisWeek: reflectionsBetween(db, pilotId, weekStart, weekEnd),
    next: milestones.find((m) => m.doneOn === null && m.dueOn >= today) ?? null,
    late: milestones.filter((m) => m.status === 'late'),
  };
}

/** Paired people whose pair has held no meeting yet and who still miss a required training topic. */
function untrainedBeforeFirstMeeting(db: ReadDb, pilotId: number, today: string): { count: number; people: { id: number; name: string }[] } {
  const untrained = untrainedAmong(db, pilotId, peopleBeforeFirstMeeting(db, pilotId), today);
  const named = people(db, untrained)
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, FIRST_FEW);
  return { count: untrained.length, people: named };
}

export function pilotDashboard(db: ReadDb, pilotId: number, today: string): Dashboard {
  const pilot = getPilot(db, pilotId);
  const line = timeline(db, pilotId, pilot, today);
  const meetings = meetingCounts(db, pilotId, today);
  const logsOwed = countOwedLogs(db, pilotId);
  const surveyReturns = waveReturns(db, pilotId, today);
  const concerns = concernCounts(db, pilotId, today);
  const untrained = untrainedBeforeFirstMeeting(db, pilotId, today);
  const consentMissing = consentMissingWithData(db, pilotId, FIRST_FEW);
  const closingBy = addDays(today, SURVEY_CLOSING_DAYS);
  const closing = surveyReturns.filter((w) => w.state === 'open' && w.closesOn <= closingBy && w.returned < w.invited);

  const item = (kind: AttentionItem['kind'], count: number, extra: Partial<AttentionItem> = {}): AttentionItem => ({ kind, count, people: [], waves: [], ...extra });
  const attention = [
    item('open-concerns', concerns.open),
    item('overdue-follow-ups', concerns.overdueFollowUps),
    item('late-milestones', line.late.length),
    item('overdue-meetings', meetings.counts.overdue),
    item('untrained-before-first-meeting', untrained.count, { people: untrained.people }),
    item('consent-missing', consentMissing.count, { people: consentMissing.people }),
    item('owed-logs', logsOwed),
    item('waves-closing', closing.length, { waves: closing.map(({ waveId, title, closesOn, returned, invited }) => ({ waveId, title, closesOn, returned, invited })) }),
  ].filter((entry) => entry.count > 0);

  return {
    today,
    pilot: { name: pilot.name, startDate: pilot.startDate, endDate: pilot.endDate },
    timeline: line,
    people: stageCounts(db, pilotId),
    meetings: { ...meetings.counts, pairs: meetings.pairs },
    logsOwed,
    surveyReturns,
    interviews: interviewCounts(db, pilotId),
    attention,
  };
}
