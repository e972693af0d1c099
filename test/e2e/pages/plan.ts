import type { Locator, Page } from '@playwright/test';
import { goTo } from '../fixtures';

/** Stage 1: the plan, one section per part, with an in-page table of contents. */
export class PlanScreen {
  readonly heading: Locator;
  readonly contents: Locator;
  readonly milestones: Locator;
  /** "Where the pilot stands: 2 late, 1 due soon, 0 of 12 done. Next: …" */
  readonly timelineSummary: Locator;
  readonly themes: Locator;
  readonly themeTitles: Locator;
  readonly eligibility: Locator;
  readonly meetingPlan: Locator;
  readonly meetingPlanSummary: Locator;
  readonly support: Locator;
  readonly consentForms: Locator;
  readonly governance: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Plan and timeline', level: 1 });
    this.contents = page.getByRole('navigation', { name: 'Sections of the plan' });
    this.milestones = page.getByRole('list', { name: 'Milestones in date order' });
    this.timelineSummary = page.getByText(/^Where the pilot stands: .+/);
    this.themes = page.getByRole('list', { name: /^Themes in meeting order/ });
    this.themeTitles = this.themes.getByRole('heading', { level: 3 });
    this.eligibility = page.getByRole('form', { name: 'Eligibility categories' });
    this.meetingPlan = page.getByRole('form', { name: 'Meeting plan' });
    this.meetingPlanSummary = page.getByText(/^(\d+ meetings of|A single meeting of) /);
    this.support = page.getByRole('form', { name: 'Support protocol' });
    this.consentForms = page.getByRole('table', { name: 'Consent form versions, newest first' });
    this.governance = page.getByRole('form', { name: 'Ethics and retention' });
  }

  open(pilotId: number) {
    return goTo(this.page, `/pilots/${pilotId}/plan`);
  }

  milestone(title: string): Locator {
    return this.milestones.getByRole('listitem').filter({ hasText: title });
  }

  theme(title: string): Locator {
    return this.themes.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** The focus-group findings listed under a theme. */
  themeFindings(title: string): Locator {
    return this.theme(title).getByRole('list', { name: 'Focus-group findings behind it' }).getByRole('listitem');
  }
}
