import { useEffect, useState } from 'react';
import type { ExportFileSummary, LeftOut, ResearchExportProgress, ResearchExportResult } from '../../../../shared/research-export/contract';
import { MAX_SUPPRESSION, MIN_SUPPRESSION } from '../../../../shared/research-export/contract';
import { formatLongDate } from '../../../../shared/dates';
import { count } from '../../../../shared/words';
import { usePilotId } from '../../app/usePilotId';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { errorText } from '../../ui/errors';
import { isCancelled } from '../../ui/export-result';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { SectionCard } from '../../ui/SectionCard';
import { Table, type Column } from '../../ui/Table';
import { researchExportProgress, useResearchExportPreview, writeResearchExport } from './api';
import { QdpxExportCard } from './QdpxExportCard';
import './research-export.css';

/** How often the progress bar asks how far the export has got. */
const PROGRESS_EVERY_MS = 250;

const fileColumns: Column<ExportFileSummary>[] = [
  { id: 'name', header: 'File', cell: (file) => file.name, rowHeader: true },
  { id: 'rows', header: 'Rows', cell: (file) => (file.rows === null ? '—' : count(file.rows)), className: 'numeric' },
  { id: 'what', header: 'What it holds', cell: (file) => file.what },
];

const leftOutColumns: Column<LeftOut>[] = [
  { id: 'what', header: 'Left out', cell: (item) => item.what, rowHeader: true },
  { id: 'count', header: 'How many', cell: (item) => count(item.count), className: 'numeric' },
  { id: 'why', header: 'Why', cell: (item) => item.why },
];

/** A threshold as typed: a whole number in range, or the message to show under the field. */
function readThreshold(typed: string): { value?: number; error?: string } {
  if (typed.trim() === '') return {};
  const value = Number(typed);
  if (!Number.isInteger(value)) return { error: 'Enter a whole number of people.' };
  if (value < MIN_SUPPRESSION) return { error: `Groups smaller than ${MIN_SUPPRESSION} people are always grouped: choose ${MIN_SUPPRESSION} or more.` };
  if (value > MAX_SUPPRESSION) return { error: `Choose a threshold of ${MAX_SUPPRESSION} people or fewer.` };
  return { value };
}

