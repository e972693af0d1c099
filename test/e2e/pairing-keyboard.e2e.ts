import { test, expect, expectAccessible, keepScreenshot, createVault, tabTo } from './fixtures';
import { Frame } from './pages/frame';
import { PairingScreen } from './pages/pairing';
import { chooseByKeyboard } from './pages/person-picker';
import { openPairingOnCohort, seedAllProposedConfirmed, seedReadyToPair } from './worlds/cohort';

// Each test has its own vault and bridge, so they run side by side. Keyboard only: nothing is clicked.
test.describe.configure({ mode: 'parallel' });

const HELEN_AMARA = 'Helen Marsh and Amara Nwosu';

test('pairing by keyboard: into the stage, its tabs by arrows, the settings, a proposal, its explanation, a pin and a forbid', async ({ app: page, bridge }) => {
  await createVault(page);
  await seedReadyToPair(bridge.registry);
  await page.reload();
  const pairing = new PairingScreen(page);

  // Into the pilot and to its Pairing stage through the navigation.
  await expect(page.getByRole('heading', { name: 'Pilots', level: 1 })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Belonging 2026/27' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Pairing' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(pairing.heading).toBeFocused();

  // The tabs: arrows move between them.
  await tabTo(page, pairing.tab('Propose pairs'));
  await page.keyboard.press('ArrowRight');
  await expect(pairing.tab('Settings')).toBeFocused();
  await expect(pairing.tab('Settings')).toHaveAttribute('aria-selected', 'true');

  // Settings: the mode by arrows, a weight typed, a characteristic ticked by Space.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Best total fit')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Most people paired')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('spinbutton', { name: 'Chemistry meeting' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('30');
  await tabTo(page, page.getByRole('spinbutton', { name: 'Shared topics' }));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('20');
  await tabTo(page, page.getByRole('checkbox', { name: 'First in family to university' }));
  await page.keyboard.press('Space');
  await expect(page.getByText('Total: 100 points')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Save and propose pairs' }));
  await page.keyboard.press('Enter');

  // The proposal takes focus; the explanation opens from its button.
  await expect(page.getByRole('heading', { name: '6 pairs proposed' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: `Why ${HELEN_AMARA}` }));
  await page.keyboard.press('Enter');
  await expect(pairing.why(HELEN_AMARA, 'scores')).toHaveAccessibleName(`Why ${HELEN_AMARA} scores 70`);
  await expect(pairing.why(HELEN_AMARA, 'scores')).toContainText('Chemistry meeting30 / 30— both said yes');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Pin ${HELEN_AMARA}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: `Unpin ${HELEN_AMARA}` })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Forbid David Okafor and Sofia Rossi' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Allow David Okafor and Sofia Rossi again' })).toBeFocused();

  // Proposed again: the pin kept, the forbidden pair gone.
  await tabTo(page, pairing.proposeAgain.last(), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /pairs proposed$/ })).toBeFocused();
  await expect(pairing.outOfDate).toBeHidden();
  await expect(page.getByRole('button', { name: 'Forbid David Okafor and Sofia Rossi' })).toHaveCount(0);
  await expect(pairing.pair(HELEN_AMARA)).toContainText('Pinned');
  await expectAccessible(page, 'pairing by keyboard, proposed again');
  await keepScreenshot(page, 'pairing-10-keyboard-proposal');
});

