import { expect, type Locator, type Page } from '@playwright/test';

/** The transcript and coding on an interview's page, and the codebook pages. */
export class TranscriptScreen {
  readonly text: Locator;
  readonly state: Locator;
  constructor(private readonly page: Page) {
    this.text = page.getByRole('textbox', { name: 'Transcript text' });
    this.state = page.locator('#transcript-state');
  }

  async type(words: string) {
    await this.text.click();
    await this.text.press('End');
    await this.text.pressSequentially(words);
    await expect(this.state).toHaveText('Saved');
  }

  /** Imports a file; `refused` leaves the replace question open with the refusal in it. */
  async importFile(name: string, content: string, { replacing, refused = false }: { replacing: boolean; refused?: boolean }) {
    await this.page.getByLabel('Import a transcript file').setInputFiles({ name, mimeType: 'text/vtt', buffer: Buffer.from(content) });
    if (replacing) {
      const dialog = this.page.getByRole('alertdialog', { name: 'Replace the transcript?' }).or(this.page.getByRole('dialog', { name: 'Replace the transcript?' }));
      await dialog.getByRole('button', { name: 'Replace it' }).click();
      if (!refused) await expect(dialog).toBeHidden();
    }
  }

  /** Selects words in the transcript with the keyboard (Home, then Shift+Arrow over them) and codes them. */
  async codeWords(words: string, code: string, memo: string) {
    const value = await this.text.inputValue();
    const at = value.indexOf(words);
    await this.text.focus();
    await this.text.evaluate((element: HTMLTextAreaElement, [start, end]) => element.setSelectionRange(start!, end!), [at, at + words.length]);
    await this.page.getByRole('button', { name: 'Code selection' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Code the selection' });
    await expect(dialog.getByText(words)).toBeVisible();
    await dialog.getByRole('checkbox', { name: code }).check();
    await dialog.getByLabel('Memo on this excerpt').fill(memo);
    await dialog.getByRole('button', { name: 'Apply codes' }).click();
    await expect(dialog).toBeHidden();
  }
}
