import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, PASSPHRASE, seed, isoDay, tabTo } from './fixtures';
import { Frame } from './pages/frame';
import { LogEditor, LogsScreen } from './pages/logs';
import { seedMeetingsPilot, seedPairs } from './worlds/meetings';

// Each test has its own vault and bridge, so they run side by side.
test.describe.configure({ mode: 'parallel' });

const noStages = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

/**
 * Three meetings held (pair A's first two, pair B's first), so five logs are owed; Helen Marsh has
 * already submitted hers for pair A's first meeting.
 */
async function seedLogsOwed(registry: HandlerRegistry) {
  const pilotId = await seedMeetingsPilot(registry);
  const world = await seedPairs(registry, pilotId);
  const { a, b, helen } = world;
  await seed(registry, 'meetings.markHeld', { id: a[0]!.id, heldOn: isoDay(-20), actualDurationMin: 60 });
  await seed(registry, 'meetings.markHeld', { id: b[0]!.id, heldOn: isoDay(-10), actualDurationMin: 50 });
  await seed(registry, 'meetings.markHeld', { id: a[1]!.id, heldOn: isoDay(-6), actualDurationMin: 60 });
  await seed(registry, 'logs.submit', {
    meetingId: a[0]!.id,
    authorId: helen.id,
    stages: { ...noStages, description: 'Amara showed me the commuter students’ lounge.', analysis: 'Belonging depends on having somewhere to be between lectures.' },
  });
  return { pilotId, ...world };
}

/** Amara Nwosu's log for the first meeting, as she wrote it, submitted. */
const amarasLog = {
  description: 'We compared what belonging means on a commuter campus.',
  feelings: 'Curious, and a little nervous at first.',
  evaluation: '',
  analysis: 'Timetables assume everyone lives nearby.',
  conclusion: 'Small changes to timing would help.',
  actionPlan: 'Visit the commuter lounge together.',
};

test('reflective logs: who still owes which log, oldest meeting first', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId } = await seedLogsOwed(bridge.registry);
  const logs = new LogsScreen(page);
  await logs.open(pilotId);
  await expect(logs.heading).toBeVisible();
  await expect(logs.tab('Owed')).toHaveAttribute('aria-selected', 'true');
  await expect(logs.owed.getByRole('row')).toHaveCount(6);
  const first = logs.owed.getByRole('row').nth(1);
  await expect(first).toContainText('Amara Nwosu');
  await expect(first).toContainText('Meeting 1: Identity');
  await expect(first).toContainText('20 days ago');
  await expect(first).toContainText('Not written yet');
  await expectAccessible(page, 'logs owed');
  await keepScreenshot(page, 'logs-01-owed');
});

