import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo } from './fixtures';
import { PairingScreen } from './pages/pairing';
import { choose } from './pages/person-picker';
import type { HandlerRegistry } from '../../electron/core';

// Each test has its own vault and bridge, so they run side by side.
test.describe.configure({ mode: 'parallel' });

const consented = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: true };

/**
 * A scheme that holds chemistry meetings: Helen Marsh and Amara Nwosu consented and met at one; the
 * others are outside the pool for the reasons the pairing screen must name.
 */
async function seedPool(registry: HandlerRegistry) {
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', startDate: '2026-10-01', endDate: '2027-06-30', status: 'running' });
  const pilotId = pilot.id;
  const form = await seed(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: '2026-09-01', text: 'Consent form (test).' } });
  const add = async (name: string, role: 'mentor' | 'mentee', department: string, consent: 'given' | 'declined' | 'none', met: boolean) => {
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.ac.uk`;
    const p = await seed(registry, 'participants.create', { pilotId, participant: { name, email, role, department, topics: ['Belonging'] } });
    if (consent !== 'none') await seed(registry, 'consent.record', { participantId: p.id, formId: form.id, givenOn: '2026-09-10', choices: { ...consented, takePart: consent === 'given' } });
    if (met) await seed(registry, 'participants.transition', { id: p.id, to: 'chemistry' });
    return p.id;
  };
  const ids = {
    amara: await add('Amara Nwosu', 'mentor', 'Law School', 'given', true),
    tom: await add('Tom Becker', 'mentor', 'Engineering', 'given', true),
    helen: await add('Helen Marsh', 'mentee', 'Registry', 'given', true),
    imran: await add('Imran Qureshi', 'mentee', 'Finance', 'none', true),
    dana: await add('Dana Whitfield', 'mentee', 'Estates', 'declined', true),
    priya: await add('Priya Raman', 'mentee', 'Library', 'given', false),
  };
  return { pilotId, ids };
}

test('pairing proposes only people in the pool; the others are “Not paired” with the real reason, and cannot be pinned', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId } = await seedPool(bridge.registry);
  const pairing = new PairingScreen(page);
  await pairing.open(pilotId);
  await expect(page.getByText('Only people who consented to take part and have met at a chemistry meeting are paired.')).toBeVisible();
  await expect(page.getByText('3 people still taking part are not in the pool yet')).toBeVisible();
  await pairing.propose.click();
  const notPaired = page.getByRole('table', { name: /Not paired/ });
  await expect(notPaired.getByRole('row', { name: /Imran Qureshi/ })).toContainText('No consent to take part');
  await expect(notPaired.getByRole('row', { name: /Dana Whitfield/ })).toContainText('No consent to take part (declined on the form)');
  await expect(notPaired.getByRole('row', { name: /Priya Raman/ })).toContainText('Not yet met at chemistry');
  await expect(pairing.proposed.getByRole('row', { name: /Helen Marsh/ })).toBeVisible();
  await expect(pairing.proposed.getByRole('row', { name: /Imran Qureshi|Dana Whitfield|Priya Raman/ })).toHaveCount(0);
  await expectAccessible(page, 'pairing, people outside the pool');
  await keepScreenshot(page, 'withdrawal-01-not-in-pool');

  // Pinning someone outside the pool is refused, with the reason.
  await pairing.tab('Conflicts, preferences, capacities').click();
  await choose(page, 'Mentee (staff)', 'Priya Raman');
  await choose(page, 'Mentor (student)', 'Amara Nwosu');
  await pairing.addRule.getByRole('button', { name: 'Pin this pair' }).click();
  await expect(page.getByText('Priya Raman cannot be pinned: not yet met at chemistry.')).toBeVisible();
  await expect(pairing.rules.getByRole('row', { name: /Priya Raman/ })).toHaveCount(0);
  await expectAccessible(page, 'pairing, pin refused');
  await keepScreenshot(page, 'withdrawal-02-pin-refused');
});

test('withdrawing a paired person: the preview, the confirmation, and the partner flagged for re-pairing', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, ids } = await seedPool(bridge.registry);
  await seed(bridge.registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: ids.amara, menteeId: ids.helen }] });

  await goTo(page, `/pilots/${pilotId}/participants/${ids.amara}`);
  await page.getByRole('button', { name: 'Withdraw from the scheme' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Withdraw Amara Nwosu from the scheme?' });
  const changes = dialog.getByLabel('What will change');
  await expect(changes).toContainText('Their pair with Helen Marsh ends, with your reason.');
  await expect(changes).toContainText(/4 meetings still to come are cancelled \(.+\); they stay in the pair’s history\./);
  await expect(changes).toContainText('Helen Marsh is flagged for re-pairing.');
  await expect(changes).toContainText('Withdrawal is not erasure. Nothing is deleted: Amara Nwosu’s details, consent records, meetings, logs and history stay in the vault until they are erased.');
  await dialog.getByRole('button', { name: 'Withdraw and end 1 pair' }).click();
  await expect(dialog.getByText('Say why they are withdrawing')).toBeVisible();
  await expectAccessible(page, 'withdraw dialog with its preview');
  await keepScreenshot(page, 'withdrawal-03-dialog');
  await dialog.getByLabel('Reason for withdrawing').fill('Moved abroad for a placement');
  await dialog.getByRole('button', { name: 'Withdraw and end 1 pair' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Amara Nwosu withdrawn from the scheme; 1 pair ended. Nothing was erased.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Reason: Moved abroad for a placement');

  // Helen's record and the pairing screen show her flagged for re-pairing.
  await goTo(page, `/pilots/${pilotId}/participants/${ids.helen}`);
  await expect(page.getByText('Needs a new partner.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText(/Amara Nwosu withdrew on \d{1,2} \w{3,4} \d{4}; their pair ended\. Needs a new partner\./);
  await expectAccessible(page, 'partner flagged for re-pairing');
  await keepScreenshot(page, 'withdrawal-04-partner-record');
  await new PairingScreen(page).open(pilotId);
  await expect(page.getByRole('heading', { name: 'Needs a new partner (1)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Helen Marsh' })).toBeVisible();
  await expectAccessible(page, 'pairing with a partner to re-pair');
  await keepScreenshot(page, 'withdrawal-05-pairing-flag');
});

test('withdrawing consent to take part previews and runs the same cascade', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, ids } = await seedPool(bridge.registry);
  await seed(bridge.registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: ids.amara, menteeId: ids.helen }] });

  await goTo(page, `/pilots/${pilotId}/participants/${ids.helen}`);
  await page.getByRole('button', { name: /^Withdraw consent/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Withdraw Helen Marsh’s consent?' });
  await dialog.getByLabel('Reason').fill('No longer wishes to take part');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  const changes = dialog.getByLabel('What will change');
  await expect(changes).toContainText('Their pair with Amara Nwosu ends, with your reason.');
  await expect(changes).toContainText('Amara Nwosu is flagged for re-pairing.');
  await expect(changes).toContainText('Withdrawal is not erasure.');
  await expectAccessible(page, 'withdraw consent with its preview');
  await keepScreenshot(page, 'withdrawal-06-consent-preview');
  await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Now: Withdrawn');

  await goTo(page, `/pilots/${pilotId}/participants/${ids.amara}`);
  await expect(page.getByRole('region', { name: 'Status' })).toContainText(/Helen Marsh withdrew on .+; their pair ended\. Needs a new partner\./);
});
