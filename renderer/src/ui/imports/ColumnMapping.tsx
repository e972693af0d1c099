import { useId } from 'react';
import { Table, type Column } from '../Table';
import type { ColumnExamples } from '../../../../shared/imports/contract';

export interface ColumnMappingProps<F extends string> {
  columns: readonly ColumnExamples[];
  mapping: Readonly<Record<string, F | ''>>;
  fields: readonly F[];
  labels: Record<F, string>;
  required: readonly F[];
  onChange: (header: string, field: F | '') => void;
}

/**
 * Which column of the file holds what, with the first few values of each column beside it: forms
 * tools add columns of their own (Microsoft Forms' "Email" holds "anonymous"), and the values show
 * which column is the one the form asked for.
 */
export function ColumnMapping<F extends string>({ columns, mapping, fields, labels, required, onChange }: ColumnMappingProps<F>) {
  const uid = useId();
  const rows = columns.map((column, index) => ({ ...column, index }));
  const tableColumns: Column<(typeof rows)[number]>[] = [
    {
      id: 'header',
      header: 'Column in the file',
      rowHeader: true,
      cell: (row) => <span id={`${uid}-${row.index}`}>{row.header}</span>,
    },
    {
      id: 'examples',
      header: 'First values',
      className: 'import-examples',
      cell: (row) =>
        row.examples.length > 0 ? (
          <ul>
            {row.examples.map((example, i) => (
              <li key={i}>{example}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">no answers</span>
        ),
    },
    {
      id: 'field',
      header: 'Import as',
      cell: (row) => (
        <select className="input select import-select" aria-labelledby={`${uid}-${row.index}`} value={Object.hasOwn(mapping, row.header) ? mapping[row.header] : ''} onChange={(e) => onChange(row.header, e.target.value as F | '')}>
          <option value="">Ignore this column</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {labels[f]}
              {required.includes(f) ? ' (required)' : ''}
            </option>
          ))}
        </select>
      ),
    },
  ];
  return <Table caption="Columns of the file, their first values, and what each is imported as" columns={tableColumns} rows={rows} rowKey={(row) => row.index} className="import-mapping" />;
}