test('a log written by keyboard alone is saved as a draft, and found again after locking and unlocking', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId } = await seedLogsOwed(bridge.registry);
  const logs = new LogsScreen(page);
  const log = new LogEditor(page);
  await logs.open(pilotId);
  await tabTo(page, page.getByRole('link', { name: 'Write log: Amara Nwosu, meeting 1' }));
  await page.keyboard.press('Enter');
  await expect(log.heading('Amara Nwosu')).toBeFocused();
  await expect(page.getByText('Nothing written yet. What you type is saved as a draft as you go.')).toBeVisible();
  await tabTo(page, log.description);
  await page.keyboard.type(amarasLog.description);
  await page.keyboard.press('Tab');
  await expect(log.feelings).toBeFocused();
  await page.keyboard.type(amarasLog.feelings);
  await expect(page.getByText(/^Saved as draft at \d\d:\d\d\.$/)).toBeVisible();
  // The next field, reached by Tab, is not hidden under the sticky Save/Submit bar (WCAG 2.4.11).
  await page.keyboard.press('Tab');
  await expect(log.evaluation).toBeFocused();
  const footerTop = (await log.footer.boundingBox())!.y;
  const field = (await log.evaluation.boundingBox())!;
  expect(field.y + field.height).toBeLessThanOrEqual(footerTop);
  expect(field.y).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Shift+Tab');
  await expectAccessible(page, 'write a log, draft saved');
  await keepScreenshot(page, 'logs-02-write-draft');

  await tabTo(page, page.getByRole('button', { name: 'Lock' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(log.heading('Amara Nwosu')).toBeVisible();
  await expect(log.description).toHaveValue(amarasLog.description);
  await expect(log.feelings).toHaveValue(amarasLog.feelings);
  await expect(page.getByText(/^Draft last saved on .+ at \d\d:\d\d\.$/)).toBeVisible();
});

test('nothing typed is lost to a lock, whether by the Lock button or one the main process starts', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, a, amara } = await seedLogsOwed(bridge.registry);
  await seed(bridge.registry, 'logs.saveDraft', { meetingId: a[0]!.id, authorId: amara.id, stages: { ...noStages, description: amarasLog.description, feelings: amarasLog.feelings } });
  const log = new LogEditor(page);
  const frame = new Frame(page);
  await log.open(pilotId, a[0]!.id, amara.id);
  await expect(log.description).toHaveValue(amarasLog.description);

  // Locking straight after typing, inside the typing pause, loses nothing: the save runs before the lock.
  await log.analysis.click();
  await page.keyboard.type(amarasLog.analysis);
  await frame.lock();
  await frame.unlock();
  await expect(log.analysis).toHaveValue(amarasLog.analysis);

  // A lock the main process starts (screen lock, sleep) asks the page to save first, as main does.
  await log.conclusion.click();
  await page.keyboard.type(amarasLog.conclusion);
  await page.evaluate(() => window.__reciprocalFlushPendingSaves!());
  bridge.session.lock('screen-locked');
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await frame.unlock();
  await expect(log.conclusion).toHaveValue(amarasLog.conclusion);
  await expect(log.description).toHaveValue(amarasLog.description);
});

test('submitting a log: the Description is needed; once submitted, edits wait for Submit changes', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, a, b, amara, bilal } = await seedLogsOwed(bridge.registry);
  await seed(bridge.registry, 'logs.saveDraft', { meetingId: a[0]!.id, authorId: amara.id, stages: { ...amarasLog, actionPlan: '' } });
  const log = new LogEditor(page);
  const frame = new Frame(page);

  // The Description is required: the core's message shows on the field.
  await log.open(pilotId, b[0]!.id, bilal.id);
  await expect(log.heading('Bilal Khan')).toBeVisible();
  await log.submit.click();
  await expect(page.getByText('Write at least the Description before submitting.')).toBeVisible();
  await expect(log.description).toBeFocused();
  await expect(log.description).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'write a log, description missing');
  await keepScreenshot(page, 'logs-03-write-error');

  await log.open(pilotId, a[0]!.id, amara.id);
  await expect(log.heading('Amara Nwosu')).toBeVisible();
  await tabTo(page, log.submit);
  await page.keyboard.press('Enter');
  await expect(frame.notice('Amara Nwosu’s log for meeting 1 submitted.')).toBeVisible();
  await expect(page.getByText(/^Submitted at \d\d:\d\d\.$/)).toBeVisible();
  // Once submitted, edits are not drafts: they wait for "Submit changes".
  await log.actionPlan.fill(amarasLog.actionPlan);
  await expect(page.getByText('Changes not submitted yet: a submitted log changes only when you press Submit changes.')).toBeVisible();
  await log.submitChanges.click();
  await expect(frame.notice('Changes submitted.')).toBeVisible();
  await expect(page.getByText(/^Submitted at \d\d:\d\d\.$/)).toBeVisible();

  // The owed list follows: Amara's first log is no longer owed.
  await page.getByRole('link', { name: 'Reflective logs', exact: true }).click();
  const logs = new LogsScreen(page);
  await expect(logs.owed.getByRole('row')).toHaveCount(5);
  await expect(logs.owed.getByRole('link', { name: 'Write log: Amara Nwosu, meeting 1' })).toHaveCount(0);
});

