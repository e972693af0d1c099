import { Link } from 'react-router';
import type { PairProgress } from '../../../../shared/meetings/contract';
import { formatDay } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { logsPath, pairMeetingsPath } from '../../app/paths';
import { PairNamesakeNotes } from '../../app/PersonLink';
import { ErrorMessage, Loading } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { Table } from '../../ui/Table';
import { usePairProgress } from './api';
import { PAGE, useSectionPaging } from './paging';
import { pairName } from './words';

/** Each current pair's progress: meetings held, the next one, what is overdue and which logs are owed. */
export function PairProgressList({ pilotId, total }: { pilotId: number; total: number }) {
  const { heading, offset, page } = useSectionPaging();
  const pairs = usePairProgress(pilotId, offset, PAGE);
  return (
    <section className="page-section" aria-labelledby="pairs-heading">
      <h2 id="pairs-heading" ref={heading} tabIndex={-1}>
        Progress by pair{total > 0 ? <span className="heading-count"> ({total})</span> : null}
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
    <Table
      caption="Progress of each confirmed pair"
      className="table-gap-small"
      rows={pairs}
      rowKey={(p) => p.pairId}
      columns={[
        {
          id: 'pair',
          header: 'Pair (mentor and mentee)',
          rowHeader: true,
          cell: (p) => (
            <>
              <Link to={pairMeetingsPath(pilotId, p.pairId)} aria-label={`Meetings of ${pairName(p)}`}>
                {pairName(p)}
              </Link>
              <PairNamesakeNotes pilotId={pilotId} pair={p} />
            </>
          ),
        },
        {
          id: 'held',
          header: 'Held',
          cell: (p) => (
            <>
              {p.held} of {p.total} held
              {p.cancelled > 0 ? <div className="cell-note">{plural(p.cancelled, 'cancelled', 'cancelled')}</div> : null}
            </>
          ),
        },
        { id: 'next', header: 'Next meeting', className: 'nowrap', cell: (p) => (p.nextDate ? formatDay(p.nextDate) : <span className="muted">None scheduled</span>) },
        { id: 'overdue', header: 'Overdue', cell: (p) => (p.overdue > 0 ? <span className="pill pill-overdue">{p.overdue} overdue</span> : <span className="muted">None</span>) },
        {
          id: 'logs',
          header: 'Logs owed',
          cell: (p) =>
            p.logsOwed > 0 ? (
              <Link to={logsPath(pilotId, 'owed')} aria-label={`${plural(p.logsOwed, 'log')} owed by ${pairName(p)}`}>
                {plural(p.logsOwed, 'log')} owed
              </Link>
            ) : (
              <span className="muted">None</span>
            ),
        },
      ]}
    />
  );
}
