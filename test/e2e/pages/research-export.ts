import type { Locator } from '@playwright/test';
import { Screen } from './screen';

/** Stage 14: the research export — options, what will go out, and what was written. */
export class ResearchExportScreen extends Screen {
  readonly heading = this.title('Research export');
  readonly files = this.page.getByRole('table', { name: 'What will go out' });
  readonly leftOut = this.page.getByRole('region', { name: 'What is left out, and why' });
  readonly freeText = this.page.getByRole('checkbox', { name: /Include free text/ });
  readonly shiftDates = this.page.getByRole('checkbox', { name: /Shift dates/ });
  readonly threshold = this.page.getByRole('textbox', { name: 'Small-group threshold (people)' });
  readonly exportButton = this.page.getByRole('button', { name: 'Export dataset…' });
  readonly written = this.page.getByRole('region', { name: /^Written on/ });

  open(pilotId: number) {
    return this.openInPilot(pilotId, '/research-export');
  }

  /** A file's row in a table of files, by its name. */
  fileRow(table: Locator, name: string): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}
