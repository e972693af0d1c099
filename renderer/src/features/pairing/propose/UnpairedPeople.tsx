import type { Unpaired } from '../../../../../shared/matching/contract';
import { roleLabels } from '../../../../../shared/participants/contract';
import { Table } from '../../../ui/Table';
import { reasonLabels } from '../words';
import { PersonLink } from '../../../app/PersonLink';
import { usePilotId } from '../../../app/usePilotId';

/** Everyone a proposal leaves unpaired, with the actual reason. */
export function UnpairedPeople({ unpaired }: { unpaired: Unpaired[] }) {
  const pilotId = usePilotId();
  return (
    <>
      <h3 className="cp-subtitle" id="unpaired-heading">
        {unpaired.length === 0 ? 'Everyone with a free place is paired' : `Not paired (${unpaired.length})`}
      </h3>
      {unpaired.length > 0 ? (
        <Table
          aria-labelledby="unpaired-heading"
          className="table-gap"
          rows={unpaired}
          rowKey={(u) => u.participantId}
          columns={[
            { id: 'person', header: 'Person', rowHeader: true, cell: (u) => <PersonLink pilotId={pilotId} person={{ id: u.participantId, name: u.name }} /> },
            { id: 'role', header: 'Role', className: 'nowrap', cell: (u) => roleLabels[u.role] },
            { id: 'reason', header: 'Reason', cell: (u) => <span className="pill pill-reason">{reasonLabels[u.reason]}</span> },
            { id: 'details', header: 'Details', className: 'cp-detail', cell: (u) => u.detail },
          ]}
        />
      ) : null}
    </>
  );
}