/** Stage 14: the pseudonymised dataset for ethics-approved storage, shown before it is written and again after. */
export function ResearchExportPage() {
  const pilotId = usePilotId();
  const { notify } = useNotices();
  const [includeFreeText, setIncludeFreeText] = useState(true);
  const [shiftDates, setShiftDates] = useState(false);
  const [thresholdText, setThresholdText] = useState('');
  const threshold = readThreshold(thresholdText);
  const options = { pilotId, includeFreeText, shiftDates, ...(threshold.value === undefined ? {} : { threshold: threshold.value }) };
  const preview = useResearchExportPreview(options, threshold.error === undefined);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ResearchExportProgress>();
  const [written, setWritten] = useState<ResearchExportResult>();
  const [failed, setFailed] = useState<string>();

  // The pilot's own threshold is the default: shown in the field once known.
  const shownThreshold = thresholdText === '' && preview.data ? String(preview.data.threshold) : thresholdText;

  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      researchExportProgress().then(setProgress, () => undefined);
    }, PROGRESS_EVERY_MS);
    return () => clearInterval(timer);
  }, [running]);

  const write = async () => {
    setRunning(true);
    setFailed(undefined);
    setWritten(undefined);
    setProgress(undefined);
    try {
      const result = await writeResearchExport(options);
      setWritten(result);
      notify(`Wrote the research dataset (${result.files.length} files) to ${result.folder}.`);
    } catch (failure) {
      if (isCancelled(failure)) notify(errorText(failure));
      else setFailed(errorText(failure));
    } finally {
      setRunning(false);
    }
  };

  const header = (
    <PageHeader
      title="Research export"
      description="A pseudonymised dataset for ethics-approved storage: one CSV per table, a data dictionary, a README, a manifest and checksums. People appear only as codes; names in free text are replaced; each kind of data goes out only under the consent that covers it; withdrawn people and safeguarding records never do."
      actions={
        <Button variant="primary" onPress={() => void write()} isDisabled={running || !preview.data || threshold.error !== undefined}>
          {running ? 'Exporting…' : 'Export dataset…'}
        </Button>
      }
    />
  );

  if (preview.isPending && !preview.data && threshold.error === undefined) return <Loading label="Working out what will go out…" />;

  return (
    <>
      {header}
      {failed ? (
        <p role="alert" className="error-banner">
          {failed}
        </p>
      ) : null}
      {running ? <ExportProgress progress={progress} /> : null}
      {written ? <Written result={written} /> : null}
      <div className="research-export-grid">
        <SectionCard headingId="research-options" title="Options">
          <div className="research-options">
            <div className="checkbox-field">
              <input id="research-free-text" type="checkbox" checked={includeFreeText} onChange={(event) => setIncludeFreeText(event.target.checked)} disabled={running} />
              <label htmlFor="research-free-text">Include free text (logs, findings, survey answers), with names and contact details replaced</label>
            </div>
            <div className="checkbox-field">
              <input id="research-shift-dates" type="checkbox" checked={shiftDates} onChange={(event) => setShiftDates(event.target.checked)} disabled={running} />
              <label htmlFor="research-shift-dates">Shift dates by a per-person offset (up to 30 days either way, the same in every export)</label>
            </div>
            <TextInput
              label="Small-group threshold (people)"
              description="Departments, levels and characteristics held by fewer people than this are grouped as “Other (small groups)”. The pilot’s own threshold unless you change it."
              inputMode="numeric"
              value={shownThreshold}
              onChange={(event) => setThresholdText(event.target.value)}
              error={threshold.error}
              disabled={running}
            />
          </div>
        </SectionCard>
        {preview.error ? <ErrorMessage error={preview.error} /> : null}
        {preview.data ? (
          <>
            <SectionCard headingId="research-files" title="What will go out">
              <p>
                {preview.data.pilotName} · ethics reference {preview.data.ethicsReference || 'not recorded in the plan'} · {count(preview.data.people)}{' '}
                {preview.data.people === 1 ? 'person' : 'people'} in the dataset
              </p>
              <Table aria-labelledby="research-files" columns={fileColumns} rows={preview.data.files} rowKey={(file) => file.name} />
            </SectionCard>
            <SectionCard headingId="research-left-out" title="What is left out, and why">
              <Table aria-labelledby="research-left-out" columns={leftOutColumns} rows={preview.data.leftOut} rowKey={(item) => `${item.what}:${item.why}`} empty={<p>Nothing is left out.</p>} />
              <p className="field-description">
                Never exported: names, email addresses, meeting places and notes, written reasons, the key linking codes to people, and anything from the safeguarding register.
              </p>
            </SectionCard>
          </>
        ) : null}
        <QdpxExportCard pilotId={pilotId} />
      </div>
    </>
  );
}

function ExportProgress({ progress }: { progress: ResearchExportProgress | undefined }) {
  const known = progress?.running && progress.total > 0;
  return (
    <div className="research-export-progress">
      <label htmlFor="research-progress">{progress?.running ? `${progress.step}: ${count(progress.done)} of ${count(progress.total)}` : 'Waiting for a folder…'}</label>
      {known ? <progress id="research-progress" max={progress.total} value={progress.done} /> : <progress id="research-progress" />}
    </div>
  );
}

function Written({ result }: { result: ResearchExportResult }) {
  return (
    <section className="research-export-done" aria-labelledby="research-written">
      <h2 id="research-written">Written on {formatLongDate(result.madeOn)}</h2>
      <p>
        {result.files.length} files in {result.folder}; {count(result.namesReplaced)} {result.namesReplaced === 1 ? 'name' : 'names'} replaced in free text. Check them with{' '}
        <code>sha256sum -c SHA256SUMS</code>.
      </p>
      <p>
        Manifest SHA-256 (also in the audit trail): <span className="research-export-hash">{result.manifestSha256}</span>
      </p>
      <Table aria-label="Files written" columns={fileColumns} rows={result.files} rowKey={(file) => file.name} />
      {result.leftOut.length > 0 ? <Table aria-label="Left out of the files written" columns={leftOutColumns} rows={result.leftOut} rowKey={(item) => `${item.what}:${item.why}`} /> : null}
    </section>
  );
}
