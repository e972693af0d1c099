import { Link } from 'react-router';
import { meetingModeLabels, type Meeting, type MeetingListKind } from '../../../../shared/meetings/contract';
import { formatDay } from '../../../../shared/dates';
import { pairMeetingsPath } from '../../app/paths';
import { PairNamesakeNotes } from '../../app/PersonLink';
import { ErrorMessage, Loading } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { Table, type Column } from '../../ui/Table';
import { useMeetingList } from './api';
import { PAGE, useSectionPaging } from './paging';
import { LogStatePill, meetingLabel, pairName } from './words';

/** One of the scheme's lists of meetings (overdue, due soon, done), a page at a time. */
export function MeetingList({ pilotId, kind, title, what, intro, empty }: { pilotId: number; kind: MeetingListKind; title: string; what: string; intro?: string; empty: string }) {
  const { heading, offset, page } = useSectionPaging();
  const list = useMeetingList(pilotId, kind, offset, PAGE);
  const id = `${kind}-heading`;
  return (
    <section className="page-section" aria-labelledby={id}>
      <h2 id={id} ref={heading} tabIndex={-1}>
        {title}
        {list.data && list.data.total > 0 ? <span className="heading-count"> ({list.data.total})</span> : null}
      </h2>
      <ErrorMessage error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.total === 0 ? <p className="muted">{empty}</p> : null}
      {list.data && list.data.total > 0 ? (
        <>
          {intro ? <p className="section-intro">{intro}</p> : null}
          <MeetingTable meetings={list.data.rows} caption={`${what.charAt(0).toUpperCase()}${what.slice(1)}`} pilotId={pilotId} done={kind === 'done'} />
          <Pager total={list.data.total} offset={list.data.offset} pageSize={PAGE} what={what} onPage={page} />
        </>
      ) : null}
    </section>
  );
}

/** Meetings to come show their time and mode; meetings held, how long they lasted and both logs' state. */
function MeetingTable({ meetings, caption, pilotId, done }: { meetings: Meeting[]; caption: string; pilotId: number; done: boolean }) {
  const columns: Column<Meeting>[] = [
    { id: 'date', header: done ? 'Held on' : 'Date', className: 'nowrap', cell: (m) => formatDay(done && m.heldOn ? m.heldOn : m.date) },
    { id: 'time', header: done ? 'Lasted' : 'Time', className: 'nowrap', cell: (m) => (done ? `${m.actualDurationMin ?? m.durationMin} min` : m.startTime) },
    { id: 'pair', header: 'Pair', rowHeader: true, cell: (m) => (
        <>
          <Link to={pairMeetingsPath(pilotId, m.pairId)}>{pairName(m)}</Link>
          <PairNamesakeNotes pilotId={pilotId} pair={m} />
        </>
      ),
    },
    { id: 'meeting', header: 'Meeting', className: 'nowrap', cell: meetingLabel },
    { id: 'theme', header: 'Theme', cell: (m) => m.themeTitle },
    {
      id: 'last',
      header: done ? 'Reflective logs' : 'Mode',
      cell: (m) =>
        done ? (
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
        ),
    },
  ];
  return <Table caption={caption} className={`table-gap-small ml-due-table${done ? ' ml-done-table' : ''}`} columns={columns} rows={meetings} rowKey={(m) => m.id} />;
}
