import { useState } from 'react';
import type { QdpxLeftOut, QdpxResult } from '../../../../shared/qdpx/contract';
import { count } from '../../../../shared/words';
import { Button } from '../../ui/Button';
import { useNotices } from '../../ui/Notices';
import { errorText } from '../../ui/errors';
import { isCancelled } from '../../ui/export-result';
import { ErrorMessage } from '../../ui/Page';
import { SectionCard } from '../../ui/SectionCard';
import { Table, type Column } from '../../ui/Table';
import { useQdpxPreview, writeQdpx } from './qdpx-api';

const leftOutColumns: Column<QdpxLeftOut>[] = [
  { id: 'what', header: 'Left out', cell: (item) => item.what, rowHeader: true },
  { id: 'count', header: 'How many', cell: (item) => count(item.count), className: 'numeric' },
  { id: 'why', header: 'Why', cell: (item) => item.why },
];

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The closing interviews as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti or MAXQDA: what goes out, what is left out, and the export. */
export function QdpxExportCard({ pilotId }: { pilotId: number }) {
  const { notify } = useNotices();
  const [includeAudio, setIncludeAudio] = useState(true);
  const preview = useQdpxPreview({ pilotId, includeAudio });
  const [running, setRunning] = useState(false);
  const [written, setWritten] = useState<QdpxResult>();
  const [failed, setFailed] = useState<string>();

  const write = async () => {
    setRunning(true);
    setFailed(undefined);
    setWritten(undefined);
    try {
      const result = await writeQdpx({ pilotId, includeAudio });
      setWritten(result);
      notify(`Wrote ${result.file} to ${result.folder}.`);
    } catch (failure) {
      if (isCancelled(failure)) notify(errorText(failure));
      else setFailed(errorText(failure));
    } finally {
      setRunning(false);
    }
  };

  const plan = preview.data;
  return (
    <SectionCard
      headingId="qdpx-export"
      title="Closing interviews for NVivo, ATLAS.ti or MAXQDA"
      intro="A REFI-QDA project (.qdpx): the codebook, each interviewed person as a case under their participant code, transcripts with names replaced and their coded excerpts, and recordings where consent covers archiving."
      actions={
        <Button onPress={() => void write()} isDisabled={running || !plan || plan.people === 0}>
          {running ? 'Exporting…' : 'Export .qdpx…'}
        </Button>
      }
    >
      <div className="checkbox-field">
        <input id="qdpx-audio" type="checkbox" checked={includeAudio} onChange={(event) => setIncludeAudio(event.target.checked)} disabled={running} />
        <label htmlFor="qdpx-audio">Include recordings (only where the person consented to audio recording and archiving)</label>
      </div>
      {preview.error ? <ErrorMessage error={preview.error} /> : null}
      {plan ? (
        plan.people === 0 ? (
          <p>No interviewed person can be exported yet: interviews appear here once someone with consent to take part has one.</p>
        ) : (
          <p>
            {plural(plan.people, 'person', 'people')} · {plural(plan.transcripts, 'transcript')} · {plural(plan.codings, 'coding')} · {plural(plan.recordings, 'recording')}
          </p>
        )
      ) : null}
      {plan && plan.leftOut.length > 0 ? <Table aria-label="Left out of the .qdpx" columns={leftOutColumns} rows={plan.leftOut} rowKey={(item) => item.what} /> : null}
      {failed ? (
        <p role="alert" className="error-banner">
          {failed}
        </p>
      ) : null}
      {written ? (
        <p role="status">
          Wrote {written.file} to {written.folder}; {plural(written.namesReplaced, 'name')} replaced. SHA-256 (also in the audit trail): <span className="research-export-hash">{written.sha256}</span>
        </p>
      ) : null}
    </SectionCard>
  );
}
