import type { ReactNode } from 'react';
import { FieldFrame } from '../Field';
import { FormError } from '../FormDialog';
import { errorText } from '../errors';
import { count, plural } from '../../../../shared/words';
import type { StagedFileState } from './useStagedFile';
import { formatWords } from './words';
import './imports.css';

/** What a forms tool exports: CSV, or an Excel workbook (Microsoft Forms' default). */
const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Step 1 of an import: the file input, what is happening, and what was found in the file. The input
 * is emptied after each choice, so choosing the same (corrected) file again reads it again.
 */
export function ChooseFile({ staged, description, checking }: { staged: StagedFileState; description: ReactNode; checking: boolean }) {
  const { file, reading, problem, choose } = staged;
  const work = reading ? 'Reading the file…' : checking && file ? `Checking ${plural(file.rowCount, 'row')}…` : undefined;
  return (
    <>
      <FieldFrame label="Responses file" description={description}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="file"
            accept={ACCEPT}
            className="import-file"
            aria-describedby={describedBy}
            onChange={(event) => {
              const picked = event.target.files?.[0];
              event.target.value = '';
              if (picked) void choose(picked);
            }}
          />
        )}
      </FieldFrame>
      <p role="status" className="import-progress">
        {work ? (
          <>
            <span className="import-spinner" aria-hidden="true" />
            {work}
          </>
        ) : null}
      </p>
      <FormError message={problem} />
      {file ? (
        <dl className="import-facts">
          <dt>File</dt>
          <dd>{file.name}</dd>
          <dt>Read as</dt>
          <dd>{formatWords(file)}</dd>
          <dt>Rows</dt>
          <dd>
            {count(file.rowCount)} (not counting the heading row), {plural(file.headers.length, 'column')}
          </dd>
        </dl>
      ) : null}
    </>
  );
}

/** An import's first section: its heading, the file input, and why the file could not be checked. */
export function ChooseFileStep({ headingId, title, previewError, ...choose }: { headingId: string; title: string; previewError: unknown } & Parameters<typeof ChooseFile>[0]) {
  return (
    <section className="panel import-step" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ChooseFile {...choose} />
      <FormError message={previewError ? errorText(previewError) : undefined} />
    </section>
  );
}
