import type { Locator } from '@playwright/test';
import { Screen } from './screen';

/** Erasure: one person's (from their page) and a pilot's at the end of its retention period (from the overview). */
export class ErasureScreen extends Screen {
  readonly whatGoes = this.page.getByRole('table', { name: 'What will be erased' });
  readonly safeguarding = this.page.getByRole('group', { name: /Safeguarding concerns/ });
  readonly erasePerson = this.page.getByRole('button', { name: 'Erase permanently' });
  readonly erasePilot = this.page.getByRole('button', { name: 'Erase the pilot’s personal data' });
  readonly certificate = this.page.getByRole('region', { name: /Erasure certificate no\. \d+/ });
  readonly saveCertificate = this.page.getByRole('button', { name: 'Save certificate (PDF and JSON)' });

  openPerson(pilotId: number, participantId: number) {
    return this.openInPilot(pilotId, `/participants/${participantId}`);
  }

  heading(name: string | RegExp): Locator {
    return this.title(name);
  }

  /** The typed confirmation field: its label starts "Type their name" or "Type the pilot’s name". */
  confirmName(): Locator {
    return this.page.getByRole('textbox', { name: /^Type (their|the pilot’s) name to confirm/ });
  }

  /** A row of the certificate's table of records erased, by its kind. */
  erased(kind: string | RegExp): Locator {
    return this.certificate.getByRole('row', { name: kind });
  }
}
