import { logImportFieldLabels, logImportFields, requiredLogImportFields, type LogColumnMapping } from '../../../../shared/logs/contract';
import { plural } from '../../../../shared/words';
import { useCommand } from '../../queries';
import { useMappedImport, type MappedFile } from '../../ui/imports/useMappedImport';
import { ChooseFileStep } from '../../ui/imports/ChooseFile';
import { MappedImportResult } from '../../ui/imports/MappedImportResult';
import { usePilotId } from '../../app/usePilotId';

/** Logs people wrote in an online form: the export is read once, the mapping and every row checked, then all rows are imported or none. */
export function ImportLogs() {
  const pilotId = usePilotId();
  const runImport = useCommand('logs.import', { refresh: false });
  const { preview, remap, missing, canImport, fileStep, resultStep } = useMappedImport('logs.importPreview', {
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
      <ChooseFileStep
        {...fileStep}
        title="Choose the file"
        description="CSV (comma-, semicolon- or tab-separated, any common encoding) or an Excel workbook (.xlsx). Nothing is imported until you press Import."
      />
      {preview && resultStep ? (
        <MappedImportResult
          {...resultStep}
          mappingTitle="Which column holds what"
          rememberedNote="This mapping was remembered from the last log import into this pilot (by the columns’ headings). Check it still fits this file."
          guessedNote="Each heading of the file, its first values, and the part of a log it holds. Columns you do not need (a timestamp, say) are ignored."
          mapping={{ columns: preview.columns, mapping: preview.mapping, fields: logImportFields, labels: logImportFieldLabels, required: requiredLogImportFields, onChange: remap }}
          missingNote={missing.length > 0 ? `No column holds: ${missing.map((f) => logImportFieldLabels[f]).join(', ')}. Choose one for each above.` : undefined}
          status={canImport ? <p className="status-ok">All {plural(preview.rowCount, 'row')} can be imported.</p> : null}
          importing={runImport.isPending}
          importLabel={preview.rowCount > 0 ? `Import ${plural(preview.rowCount, 'log')}` : 'Import'}
        />
      ) : null}
    </div>
  );
}
