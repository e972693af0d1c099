import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  importFieldLabels,
  importFields,
  requiredImportFields,
  roleLabels,
  type ColumnMapping,
  type ImportField,
  type ImportPreview,
} from '../../../../shared/participants/contract';
import { slotLabel } from '../../../../shared/participants/availability';
import { call } from '../../api';
import { useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { FieldFrame } from '../../ui/Field';
import { PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { usePilotId } from '../pilots/usePilotId';
import { estimateRows } from './csv-rows';
import { toBase64 } from '../../ui/base64';
import { PEOPLE_NAMESPACES, listPath, participantsPath } from './paths';
import { delimiterName } from './words';
import { FormError } from '../../ui/FormDialog';
import { count, errorText, people, plural } from '../../ui/words';

const MAX_BYTES = 20 * 1024 * 1024;

interface LoadedFile {
  name: string;
  base64: string;
  rows: { rows: number; exact: boolean };
}

type Sample = ImportPreview['sample'][number];

const checkingMessage = ({ rows }: LoadedFile) => (rows.rows === 0 ? 'Checking the file…' : `Checking ${rows.exact ? '' : 'about '}${plural(rows.rows, 'row')}…`);

/** A sample value as the main process read it, in words. */
function readValue(row: Sample, field: ImportField): string {
  const value = row.read[field];
  if (value === undefined) return '';
  if (field === 'role') return roleLabels[value as 'mentor' | 'mentee'];
  if (field === 'availability') return (value as string[]).map(slotLabel).join(', ');
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** One cell of the sample: what will be imported, or what the file says and why it cannot be read. */
function SampleCell({ row, field }: { row: Sample; field: ImportField }) {
  const problem = row.problems[field];
  if (problem) {
    const raw = row.raw[field] ?? '';
    return (
      <td className="pp-sample-bad">
        {raw ? <span className="pp-sample-raw">“{raw}”</span> : <span className="muted">blank</span>}
        <span className="pp-sample-problem">Cannot be read: {problem}</span>
      </td>
    );
  }
  return <td>{readValue(row, field) || <span className="muted">blank</span>}</td>;
}

/**
 * Expressions of interest from a forms tool's CSV: the main process detects encoding and delimiter,
 * maps columns (remembered per pilot), and checks every row; the import is all rows or none.
 */
export function ImportWizard() {
  const pilotId = usePilotId();
  const uid = useId();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const runImport = useCommand('participants.import', PEOPLE_NAMESPACES);
  const [file, setFile] = useState<LoadedFile>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  /** Whether the first preview of this file used the mapping remembered from the last import. */
  const [remembered, setRemembered] = useState(false);
  const [mappingEdited, setMappingEdited] = useState(false);
  const [work, setWork] = useState<string>();
  const [problem, setProblem] = useState<string>();
  // Answers to older requests (an earlier file or mapping) are dropped.
  const ticket = useRef(0);

  const check = async (loaded: LoadedFile, chosen?: ColumnMapping) => {
    const mine = ++ticket.current;
    setWork(checkingMessage(loaded));
    setProblem(undefined);
    try {
      const result = await call('participants.importPreview', { pilotId, file: { name: loaded.name, base64: loaded.base64 }, ...(chosen ? { mapping: chosen } : {}) });
      if (mine !== ticket.current) return;
      setPreview(result);
      setMapping(result.mapping);
      if (!chosen) setRemembered(result.mappingRemembered);
    } catch (error) {
      if (mine === ticket.current) setProblem(errorText(error));
    } finally {
      if (mine === ticket.current) setWork(undefined);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const mine = ++ticket.current;
    setPreview(undefined);
    setFile(undefined);
    setMappingEdited(false);
    setProblem(undefined);
    setWork('Reading the file…');
    try {
      if (chosen.size > MAX_BYTES) throw new Error('The file is larger than 20 MB. Export only the columns you need, or split it.');
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      // Let "Reading the file…" paint before encoding a large file.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const loaded: LoadedFile = { name: chosen.name, base64: toBase64(bytes), rows: estimateRows(bytes) };
      if (mine !== ticket.current) return;
      setFile(loaded);
      await check(loaded);
    } catch (error) {
      if (mine === ticket.current) {
        setProblem(errorText(error));
        setWork(undefined);
      }
    }
  };

  const remap = (header: string, field: ImportField | '') => {
    if (!file) return;
    const next = { ...mapping, [header]: field };
    setMapping(next);
    setMappingEdited(true);
    void check(file, next);
  };

  const importAll = async () => {
    if (!file || !preview) return;
    setProblem(undefined);
    setWork(`Importing ${people(preview.rowCount)}…`);
    try {
      const { imported } = await runImport.mutateAsync({ pilotId, file: { name: file.name, base64: file.base64 }, mapping });
      notify(`Imported ${people(imported)} from ${file.name}.`);
      navigate(participantsPath(pilotId));
    } catch (error) {
      setProblem(errorText(error));
      setWork(undefined);
    }
  };

  const errors = preview?.errors ?? [];
  const missing = preview?.missingFields ?? [];
  const rowsWithErrors = new Set(errors.map((e) => e.row)).size;
  const canImport = Boolean(preview && !work && errors.length === 0 && missing.length === 0 && preview.rowCount > 0);
  const mappedFields = importFields.filter((f) => Object.values(mapping).includes(f));

  return (
    <>
      <p className="back-link">
        <Link to={listPath(pilotId)}>All participants</Link>
      </p>
      <PageHeader
        title="Import expressions of interest"
        description="Read the responses to your expression-of-interest form from a CSV file. Nothing is saved until you press Import, and then every row is imported or none is."
      />
      <section className="panel pp-import-step" aria-labelledby={`${uid}-file`}>
        <h2 id={`${uid}-file`}>1. Choose the file</h2>
        <FieldFrame label="CSV file" description="Exported from your forms tool (Microsoft Forms, Google Forms, Qualtrics…). The encoding and delimiter are detected for you.">
          {({ id, describedBy }) => (
            <input id={id} type="file" accept=".csv,text/csv" className="pp-file" aria-describedby={describedBy} onChange={(e) => void choose(e)} />
          )}
        </FieldFrame>
        <p role="status" className="pp-progress">
          {work ? (
            <>
              <span className="pp-spinner" aria-hidden="true" />
              {work}
            </>
          ) : null}
        </p>
        <FormError message={problem} />
        {preview && file ? (
          <dl className="pp-facts pp-file-facts">
            <dt>File</dt>
            <dd>{file.name}</dd>
            <dt>Rows</dt>
            <dd>{plural(preview.rowCount, 'person', 'people')} (plus the header row)</dd>
            <dt>Encoding</dt>
            <dd>{preview.encoding}</dd>
            <dt>Delimiter</dt>
            <dd>{delimiterName(preview.delimiter)}</dd>
          </dl>
        ) : null}
      </section>

      {preview ? (
        <>
          <section className="panel pp-import-step" aria-labelledby={`${uid}-columns`}>
            <h2 id={`${uid}-columns`}>2. Match the columns</h2>
            <p className={remembered && !mappingEdited ? 'pp-callout' : 'hint'}>
              {mappingEdited
                ? 'Each change is checked against every row at once.'
                : remembered
                  ? 'This mapping was remembered from the last import into this pilot. Check it still fits this file.'
                  : 'Guessed from the column headings: check each one. The mapping is remembered for the next import into this pilot.'}
            </p>
            {missing.length > 0 ? (
              <p className="error-banner">
                No column is mapped to {missing.map((f) => importFieldLabels[f]).join(', ')}. Each person needs a name, an email and a role: choose the column that holds each.
              </p>
            ) : null}
            <table className="table pp-mapping">
              <caption className="visually-hidden">Columns of the file and what each is imported as</caption>
              <thead>
                <tr>
                  <th scope="col">Column in the file</th>
                  <th scope="col">Import as</th>
                </tr>
              </thead>
              <tbody>
                {preview.headers.map((header, index) => (
                  <tr key={`${header}-${index}`}>
                    <th scope="row" id={`${uid}-h-${index}`}>
                      {header || <span className="muted">(no heading)</span>}
                    </th>
                    <td>
                      <select
                        className="input select"
                        aria-labelledby={`${uid}-h-${index}`}
                        value={mapping[header] ?? ''}
                        onChange={(e) => remap(header, e.target.value as ImportField | '')}
                      >
                        <option value="">Ignore this column</option>
                        {importFields.map((f) => (
                          <option key={f} value={f}>
                            {importFieldLabels[f]}
                            {requiredImportFields.includes(f) ? ' (required)' : ''}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          {preview.sample.length > 0 && mappedFields.length > 0 ? (
            <section className="panel pp-import-step pp-wide-panel" aria-labelledby={`${uid}-sample`}>
              <h2 id={`${uid}-sample`}>3. Check a sample</h2>
              <p className="hint">
                The first {plural(preview.sample.length, 'row')} as they will be read{preview.rowCount > preview.sample.length ? `, of ${count(preview.rowCount)}` : ''}. A value that cannot be
                read is shown as the file has it, with what is wrong.
              </p>
              <div className="pp-scroll-x" role="region" aria-labelledby={`${uid}-sample`} tabIndex={0}>
                <table className="table pp-sample">
                  <caption className="visually-hidden">Sample of the rows as mapped</caption>
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
                      {mappedFields.map((f) => (
                        <th scope="col" key={f}>
                          {importFieldLabels[f]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.sample.map((row) => (
                      <tr key={row.row}>
                        <th scope="row">{row.row}</th>
                        {mappedFields.map((f) => (
                          <SampleCell key={f} row={row} field={f} />
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          <section className="panel pp-import-step pp-wide-panel" aria-labelledby={`${uid}-problems`}>
            <h2 id={`${uid}-problems`}>4. Problems</h2>
            {errors.length === 0 && missing.length === 0 ? (
              <p className="status-ok">No problems found: {preview.rowCount === 1 ? 'the row' : `all ${count(preview.rowCount)} rows`} can be imported.</p>
            ) : null}
            {missing.length > 0 && errors.length === 0 ? <p>The rows are checked once a column is mapped to each required field.</p> : null}
            {errors.length > 0 ? (
              <>
                <p className="pp-problem-summary">
                  {plural(errors.length, 'problem')} in {plural(rowsWithErrors, 'row')}. Nothing can be imported until every row is right: fix them in the file and choose it again, or change the mapping above.
                </p>
                <p className="hint">Rows are numbered by the line of the file they start on, counting the header as line 1 and blank lines too, as a text editor shows them.</p>
                <div className="pp-errors-scroll" role="region" aria-label="Every problem found" tabIndex={0}>
                  <table className="table pp-errors">
                    <caption className="visually-hidden">Every problem found, by row</caption>
                    <thead>
                      <tr>
                        <th scope="col">Row</th>
                        <th scope="col">Column</th>
                        <th scope="col">Problem</th>
                      </tr>
                    </thead>
                    <tbody>
                      {errors.map((e, index) => (
                        <tr key={index}>
                          <td className="pp-num">{e.row}</td>
                          <td>{e.column || <span className="muted">whole row</span>}</td>
                          <td>{e.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : null}
          </section>

          <div className="form-actions pp-import-actions">
            <Button variant="primary" isDisabled={!canImport} busy={runImport.isPending} onPress={() => void importAll()} aria-describedby={canImport ? undefined : `${uid}-why`}>
              {`Import ${people(preview.rowCount)}`}
            </Button>
            <Button onPress={() => navigate(listPath(pilotId))}>Cancel</Button>
            {canImport ? null : (
              <p className="hint" id={`${uid}-why`}>
                {work ? 'Wait for the check to finish.' : missing.length > 0 ? 'Map the required columns first.' : errors.length > 0 ? `Fix the ${plural(errors.length, 'problem')} first.` : 'The file has no rows to import.'}
              </p>
            )}
          </div>
        </>
      ) : null}
    </>
  );
}
