import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { logImportFieldLabels, logImportFields, requiredLogImportFields, type LogColumnMapping, type LogImportField } from '../../../../shared/logs/contract';
import { plural } from '../../../../shared/words';
import { ApiError } from '../../api';
import { refreshAfter, useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { useNotices } from '../../ui/Notices';
import { FormError } from '../../ui/FormDialog';
import { errorText } from '../../ui/errors';
import { Callout } from '../../ui/Callout';
import { useImportPreview, useStagedFile } from '../../ui/imports/useStagedFile';
import { ChooseFile } from '../../ui/imports/ChooseFile';
import { ColumnMapping } from '../../ui/imports/ColumnMapping';
import { RowProblems } from '../../ui/imports/RowProblems';
import { usePilotId } from '../../app/usePilotId';
import type { RowError } from '../../../../shared/imports/contract';

/** Logs people wrote in an online form: the export is read once, the mapping and every row checked, then all rows are imported or none. */
export function ImportLogs() {
  const uid = useId();
  const pilotId = usePilotId();
  const client = useQueryClient();
  const { notify } = useNotices();
  const staged = useStagedFile();
  const stagedId = staged.file?.stagedId;
  const [chosen, setChosen] = useState<{ stagedId: string; mapping: LogColumnMapping }>();
  const mapping = chosen?.stagedId === stagedId ? chosen?.mapping : undefined;
  const runImport = useCommand('logs.import', { refresh: false });
  // Found at import time (say, a log submitted meanwhile): shown in the same table as the preview's.
  const [importErrors, setImportErrors] = useState<{ stagedId: string; errors: RowError[] }>();
  const [problem, setProblem] = useState<string>();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const previewQuery = useImportPreview('logs.importPreview', stagedId ? { pilotId, stagedId, ...(mapping ? { mapping } : {}) } : undefined);
  const preview = stagedId ? previewQuery.data : undefined;
  const checking = previewQuery.isFetching;

  // A new file moves focus to what was read; changing a column keeps it on the column's select.
  const shownFile = preview ? stagedId : undefined;
  useEffect(() => {
    if (shownFile) resultHeading.current?.focus();
  }, [shownFile]);

  const remap = (header: string, field: LogImportField | '') => {
    if (!preview || !stagedId) return;
    setChosen({ stagedId, mapping: { ...preview.mapping, [header]: field } });
  };

  const importAll = async () => {
    if (!preview || !stagedId || !staged.file) return;
    setProblem(undefined);
    try {
      const { imported } = await runImport.mutateAsync({ pilotId, stagedId, mapping: preview.mapping });
      const name = staged.file.name;
      staged.clear();
      notify(`Imported ${plural(imported, 'log')} from ${name}. They count as submitted.`);
      await refreshAfter(client, 'logs.import');
    } catch (error) {
      if (error instanceof ApiError && error.issues.some((i) => i.path[0] === 'rows')) {
        setImportErrors({ stagedId, errors: error.issues.map((i) => ({ row: Number(i.path[1]), column: String(i.path[2] ?? ''), message: i.message })) });
      }
      setProblem(errorText(error));
    }
  };

  const errors = (importErrors?.stagedId === stagedId ? importErrors?.errors : undefined) ?? preview?.errors ?? [];
  const missing = preview?.missingFields ?? [];
  const counts = preview?.counts;
  const canImport = Boolean(preview && counts && !checking && missing.length === 0 && errors.length === 0 && counts.new > 0);

  return (
    <div className="import-logs">
      <p className="section-intro">
        When people write their logs in an online form (Microsoft Forms, Google Forms, Qualtrics), export the responses as CSV or Excel and import them here. Each row is one log: the author’s email, the
        meeting number and the six Gibbs stages. Imported logs count as submitted; a log already submitted is never overwritten.
      </p>
      <section className="panel import-step" aria-labelledby={`${uid}-file`}>
        <h2 id={`${uid}-file`}>Choose the file</h2>
        <ChooseFile staged={staged} checking={checking} description="CSV (comma-, semicolon- or tab-separated, any common encoding) or an Excel workbook (.xlsx). Nothing is imported until you press Import." />
        <FormError message={previewQuery.error ? errorText(previewQuery.error) : undefined} />
      </section>
      {preview && staged.file ? (
        <section className="panel import-step" aria-labelledby={`${uid}-result`}>
          <h2 id={`${uid}-result`} ref={resultHeading} tabIndex={-1}>
            {staged.file.name}: {plural(preview.rowCount, 'row')}
          </h2>
          <h3>Which column holds what</h3>
          {preview.mappingRemembered && !mapping ? (
            <Callout>This mapping was remembered from the last log import into this pilot (by the columns’ headings). Check it still fits this file.</Callout>
          ) : (
            <p className="hint">Each heading of the file, its first values, and the part of a log it holds. Columns you do not need (a timestamp, say) are ignored.</p>
          )}
          <ColumnMapping columns={preview.columns} mapping={preview.mapping} fields={logImportFields} labels={logImportFieldLabels} required={requiredLogImportFields} onChange={remap} />
          {missing.length > 0 ? (
            <p className="error-banner" role="alert">
              No column holds: {missing.map((f) => logImportFieldLabels[f]).join(', ')}. Choose one for each above.
            </p>
          ) : null}
          {errors.length > 0 ? <RowProblems errors={errors} format={preview.format} fix="correct the file and choose it again, or change the mapping above." /> : null}
          {canImport ? <p className="status-ok">All {plural(preview.rowCount, 'row')} can be imported.</p> : null}
          <FormError message={problem} />
          <div className="form-actions import-actions">
            <Button variant="primary" isDisabled={!canImport} busy={runImport.isPending} onPress={() => void importAll()}>
              {preview.rowCount > 0 ? `Import ${plural(preview.rowCount, 'log')}` : 'Import'}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
