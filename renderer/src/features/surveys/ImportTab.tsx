import { useMappedImport, type MappedFile } from '../../ui/imports/useMappedImport';
import { ChooseFileStep } from '../../ui/imports/ChooseFile';
import { MappedImportResult } from '../../ui/imports/MappedImportResult';
import { plural } from '../../../../shared/words';
import type { ResponseColumnMapping, Wave } from '../../../../shared/surveys/contract';
import { useImportResponses } from './api';
import { WaveTab } from './WavePicker';

function ImportIntoWave({ wave }: { wave: Wave }) {
  const runImport = useImportResponses();
  const { preview, remap, errors, missing, counts, canImport, fileStep, resultStep } = useMappedImport('surveys.importPreview', {
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
      <ChooseFileStep
        {...fileStep}
        title="Choose the file"
        description="Export the responses from Microsoft Forms, Google Forms or Qualtrics as CSV or Excel (.xlsx). Each row is one person: their email or participant code, and one column per question. Nothing is imported until you press Import."
      />
      {preview && resultStep ? (
        <MappedImportResult
          {...resultStep}
          className="sv-import-result"
          mappingTitle="Which column holds which question"
          rememberedNote="This mapping was remembered from the last import of this questionnaire (by the columns’ headings). Check it still fits this file."
          guessedNote="Columns are matched to questions by their text. Answers may be the labels (“Strongly agree”, in any case) or the point’s number. Columns you do not need are ignored."
          mapping={{ columns: preview.columns, mapping: preview.mapping, fields: fields.map((f) => f.id), labels, required: fields.filter((f) => f.required).map((f) => f.id), onChange: remap }}
          missingNote={missing.length > 0 ? `No column holds: ${missing.map((f) => labels[f] ?? f).join(', ')}. Choose one above.` : undefined}
          status={
            counts && canImport ? (
              <p className="status-ok">
                {plural(counts.new, 'response')} can be imported{counts.unchanged > 0 ? `; ${plural(counts.unchanged, 'is', 'are')} already recorded with the same answers and will be skipped` : ''}.
              </p>
            ) : counts && errors.length === 0 && missing.length === 0 && counts.new === 0 && counts.unchanged > 0 ? (
              <p className="status-ok">Every response in this file is already recorded.</p>
            ) : null
          }
          importing={runImport.isPending}
          importLabel={counts && counts.new > 0 ? `Import ${plural(counts.new, 'response')}` : 'Import'}
        />
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
