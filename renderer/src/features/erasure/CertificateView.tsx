import type { ErasureCertificate } from '../../../../shared/erasure/contract';
import { formatDateTime } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { SectionCard } from '../../ui/SectionCard';
import { Table } from '../../ui/Table';
import { filePath } from '../../ui/export-result';
import { useExport } from '../../ui/useExport';
import { exportCertificate } from './api';

const done = (value: boolean) => (value ? 'Done' : 'Not done');

/** The certificate as shown after an erasure: what went and how many, when, by whom, the audit entry; saved as PDF and JSON. */
export function CertificateView({ certificate }: { certificate: ErasureCertificate }) {
  const save = useExport(() => exportCertificate(certificate.id), {
    written: (result) => `Saved the certificate to ${filePath(result.folder, result.files[0]!)} and its JSON beside it.`,
    failuresAs: 'notice',
    announceCancel: false,
  });
  return (
    <SectionCard
      headingId="erasure-certificate-heading"
      title={`Erasure certificate no. ${certificate.id}`}
      actions={
        <Button variant="primary" onPress={() => void save.start()} busy={save.busy}>
          Save certificate (PDF and JSON)
        </Button>
      }
    >
      <dl className="erasure-facts">
        <dt>What was erased</dt>
        <dd>{certificate.subject}</dd>
        <dt>Pilot</dt>
        <dd>{certificate.pilotName}</dd>
        <dt>When</dt>
        <dd>{formatDateTime(certificate.erasedAt)}</dd>
        <dt>By</dt>
        <dd>{certificate.actor}</dd>
        <dt>Audit entry</dt>
        <dd>
          no. {certificate.audit.seq} <span className="erasure-hash">{certificate.audit.hash}</span>
        </dd>
      </dl>
      <Table
        caption="Records erased"
        showCaption
        rows={certificate.counts}
        rowKey={(row) => row.kind}
        empty={<p className="muted">No records were held.</p>}
        columns={[
          { id: 'kind', header: 'Kind of data', rowHeader: true, cell: (row) => row.label },
          { id: 'count', header: 'Records', cell: (row) => row.count, className: 'numeric', headerClassName: 'numeric' },
        ]}
      />
      {certificate.safeguardingKept > 0 ? <Callout>{`${plural(certificate.safeguardingKept, 'safeguarding concern')} kept, as chosen: they stay in the register under their own retention period.`}</Callout> : null}
      <h3 className="erasure-subheading">Deleted bytes removed from the vault</h3>
      <ul className="erasure-steps">
        <li>Freed space overwritten (secure delete): {done(certificate.cleanup.secureDelete)}</li>
        <li>Search index rebuilt without the erased words: {done(certificate.cleanup.searchIndexRebuilt)}</li>
        <li>Database rebuilt from the remaining records: {done(certificate.cleanup.vacuumed)}</li>
        <li>Write-ahead log emptied: {done(certificate.cleanup.walTruncated)}</li>
      </ul>
      <Callout tone="warning">{certificate.backupsNote}</Callout>
      <p className="hint">The certificate holds no name and no content of what was erased, so it can be filed with the study’s records.</p>
    </SectionCard>
  );
}
