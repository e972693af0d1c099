import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { FormError } from '../../ui/FormDialog';
import { errorText } from '../../ui/errors';
import { useMappedImport, type MappedFile } from '../../ui/imports/useMappedImport';
import { ChooseFile } from '../../ui/imports/ChooseFile';
import { ColumnMapping } from '../../ui/imports/ColumnMapping';
import { RowProblems } from '../../ui/imports/RowProblems';
import { plural } from '../../../../shared/words';
import type { ResponseColumnMapping, Wave } from '../../../../shared/surveys/contract';
import { useImportResponses } from './api';
import { WaveTab } from './WavePicker';

function ImportIntoWave({ wave }: { wave: Wave }) {
  const runImport = useImportResponses();
  const { uid, staged, preview, previewError, checking, remapped, remap, errors, missing, counts, canImport, problem, resultHeading, importAll } = useMappedImport('surveys.importPreview', {
    previewInput: (file: MappedFile<ResponseColumnMapping>) => ({ waveId: wave.id, ...file }),
    importFile: (file) => runImport.mutateAsync({ waveId: wave.id, ...file }),
    importedNotice: ({ imported, skipped }, name) =>
      `Imported ${plural(imported, 'response')} into ${wave.title} from ${name}.${skipped > 0 ? ` ${plural(skipped, 'response was', 'responses were')} already recorded with the same answers.` : ''}`,
    refresh: 'surveys.import',
  });

  const fields = preview?.fields ?? [];
  const labels = Object.fromEntries(fields.map((f) => [f.id, f.label]));

  return (
    <>
      <section className="panel import-step" aria-labelledby={`${uid}-file`}>
        <h2 id={`${uid}-file`}>Choose the file</h2>
        <ChooseFile
          staged={staged}
          checking={checking}
          description="Export the responses from Microsoft Forms, Google Forms or Qualtrics as CSV or Excel (.xlsx). Each row is one person: their email or participant code, and one column per question. Nothing is imported until you press Import."
        />
        <FormError message={previewError ? errorText(previewError) : undefined} />
      </section>
      {preview && staged.file ? (
        <section className="panel import-step sv-import-result" aria-labelledby={`${uid}-result`}>
          <h2 id={`${uid}-result`} ref={resultHeading} tabIndex={-1}>
            {staged.file.name}: {plural(preview.rowCount, 'row')}
          </h2>
          <h3>Which column holds which question</h3>
          {preview.mappingRemembered && !remapped ? (
            <Callout>This mapping was remembered from the last import of this questionnaire (by the columns’ headings). Check it still fits this file.</Callout>
          ) : (
            <p className="hint">Columns are matched to questions by their text. Answers may be the labels (“Strongly agree”, in any case) or the point’s number. Columns you do not need are ignored.</p>
          )}
          <ColumnMapping
            columns={preview.columns}
            mapping={preview.mapping}
            fields={fields.map((f) => f.id)}
            labels={labels}
            required={fields.filter((f) => f.required).map((f) => f.id)}
            onChange={remap}
          />
          {missing.length > 0 ? (
            <p className="error-banner" role="alert">
              No column holds: {missing.map((f) => labels[f] ?? f).join(', ')}. Choose one above.
            </p>
          ) : null}
          {errors.length > 0 ? <RowProblems errors={errors} format={preview.format} fix="correct the file and choose it again, or change the mapping above." /> : null}
          {counts && canImport ? (
            <p className="status-ok">
              {plural(counts.new, 'response')} can be imported{counts.unchanged > 0 ? `; ${plural(counts.unchanged, 'is', 'are')} already recorded with the same answers and will be skipped` : ''}.
            </p>
          ) : null}
          {counts && !canImport && errors.length === 0 && missing.length === 0 && counts.new === 0 && counts.unchanged > 0 ? <p className="status-ok">Every response in this file is already recorded.</p> : null}
          <FormError message={problem} />
          <div className="form-actions import-actions">
            <Button variant="primary" isDisabled={!canImport} busy={runImport.isPending} onPress={() => void importAll()}>
              {counts && counts.new > 0 ? `Import ${plural(counts.new, 'response')}` : 'Import'}
            </Button>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** A forms tool's export read into a wave: every row or none. */
export function ImportTab() {
  return (
    <WaveTab noWaves="Responses are imported into a wave" pickerLabel="Import into the wave" className="import-logs">
      {(wave) => <ImportIntoWave wave={wave} />}
    </WaveTab>
  );
}
