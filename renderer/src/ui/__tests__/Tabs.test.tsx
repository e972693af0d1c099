// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './jsdom-gaps';
import { Tabs } from '../Tabs';

type Id = 'owed' | 'search' | 'books';

function LogTabs({ start = 'owed' }: { start?: Id }) {
  const [selected, setSelected] = useState<Id>(start);
  return (
    <Tabs
      label="Reflective logs"
      selected={selected}
      onSelect={setSelected}
      tabs={[
        { id: 'owed', label: 'Owed', panel: <p>Who still owes a log</p> },
        { id: 'search', label: 'Search', panel: <button type="button">Search the logs</button> },
        { id: 'books', label: 'Log books', panel: <p>Make a log book</p> },
      ]}
    />
  );
}

afterEach(cleanup);

describe('Tabs', () => {
  it('lists its tabs under its label and shows only the selected tab’s panel', () => {
    render(<LogTabs start="search" />);
    expect(screen.getByRole('tablist', { name: 'Reflective logs' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Owed', 'false'],
      ['Search', 'true'],
      ['Log books', 'false'],
    ]);
    expect(screen.getByRole('tabpanel', { name: 'Search' })).toBeTruthy();
    expect(screen.queryByText('Who still owes a log')).toBeNull();
  });

  it('moves between tabs with the arrow keys, and Tab goes into the panel', async () => {
    render(<LogTabs />);
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Owed' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Search' })).toBeTruthy();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Search the logs' }));
  });

  it('selects a tab that is pressed', async () => {
    render(<LogTabs />);
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Log books' }));
    expect(screen.getByText('Make a log book')).toBeTruthy();
    expect(screen.queryByText('Who still owes a log')).toBeNull();
  });
});
