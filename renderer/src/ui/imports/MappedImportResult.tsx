import type { ReactNode, RefObject } from 'react';
import { Button } from '../Button';
import { Callout } from '../Callout';
import { FormError } from '../FormDialog';
import { plural } from '../../../../shared/words';
import type { ImportFormat, RowError } from '../../../../shared/imports/contract';
import { ColumnMapping, type ColumnMappingProps } from './ColumnMapping';
import { RowProblems } from './RowProblems';

interface MappedImportResultProps<F extends string> {
  headingId: string;
  /** Focused when a new file has been read (useMappedImport's `resultHeading`). */
  headingRef: RefObject<HTMLHeadingElement | null>;
  fileName: string;
  rowCount: number;
  className?: string;
  /** What the mapping table is about ("Which column holds what"). */
  mappingTitle: string;
  /** The mapping was remembered from an earlier import and has not been changed for this file. */
  remembered: boolean;
  rememberedNote: string;
  guessedNote: string;
  mapping: ColumnMappingProps<F>;
  /** What is said while required fields have no column; nothing when every one has. */
  missingNote?: string;
  errors: readonly RowError[];
  format: ImportFormat;
  /** What the file would do, once it can be imported (or why there is nothing to). */
  status: ReactNode;
  problem: string | undefined;
  canImport: boolean;
  importing: boolean;
  importLabel: string;
  onImport: () => void;
}

/**
 * A one-step import's result under the file: its name and rows, which column holds what
 * (remembered or guessed), the required fields still without a column, every row's problems,
 * and the Import button.
 */
export function MappedImportResult<F extends string>(props: MappedImportResultProps<F>) {
  const { headingId, headingRef, fileName, rowCount, className, mappingTitle, remembered, rememberedNote, guessedNote, mapping, missingNote, errors, format, status, problem } = props;
  return (
    <section className={['panel import-step', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {fileName}: {plural(rowCount, 'row')}
      </h2>
      <h3>{mappingTitle}</h3>
      {remembered ? <Callout>{rememberedNote}</Callout> : <p className="hint">{guessedNote}</p>}
      <ColumnMapping {...mapping} />
      {missingNote ? (
        <p className="error-banner" role="alert">
          {missingNote}
        </p>
      ) : null}
      {errors.length > 0 ? <RowProblems errors={errors} format={format} fix="correct the file and choose it again, or change the mapping above." /> : null}
      {status}
      <FormError message={problem} />
      <div className="form-actions import-actions">
        <Button variant="primary" isDisabled={!props.canImport} busy={props.importing} onPress={props.onImport}>
          {props.importLabel}
        </Button>
      </div>
    </section>
  );
}
