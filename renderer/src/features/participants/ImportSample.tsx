import { Table, type Column } from '../../ui/Table';
import { roleLabels, importFieldLabels, type ImportField, type ImportSampleRow } from '../../../../shared/participants/contract';
import { slotLabel } from '../../../../shared/participants/availability';

/** A sample value as the main process read it, in words. */
function readValue(row: ImportSampleRow, field: ImportField): string {
  const value = row.read[field];
  if (value === undefined) return '';
  if (field === 'role') return roleLabels[value as 'mentor' | 'mentee'];
  if (field === 'availability') return (value as string[]).map(slotLabel).join(', ');
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** One cell of the sample: what will be imported, or what the file says and why it cannot be read. */
function SampleValue({ row, field }: { row: ImportSampleRow; field: ImportField }) {
  const problem = row.problems[field];
  if (problem) {
    const raw = row.raw[field] ?? '';
    return (
      <>
        {raw ? <span className="import-raw">“{raw}”</span> : <span className="muted">blank</span>}
        <span className="import-cannot">Cannot be read: {problem}</span>
      </>
    );
  }
  return <>{readValue(row, field) || <span className="muted">blank</span>}</>;
}

/** The first rows of the file as they will be imported, valid or not, so a wrong mapping shows at once. */
export function ImportSample({ sample, fields }: { sample: readonly ImportSampleRow[]; fields: readonly ImportField[] }) {
  const columns: Column<ImportSampleRow>[] = [
    { id: 'row', header: 'Row', rowHeader: true, cell: (row) => row.row },
    ...fields.map((field) => ({ id: field, header: importFieldLabels[field], cell: (row: ImportSampleRow) => <SampleValue row={row} field={field} /> })),
  ];
  return (
    <div className="import-scroll-x" role="region" aria-label="Sample of the rows as mapped" tabIndex={0}>
      <Table caption="Sample of the rows as mapped" columns={columns} rows={sample} rowKey={(row) => row.row} rowClassName={(row) => (Object.keys(row.problems).length > 0 ? 'import-bad' : undefined)} />
    </div>
  );
}
