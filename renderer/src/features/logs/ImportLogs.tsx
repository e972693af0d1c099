import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import { logImportFieldLabels, logImportFields, type LogImportField, type logImportPreviewSchema } from '../../../../shared/logs/contract';
import type { RowError } from '../../../../shared/participants/contract';
import { ApiError, call } from '../../api';
import { Button } from '../../ui/Button';
import { SelectInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { usePilotId } from '../pilots/usePilotId';
import { refreshMeetingsAndLogs } from '../meetings/common';
import { FormError } from '../../ui/FormDialog';
import { toBase64 } from '../../ui/base64';
import { errorText, plural } from '../../ui/words';

type Preview = z.infer<typeof logImportPreviewSchema>;
type Mapping = Record<string, LogImportField | ''>;
interface Chosen {
  name: string;
  base64: string;
}

const fieldOptions = [{ value: '', label: 'Ignore this column' }, ...logImportFields.map((f) => ({ value: f, label: logImportFieldLabels[f] }))];

/** Logs people wrote in an online form: read the CSV, check the mapping and every row, then import all rows or none. */
export function ImportLogs() {
  const uid = useId();
  const { notify } = useNotices();
  const [file, setFile] = useState<Chosen>();
  const [preview, setPreview] = useState<Preview>();
  const [importErrors, setImportErrors] = useState<RowError[]>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState<'reading' | 'importing'>();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const pilotId = usePilotId();

  /** Reads the file with the guessed mapping (a new file: focus moves to the result) or with the one chosen. */
  const check = async (chosen: Chosen, mapping?: Mapping) => {
    setBusy('reading');
    setFormError(undefined);
    setImportErrors(undefined);
    try {
      setPreview(await call('logs.importPreview', { pilotId, file: chosen, ...(mapping ? { mapping } : {}) }));
      // Changing a column keeps focus on its select; a new file moves focus to what was read.
      if (!mapping) requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (error) {
      setPreview(undefined);
      setFormError(errorText(error));
    } finally {
      setBusy(undefined);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    // Cleared, so choosing the same (corrected) file again reads it again.
    event.target.value = '';
    if (!picked) return;
    const chosen = { name: picked.name, base64: toBase64(new Uint8Array(await picked.arrayBuffer())) };
    setFile(chosen);
    await check(chosen);
  };

  const runImport = async () => {
    if (!file || !preview) return;
    setBusy('importing');
    setFormError(undefined);
    try {
      const { imported } = await call('logs.import', { pilotId, file, mapping: preview.mapping });
      await refreshMeetingsAndLogs();
      notify(`Imported ${plural(imported, 'log')} from ${file.name}. They count as submitted.`);
      setFile(undefined);
      setPreview(undefined);
    } catch (error) {
      // Found at import time (e.g. a log submitted meanwhile): shown in the same table as the preview's.
      if (error instanceof ApiError && error.issues.some((i) => i.path[0] === 'rows')) {
        setImportErrors(error.issues.map((i) => ({ row: Number(i.path[1]), column: String(i.path[2] ?? ''), message: i.message })));
      }
      setFormError(errorText(error));
    } finally {
      setBusy(undefined);
    }
  };

  const errors = importErrors ?? preview?.errors ?? [];
  const blocked = !preview || preview.missingFields.length > 0 || errors.length > 0 || preview.rowCount === 0;
  const badRows = new Set(errors.map((e) => e.row)).size;

  return (
    <div className="ml-import">
      <p className="ml-section-intro">
        When people write their logs in an online form (Microsoft Forms, Google Forms, Qualtrics), export the responses as CSV and import them here. Each row is one log: the author’s email, the meeting
        number and the six Gibbs stages. Imported logs count as submitted; a log already submitted is never overwritten.
      </p>
      <div className="field">
        <label htmlFor={`${uid}-file`} className="field-label">
          CSV file
        </label>
        <p id={`${uid}-file-help`} className="field-description">
          Comma-, semicolon- or tab-separated, in any common encoding. Nothing is imported until you press Import.
        </p>
        <input id={`${uid}-file`} type="file" accept=".csv,.tsv,.txt,text/csv" className="ml-file-input" aria-describedby={`${uid}-file-help`} onChange={(e) => void choose(e)} />
      </div>
      {busy === 'reading' ? <p className="loading">Reading the file…</p> : null}
      {preview && file ? (
        <section className="ml-section" aria-labelledby={`${uid}-result`}>
          <h2 id={`${uid}-result`} ref={resultHeading} tabIndex={-1} className="ml-focus-target">
            {file.name}: {plural(preview.rowCount, 'row')}
          </h2>
          <p className="muted">
            Read as {preview.encoding}, separated by {preview.delimiter === 'tab' ? 'tabs' : `“${preview.delimiter}”`}.
          </p>
          <fieldset className="fieldset ml-mapping">
            <legend>Which column holds what</legend>
            <p className="hint">Each heading of the file, and the part of a log it holds. Columns you do not need (a timestamp, say) are ignored.</p>
            <div className="ml-mapping-grid">
              {preview.headers.map((header, i) => (
                <SelectInput
                  key={`${i}-${header}`}
                  label={header || `Column ${i + 1} (no heading)`}
                  options={fieldOptions}
                  value={preview.mapping[header] ?? ''}
                  onChange={(e) => void check(file, { ...preview.mapping, [header]: e.target.value as LogImportField | '' })}
                />
              ))}
            </div>
          </fieldset>
          {preview.missingFields.length > 0 ? (
            <p className="error-banner" role="alert">
              No column holds: {preview.missingFields.map((f) => logImportFieldLabels[f]).join(', ')}. Choose one for each above.
            </p>
          ) : null}
          {errors.length > 0 ? (
            <>
              <p className="error-banner" role="alert">
                {plural(badRows, 'row has', 'rows have')} problems, so nothing can be imported. Correct the file (row numbers count the heading as row 1, as in a spreadsheet) and choose it again.
              </p>
              <table className="table ml-table ml-errors">
                <caption>
                  {plural(errors.length, 'problem')} in {plural(badRows, 'row')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {errors.map((e, i) => (
                    <tr key={i}>
                      <th scope="row">{e.row || '—'}</th>
                      <td>{e.column || '—'}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {!blocked ? <p className="status-ok">All {plural(preview.rowCount, 'row')} can be imported.</p> : null}
          <FormError message={formError} />
          <div className="form-actions">
            <Button variant="primary" isDisabled={blocked} busy={busy === 'importing'} onPress={() => void runImport()}>
              {preview.rowCount > 0 ? `Import ${plural(preview.rowCount, 'log')}` : 'Import'}
            </Button>
          </div>
        </section>
      ) : (
        <FormError message={formError} />
      )}
    </div>
  );
}
