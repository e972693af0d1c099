import type { ReactNode } from 'react';
import { Table, type Column } from '../../ui/Table';

interface ConcernPartsTableProps<Row extends { id: number }> {
  caption: string;
  rows: readonly Row[];
  columns: Column<Row>[];
  /** The row's buttons, only while the concern is open (a closed one is reopened first). */
  actions: ((row: Row) => ReactNode) | undefined;
  /** Said instead of the table when there is no row yet. */
  empty: ReactNode;
}

/** One kind of a concern's records (referrals, follow-ups) as a plain table in its card. */
export function ConcernPartsTable<Row extends { id: number }>({ caption, rows, columns, actions, empty }: ConcernPartsTableProps<Row>) {
  return (
    <Table
      caption={caption}
      look="plain"
      className="sg-table"
      rows={rows}
      rowKey={(row) => row.id}
      empty={empty}
      columns={actions ? [...columns, { id: 'actions', header: 'Actions', hideHeader: true, className: 'cell-actions', cell: actions }] : columns}
    />
  );
}
