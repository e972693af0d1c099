import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo } from './fixtures';
import { roleLabels } from '../../shared/participants/contract';
import { readyToPair, seedMeetingsPilot } from './worlds/meetings';

const ROLE_MENTEE = roleLabels.mentee;

/**
 * Two members of staff with the same name, each in a pair: every list that names them says which
 * is which (department and role), and each name leads to that person's own page.
 */
test('namesakes told apart, and names and pairs as links, on the pairing, meetings and logs screens', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilotId = await seedMeetingsPilot(bridge.registry);
  const person = (name: string, email: string, role: 'mentor' | 'mentee', department: string) => seed(bridge.registry, 'participants.create', { pilotId, participant: { name, email, role, department } });
  const amara = await person('Amara Nwosu', 'amara@example.ac.uk', 'mentor', 'Computing');
  const bilal = await person('Bilal Khan', 'bilal@example.ac.uk', 'mentor', 'Engineering');
  const lawNadia = await person('Nadia Osei', 'nadia.osei.2@example.ac.uk', 'mentee', 'School of Law');
  const historyNadia = await person('Nadia Osei', 'nadia.osei.4@example.ac.uk', 'mentee', 'School of History');
  await readyToPair(bridge.registry, pilotId, [
    [amara, lawNadia],
    [bilal, historyNadia],
  ]);
  await seed(bridge.registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: amara.id, menteeId: lawNadia.id }, { mentorId: bilal.id, menteeId: historyNadia.id }] });

  // Pairing, confirmed pairs: each Nadia Osei with her department and role, as a link to her page.
  await goTo(page, `/pilots/${pilotId}/pairing/confirmed`);
  const confirmed = page.getByRole('table', { name: /^Confirmed pairs/ });
  await expect(confirmed.getByRole('row').filter({ hasText: 'Amara Nwosu' })).toContainText('Nadia Osei (School of Law · staff mentee)');
  await expect(confirmed.getByRole('row').filter({ hasText: 'Bilal Khan' })).toContainText('Nadia Osei (School of History · staff mentee)');
  await expect(confirmed.getByRole('link', { name: 'Meetings of Nadia Osei and Bilal Khan' })).toBeVisible();
  await expectAccessible(page, 'pairing, confirmed pairs with namesakes');
  await keepScreenshot(page, 'pairing-20-namesakes-linked');
  await confirmed.getByRole('row').filter({ hasText: 'Bilal Khan' }).getByRole('link', { name: 'Nadia Osei', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Nadia Osei/ })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilotId}/participants/${historyNadia.id}$`));

  // Meetings: the pair list says which Nadia Osei each pair has; the pair's page links both people.
  await goTo(page, `/pilots/${pilotId}/meetings`);
  const progress = page.getByRole('table', { name: 'Progress of each confirmed pair' });
  await expect(progress.getByRole('row').filter({ hasText: 'Amara Nwosu' })).toContainText('Nadia Osei: School of Law · staff mentee');
  await expect(progress.getByRole('row').filter({ hasText: 'Bilal Khan' })).toContainText('Nadia Osei: School of History · staff mentee');
  await expectAccessible(page, 'meetings with namesakes');
  await keepScreenshot(page, 'meetings-20-namesakes');
  await progress.getByRole('link', { name: 'Meetings of Amara Nwosu and Nadia Osei' }).click();
  await expect(page.getByRole('main')).toContainText('Mentor (student): Amara Nwosu · Mentee (staff): Nadia Osei (School of Law · staff mentee)');
  await page.getByRole('link', { name: 'Amara Nwosu', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilotId}/participants/${amara.id}$`));

  // Logs: the log-book picker offers two people, told apart.
  await goTo(page, `/pilots/${pilotId}/logs?tab=books`);
  const picker = page.getByLabel('Person');
  await expect(picker.getByRole('option', { name: /^Nadia Osei/ })).toHaveCount(2);
  await picker.selectOption({ label: `Nadia Osei (School of History · staff mentee) — ${ROLE_MENTEE}` });
  await expect(picker).toHaveValue(String(historyNadia.id));
  await picker.selectOption({ label: `Nadia Osei (School of Law · staff mentee) — ${ROLE_MENTEE}` });
  await expect(picker).toHaveValue(String(lawNadia.id));
});
