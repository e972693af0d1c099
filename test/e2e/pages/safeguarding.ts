import type { Locator, Page } from '@playwright/test';
import { PASSPHRASE } from '../fixtures';
import { Screen } from './screen';

/** The way in: the passphrase asked again, on the register's page or in a dialog. */
export class StepUp {
  constructor(private readonly within: Page | Locator) {}

  get passphrase(): Locator {
    return this.within.getByLabel('Passphrase');
  }

  async give(passphrase = PASSPHRASE, button: 'Open the register' | 'Continue' = 'Open the register') {
    await this.passphrase.fill(passphrase);
    await this.within.getByRole('button', { name: button }).click();
  }
}

/** Stage 9: the restricted register of concerns, behind the step-up. */
export class SafeguardingScreen extends Screen {
  readonly heading = this.title('Safeguarding concerns');
  readonly register = this.page.getByRole('table', { name: 'Concerns' });
  readonly stepUp = new StepUp(this.page.getByRole('form', { name: 'Open the safeguarding register' }));
  readonly closeRegister = this.page.getByRole('button', { name: 'Close the register' });
  readonly filters = this.page.getByRole('search', { name: 'Filter the register' });

  open(pilotId: number, rest = '') {
    return this.openInPilot(pilotId, `/safeguarding${rest}`);
  }

  row(concern: number): Locator {
    return this.register.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: `Concern ${concern}` }) });
  }
}

/** "Raise a concern", from wherever it is mounted: the step-up if needed, then the concern's details. */
export class RaiseConcernDialog {
  readonly dialog: Locator;
  readonly stepUp: StepUp;
  readonly whatWasSaid: Locator;
  readonly about: Locator;
  readonly category: Locator;
  readonly risk: Locator;
  readonly raisedBy: Locator;
  readonly raisedVia: Locator;
  readonly raise: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Raise a safeguarding concern' });
    this.stepUp = new StepUp(this.dialog);
    this.whatWasSaid = this.dialog.getByLabel('What was said');
    this.about = this.dialog.getByRole('combobox', { name: 'About' });
    this.category = this.dialog.getByLabel('Category');
    this.risk = this.dialog.getByLabel('Risk');
    this.raisedBy = this.dialog.getByLabel('Raised by');
    this.raisedVia = this.dialog.getByLabel('How it was raised');
    this.raise = this.dialog.getByRole('button', { name: 'Raise concern' });
  }
}

/** One concern: what was said, the protocol steps, referrals, follow-ups, outcome and history. */
export class ConcernScreen extends Screen {
  readonly steps = this.page.getByRole('region', { name: /^Protocol steps/ });
  readonly referrals = this.page.getByRole('region', { name: 'Referrals' });
  readonly followUps = this.page.getByRole('region', { name: 'Follow-ups' });
  readonly outcome = this.page.getByRole('region', { name: 'Outcome and closure' });
  readonly history = this.page.getByRole('region', { name: 'History' });

  heading(title: string | RegExp): Locator {
    return this.title(title);
  }

  /** Marks a step done today with a note (or not done, with the note saying why). */
  async recordStep(position: number, note: string, { done = true } = {}) {
    await this.steps.getByRole('button', { name: `Record step ${position}` }).click();
    const dialog = this.dialog(`Step ${position}`);
    if (!done) await dialog.getByLabel('Done', { exact: true }).uncheck();
    await dialog.getByLabel('Note').fill(note);
    await dialog.getByRole('button', { name: 'Save step' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