test('a log that will not be provided: a reason is required, and it is no longer owed', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId } = await seedLogsOwed(bridge.registry);
  const logs = new LogsScreen(page);
  await logs.open(pilotId);
  await expect(logs.owed.getByRole('row')).toHaveCount(6);
  await logs.owed.getByRole('button', { name: 'Mark not provided: Helen Marsh, meeting 2' }).click();
  const why = page.getByRole('dialog', { name: 'Mark Helen Marsh’s log as not provided?' });
  await why.getByRole('button', { name: 'Mark not provided' }).click();
  await expect(why.getByText('Reason is required')).toBeVisible();
  await expectAccessible(page, 'not provided dialog with error');
  await keepScreenshot(page, 'logs-04-not-provided');
  await why.getByLabel('Reason').fill('On leave; agreed with the coordinator.');
  await why.getByRole('button', { name: 'Mark not provided' }).click();
  await expect(why).toBeHidden();
  await expect(new Frame(page).notice('Recorded that Helen Marsh’s log for meeting 2 will not be provided.')).toBeVisible();
  await expect(logs.owed.getByRole('row')).toHaveCount(5);
});

test('searching the logs: hits highlighted as marks (never as HTML), newest first or best match', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, a, amara } = await seedLogsOwed(bridge.registry);
  await seed(bridge.registry, 'logs.submit', { meetingId: a[0]!.id, authorId: amara.id, stages: amarasLog });
  const logs = new LogsScreen(page);
  await logs.open(pilotId, 'search');
  await logs.search('belong');
  await expect(page.getByText('2 logs match “belong”.')).toBeVisible();
  await expect(logs.hits).toHaveCount(2);
  // Newest first: Amara's log was submitted after Helen's; each hit says the log's state.
  await expect(logs.hits.getByRole('heading')).toHaveText([/^Amara Nwosu .* Submitted$/, /^Helen Marsh .* Submitted$/]);
  // The highlight is the <mark> element itself (Playwright has no role for it): what is checked is that it is one.
  await expect(logs.hit('Helen Marsh').locator('mark')).toHaveText(['Belonging']);
  await expect(logs.hit('Amara Nwosu').locator('mark')).toHaveText(['belonging']);
  await expect(logs.hit('Helen Marsh')).toContainText('Analysis');
  await expect(page.getByRole('main')).not.toContainText('\uE000');
  await expectAccessible(page, 'log search');
  await keepScreenshot(page, 'logs-05-search');
  // Best match: the order is a choice, kept in the address with the words.
  await logs.order.selectOption('relevance');
  await logs.searchButton.click();
  await expect(page).toHaveURL(/order=relevance/);
  await expect(logs.hits).toHaveCount(2);
  await expect(logs.order).toHaveValue('relevance');
});

test('a log book: a person’s own submitted logs as a PDF in the folder chosen', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, a, amara } = await seedLogsOwed(bridge.registry);
  await seed(bridge.registry, 'logs.submit', { meetingId: a[0]!.id, authorId: amara.id, stages: amarasLog });
  const logs = new LogsScreen(page);
  await logs.open(pilotId);
  await logs.tab('Log books').click();
  await page.getByLabel('Person').selectOption({ label: 'Amara Nwosu — Mentor (student)' });
  await expectAccessible(page, 'log books');
  await page.getByRole('button', { name: 'Make log book (PDF)' }).click();
  const book = join(bridge.exportDir, `log-book-${amara.id}.pdf`);
  await expect(new Frame(page).notice(`Wrote Amara Nwosu’s log book (1 log) to ${book}.`)).toBeVisible();
  expect(existsSync(book)).toBe(true);
  expect(readFileSync(book).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await keepScreenshot(page, 'logs-08-log-book');
});
