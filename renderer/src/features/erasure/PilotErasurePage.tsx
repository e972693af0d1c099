import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ErasureCertificate, Retention } from '../../../../shared/erasure/contract';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { TextInput } from '../../ui/Field';
import { FormError } from '../../ui/FormDialog';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { SectionCard } from '../../ui/SectionCard';
import { errorText } from '../../ui/errors';
import { useNotices } from '../../ui/Notices';
import { usePilotId } from '../../app/usePilotId';
import { overviewPath, pilotPath, planPath } from '../../app/paths';
import { CertificateView } from './CertificateView';
import { useCertificate, useErasePilot, useRetention } from './api';
import { sameName } from './same-name';

/**
 * The end of a pilot's retention period, step by step: where the countdown stands, the research
 * export (if none was made), then the erasure of every person's data with its certificate. Nothing
 * is deleted before the period has run out, nor without the pilot's name typed out.
 */
export function PilotErasurePage() {
  const pilotId = usePilotId();
  const retention = useRetention(pilotId);
  const [certificate, setCertificate] = useState<ErasureCertificate | null>(null);
  const back = (
    <p className="back-link">
      <Link to={overviewPath(pilotId)}>Overview</Link>
    </p>
  );
  if (certificate) {
    return (
      <>
        {back}
        <PageHeader title="Pilot data erased" description={`The personal data of ${certificate.pilotName} was erased. Keep the certificate with the study’s records.`} />
        <CertificateView certificate={certificate} />
      </>
    );
  }
  if (retention.isPending) return <Loading />;
  if (retention.error) {
    return (
      <>
        {back}
        <ErrorMessage error={retention.error} />
      </>
    );
  }
  const r = retention.data;
  return (
    <>
      {back}
      <PageHeader title="Retention and erasure" description={`How long the personal data of ${r.pilotName} is kept, and erasing it when that time is up.`} />
      <ol className="erasure-flow">
        <li>
          <CountdownStep retention={r} />
        </li>
        {r.state === 'expired' ? (
          <>
            <li>
              <ExportStep retention={r} />
            </li>
            <li>
              <EraseStep retention={r} onErased={setCertificate} />
            </li>
          </>
        ) : null}
      </ol>
      {r.state === 'erased' && r.certificateId !== null ? <StoredCertificate id={r.certificateId} /> : null}
    </>
  );
}

/** "Keeps data until 30 Dec 2027 (29 days left)" and its siblings, for the dashboard and this page. */
export function countdownWords(r: Retention): string {
  switch (r.state) {
    case 'not-set':
      return 'No retention period is set in the plan yet.';
    case 'running':
      return `Personal data is kept until ${formatDate(r.expiresOn!)}: ${plural(r.daysLeft!, 'day')} left (${plural(r.retentionMonths!, 'month')} after the pilot ends on ${formatDate(r.endDate)}).`;
    case 'expired':
      return `The retention period ended on ${formatDate(r.expiresOn!)}. The personal data of ${plural(r.peopleHeld, 'person', 'people')} is due for erasure.`;
    case 'erased':
      return 'The personal data of this pilot has been erased.';
  }
}

function CountdownStep({ retention: r }: { retention: Retention }) {
  const pilotId = usePilotId();
  return (
    <SectionCard headingId="retention-countdown-heading" title="Retention period">
      <p>{countdownWords(r)}</p>
      {r.state === 'not-set' ? (
        <p>
          Set it under <Link to={planPath(pilotId)}>Plan and timeline</Link> (governance), as your ethics approval says.
        </p>
      ) : null}
      {r.state === 'running' ? <p className="hint">Nothing can be erased from here before then. One person can be erased at any time from their own page.</p> : null}
    </SectionCard>
  );
}

function ExportStep({ retention: r }: { retention: Retention }) {
  const pilotId = usePilotId();
  return (
    <SectionCard headingId="retention-export-heading" title="1. Research export">
      {r.researchExportAt ? (
        <p>{`A research export of this pilot was written on ${formatDateTime(r.researchExportAt)}. Check it is in your ethics-approved storage before you erase.`}</p>
      ) : (
        <Callout tone="warning">
          No research export of this pilot has been made. Once the data is erased it cannot be exported any more. <Link to={pilotPath(pilotId, 'research-export')}>Make the research export first</Link>, unless your ethics approval says none is needed.
        </Callout>
      )}
    </SectionCard>
  );
}

function EraseStep({ retention: r, onErased }: { retention: Retention; onErased: (certificate: ErasureCertificate) => void }) {
  const erase = useErasePilot();
  const { notify } = useNotices();
  const [typed, setTyped] = useState('');
  const [includeSafeguarding, setIncludeSafeguarding] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const checkboxId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    if (!sameName(typed, r.pilotName)) {
      setNameError(`Type the pilot’s name exactly as shown: ${r.pilotName}`);
      return;
    }
    setNameError(undefined);
    try {
      const certificate = await erase.mutateAsync({ pilotId: r.pilotId, confirmName: typed, includeSafeguarding });
      notify(`The personal data of ${r.pilotName} was erased. Certificate no. ${certificate.id} is below.`);
      onErased(certificate);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <SectionCard headingId="retention-erase-heading" title="2. Erase the pilot’s personal data">
      <p>{`Every person in this pilot (${plural(r.peopleHeld, 'person', 'people')}) is erased: their register entries, consent records, chemistry answers, training attendance, logs, survey responses, pairs and meetings. The plan, themes, timeline, consent form versions and questionnaires stay: they describe the scheme, not a person.`}</p>
      <form className="form erasure-confirm" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="retention-erase-heading">
        {r.safeguardingConcerns > 0 ? (
          <fieldset className="erasure-safeguarding">
            <legend>Safeguarding concerns</legend>
            <p>{`The safeguarding register holds ${plural(r.safeguardingConcerns, 'concern')} about people in this pilot. They have their own retention period and are kept unless you choose otherwise here.`}</p>
            <div className="checkbox-field">
              <input id={checkboxId} type="checkbox" checked={includeSafeguarding} onChange={(event) => setIncludeSafeguarding(event.target.checked)} />
              <label htmlFor={checkboxId}>{`Also erase the ${plural(r.safeguardingConcerns, 'safeguarding concern')}`}</label>
            </div>
          </fieldset>
        ) : null}
        <TextInput label={`Type the pilot’s name to confirm: ${r.pilotName}`} required autoComplete="off" spellCheck={false} value={typed} error={nameError} onChange={(event) => setTyped(event.target.value)} />
        <FormError message={failure} />
        <div className="form-actions">
          <Button type="submit" variant="danger" busy={erase.isPending}>
            Erase the pilot’s personal data
          </Button>
        </div>
        <p className="hint">This cannot be undone. It can take a little while on a large pilot: the vault is rebuilt so that nothing erased stays in it.</p>
      </form>
    </SectionCard>
  );
}

function StoredCertificate({ id }: { id: number }) {
  const certificate = useCertificate(id);
  if (certificate.isPending) return <Loading />;
  if (certificate.error) return <ErrorMessage error={certificate.error} />;
  return <CertificateView certificate={certificate.data} />;
}
