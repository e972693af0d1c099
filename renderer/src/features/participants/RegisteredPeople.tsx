import { Table, type Column } from '../../ui/Table';
import { importFieldLabels, type ImportChange } from '../../../../shared/participants/contract';

/** One difference, in words that do not lean on the colours: "Department: Faculty of Arts → Registry". */
function Difference({ difference }: { difference: ImportChange['differences'][number] }) {
  return (
    <span className="import-difference">
      {importFieldLabels[difference.field]}: <del>{difference.from || 'blank'}</del> <span aria-hidden="true">→</span>
      <span className="visually-hidden"> becomes </span> <ins>{difference.to}</ins>
    </span>
  );
}

/**
 * People already registered whose row in the file says something different (a cumulative export
 * holds everyone who answered so far). Nothing of theirs changes unless it is ticked here.
 */
export function RegisteredPeople({ changes, confirmed, onConfirm }: { changes: readonly ImportChange[]; confirmed: ReadonlySet<number>; onConfirm: (participantId: number, apply: boolean) => void }) {
  const columns: Column<ImportChange>[] = [
    { id: 'row', header: 'Row', className: 'import-num', cell: (c) => c.row },
    {
      id: 'person',
      header: 'Person',
      rowHeader: true,
      cell: (c) => (
        <>
          {c.name}
          <span className="hint import-difference">{c.email}</span>
        </>
      ),
    },
    { id: 'changes', header: 'What the file changes', cell: (c) => c.differences.map((d) => <Difference key={d.field} difference={d} />) },
    {
      id: 'apply',
      header: 'Update',
      cell: (c) => (
        <label className="checkbox-field">
          <input type="checkbox" checked={confirmed.has(c.participantId)} onChange={(e) => onConfirm(c.participantId, e.target.checked)} />
          <span>
            Apply<span className="visually-hidden"> the changes to {c.name}</span>
          </span>
        </label>
      ),
    },
  ];
  return (
    <>
      <h3>Already registered, with different details</h3>
      <p className="hint">A blank answer never clears what is registered. Tick the people whose details should change; the others are left as they are.</p>
      <Table caption="People already registered whose details the file changes" columns={columns} rows={changes} rowKey={(c) => c.participantId} className="import-changes" />
    </>
  );
}
