import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo, notice } from './fixtures';
import { seedMeetingsPilot, seedMeetingsUnderWay, seedPairs } from './worlds/meetings';

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)) }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) text += (await (await pdf.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
  return text;
}

test('the sponsor report: aggregate figures on screen with small groups suppressed, then the same as a PDF', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilotId = await seedMeetingsPilot(bridge.registry);
  const world = await seedPairs(bridge.registry, pilotId);
  await seedMeetingsUnderWay(bridge.registry, world);
  await seed(bridge.registry, 'plan.setGovernance', { pilotId, governance: { ethicsReference: 'UREC-2026-0147', retentionMonths: 60 } });

  await goTo(page, `/pilots/${pilotId}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sponsor report' }).click();
  await expect(page.getByRole('heading', { name: 'Sponsor report', level: 1 })).toBeFocused();
  const report = page.getByRole('article', { name: 'Sponsor report' });
  await expect(report).toContainText('Ethics approval reference: UREC-2026-0147');
  // Two students and two staff were paired: fewer than 5 in each cell, so no number is shown.
  const paired = report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Paired', exact: true }) });
  await expect(paired.getByRole('cell')).toHaveText(['fewer than 5', 'fewer than 5']);
  await expect(report).toContainText('Meetings held: 1 of');
  await expect(report).toContainText('Identity: 1 meeting held');
  await expect(report).not.toContainText('Amara Nwosu');
  await expectAccessible(page, 'sponsor report');
  await keepScreenshot(page, 'sponsor-report-01-screen');

  await page.getByRole('button', { name: 'Export as PDF…' }).click();
  await expect(notice(page, /Wrote the sponsor report to/)).toBeVisible();
  const files = readdirSync(bridge.exportDir);
  expect(files).toEqual([expect.stringMatching(/^sponsor-report-\d+-\d{4}-\d{2}-\d{2}\.pdf$/)]);
  const text = await pdfText(join(bridge.exportDir, files[0]!));
  expect(text).toContain('UREC-2026-0147');
  expect(text).toContain('fewer than 5');
  for (const name of ['Amara', 'Helen', 'Bilal', 'David']) expect(text).not.toContain(name);
});
