import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo, notice } from './fixtures';
import { ErasureScreen } from './pages/erasure';
import type { HandlerRegistry } from '../../electron/core';

test.describe.configure({ mode: 'parallel' });
// Each path erases (a VACUUM of the vault) and checks five screens with axe: on a busy 2-core machine that nears a minute.
test.slow();

const consented = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: true };

/** A pilot that ended in June 2025 and keeps data 6 months: its retention is over. Kestrel is paired with Helen, with a concern about them. */
async function seedPilot(registry: HandlerRegistry, { ended }: { ended: boolean }) {
  const dates = ended ? { startDate: '2024-10-01', endDate: '2025-06-30' } : { startDate: '2026-10-01', endDate: '2027-06-30' };
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2024/25', ...dates, status: 'running' });
  const pilotId = pilot.id;
  await seed(registry, 'plan.setGovernance', { pilotId, governance: { ethicsReference: 'ETH-2024-017', retentionMonths: 6 } });
  const form = await seed(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: dates.startDate, text: 'Consent form (test).' } });
  const add = async (name: string, role: 'mentor' | 'mentee', department: string, notes = '') => {
    const p = await seed(registry, 'participants.create', { pilotId, participant: { name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.ac.uk`, role, department, notes } });
    await seed(registry, 'consent.record', { participantId: p.id, formId: form.id, givenOn: dates.startDate, choices: consented });
    await seed(registry, 'participants.transition', { id: p.id, to: 'chemistry' });
    return p.id;
  };
  const kestrel = await add('Kestrel Wren', 'mentor', 'Law School');
  const helen = await add('Helen Marsh', 'mentee', 'Registry', 'Met Kestrel at the open day');
  await seed(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: kestrel, menteeId: helen }] });
  registry.grantStepUpInProcess();
  await seed(registry, 'safeguarding.raise', {
    source: { kind: 'participant', participantId: kestrel },
    details: { raisedOn: dates.startDate, raisedVia: 'direct', raisedBy: 'coordinator', aboutParticipantId: kestrel, category: 'wellbeing', risk: 'low', whatWasSaid: 'Tired before exams (synthetic).' },
  });
  return { pilotId, kestrel, helen };
}

test('erasing one person from their page: what goes, the separate safeguarding choice, the typed name, and the certificate', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, kestrel, helen } = await seedPilot(bridge.registry, { ended: false });
  const erasure = new ErasureScreen(page);
  await erasure.openPerson(pilotId, kestrel);
  await page.getByRole('link', { name: 'Erase their data…' }).click();

  await expect(erasure.heading('Erase Kestrel Wren')).toBeVisible();
  // Namesakes told apart before anything is erased: role, department and status under the name.
  await expect(page.getByText('Mentor (student) · Law School · Status: Paired')).toBeVisible();
  await expect(erasure.whatGoes.getByRole('row', { name: /Consent records/ })).toContainText('1');
  await expect(page.getByText(/They are still taking part, so they are withdrawn first: 1 pair will end/)).toBeVisible();
  await expect(erasure.safeguarding).toContainText('The safeguarding register holds 1 concern about this person.');
  await expectAccessible(page, 'erase one person');
  await keepScreenshot(page, 'erasure-01-person-preview');

  // The wrong name erases nothing.
  await erasure.confirmName().fill('Kestrel');
  await erasure.erasePerson.click();
  await expect(page.getByText('Type their name exactly as shown: Kestrel Wren')).toBeVisible();
  await expectAccessible(page, 'erase one person, name not typed');

  await erasure.confirmName().fill('kestrel wren');
  await erasure.safeguarding.getByRole('checkbox', { name: 'Also erase the 1 safeguarding concern about them' }).check();
  await erasure.erasePerson.click();
  await expect(erasure.certificate).toBeVisible();
  await expect(erasure.erased(/Safeguarding concerns about them/)).toContainText('1');
  await expect(erasure.erased(/Register entry/)).toContainText('1');
  await expect(erasure.certificate).toContainText('Backups of the vault made before this erasure still hold the erased data');
  await expect(erasure.certificate).not.toContainText('Kestrel');
  await expectAccessible(page, 'erasure certificate');
  await keepScreenshot(page, 'erasure-02-person-certificate');

  await erasure.saveCertificate.click();
  await expect(notice(page, /Saved the certificate to .*erasure-certificate-1\.pdf/)).toBeVisible();
  expect(existsSync(join(bridge.exportDir, 'erasure-certificate-1.pdf'))).toBe(true);
  expect(readFileSync(join(bridge.exportDir, 'erasure-certificate-1.json'), 'utf8')).not.toMatch(/Kestrel/);

  // Their partner keeps the pair, which no longer names them.
  await goTo(page, `/pilots/${pilotId}/participants/${helen}`);
  await expect(page.getByRole('heading', { name: 'Helen Marsh', level: 1 })).toBeVisible();
  await expect(page.getByText('Met [removed] at the open day')).toBeVisible();
  await expect(page.getByText('Erased person').first()).toBeVisible();
});

test('at the end of retention the overview leads to the export, then the erasure of the pilot’s personal data', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId } = await seedPilot(bridge.registry, { ended: true });
  await goTo(page, `/pilots/${pilotId}/overview`);
  const card = page.getByRole('region', { name: 'Data retention' });
  await expect(card).toContainText('The retention period ended on 30 Dec 2025');
  await expectAccessible(page, 'overview with retention expired');
  await keepScreenshot(page, 'erasure-03-overview-retention');
  await card.getByRole('link', { name: 'Export, then erase the pilot’s data' }).click();

  const erasure = new ErasureScreen(page);
  await expect(erasure.heading('Retention and erasure')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Make the research export first' })).toBeVisible();
  await expectAccessible(page, 'pilot erasure flow');
  await keepScreenshot(page, 'erasure-04-pilot-flow');

  await erasure.confirmName().fill('Belonging 2024/25');
  await erasure.erasePilot.click();
  await expect(erasure.certificate).toBeVisible();
  await expect(erasure.erased(/^Pairs/)).toContainText('1');
  await expect(erasure.erased(/Register entry/)).toContainText('2');
  await expect(erasure.certificate).toContainText('1 safeguarding concern kept, as chosen');
  await expectAccessible(page, 'pilot erasure certificate');
  await keepScreenshot(page, 'erasure-05-pilot-certificate');

  await goTo(page, `/pilots/${pilotId}/overview`);
  await expect(page.getByRole('region', { name: 'Data retention' })).toContainText('The pilot’s personal data has been erased.');
});
