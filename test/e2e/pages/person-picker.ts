import { expect, type Page } from '@playwright/test';

/** Chooses a person in a searchable picker by mouse: type part of the name, click the option. */
export async function choose(page: Page, picker: string, name: string) {
  const box = page.getByRole('combobox', { name: picker, exact: true });
  await box.fill(name.slice(0, 4));
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await expect(box).toHaveValue(name);
}

/** The same by keyboard, in the picker that has focus: type, arrow down to the first match, Enter. */
export async function chooseByKeyboard(page: Page, name: string) {
  await page.keyboard.type(name.slice(0, 5));
  await expect(page.getByRole('option', { name: new RegExp(`^${name}`) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}
