import { useChannel } from '../../queries';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { describeAction, describeActor, describeRecord } from './describe';

/** Who did what to which record — never the content — and whether the hash chain is intact. */
export function AuditPage() {
  const verification = useChannel('audit.verify', {});
  const entries = useChannel('audit.list', { limit: 200 });
  // Names come from the live pilot list; the trail itself holds only ids.
  const pilots = useChannel('pilots.list', { includeArchived: true });
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
        <table className="table">
          <caption className="visually-hidden">Latest audit entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((entry) => (
              <tr key={entry.seq}>
                <td>{entry.seq}</td>
                <td>{formatDateTime(entry.at)}</td>
                <td>{describeActor(entry.actor)}</td>
                <td>{describeAction(entry.action)}</td>
                <td>{describeRecord(entry.entityType, entry.entityId, pilotNames)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
