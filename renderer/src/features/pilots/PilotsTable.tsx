import { Link } from 'react-router';
import { pilotStatusLabels, type Pilot } from '../../../../shared/pilots/contract';
import { formatDate } from '../../../../shared/dates';
import { overviewPath } from '../../app/paths';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';

interface Actions {
  onEdit: (pilot: Pilot) => void;
  onArchive: (pilot: Pilot) => void;
  onRestore: (pilot: Pilot) => void;
}

/** The pilots with their dates and status; an archived one can only be restored. */
export function PilotsTable({ pilots, showArchived, onEdit, onArchive, onRestore }: { pilots: Pilot[]; showArchived: boolean } & Actions) {
  return (
    <Table
      caption={`Pilots${showArchived ? ', including archived ones' : ''}`}
      rows={pilots}
      rowKey={(pilot) => pilot.id}
      rowClassName={(pilot) => (pilot.archivedAt ? 'row-archived' : undefined)}
      columns={[
        {
          id: 'name',
          header: 'Name',
          rowHeader: true,
          cell: (pilot) => (
            <>
              {pilot.archivedAt ? pilot.name : <Link to={overviewPath(pilot.id)}>{pilot.name}</Link>}
              {pilot.purpose ? <div className="cell-note">{pilot.purpose}</div> : null}
            </>
          ),
        },
        {
          id: 'dates',
          header: 'Dates',
          // Wraps between the two dates, never inside one.
          cell: (pilot) => (
            <>
              <span className="nowrap">{formatDate(pilot.startDate)}</span> – <span className="nowrap">{formatDate(pilot.endDate)}</span>
            </>
          ),
        },
        {
          id: 'status',
          header: 'Status',
          cell: (pilot) => (pilot.archivedAt ? <span className="badge badge-archived">Archived</span> : <span className={`badge badge-${pilot.status}`}>{pilotStatusLabels[pilot.status]}</span>),
        },
        {
          id: 'actions',
          header: 'Actions',
          hideHeader: true,
          className: 'cell-actions',
          cell: (pilot) =>
            pilot.archivedAt ? (
              <Button variant="quiet" onPress={() => onRestore(pilot)} aria-label={`Restore ${pilot.name}`}>
                Restore
              </Button>
            ) : (
              <>
                <Button variant="quiet" onPress={() => onEdit(pilot)} aria-label={`Edit ${pilot.name}`}>
                  Edit
                </Button>
                <Button variant="quiet" onPress={() => onArchive(pilot)} aria-label={`Archive ${pilot.name}`}>
                  Archive
                </Button>
              </>
            ),
        },
      ]}
    />
  );
}
