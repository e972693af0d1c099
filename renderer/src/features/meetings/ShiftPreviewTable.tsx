import { meetingModeLabels, type ShiftChange } from '../../../../shared/meetings/contract';
import { formatDay } from '../../../../shared/dates';
import { Table } from '../../ui/Table';
import { pairName } from './words';

function DateChange({ change: c }: { change: ShiftChange }) {
  if (c.fromDate === c.toDate) return <>{`${formatDay(c.fromDate)} (unchanged)`}</>;
  return (
    <>
      {formatDay(c.fromDate)} <span aria-hidden="true">→</span>
      <span className="visually-hidden"> moves to </span> <strong>{formatDay(c.toDate)}</strong>
    </>
  );
}

function ModeChange({ change: c }: { change: ShiftChange }) {
  if (c.fromMode === c.toMode) return <>{`${meetingModeLabels[c.toMode]} (unchanged)`}</>;
  return (
    <>
      {meetingModeLabels[c.fromMode]} <span aria-hidden="true">→</span>
      <span className="visually-hidden"> becomes </span> <strong>{meetingModeLabels[c.toMode]}</strong>
      {/* The old room does not go online with it: the plan's link, or none yet. */}
      <div className="cell-note">{c.toLocation ? `Link: ${c.toLocation}` : 'No link yet: add one in the plan or with Reschedule'}</div>
    </>
  );
}

/** What a schedule change would do to each meeting, before anything is saved. */
export function ShiftPreviewTable({ changes }: { changes: ShiftChange[] }) {
  return (
    <Table
      caption="Meetings that would change"
      className="table-gap-small"
      rows={changes}
      rowKey={(c) => c.meetingId}
      columns={[
        { id: 'pair', header: 'Pair', rowHeader: true, cell: pairName },
        { id: 'meeting', header: 'Meeting', cell: (c) => `Meeting ${c.sequence}` },
        { id: 'date', header: 'Date now → new date', className: 'nowrap', cell: (c) => <DateChange change={c} /> },
        { id: 'mode', header: 'Mode', className: 'nowrap', cell: (c) => <ModeChange change={c} /> },
      ]}
    />
  );
}
