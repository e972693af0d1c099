import { expect, type Locator, type Page } from '@playwright/test';

/** The recording panel of one interview (RecordingPanel). */
export class RecordingPanel {
  readonly section: Locator;
  readonly state: Locator;
  readonly elapsed: Locator;
  readonly meter: Locator;
  readonly start: Locator;
  readonly pause: Locator;
  readonly resume: Locator;
  readonly stop: Locator;

  constructor(private readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Recording', exact: true });
    this.state = this.section.getByRole('status');
    this.elapsed = this.section.getByLabel(/^Elapsed/);
    this.meter = this.section.getByRole('meter', { name: 'Microphone level' });
    this.start = this.section.getByRole('button', { name: /^Start (recording|a new recording)$/ });
    this.pause = this.section.getByRole('button', { name: 'Pause' });
    this.resume = this.section.getByRole('button', { name: 'Resume' });
    this.stop = this.section.getByRole('button', { name: 'Stop and save' });
  }

  markQuestion(number: number): Locator {
    return this.section.getByRole('button', { name: new RegExp(`^Mark question ${number} `) });
  }

  /** Seconds on the clock, read from its text (m:ss). */
  async elapsedSeconds(): Promise<number> {
    const [minutes, seconds] = (await this.elapsed.innerText()).split(':').map(Number);
    return minutes! * 60 + seconds!;
  }

  async waitForSeconds(seconds: number) {
    await expect.poll(() => this.elapsedSeconds(), { timeout: (seconds + 20) * 1000 }).toBeGreaterThanOrEqual(seconds);
  }
}
