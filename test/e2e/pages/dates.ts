import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The app's date fields (renderer/src/ui/DateInput): a group named by its label holding day, month
 * and year spin buttons, shown day/month/year whatever the machine's locale, with a calendar button.
 */
export const dateField = (scope: Page | Locator, label: string): Locator => scope.getByRole('group', { name: label, exact: true });

// The segments sit between invisible direction marks; what the eye reads is the rest.
const directionMarks = /[\u2066-\u2069\u200e\u200f]/g;

/** What the field shows, as the coordinator reads it ("01/10/2026"; "dd/mm/yyyy" when empty). */
export async function shownDate(scope: Page | Locator, label: string): Promise<string> {
  return ((await dateField(scope, label).textContent()) ?? '').replace(directionMarks, '').trim();
}

/** The ISO date a field holds, read from what it shows ('' when empty or incomplete). */
export async function dateValue(scope: Page | Locator, label: string): Promise<string> {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(await shownDate(scope, label));
  return match ? `${match[3]}-${match[2]}-${match[1]}` : '';
}

/** Types a date (given as YYYY-MM-DD; '' clears the field) the way a coordinator would: day, month, year. */
export async function fillDate(scope: Page | Locator, label: string, iso: string): Promise<void> {
  const segments = dateField(scope, label).getByRole('spinbutton');
  if (iso === '') {
    // Backspace takes one digit off a segment (four for the year, two each for month and day); on a
    // busy machine a press can land before the last one is applied, so press until no digit is left.
    for (const [index, digits] of [[2, 4], [1, 2], [0, 2]] as const) {
      const segment = segments.nth(index);
      await segment.focus();
      for (let i = 0; i < digits + 4 && /\d/.test((await segment.textContent()) ?? ''); i += 1) await segment.press('Backspace');
    }
    await expect.poll(() => shownDate(scope, label)).toBe('dd/mm/yyyy');
    return;
  }
  const [year, month, day] = iso.split('-');
  await segments.first().click();
  await segments.first().pressSequentially(`${day}${month}${year}`);
  await expect.poll(() => dateValue(scope, label)).toBe(iso);
}

/** Waits until the field shows this date (YYYY-MM-DD). */
export async function expectDate(scope: Page | Locator, label: string, iso: string): Promise<void> {
  await expect.poll(() => dateValue(scope, label)).toBe(iso);
}
