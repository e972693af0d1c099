import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { refreshAfter } from '../../queries';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { EmptyState, ErrorMessage, Loading } from '../../ui/Page';
import { FormError } from '../../ui/FormDialog';
import { useNotices } from '../../ui/Notices';
import { errorText } from '../../ui/errors';
import { useStagedFile } from '../../ui/imports/useStagedFile';
import { ChooseFile } from '../../ui/imports/ChooseFile';
import { ColumnMapping } from '../../ui/imports/ColumnMapping';
import { RowProblems } from '../../ui/imports/RowProblems';
import { usePilotId } from '../../app/usePilotId';
import { plural } from '../../../../shared/words';
import type { RowError } from '../../../../shared/imports/contract';
import type { ResponseColumnMapping, Wave } from '../../../../shared/surveys/contract';
import { useImportResponses, useResponseImportPreview, useSurveysOverview } from './api';
import { useSurveysParams } from './params';
import { useChosenWave, WavePicker } from './WavePicker';

function ImportIntoWave({ wave }: { wave: Wave }) {
  const uid = useId();
  const client = useQueryClient();
  const { notify } = useNotices();
  const staged = useStagedFile();
  const stagedId = staged.file?.stagedId;
  const [chosen, setChosen] = useState<{ stagedId: string; mapping: ResponseColumnMapping }>();
  const mapping = chosen?.stagedId === stagedId ? chosen?.mapping : undefined;
  const runImport = useImportResponses();
  const [importErrors, setImportErrors] = useState<{ stagedId: string; errors: RowError[] }>();
  const [problem, setProblem] = useState<string>();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const previewQuery = useResponseImportPreview(stagedId ? { waveId: wave.id, stagedId, ...(mapping ? { mapping } : {}) } : undefined);
  const preview = stagedId ? previewQuery.data : undefined;
  const checking = previewQuery.isFetching;

  const shownFile = preview ? stagedId : undefined;
  useEffect(() => {
    if (shownFile) resultHeading.current?.focus();
  }, [shownFile]);

  const importAll = async () => {
    if (!preview || !stagedId || !staged.file) return;
    setProblem(undefined);
    try {
      const { imported, skipped } = await runImport.mutateAsync({ waveId: wave.id, stagedId, mapping: preview.mapping });
      const name = staged.file.name;
      staged.clear();
      notify(`Imported ${plural(imported, 'response')} into ${wave.title} from ${name}.${skipped > 0 ? ` ${plural(skipped, 'response was', 'responses were')} already recorded with the same answers.` : ''}`);
      await refreshAfter(client, 'surveys.import');
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
  const fields = preview?.fields ?? [];
  const labels = Object.fromEntries(fields.map((f) => [f.id, f.label]));
  const canImport = Boolean(preview && counts && !checking && missing.length === 0 && errors.length === 0 && counts.new > 0);

  return (
    <>
      <section className="panel import-step" aria-labelledby={`${uid}-file`}>
        <h2 id={`${uid}-file`}>Choose the file</h2>
        <ChooseFile
          staged={staged}
          checking={checking}
          description="Export the responses from Microsoft Forms, Google Forms or Qualtrics as CSV or Excel (.xlsx). Each row is one person: their email or participant code, and one column per question. Nothing is imported until you press Import."
        />
        <FormError message={previewQuery.error ? errorText(previewQuery.error) : undefined} />
      </section>
      {preview && staged.file ? (
        <section className="panel import-step sv-import-result" aria-labelledby={`${uid}-result`}>
          <h2 id={`${uid}-result`} ref={resultHeading} tabIndex={-1}>
            {staged.file.name}: {plural(preview.rowCount, 'row')}
          </h2>
          <h3>Which column holds which question</h3>
          {preview.mappingRemembered && !mapping ? (
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
            onChange={(header, field) => setChosen({ stagedId: stagedId!, mapping: { ...preview.mapping, [header]: field } })}
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
  const pilotId = usePilotId();
  const overview = useSurveysOverview(pilotId);
  const { set } = useSurveysParams();
  const chosen = useChosenWave(overview.data?.waves ?? []);
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorMessage error={overview.error} />;
  if (!chosen) {
    return (
      <EmptyState title="No waves yet" action={<Button onPress={() => set({ tab: 'waves' })}>Go to Waves</Button>}>
        Responses are imported into a wave: add one first.
      </EmptyState>
    );
  }
  return (
    <div className="import-logs">
      <div className="toolbar">
        <WavePicker waves={overview.data.waves} chosen={chosen} label="Import into the wave" />
      </div>
      <ImportIntoWave key={chosen.id} wave={chosen} />
    </div>
  );
}
