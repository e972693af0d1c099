import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { importFieldLabels, importFields, requiredImportFields, type ColumnMapping as Mapping } from '../../../../shared/participants/contract';
import { count, people, plural } from '../../../../shared/words';
import { useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/Page';
import { Callout } from '../../ui/Callout';
import { FormError } from '../../ui/FormDialog';
import { useMappedImport, type MappedFile } from '../../ui/imports/useMappedImport';
import { ChooseFileStep } from '../../ui/imports/ChooseFile';
import { ColumnMapping } from '../../ui/imports/ColumnMapping';
import { RowProblems } from '../../ui/imports/RowProblems';
import { usePilotId } from '../../app/usePilotId';
import { participantsPath } from '../../app/paths';
import { listPath } from './list-memory';
import { ImportSample } from './ImportSample';
import { RegisteredPeople } from './RegisteredPeople';

/**
 * Expressions of interest from a forms tool's export (CSV, or Microsoft Forms' Excel workbook): the
 * file is read once in the main process; each change of a column re-checks every row there; people
 * already registered are skipped or, where the coordinator confirms, updated; every new person is
 * imported or none is.
 */
export function ImportWizard() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const [confirmed, setConfirmed] = useState<{ stagedId: string; ids: ReadonlySet<number> }>();
  const runImport = useCommand('participants.import', { refresh: false });
  const { uid, staged, preview, checking, remapped, remap, errors, missing, counts, ready, problem, importAll, fileStep } = useMappedImport('participants.importPreview', {
    previewInput: (file: MappedFile<Mapping>) => ({ pilotId, ...file }),
    // Ticked changes to people already registered are written with the new people.
    importFile: (file) => runImport.mutateAsync({ pilotId, ...file, updates }),
    importedNotice: (result, name) => {
      const more = [result.updated > 0 ? `updated ${people(result.updated)} already registered` : '', result.skipped > 0 ? `left ${people(result.skipped)} already registered as they were` : '']
        .filter(Boolean)
        .join(', and ');
      return `Imported ${people(result.imported)} from ${name}${more ? `; ${more}` : ''}.`;
    },
    afterImport: () => void navigate(participantsPath(pilotId)),
    refresh: 'participants.import',
  });
  const stagedId = staged.file?.stagedId;
  const changes = preview?.changes ?? [];
  // Only confirmations for this file, and for people the file (with this mapping) still changes.
  const ticked = confirmed && confirmed.stagedId === stagedId ? confirmed.ids : new Set<number>();
  const updates: number[] = changes.map((c) => c.participantId).filter((id) => ticked.has(id));

  const confirm = (participantId: number, apply: boolean) => {
    if (!stagedId) return;
    const ids = new Set(ticked);
    if (apply) ids.add(participantId);
    else ids.delete(participantId);
    setConfirmed({ stagedId, ids });
  };

  const toWrite = (counts?.new ?? 0) + updates.length;
  const canImport = ready && toWrite > 0;
  const mappedFields = importFields.filter((f) => Object.values(preview?.mapping ?? {}).includes(f));
  // While rows have problems, the button counts them too: they are people the file means to add.
  const toAdd = (counts?.new ?? 0) + (errors.length > 0 ? (counts?.invalid ?? 0) : 0);
  const importLabel = !counts
    ? 'Import'
    : toAdd > 0 && updates.length > 0
      ? `Import ${people(toAdd)} and update ${count(updates.length)}`
      : updates.length > 0
        ? `Update ${people(updates.length)}`
        : `Import ${people(toAdd)}`;
  const whyNot = checking
    ? 'Wait for the check to finish.'
    : missing.length > 0
      ? 'Map the required columns first.'
      : errors.length > 0
        ? `Fix the ${plural(errors.length, 'problem')} first.`
        : 'Everyone in this file is already registered, and no change is ticked: there is nothing to import.';

  return (
    <>
      <p className="back-link">
        <Link to={listPath(pilotId)}>All participants</Link>
      </p>
      <PageHeader
        title="Import expressions of interest"
        description="Read the responses to your expression-of-interest form from its export: CSV, or the Excel workbook Microsoft Forms makes. Nothing is saved until you press Import, and then every new person is imported or none is."
      />
      <ChooseFileStep
        {...fileStep}
        title="1. Choose the file"
        description="Exported from your forms tool (Microsoft Forms, Google Forms, Qualtrics…) as CSV or Excel (.xlsx). Exports that hold every response so far are fine: people already registered are recognised by their email."
      />

      {preview ? (
        <>
          <section className="panel import-step" aria-labelledby={`${uid}-columns`}>
            <h2 id={`${uid}-columns`}>2. Match the columns</h2>
            {preview.mappingRemembered && !remapped ? (
              <Callout>This mapping was remembered from the last import into this pilot (by the columns’ headings). Check it still fits this file.</Callout>
            ) : (
              <p className="hint">
                {remapped
                  ? 'Each change is checked against every row at once.'
                  : 'Guessed from the column headings and their first values: check each one. The mapping is remembered for the next import into this pilot.'}
              </p>
            )}
            {missing.length > 0 ? (
              <p className="error-banner">
                No column is mapped to {missing.map((f) => importFieldLabels[f]).join(', ')}. Each person needs a name, an email and a role: choose the column that holds each.
              </p>
            ) : null}
            <ColumnMapping columns={preview.columns} mapping={preview.mapping} fields={importFields} labels={importFieldLabels} required={requiredImportFields} onChange={remap} />
          </section>

          {preview.sample.length > 0 && mappedFields.length > 0 ? (
            <section className="panel import-step" aria-labelledby={`${uid}-sample`}>
              <h2 id={`${uid}-sample`}>3. Check a sample</h2>
              <p className="hint">
                The first {plural(preview.sample.length, 'row')} as they will be read{preview.rowCount > preview.sample.length ? `, of ${count(preview.rowCount)}` : ''}. A value that cannot be read is
                shown as the file has it, with what is wrong.
              </p>
              <ImportSample sample={preview.sample} fields={mappedFields} />
            </section>
          ) : null}

          {counts && missing.length === 0 ? (
            <section className="panel import-step" aria-labelledby={`${uid}-result`}>
              <h2 id={`${uid}-result`}>4. What the import will do</h2>
              <ul className="import-counts">
                <li>
                  <strong>{count(counts.new)}</strong> new {counts.new === 1 ? 'person' : 'people'}: added as interested
                </li>
                <li>
                  <strong>{count(counts.unchanged)}</strong> already registered, nothing different: left as they are
                </li>
                <li>
                  <strong>{count(counts.changed)}</strong> already registered with different details: updated only if you tick them below
                </li>
                <li>
                  <strong>{plural(counts.invalid, 'row')}</strong> with problems
                </li>
              </ul>
              {changes.length > 0 ? <RegisteredPeople changes={changes} confirmed={new Set(updates)} onConfirm={confirm} /> : null}
              {errors.length === 0 ? (
                <p className="status-ok">No problems found: {preview.rowCount === 1 ? 'the row' : `all ${count(preview.rowCount)} rows`} can be read.</p>
              ) : (
                <RowProblems errors={errors} format={preview.format} fix="fix them in the file and choose it again, or change the mapping above." />
              )}
              {errors.some((e) => /is already registered/.test(e.message)) ? (
                <p className="hint">
                  Someone already registered can come back in a later export: they are matched by email and never stop the import, unless the file gives them the other role (student or staff).
                  Change a person’s role on their own page.
                </p>
              ) : null}
            </section>
          ) : errors.length > 0 ? (
            <section className="panel import-step" aria-labelledby={`${uid}-result`}>
              <h2 id={`${uid}-result`}>4. Problems</h2>
              <RowProblems errors={errors} format={preview.format} fix="change the mapping above." />
            </section>
          ) : null}

          <FormError message={problem} />
          <div className="form-actions import-actions">
            <Button variant="primary" isDisabled={!canImport} busy={runImport.isPending} onPress={() => void importAll()} aria-describedby={canImport ? undefined : `${uid}-why`}>
              {importLabel}
            </Button>
            <Button onPress={() => navigate(listPath(pilotId))}>Cancel</Button>
            {canImport ? null : (
              <p className="hint" id={`${uid}-why`}>
                {whyNot}
              </p>
            )}
          </div>
        </>
      ) : null}
    </>
  );
}
