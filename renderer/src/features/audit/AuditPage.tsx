import { useState } from 'react';
import { Link } from 'react-router';
import { channels } from '../../../../shared/contract';
import type { AuditPage as AuditPageData } from '../../../../shared/audit/contract';
import { formatDateTime } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { Pager } from '../../ui/Pager';
import { SelectInput } from '../../ui/Field';
import { useAllPilots, useAuditCheck, useAuditPage } from './api';
import { describeAction, describeActor, describeRecord, describeFeature } from './describe';
import { recordPath } from './links';
import { DateInput } from '../../ui/DateInput';

const PAGE_SIZE = 50;

/** Every feature that writes to the trail, for the filter (from the contract, so a new one appears by itself). */
const features = [...new Set(channels.map((c) => c.split('.')[0]!))].sort((a, b) => describeFeature(a).localeCompare(describeFeature(b)));

type Row = AuditPageData['rows'][number];

/** Who did what to which record — never the content — and whether the hash chain is intact. All of it, a page at a time. */
export function AuditPage() {
  const verification = useAuditCheck();
  const [feature, setFeature] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const badDates = from !== '' && to !== '' && from > to;
  // A last day before the first is said under its field and left out of the query until corrected.
  const entries = useAuditPage({ action: feature, ...(from ? { from } : {}), ...(to && !badDates ? { to } : {}), offset, limit: PAGE_SIZE });
  const pilots = useAllPilots();
  const pilotNames = new Map((pilots.data ?? []).map((p) => [p.id, p.name]));
  // A new filter starts at the newest entry again.
  const refilter = (change: () => void) => {
    change();
    setOffset(0);
  };
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
      <div className="au-toolbar" role="search" aria-label="Filter the audit trail">
        <SelectInput
          label="What"
          value={feature}
          onChange={(e) => refilter(() => setFeature(e.target.value))}
          options={[{ value: '', label: 'Everything' }, ...features.map((f) => ({ value: f, label: describeFeature(f) }))]}
        />
        <DateInput label="From" value={from} onChange={(iso) => refilter(() => setFrom(iso))} />
        <DateInput label="To" value={to} onChange={(iso) => refilter(() => setTo(iso))} error={badDates ? 'The last day must not be before the first' : undefined} />
      </div>
      <ErrorMessage error={verification.error ?? entries.error} />
      {entries.isPending ? <Loading /> : null}
      {entries.data ? (
        <>
          <p className="summary-line" id="audit-summary">
            {plural(entries.data.total, 'entry', 'entries')}
            {feature || from || to ? ' match' : ' in all'}
          </p>
          {entries.data.total === 0 ? (
            <p className="muted">No entry matches these filters.</p>
          ) : (
            <Table<Row>
              caption="Latest audit entries, newest first"
              aria-describedby="audit-summary"
              rows={entries.data.rows}
              rowKey={(entry) => entry.seq}
              columns={[
                { id: 'seq', header: '#', cell: (entry) => entry.seq },
                { id: 'at', header: 'When', className: 'nowrap', cell: (entry) => formatDateTime(entry.at) },
                { id: 'actor', header: 'Who', cell: (entry) => describeActor(entry.actor) },
                { id: 'action', header: 'Action', cell: (entry) => describeAction(entry.action) },
                { id: 'record', header: 'Record', cell: (entry) => <RecordCell entry={entry} pilotNames={pilotNames} /> },
              ]}
            />
          )}
          <Pager total={entries.data.total} offset={offset} pageSize={PAGE_SIZE} what="entries" onPage={setOffset} />
        </>
      ) : null}
    </>
  );
}

/** The record by its name today, linked to its screen; by type and number when it has none (or is gone). */
function RecordCell({ entry, pilotNames }: { entry: Row; pilotNames: ReadonlyMap<number, string> }) {
  const path = recordPath(entry.record);
  const label = entry.record?.label ?? describeRecord(entry.entityType, entry.entityId, pilotNames);
  return path ? <Link to={path}>{label}</Link> : <>{label}</>;
}
