import { Link, useNavigate } from 'react-router';
import { meetingModeLabels, type Meeting, type MeetingsOverview as Overview } from '../../../../shared/meetings/contract';
import { useChannel } from '../../queries';
import { Button } from '../../ui/Button';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { usePilotId } from '../pilots/usePilotId';
import { changeSchedulePath, formatDay, logsPath, meetingLabel, pairName, pairPath, plural } from './common';

const intro = 'Each confirmed pair meets on the schedule made from the plan. Mark meetings held, move them, and see who owes a reflective log.';

/** The scheme at a glance: what is overdue, what is due this week, and each pair's progress. */
export function MeetingsOverview() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const overview = useChannel('meetings.overview', { pilotId });

  if (overview.isPending) return <Loading />;
  if (overview.error) {
    return (
      <>
        <PageHeader title="Meetings" />
        <ErrorMessage error={overview.error} />
      </>
    );
  }
  const data = overview.data;
  if (data.pairs.length === 0) {
    return (
      <>
        <PageHeader title="Meetings" description={intro} />
        <EmptyState
          title="No confirmed pairs yet"
          action={
            <Link className="button button-primary ml-link-button" to={`/pilots/${pilotId}/pairing`}>
              Go to Pairing
            </Link>
          }
        >
          Meetings are scheduled for a pair as soon as you confirm it: four meetings a fortnight apart by default (set them in the plan). Propose and confirm pairs under Pairing first.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Meetings"
        description={intro}
        actions={
          <Button variant="secondary" onPress={() => navigate(changeSchedulePath(pilotId))}>
            Change the schedule
          </Button>
        }
      />
      <Counts counts={data.counts} />
      <section className="ml-section" aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue</h2>
        {data.overdue.length === 0 ? (
          <p className="muted">Nothing is overdue: every meeting dated before today is marked held or cancelled.</p>
        ) : (
          <>
            <p className="ml-section-intro">Scheduled for a date that has passed. Mark each one held, or reschedule or cancel it, from the pair’s page.</p>
            <MeetingTable meetings={data.overdue} caption="Overdue meetings" pilotId={pilotId} />
          </>
        )}
      </section>
      <section className="ml-section" aria-labelledby="due-soon-heading">
        <h2 id="due-soon-heading">Due in the next 7 days</h2>
        {data.dueSoon.length === 0 ? (
          <p className="muted">No meetings in the next 7 days.</p>
        ) : (
          <MeetingTable meetings={data.dueSoon} caption="Meetings due in the next 7 days" pilotId={pilotId} />
        )}
      </section>
      <section className="ml-section" aria-labelledby="pairs-heading">
        <h2 id="pairs-heading">Progress by pair</h2>
        <PairTable pairs={data.pairs} pilotId={pilotId} />
      </section>
    </>
  );
}

function Counts({ counts }: { counts: Overview['counts'] }) {
  const items: { n: number; label: string; tone: string }[] = [
    { n: counts.overdue, label: 'overdue', tone: counts.overdue > 0 ? 'overdue' : 'plain' },
    { n: counts.dueSoon, label: 'due in the next 7 days', tone: counts.dueSoon > 0 ? 'due-soon' : 'plain' },
    { n: counts.scheduled, label: 'scheduled in all', tone: 'plain' },
    { n: counts.held, label: 'held', tone: 'done' },
    { n: counts.cancelled, label: 'cancelled', tone: 'plain' },
  ];
  return (
    <ul className="ml-counts" aria-label="Meetings at a glance">
      {items.map((item) => (
        <li key={item.label} className={`ml-count ml-count-${item.tone}`}>
          <span className="ml-count-number">{item.n}</span> <span className="ml-count-label">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

function MeetingTable({ meetings, caption, pilotId }: { meetings: Meeting[]; caption: string; pilotId: number }) {
  return (
    <table className="table ml-table ml-due-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Time</th>
          <th scope="col">Pair</th>
          <th scope="col">Meeting</th>
          <th scope="col">Theme</th>
          <th scope="col">Mode</th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr key={m.id}>
            <td className="ml-nowrap">{formatDay(m.date)}</td>
            <td>{m.startTime}</td>
            <th scope="row">
              <Link to={pairPath(pilotId, m.pairId)}>{pairName(m)}</Link>
            </th>
            <td className="ml-nowrap">{meetingLabel(m)}</td>
            <td>{m.themeTitle}</td>
            <td>{meetingModeLabels[m.mode]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PairTable({ pairs, pilotId }: { pairs: Overview['pairs']; pilotId: number }) {
  return (
    <table className="table ml-table">
      <caption className="visually-hidden">Progress of each confirmed pair</caption>
      <thead>
        <tr>
          <th scope="col">Pair (mentor and mentee)</th>
          <th scope="col">Held</th>
          <th scope="col">Next meeting</th>
          <th scope="col">Overdue</th>
          <th scope="col">Logs owed</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((p) => (
          <tr key={p.pairId}>
            <th scope="row">
              <Link to={pairPath(pilotId, p.pairId)} aria-label={`Meetings of ${pairName(p)}`}>
                {pairName(p)}
              </Link>
            </th>
            <td>
              {p.held} of {p.total} held
              {p.cancelled > 0 ? <div className="cell-note">{plural(p.cancelled, 'cancelled', 'cancelled')}</div> : null}
            </td>
            <td className="ml-nowrap">{p.nextDate ? formatDay(p.nextDate) : <span className="muted">None scheduled</span>}</td>
            <td>{p.overdue > 0 ? <span className="ml-pill ml-pill-overdue">{p.overdue} overdue</span> : <span className="muted">None</span>}</td>
            <td>
              {p.logsOwed > 0 ? (
                <Link to={logsPath(pilotId, 'owed')} aria-label={`${plural(p.logsOwed, 'log')} owed by ${pairName(p)}`}>
                  {plural(p.logsOwed, 'log')} owed
                </Link>
              ) : (
                <span className="muted">None</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
