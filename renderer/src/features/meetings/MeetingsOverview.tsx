import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { meetingModeLabels, type Meeting, type MeetingListKind, type MeetingsOverview as Overview, type PairProgress } from '../../../../shared/meetings/contract';
import { useChannel } from '../../queries';
import { Button } from '../../ui/Button';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { usePilotId } from '../pilots/usePilotId';
import { LogStatePill, Pager, changeSchedulePath, formatDay, logsPath, meetingLabel, pairName, pairPath } from './common';
import { plural } from '../../ui/words';

const intro = 'Each confirmed pair meets on the schedule made from the plan. Mark meetings held, move them, and see who owes a reflective log.';
/** Rows per page: long lists are paged, so a scheme of thousands of pairs stays quick to show and to read. */
const PAGE = 100;

/** The scheme at a glance: what is overdue, what is due this week, what was done, and each pair's progress. */
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
  if (data.pairs === 0 && data.counts.held === 0) {
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
          <Button variant="secondary" onPress={() => navigate(changeSchedulePath(pilotId))} isDisabled={data.pairs === 0}>
            Change the schedule
          </Button>
        }
      />
      <Counts counts={data.counts} />
      <MeetingList
        pilotId={pilotId}
        kind="overdue"
        title="Overdue"
        what="overdue meetings"
        intro="Scheduled for a date that has passed, oldest first. Mark each one held, or reschedule or cancel it, from the pair’s page."
        empty="Nothing is overdue: every meeting dated before today is marked held or cancelled."
      />
      <MeetingList pilotId={pilotId} kind="due-soon" title="Due in the next 7 days" what="meetings due in the next 7 days" empty="No meetings in the next 7 days." />
      <MeetingList pilotId={pilotId} kind="done" title="Done" what="meetings held" intro="Meetings marked held, most recent first, with the state of both reflective logs." empty="No meeting has been marked held yet." />
      <PairList pilotId={pilotId} total={data.pairs} />
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

/** A section's heading takes focus after paging, so the keyboard is never left on a button that became disabled. */
function useSectionPaging() {
  const heading = useRef<HTMLHeadingElement>(null);
  const [offset, setOffset] = useState(0);
  const page = (next: number) => {
    setOffset(next);
    requestAnimationFrame(() => heading.current?.focus());
  };
  return { heading, offset, page };
}

function MeetingList({ pilotId, kind, title, what, intro, empty }: { pilotId: number; kind: MeetingListKind; title: string; what: string; intro?: string; empty: string }) {
  const { heading, offset, page } = useSectionPaging();
  const list = useChannel('meetings.list', { pilotId, kind, offset, limit: PAGE }, { keepPrevious: true });
  const id = `${kind}-heading`;
  return (
    <section className="ml-section" aria-labelledby={id}>
      <h2 id={id} ref={heading} tabIndex={-1}>
        {title}
        {list.data && list.data.total > 0 ? <span className="ml-heading-count"> ({list.data.total})</span> : null}
      </h2>
      <ErrorMessage error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.total === 0 ? <p className="muted">{empty}</p> : null}
      {list.data && list.data.total > 0 ? (
        <>
          {intro ? <p className="ml-section-intro">{intro}</p> : null}
          <MeetingTable meetings={list.data.rows} caption={`${what.charAt(0).toUpperCase()}${what.slice(1)}`} pilotId={pilotId} done={kind === 'done'} />
          <Pager total={list.data.total} offset={list.data.offset} pageSize={PAGE} what={what} onPage={page} />
        </>
      ) : null}
    </section>
  );
}

function MeetingTable({ meetings, caption, pilotId, done }: { meetings: Meeting[]; caption: string; pilotId: number; done: boolean }) {
  return (
    <table className={`table ml-table ml-due-table${done ? ' ml-done-table' : ''}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{done ? 'Held on' : 'Date'}</th>
          <th scope="col">{done ? 'Lasted' : 'Time'}</th>
          <th scope="col">Pair</th>
          <th scope="col">Meeting</th>
          <th scope="col">Theme</th>
          <th scope="col">{done ? 'Reflective logs' : 'Mode'}</th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr key={m.id}>
            <td className="ml-nowrap">{formatDay(done && m.heldOn ? m.heldOn : m.date)}</td>
            <td className="ml-nowrap">{done ? `${m.actualDurationMin ?? m.durationMin} min` : m.startTime}</td>
            <th scope="row">
              <Link to={pairPath(pilotId, m.pairId)}>{pairName(m)}</Link>
            </th>
            <td className="ml-nowrap">{meetingLabel(m)}</td>
            <td>{m.themeTitle}</td>
            <td>
              {done ? (
                <ul className="ml-log-states">
                  {m.logs.map((log) => (
                    <li key={log.authorId}>
                      <span className="visually-hidden">{log.authorName}: </span>
                      <LogStatePill state={log.state} />
                    </li>
                  ))}
                </ul>
              ) : (
                meetingModeLabels[m.mode]
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PairList({ pilotId, total }: { pilotId: number; total: number }) {
  const { heading, offset, page } = useSectionPaging();
  const pairs = useChannel('meetings.pairProgress', { pilotId, offset, limit: PAGE }, { keepPrevious: true });
  return (
    <section className="ml-section" aria-labelledby="pairs-heading">
      <h2 id="pairs-heading" ref={heading} tabIndex={-1}>
        Progress by pair{total > 0 ? <span className="ml-heading-count"> ({total})</span> : null}
      </h2>
      <ErrorMessage error={pairs.error} />
      {pairs.isPending ? <Loading /> : null}
      {pairs.data && pairs.data.total === 0 ? <p className="muted">No current pairs: every pair of this scheme has ended.</p> : null}
      {pairs.data && pairs.data.total > 0 ? (
        <>
          <PairTable pairs={pairs.data.rows} pilotId={pilotId} />
          <Pager total={pairs.data.total} offset={pairs.data.offset} pageSize={PAGE} what="pairs (by mentee’s name)" onPage={page} />
        </>
      ) : null}
    </section>
  );
}

function PairTable({ pairs, pilotId }: { pairs: PairProgress[]; pilotId: number }) {
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
