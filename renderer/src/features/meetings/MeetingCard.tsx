import { Link } from 'react-router';
import { PersonLink } from '../../app/PersonLink';
import { canDo, meetingModeLabels, type MeetingChange, type MeetingDetail } from '../../../../shared/meetings/contract';
import { formatDate, formatDay, formatMinutes } from '../../../../shared/dates';
import { writeLogPath } from '../../app/paths';
import { Button } from '../../ui/Button';
import { DuePill, LogStatePill, meetingLabel } from './words';
import { RaiseConcernButton } from '../../app/RaiseConcernButton';

export type MeetingAction = 'held' | 'reschedule' | 'cancel' | 'restore';

/** The card's heading takes focus after a change to its meeting (the pressed button may be gone). */
export const meetingHeadingId = (m: MeetingDetail) => `meeting-${m.id}-heading`;

const logLinkText = { missing: 'Write log', draft: 'Continue draft', submitted: 'See log', 'not-provided': 'Write log anyway' } as const;

/** One line of a meeting's history, in words: what changed, and the note given with it. */
function describeChange(c: MeetingChange): string {
  const moved = c.fromDate && c.toDate && c.fromDate !== c.toDate ? `moved from ${formatDay(c.fromDate)} to ${formatDay(c.toDate)}` : '';
  const mode = c.fromMode && c.toMode && c.fromMode !== c.toMode ? `${c.toMode === 'online' ? 'switched online' : 'switched to in person'}` : '';
  const what = [moved, mode].filter(Boolean).join(' and ');
  switch (c.kind) {
    case 'rescheduled':
      return `Rescheduled${what ? `: ${what}` : ' (time, length or place changed)'}`;
    case 'schedule-change':
      return `Schedule change${what ? `: ${what}` : ''}`;
    case 'cancelled':
      return 'Cancelled';
    case 'restored':
      return 'Restored: scheduled again';
  }
}

/** One meeting: its details, ice-breakers, history and logs, and what can be done with it now. */
export function MeetingCard({ meeting: m, pilotId, ended, onAction }: { meeting: MeetingDetail; pilotId: number; ended: boolean; onAction: (kind: MeetingAction) => void }) {
  const place = m.location || (m.mode === 'online' ? 'Link not set yet' : 'Place not set yet');
  // A meeting switched online before the plan had a link may still show its old room.
  const staleRoom = m.mode === 'online' && m.location !== '' && !/^[a-z][a-z0-9+.-]*:\/\/|^www\./i.test(m.location);
  const cancellation = m.status === 'cancelled' ? m.changes.findLast((c) => c.kind === 'cancelled') : undefined;
  return (
    <li className={`ml-meeting ml-meeting-${m.due}`} aria-labelledby={meetingHeadingId(m)}>
      <div className="ml-meeting-head">
        <h2 id={meetingHeadingId(m)} tabIndex={-1} className="ml-meeting-title">
          {meetingLabel(m)}: {m.themeTitle}
        </h2>
        <DuePill due={m.due} />
      </div>
      <dl className="ml-facts">
        <div>
          <dt>Date</dt>
          <dd>
            {m.status === 'held' && m.heldOn ? (
              <>
                Held on {formatDay(m.heldOn)}
                {m.heldOn !== m.date ? <span className="muted"> (planned for {formatDay(m.date)})</span> : null}
              </>
            ) : (
              formatDay(m.date)
            )}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>
            {m.startTime}, {formatMinutes(m.durationMin)}
            {m.actualDurationMin !== null ? <span className="muted"> (lasted {formatMinutes(m.actualDurationMin)})</span> : null}
          </dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd>{meetingModeLabels[m.mode]}</dd>
        </div>
        <div>
          <dt>{m.mode === 'online' ? 'Link' : 'Place'}</dt>
          <dd className={m.location ? 'ml-break' : 'muted'}>
            {place}
            {staleRoom && m.status === 'scheduled' ? <span className="muted"> (the room from before it went online: add a link with Reschedule)</span> : null}
          </dd>
        </div>
      </dl>
      {cancellation ? (
        <p className="ml-note">
          <strong>Reason: </strong>
          {cancellation.note}
        </p>
      ) : null}
      {m.note ? (
        <p className="ml-note">
          <strong>Note: </strong>
          {m.note}
        </p>
      ) : null}
      {m.changes.length > 0 ? (
        <div className="ml-history">
          <h3>History</h3>
          <ol aria-label="History">
            {m.changes.map((c, i) => (
              <li key={i}>
                <span className="ml-history-when">{formatDate(c.at.slice(0, 10))}:</span> {describeChange(c)}
                {c.note ? <span className="ml-history-note">: “{c.note}”</span> : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {m.iceBreakers.length > 0 ? (
        <div className="ml-icebreakers">
          <h3>Ice-breaker questions</h3>
          <ul>
            {m.iceBreakers.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {m.logs.length > 0 ? (
        <div className="ml-logs">
          <h3>Reflective logs</h3>
          <ul>
            {m.logs.map((log) => (
              <li key={log.authorId}>
                <span className="ml-log-who">
                  <PersonLink pilotId={pilotId} person={{ id: log.authorId, name: log.authorName }} /> <span className="muted">({log.role})</span>
                </span>
                <LogStatePill state={log.state} />
                <Link to={writeLogPath(pilotId, m.id, log.authorId)} aria-label={`${logLinkText[log.state]}: ${log.authorName}, meeting ${m.sequence}`}>
                  {logLinkText[log.state]}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canDo(m.status, 'hold') ? (
        <div className="ml-meeting-actions">
          <Button variant="primary" aria-label={`Mark held: meeting ${m.sequence}`} onPress={() => onAction('held')}>
            Mark held
          </Button>
          <Button aria-label={`Reschedule meeting ${m.sequence}`} onPress={() => onAction('reschedule')}>
            Reschedule
          </Button>
          <Button variant="quiet" aria-label={`Cancel meeting ${m.sequence}`} onPress={() => onAction('cancel')}>
            Cancel meeting
          </Button>
        </div>
      ) : null}
      {m.status === 'held' ? (
        <div className="ml-meeting-actions">
          <RaiseConcernButton source={{ kind: 'meeting', meetingId: m.id }} variant="quiet" ariaLabel={`Raise a concern from meeting ${m.sequence}`} />
        </div>
      ) : null}
      {canDo(m.status, 'restore') && !ended ? (
        <div className="ml-meeting-actions">
          <Button aria-label={`Restore meeting ${m.sequence}`} onPress={() => onAction('restore')}>
            Restore meeting
          </Button>
        </div>
      ) : null}
    </li>
  );
}
