import { Fragment, type AriaAttributes, type Key, type ReactNode } from 'react';
import { Button } from './Button';

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: string;
  direction: SortDirection;
}

export interface Column<Row> {
  /** Stable key of the column; the sort key of a sortable one. */
  id: string;
  header: ReactNode;
  /** Read by screen readers only (an actions column needs a name, not a visible one). */
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** The cell that names its row (`<th scope="row">`): screen readers announce it with each cell of the row. */
  rowHeader?: boolean;
  className?: string;
  headerClassName?: string;
  /** A button in the header sorts by this column (the table's `sort` says which one does now). */
  sortable?: boolean;
}

interface TableProps<Row> extends Pick<AriaAttributes, 'aria-label' | 'aria-labelledby' | 'aria-describedby'> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** What the table holds, for screen readers; shown above it too when `showCaption`. */
  caption?: ReactNode;
  showCaption?: boolean;
  /** For a table whose row headers say it all (a form's choices): the column headers are for screen readers only. */
  hideHeaderRow?: boolean;
  /** Shown instead of the table when there is no row. */
  empty?: ReactNode;
  /** `plain` drops the box, borders and padding, for a small table inside a card or a form that styles its own. */
  look?: 'boxed' | 'plain';
  className?: string;
  rowClassName?: (row: Row) => string | undefined;
  /**
   * A row of its own under a row, across the columns after the first `detailsIndent` (a pair's
   * score breakdown): shown when it returns something. Each row is then grouped with its details
   * in a `<tbody>` of its own.
   */
  details?: (row: Row) => ReactNode;
  detailsIndent?: number;
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
}

/**
 * A data table: a plain semantic `<table>`, so the browser gives screen readers its rows, columns
 * and headers, and Tab moves through the controls in its cells as it does anywhere else on the page.
 */
export function Table<Row>({
  columns,
  rows,
  rowKey,
  caption,
  showCaption = false,
  hideHeaderRow = false,
  empty,
  look = 'boxed',
  className,
  rowClassName,
  details,
  detailsIndent = 0,
  sort,
  onSortChange,
  ...aria
}: TableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const tableClass = [look === 'plain' ? 'table-plain' : 'table', className ?? ''].filter(Boolean).join(' ');

  const bodyRow = (row: Row) => (
    <tr className={details ? undefined : rowClassName?.(row)}>
      {columns.map((column) =>
        column.rowHeader ? (
          <th key={column.id} scope="row" className={column.className}>
            {column.cell(row)}
          </th>
        ) : (
          <td key={column.id} className={column.className}>
            {column.cell(row)}
          </td>
        ),
      )}
    </tr>
  );
  const detailsRow = (row: Row) => {
    const content = details?.(row);
    if (content === undefined || content === null || content === false) return null;
    return (
      <tr className="table-details">
        {Array.from({ length: detailsIndent }, (_, i) => (
          <td key={i} />
        ))}
        <td colSpan={columns.length - detailsIndent}>{content}</td>
      </tr>
    );
  };

  return (
    <table className={tableClass} {...aria}>
      {caption ? <caption className={showCaption ? 'table-caption' : 'visually-hidden'}>{caption}</caption> : null}
      <thead className={hideHeaderRow ? 'visually-hidden' : undefined}>
        <tr>
          {columns.map((column) => (
            <th key={column.id} scope="col" className={column.headerClassName} aria-sort={ariaSort(sort, column.id)}>
              {column.sortable && onSortChange ? (
                <SortButton label={column.header} direction={sort?.column === column.id ? sort.direction : undefined} onPress={() => onSortChange(nextSort(sort, column.id))} />
              ) : column.hideHeader ? (
                <span className="visually-hidden">{column.header}</span>
              ) : (
                column.header
              )}
            </th>
          ))}
        </tr>
      </thead>
      {details ? (
        rows.map((row) => (
          <tbody key={rowKey(row)} className={rowClassName?.(row)}>
            {bodyRow(row)}
            {detailsRow(row)}
          </tbody>
        ))
      ) : (
        <tbody>
          {rows.map((row) => (
            <Fragment key={rowKey(row)}>{bodyRow(row)}</Fragment>
          ))}
        </tbody>
      )}
    </table>
  );
}

/** aria-sort for a column header: only the column the rows are sorted by carries it (WAI-ARIA: one at a time). */
export const ariaSort = (sort: SortState | undefined, column: string): AriaAttributes['aria-sort'] => (sort?.column === column ? sort.direction : undefined);

/** Pressing the active column's header turns its direction round; another column starts ascending. */
export const nextSort = (sort: SortState | undefined, column: string): SortState => ({
  column,
  direction: sort?.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending',
});

/** A column header that sorts: its label, and an arrow that only repeats what aria-sort says. */
export function SortButton({ label, direction, onPress }: { label: ReactNode; direction: SortDirection | undefined; onPress: () => void }) {
  return (
    <Button variant="quiet" className="table-sort" onPress={onPress}>
      {label}
      <span className={`table-sort-mark${direction ? ' table-sort-active' : ''}`} aria-hidden="true">
        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
      </span>
    </Button>
  );
}
