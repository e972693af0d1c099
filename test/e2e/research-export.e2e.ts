import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo, notice } from './fixtures';
import { seedMeetingsPilot, seedMeetingsUnderWay, seedPairs } from './worlds/meetings';
import { ResearchExportScreen } from './pages/research-export';

test('the research export: what will go out, options checked, then written with checksums and names replaced', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilotId = await seedMeetingsPilot(bridge.registry);
  const world = await seedPairs(bridge.registry, pilotId);
  await seedMeetingsUnderWay(bridge.registry, world);
  await seed(bridge.registry, 'plan.setGovernance', { pilotId, governance: { ethicsReference: 'UREC-2026-0147', retentionMonths: 60 } });
  const stages = { description: 'Helen’s question about timetables opened things up; Helen Marsh asked me back.', feelings: 'Nervous, then fine.', evaluation: '', analysis: '', conclusion: '', actionPlan: 'Mail amara@example.ac.uk the notes.' };
  await seed(bridge.registry, 'logs.submit', { meetingId: world.a[0]!.id, authorId: world.amara.id, stages });

  const screen = new ResearchExportScreen(page);
  await goTo(page, `/pilots/${pilotId}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Research export' }).click();
  await expect(screen.heading).toBeFocused();
  await expect(page.getByRole('region', { name: 'What will go out' })).toContainText('ethics reference UREC-2026-0147 · 4 people in the dataset');
  await expect(screen.fileRow(screen.files, 'logs.csv').getByRole('cell').first()).toHaveText('1');
  await expect(screen.fileRow(screen.files, 'participants.csv').getByRole('cell').first()).toHaveText('4');
  await expect(screen.threshold).toHaveValue('5');
  await expect(screen.leftOut).toContainText('Nothing is left out.');

  // A threshold below 3 is refused where it is typed, and exporting waits for a valid one.
  await screen.threshold.fill('2');
  await expect(page.getByText('Groups smaller than 3 people are always grouped: choose 3 or more.')).toBeVisible();
  await expect(screen.exportButton).toBeDisabled();
  await screen.threshold.fill('5');
  // Leaving free text out says so before anything is written.
  await screen.freeText.uncheck();
  await expect(screen.leftOut).toContainText('Free text (logs, findings, survey answers)');
  await screen.freeText.check();
  await expect(screen.leftOut).toContainText('Nothing is left out.');
  await expectAccessible(page, 'research export');
  await keepScreenshot(page, 'research-export-01-before');

  // A big vault's export takes seconds (bench/research-export.bench.ts); this one takes milliseconds, so the
  // write is held and the progress answered as a long export's would be, to see and check the bar.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/__bridge/call/researchExport.write', async (route) => {
    await held;
    await route.continue();
  });
  await page.route('**/__bridge/call/researchExport.progress', (route) => route.fulfill({ json: { ok: true, value: { running: true, step: 'Replacing names in free text', done: 12000, total: 30000 } } }));
  await screen.exportButton.click();
  await expect(page.getByRole('progressbar', { name: /Replacing names in free text: 12.000 of 30.000/ })).toBeVisible();
  await expectAccessible(page, 'research export, in progress');
  await keepScreenshot(page, 'research-export-01b-progress');
  await page.unroute('**/__bridge/call/researchExport.progress');
  release();
  await expect(notice(page, /Wrote the research dataset \(\d+ files\)/)).toBeVisible();
  await expect(screen.written).toContainText('sha256sum -c SHA256SUMS');
  await expect(screen.written.getByRole('table', { name: 'Files written' })).toContainText('survey_responses.csv');
  await expectAccessible(page, 'research export, written');
  await keepScreenshot(page, 'research-export-02-written');

  const files = readdirSync(bridge.exportDir).sort();
  expect(files).toEqual(['README.txt', 'SHA256SUMS', 'data_dictionary.csv', 'focus_group_findings.csv', 'group_reflection_findings.csv', 'interviews.csv', 'logs.csv', 'manifest.json', 'meetings.csv', 'pairs.csv', 'participants.csv', 'survey_responses.csv']);
  expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: bridge.exportDir, encoding: 'utf8' })).not.toMatch(/FAILED/);
  const logs = readFileSync(join(bridge.exportDir, 'logs.csv'), 'utf8');
  expect(logs).toMatch(/\[P-[0-9A-Z]{4}-[0-9A-Z]{4}\]’s question about timetables/);
  expect(logs).toContain('Mail [email] the notes.');
  for (const file of files) {
    const text = readFileSync(join(bridge.exportDir, file), 'utf8');
    for (const name of ['Amara', 'Helen', 'Bilal', 'David', 'Nwosu', 'Marsh', 'Okafor', 'Khan', '@example.ac.uk']) expect(text, `${file} holds ${name}`).not.toContain(name);
  }
});
