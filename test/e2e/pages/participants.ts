import type { Locator, Page } from '@playwright/test';
import { goTo } from '../fixtures';

/** The register: thousands of people in a virtual table, with search and filters above it. */
export class Register {
  readonly heading: Locator;
  /** "Showing 10 of 5,000 people". */
  readonly count: Locator;
  readonly table: Locator;
  readonly headerRow: Locator;
  /** The rows of people in the DOM now (the table is virtual: only those in view and a few either side). */
  readonly rows: Locator;
  readonly search: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Participants', level: 1 });
    this.count = page.getByText(/^Showing [\d,]+ of [\d,]+ (people|person)/);
    this.table = page.getByRole('table', { name: 'Participants' });
    this.headerRow = this.table.getByRole('row').filter({ has: page.getByRole('columnheader') });
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('rowheader') });
    this.search = page.getByRole('searchbox', { name: 'Search' });
  }

  open(pilotId: number) {
    return goTo(this.page, `/pilots/${pilotId}/participants`);
  }

  person(name: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }
}

/** A person's page: details, status with the next steps, and consent. */
export class ParticipantPage {
  readonly details: Locator;
  readonly status: Locator;
  readonly nextSteps: Locator;
  readonly consent: Locator;
  /** The consent records, newest first, one card each. */
  readonly consentCards: Locator;

  constructor(private readonly page: Page) {
    this.details = page.getByRole('region', { name: 'Details' });
    this.status = page.getByRole('region', { name: 'Status' });
    this.nextSteps = this.status.getByRole('group', { name: 'Next steps' });
    this.consent = page.getByRole('region', { name: 'Consent' });
    this.consentCards = this.consent.getByRole('list', { name: 'Consent history, newest first' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  }

  open(pilotId: number, participantId: number) {
    return goTo(this.page, `/pilots/${pilotId}/participants/${participantId}`);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  consentCard(version: string): Locator {
    return this.consentCards.filter({ hasText: `Consent form version ${version}` });
  }
}
