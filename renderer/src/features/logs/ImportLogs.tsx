import { logImportFieldLabels, logImportFields, requiredLogImportFields, type LogColumnMapping } from '../../../../shared/logs/contract';
import { plural } from '../../../../shared/words';
import { useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/FormDialog';
import { errorText } from '../../ui/errors';
import { Callout } from '../../ui/Callout';
import { useMappedImport, type MappedFile } from '../../ui/imports/useMappedImport';
import { ChooseFile } from '../../ui/imports/ChooseFile';
import { ColumnMapping } from '../../ui/imports/ColumnMapping';
import { RowProblems } from '../../ui/imports/RowProblems';
import { usePilotId } from '../../app/usePilotId';

/** Logs people wrote in an online form: the export is read once, the mapping and every row checked, then all rows are imported or none. */
export function ImportLogs() {
  const pilotId = usePilotId();
  const runImport = useCommand('logs.import', { refresh: false });
  const { uid, staged, preview, previewError, checking, remapped, remap, errors, missing, canImport, problem, resultHeading, importAll } = useMappedImport('logs.importPreview', {
    previewInput: (file: MappedFile<LogColumnMapping>) => ({ pilotId, ...file }),
    importFile: (file) => runImport.mutateAsync({ pilotId, ...file }),
    importedNotice: ({ imported }, name) => `Imported ${plural(imported, 'log')} from ${name}. They count as submitted.`,
    refresh: 'logs.import',
  });

  return (
    <div className="import-logs">
      <p className="section-intro">
        When people write their logs in an online form (Microsoft Forms, Google Forms, Qualtrics), export the responses as CSV or Excel and import them here. Each row is one log: the author’s email, the
        meeting number and the six Gibbs stages. Imported logs count as submitted; a log already submitted is never overwritten.
      </p>
      <section className="panel import-step" aria-labelledby={`${uid}-file`}>
        <h2 id={`${uid}-file`}>Choose the file</h2>
        <ChooseFile staged={staged} checking={checking} description="CSV (comma-, semicolon- or tab-separated, any common encoding) or an Excel workbook (.xlsx). Nothing is imported until you press Import." />
        <FormError message={previewError ? errorText(previewError) : undefined} />
      </section>
      {preview && staged.file ? (
        <section className="panel import-step" aria-labelledby={`${uid}-result`}>
          <h2 id={`${uid}-result`} ref={resultHeading} tabIndex={-1}>
            {staged.file.name}: {plural(preview.rowCount, 'row')}
          </h2>
          <h3>Which column holds what</h3>
          {preview.mappingRemembered && !remapped ? (
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
