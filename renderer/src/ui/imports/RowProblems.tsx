import { Table } from '../Table';
import { plural } from '../../../../shared/words';
import type { ImportFormat, RowError } from '../../../../shared/imports/contract';
import { rowNumbering } from './words';

/** Every problem found, by row and column: while there is one, nothing can be imported. */
export function RowProblems({ errors, format, fix }: { errors: readonly RowError[]; format: ImportFormat; fix: string }) {
  const rows = new Set(errors.map((e) => e.row)).size;
  return (
    <>
      <p className="import-problem-summary">
        {plural(errors.length, 'problem')} in {plural(rows, 'row')}. Nothing can be imported until every row is right: {fix}
      </p>
      <p className="hint">{rowNumbering(format)}</p>
      <div className="import-errors-scroll" role="region" aria-label="Every problem found" tabIndex={0}>
        <Table
          caption="Every problem found, by row"
          columns={[
            { id: 'row', header: 'Row', className: 'import-num', cell: (e: RowError) => e.row },
            { id: 'column', header: 'Column', cell: (e: RowError) => e.column || <span className="muted">whole row</span> },
            { id: 'problem', header: 'Problem', cell: (e: RowError) => e.message },
          ]}
          rows={errors.map((e, index) => ({ ...e, index }))}
          rowKey={(e) => e.index}
          className="import-errors"
        />
      </div>
    </>
  );
}