test('pairing by keyboard: a conflict and a pin chosen in the searchable lists, proposed again, every pair confirmed', async ({ app: page, bridge }) => {
  const { pairing, open } = await openPairingOnCohort(page, bridge.registry, { settings: true });
  await open();
  await expect(pairing.heading).toBeVisible();
  await tabTo(page, pairing.propose);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /pairs proposed$/ })).toBeFocused();

  // A conflict of interest, on the constraints tab.
  await tabTo(page, pairing.tab('Propose pairs'), { backwards: true });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(pairing.tab('Conflicts, preferences, capacities')).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, page.getByRole('combobox', { name: 'Member of staff', exact: true }));
  await chooseByKeyboard(page, 'Simon Clarke');
  await expect(page.getByRole('combobox', { name: 'Member of staff', exact: true })).toHaveValue('Simon Clarke');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Student', exact: true })).toBeFocused();
  await chooseByKeyboard(page, 'Kwame Mensah');
  await expect(page.getByRole('combobox', { name: 'Student', exact: true })).toHaveValue('Kwame Mensah');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('The member of staff…')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('The member of staff…')).toHaveValue('assesses');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Marks his coursework');
  await tabTo(page, page.getByRole('button', { name: 'Add conflict of interest' }));
  await page.keyboard.press('Enter');
  await expect(pairing.conflicts).toContainText('assesses the student');

  // A pair the proposal did not make, pinned with the two searchable lists and the button.
  await tabTo(page, page.getByRole('combobox', { name: 'Mentee (staff)' }));
  await chooseByKeyboard(page, 'Priya Raman');
  await expect(page.getByRole('combobox', { name: 'Mentee (staff)' })).toHaveValue('Priya Raman');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Mentor (student)' })).toBeFocused();
  await chooseByKeyboard(page, 'Lena Fischer');
  await expect(page.getByRole('combobox', { name: 'Mentor (student)' })).toHaveValue('Lena Fischer');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Pin this pair' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(new Frame(page).notice('Priya Raman and Lena Fischer pinned: kept in every proposal. Propose again to see the effect.')).toBeVisible();
  await expect(pairing.rules).toContainText('Priya RamanLena FischerPinned');
  await expect(page.getByRole('button', { name: 'Pin this pair' })).toBeFocused();

  // Back to the proposal: out of date, proposed again, then every pair confirmed.
  await tabTo(page, pairing.tab('Conflicts, preferences, capacities'), { backwards: true });
  await page.keyboard.press('Home');
  await expect(pairing.tab('Propose pairs')).toHaveAttribute('aria-selected', 'true');
  await expect(pairing.outOfDate).toBeVisible();
  await tabTo(page, pairing.proposeAgain.last());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /pairs proposed$/ })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Pin Simon Clarke and Kwame Mensah' })).toHaveCount(0);
  await expect(pairing.pair('Priya Raman and Lena Fischer')).toContainText('Pinned');
  const rows = await pairing.proposedCount();
  await tabTo(page, page.getByRole('button', { name: `Confirm these ${rows} pairs` }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: `Confirm ${rows} pairs?` });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: `Confirm ${rows} pairs` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `${rows} current pairs` })).toBeFocused();
  await expect(pairing.tab(`Confirmed pairs (${rows})`)).toHaveAttribute('aria-selected', 'true');
  await expect(pairing.confirmedPair('Helen Marsh')).toContainText('Not trained Helen Marsh');
});

test('pairing by keyboard: a pair ended with its reason, and focus lands on the next pair', async ({ app: page, bridge }) => {
  const { cohort, open } = await openPairingOnCohort(page, bridge.registry, { settings: true, tab: 'confirmed' });
  const pairs = await seedAllProposedConfirmed(bridge.registry, cohort);
  await open();
  await expect(page.getByRole('heading', { name: `${pairs} current pairs` })).toBeVisible();

  // End a pair: the dialog insists on a reason; focus lands on the next pair's button.
  await tabTo(page, page.getByRole('button', { name: `End pair of ${HELEN_AMARA}` }));
  await page.keyboard.press('Enter');
  const end = page.getByRole('dialog', { name: `End the pair of ${HELEN_AMARA}?` });
  await expect(end.getByRole('textbox', { name: 'Why is this pair ending?' })).toBeFocused();
  await page.keyboard.type('Helen asked to pause until the spring.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(end.getByRole('button', { name: 'End pair' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(end).toBeHidden();
  await expect(new Frame(page).notice(`Pair of ${HELEN_AMARA} ended. Both return to their stage before pairing.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: `${pairs - 1} current pairs` })).toBeVisible();
  await expect(page.locator(':focus')).toHaveAccessibleName(/^End pair of /);
  await expectAccessible(page, 'pairing by keyboard, a pair ended');
  await keepScreenshot(page, 'pairing-11-keyboard-ended');
});
