import type { Locator } from '@playwright/test';
import { Screen } from './screen';

/** The register: thousands of people in a virtual table, with search and filters above it. */
export class Register extends Screen {
  readonly heading = this.title('Participants');
  /** "Showing 10 of 5,000 people". */
  readonly count = this.page.getByText(/^Showing [\d,]+ of [\d,]+ (people|person)/);
  readonly table = this.page.getByRole('table', { name: 'Participants' });
  readonly headerRow = this.table.getByRole('row').filter({ has: this.page.getByRole('columnheader') });
  /** The rows of people in the DOM now (the table is virtual: only those in view and a few either side). */
  readonly rows = this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
  readonly search = this.page.getByRole('searchbox', { name: 'Search' });

  open(pilotId: number) {
    return this.openInPilot(pilotId, '/participants');
  }

  person(name: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }
}

/** A person's page: details, status with the next steps, and consent. */
export class ParticipantPage extends Screen {
  readonly details = this.page.getByRole('region', { name: 'Details' });
  readonly status = this.page.getByRole('region', { name: 'Status' });
  readonly nextSteps = this.status.getByRole('group', { name: 'Next steps' });
  readonly consent = this.page.getByRole('region', { name: 'Consent' });
  /** The consent records, newest first, one card each. */
  readonly consentCards = this.consent
    .getByRole('list', { name: 'Consent history, newest first' })
    .getByRole('listitem')
    .filter({ has: this.page.getByRole('heading', { level: 3 }) });

  open(pilotId: number, participantId: number) {
    return this.openInPilot(pilotId, `/participants/${participantId}`);
  }

  heading(name: string): Locator {
    return this.title(name);
  }

  consentCard(version: string): Locator {
    return this.consentCards.filter({ hasText: `Consent form version ${version}` });
  }
}
