// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Table, type Column, type SortState } from '../Table';

interface Person {
  id: number;
  name: string;
  role: string;
}
const people: Person[] = [
  { id: 1, name: 'Amara Nwosu', role: 'Mentor' },
  { id: 2, name: 'Helen Marsh', role: 'Mentee' },
];
const columns: Column<Person>[] = [
  { id: 'name', header: 'Name', rowHeader: true, cell: (p) => p.name, sortable: true },
  { id: 'role', header: 'Role', cell: (p) => p.role, sortable: true },
  { id: 'actions', header: 'Actions', hideHeader: true, cell: (p) => <button type="button">Edit {p.name}</button> },
];

afterEach(cleanup);

describe('Table', () => {
  it('is a table named by its caption, with column headers and a header naming each row', () => {
    render(<Table caption="People in the pilot" columns={columns} rows={people} rowKey={(p) => p.id} />);
    const table = screen.getByRole('table', { name: 'People in the pilot' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Role', 'Actions']);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('Amara Nwosu');
    expect(within(rows[2]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Mentee', 'Edit Helen Marsh']);
  });

  it('shows its empty state instead of an empty table', () => {
    render(<Table caption="People in the pilot" columns={columns} rows={[]} rowKey={(p) => p.id} empty={<p>Nobody yet.</p>} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Nobody yet.')).toBeTruthy();
  });

  it('sorts by a column from its header, by keyboard, and says so with aria-sort on that column only', async () => {
    function Sorted() {
      const [sort, setSort] = useState<SortState>({ column: 'name', direction: 'ascending' });
      const key = sort.column as 'name' | 'role';
      const rows = [...people].sort((a, b) => a[key].localeCompare(b[key]) * (sort.direction === 'ascending' ? 1 : -1));
      return <Table caption="People" columns={columns} rows={rows} rowKey={(p) => p.id} sort={sort} onSortChange={setSort} />;
    }
    render(<Sorted />);
    const user = userEvent.setup();
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    const names = () => screen.getAllByRole('rowheader').map((h) => h.textContent);
    expect(header('Name').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Role').hasAttribute('aria-sort')).toBe(false);

    // Tab reaches the first sort button; Enter turns the order round.
    await user.tab();
    expect(document.activeElement).toBe(within(header('Name')).getByRole('button'));
    await user.keyboard('{Enter}');
    expect(header('Name').getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Helen Marsh', 'Amara Nwosu']);

    // Another column starts ascending, and the first no longer claims the order.
    await user.click(within(header('Role')).getByRole('button'));
    expect(header('Role').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Name').hasAttribute('aria-sort')).toBe(false);
    expect(names()).toEqual(['Helen Marsh', 'Amara Nwosu']);
  });

  it('groups a row with its details across the columns, only when it has some', () => {
    render(
      <Table
        caption="Pairs"
        columns={columns}
        rows={people}
        rowKey={(p) => p.id}
        detailsIndent={1}
        details={(p) => (p.id === 2 ? <p>Why Helen scores 40</p> : null)}
      />,
    );
    const groups = screen.getAllByRole('rowgroup').slice(1);
    expect(groups).toHaveLength(2);
    expect(within(groups[0]!).getAllByRole('row')).toHaveLength(1);
    const [, detailsRow] = within(groups[1]!).getAllByRole('row');
    const cells = within(detailsRow!).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('colspan'))).toEqual([null, '2']);
    expect(cells[1]!.textContent).toBe('Why Helen scores 40');
  });
});
