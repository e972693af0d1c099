import { formatDateTime } from '../../../../shared/dates';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { useAllPilots, useAuditCheck, useAuditEntries } from './api';
import { describeAction, describeActor, describeRecord } from './describe';

/** Who did what to which record — never the content — and whether the hash chain is intact. */
export function AuditPage() {
  const verification = useAuditCheck();
  const entries = useAuditEntries(200);
  const pilots = useAllPilots();
  const pilotNames = new Map((pilots.data ?? []).map((p) => [p.id, p.name]));
  return (
    <>
      <PageHeader title="Audit trail" description="Every change to the vault, with time, actor, action and record. Entries are hash-chained, so altering or removing one is detected." />
      {verification.data ? (
        <p className={verification.data.ok ? 'status-ok' : 'error-banner'} role="status">
          {verification.data.ok
            ? `Chain intact: ${verification.data.entries} entries verified.`
            : `The audit trail has been altered: entry ${verification.data.brokenAt} does not match. Keep this vault as it is and tell your data steward.`}
        </p>
      ) : null}
      <ErrorMessage error={verification.error ?? entries.error} />
      {entries.isPending ? <Loading /> : null}
      {entries.data ? (
        <Table
          caption="Latest audit entries, newest first"
          rows={entries.data}
          rowKey={(entry) => entry.seq}
          columns={[
            { id: 'seq', header: '#', cell: (entry) => entry.seq },
            { id: 'at', header: 'When', cell: (entry) => formatDateTime(entry.at) },
            { id: 'actor', header: 'Who', cell: (entry) => describeActor(entry.actor) },
            { id: 'action', header: 'Action', cell: (entry) => describeAction(entry.action) },
            { id: 'record', header: 'Record', cell: (entry) => describeRecord(entry.entityType, entry.entityId, pilotNames) },
          ]}
        />
      ) : null}
    </>
  );
}
