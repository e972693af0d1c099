// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './jsdom-gaps';
import { DateInput } from '../DateInput';

/** What the field shows, without the invisible direction marks around the segments. */
const shown = (label: string) => (screen.getByRole('group', { name: label }).textContent ?? '').replace(/[\u2066-\u2069\u200e\u200f]/g, '');

function Form({ start }: { start: string }) {
  const [value, setValue] = useState(start);
  return (
    <>
      <DateInput label="Date consent was given" value={value} onChange={setValue} name="givenOn" />
      <output aria-label="Stored">{value}</output>
    </>
  );
}

afterEach(cleanup);

describe('DateInput', () => {
  it('shows 2026-10-01 as 01/10/2026, day first, whatever the computer’s own locale', () => {
    const { container } = render(<Form start="2026-10-01" />);
    expect(shown('Date consent was given')).toBe('01/10/2026');
    // A form posting the field gets the ISO date under its name.
    expect(container.querySelector<HTMLInputElement>('input[name="givenOn"]')?.value).toBe('2026-10-01');
    const [day, month, year] = screen.getAllByRole('spinbutton');
    expect([day, month, year].map((segment) => segment!.getAttribute('aria-valuenow'))).toEqual(['1', '10', '2026']);
  });

  it('stores what is typed in day/month/year order as YYYY-MM-DD', async () => {
    const user = userEvent.setup();
    render(<Form start="" />);
    const [day] = screen.getAllByRole('spinbutton');
    await user.click(day!);
    await user.keyboard('04092026');
    expect(shown('Date consent was given')).toBe('04/09/2026');
    expect(screen.getByLabelText('Stored').textContent).toBe('2026-09-04');
  });

  it('keeps the previous date until day, month and year are all there, and empties when cleared', async () => {
    const user = userEvent.setup();
    render(<Form start="2026-10-01" />);
    const [day, month, year] = screen.getAllByRole('spinbutton');
    await user.click(year!);
    await user.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}');
    await user.click(month!);
    await user.keyboard('{Backspace}{Backspace}{Backspace}');
    await user.click(day!);
    await user.keyboard('{Backspace}{Backspace}{Backspace}');
    expect(screen.getByLabelText('Stored').textContent).toBe('');
  });
});
