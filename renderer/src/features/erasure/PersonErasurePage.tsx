import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ErasureCertificate, PersonErasurePreview } from '../../../../shared/erasure/contract';
import { plural } from '../../../../shared/words';
import { roleLabels, statusLabels } from '../../../../shared/participants/contract';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { TextInput } from '../../ui/Field';
import { FormError } from '../../ui/FormDialog';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { SectionCard } from '../../ui/SectionCard';
import { Table } from '../../ui/Table';
import { errorText } from '../../ui/errors';
import { useNotices } from '../../ui/Notices';
import { usePilotId } from '../../app/usePilotId';
import { participantsPath } from '../../app/paths';
import { CertificateView } from './CertificateView';
import { useErasePerson, usePersonErasurePreview } from './api';
import { sameName } from './same-name';

/**
 * Erasing one person, from their page: what will go (counts per kind), what happens first if they
 * are still taking part, a separate choice about safeguarding concerns about them, their name typed
 * out, and the certificate afterwards. There is no undo: the bytes are gone.
 */
export function PersonErasurePage() {
  const pilotId = usePilotId();
  const participantId = Number(useParams().participantId);
  const preview = usePersonErasurePreview(participantId);
  const [certificate, setCertificate] = useState<ErasureCertificate | null>(null);
  const back = (
    <p className="back-link">
      <Link to={participantsPath(pilotId, certificate ? '' : participantId)}>{certificate ? 'All participants' : 'Back to their page'}</Link>
    </p>
  );
  if (certificate) {
    return (
      <>
        {back}
        <PageHeader title="Erased" description={`Person no. ${participantId}: everything about them was erased from this vault.`} />
        <CertificateView certificate={certificate} />
      </>
    );
  }
  if (preview.isPending) return <Loading />;
  if (preview.error) {
    return (
      <>
        {back}
        <ErrorMessage error={preview.error} />
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeader title={`Erase ${preview.data.name}`} description="Everything about this person is removed from the vault for good, and their name is replaced in other people’s text." />
      <p className="erasure-who">{[roleLabels[preview.data.role], preview.data.department, `Status: ${statusLabels[preview.data.status]}`].filter(Boolean).join(' · ')}</p>
      {preview.data.erased ? <Callout>This person was already erased. There is nothing more to remove.</Callout> : <ErasureForm preview={preview.data} onErased={setCertificate} />}
    </>
  );
}

function ErasureForm({ preview, onErased }: { preview: PersonErasurePreview; onErased: (certificate: ErasureCertificate) => void }) {
  const erase = useErasePerson();
  const { notify } = useNotices();
  const [typed, setTyped] = useState('');
  const [includeSafeguarding, setIncludeSafeguarding] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const checkboxId = useId();
  const held = preview.counts.filter((row) => row.count > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!sameName(typed, preview.name)) {
      setNameError(`Type their name exactly as shown: ${preview.name}`);
      return;
    }
    setNameError(undefined);
    try {
      const certificate = await erase.mutateAsync({ participantId: preview.participantId, confirmName: typed, includeSafeguarding });
      notify(`${preview.name} was erased. Certificate no. ${certificate.id} is below.`);
      onErased(certificate);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <>
      <SectionCard headingId="erasure-what-heading" title="What will be erased">
        <Table
          aria-labelledby="erasure-what-heading"
          rows={held}
          rowKey={(row) => row.kind}
          columns={[
            { id: 'kind', header: 'Kind of data', rowHeader: true, cell: (row) => row.label },
            { id: 'count', header: 'Records', cell: (row) => row.count, className: 'numeric', headerClassName: 'numeric' },
          ]}
        />
        <p className="hint">Their name (and email) in other people’s logs, notes and answers is replaced with “[removed]”. Their partners’ pairs and meetings stay, without naming them. The audit trail keeps its entries; they name no one.</p>
        {preview.withdrawsFirst ? (
          <Callout tone="warning">
            {`They are still taking part, so they are withdrawn first: ${preview.currentPairs > 0 ? `${plural(preview.currentPairs, 'pair')} will end, the remaining meetings will be cancelled and their partner flagged for a new pair.` : 'their owed logs are excused.'}`}
          </Callout>
        ) : null}
      </SectionCard>
      <form className="form erasure-confirm" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="erasure-confirm-heading">
        <h2 id="erasure-confirm-heading">Confirm</h2>
        {preview.safeguardingConcerns > 0 ? (
          <fieldset className="erasure-safeguarding">
            <legend>Safeguarding concerns about them</legend>
            <p>{`The safeguarding register holds ${plural(preview.safeguardingConcerns, 'concern')} about this person. Such records may have to be kept longer than their other data (they have their own retention period), so they are kept unless you choose otherwise here.`}</p>
            <div className="checkbox-field">
              <input id={checkboxId} type="checkbox" checked={includeSafeguarding} onChange={(event) => setIncludeSafeguarding(event.target.checked)} />
              <label htmlFor={checkboxId}>{`Also erase the ${plural(preview.safeguardingConcerns, 'safeguarding concern')} about them`}</label>
            </div>
          </fieldset>
        ) : null}
        <TextInput
          label={`Type their name to confirm: ${preview.name}`}
          required
          autoComplete="off"
          spellCheck={false}
          value={typed}
          error={nameError}
          onChange={(event) => setTyped(event.target.value)}
        />
        <FormError message={failure ?? undefined} />
        <div className="form-actions">
          <Button type="submit" variant="danger" busy={erase.isPending}>
            Erase permanently
          </Button>
        </div>
        <p className="hint">This cannot be undone. Backups made before now still hold this person until they expire.</p>
      </form>
    </>
  );
}
