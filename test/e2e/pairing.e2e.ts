import { ok } from '../helpers/pilot';
import { test, expect, expectAccessible, keepScreenshot } from './fixtures';
import { Frame } from './pages/frame';
import { choose } from './pages/person-picker';
import { openPairingOnCohort, seedAllProposedConfirmed, type Cohort } from './worlds/cohort';
import type { HandlerRegistry } from '../../electron/core';

// Each test has its own vault and bridge, so they run side by side.
test.describe.configure({ mode: 'parallel' });

const HELEN_AMARA = 'Helen Marsh and Amara Nwosu';

/** The pin on Helen and Amara and the forbidden David and Sofia that the proposal's buttons set. */
async function seedPinAndForbid(registry: HandlerRegistry, { pilotId, id }: Cohort) {
  await ok(registry, 'matching.setRule', { pilotId, mentorId: id('Amara Nwosu'), menteeId: id('Helen Marsh'), rule: 'pin' });
  await ok(registry, 'matching.setRule', { pilotId, mentorId: id('Sofia Rossi'), menteeId: id('David Okafor'), rule: 'forbid' });
}

test('pairing before proposing: the mode in force, and what pressing Propose pairs does', async ({ app: page, bridge }) => {
  const { pairing, open } = await openPairingOnCohort(page, bridge.registry);
  await open();
  await expect(pairing.heading).toBeVisible();
  await expect(pairing.tabs.getByRole('tab')).toHaveText(['Propose pairs', 'Settings', 'Conflicts, preferences, capacities', 'Confirmed pairs (0)']);
  await expect(page.getByRole('heading', { name: 'Best total fit' })).toBeVisible();
  await expect(page.getByText('Press Propose pairs to pair the whole cohort')).toBeVisible();
  await expectAccessible(page, 'pairing, before proposing');
  await keepScreenshot(page, 'pairing-01-start');
});

test('pairing settings: the mode, weights with their total, a characteristic to differ on; saved and proposed', async ({ app: page, bridge }) => {
  const { cohort: { pilotId }, pairing, open } = await openPairingOnCohort(page, bridge.registry);
  await open();
  await pairing.tab('Settings').click();
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilotId}/pairing/settings$`));
  await expect(page.getByLabel('Best total fit')).toBeChecked();
  await expect(page.getByText('Total: 85 points')).toBeVisible();
  await page.getByLabel('Most people paired').check();
  await page.getByRole('spinbutton', { name: 'Chemistry meeting' }).fill('30');
  await page.getByRole('spinbutton', { name: 'Shared topics' }).fill('20');
  await expect(page.getByText('Total: 85 points')).toBeVisible();
  await page.getByRole('checkbox', { name: 'First in family to university' }).check();
  await expect(page.getByText('Total: 100 points')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Availability overlap' }).fill('120');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('At most 100')).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Availability overlap' })).toBeFocused();
  await page.getByRole('spinbutton', { name: 'Availability overlap' }).fill('10');
  await expect(page.getByText('Total: 100 points')).toBeVisible();
  await expect(page.getByLabel('Allow pairs from the same department')).not.toBeChecked();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expectAccessible(page, 'pairing, settings');
  await keepScreenshot(page, 'pairing-02-settings');
  await page.getByRole('button', { name: 'Save and propose pairs' }).click();
  await expect(page).toHaveURL(new RegExp(`#/pilots/${pilotId}/pairing$`));
  await expect(page.getByRole('heading', { name: '6 pairs proposed' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Most people paired' })).toBeVisible();
});

test('a proposal: its summary, each pair with its reasons, and the one left unpaired with the reason', async ({ app: page, bridge }) => {
  const { pairing, open } = await openPairingOnCohort(page, bridge.registry, { settings: true });
  await open();
  await pairing.propose.click();
  await expect(page.getByRole('heading', { name: '6 pairs proposed' })).toBeFocused();
  await expect(pairing.glance).toHaveText(['6pairs proposed', '220total score', '0blocking pairs', '6mentors available', '7mentees available']);
  await expect(pairing.proposed.getByRole('row')).toHaveCount(7);
  const helen = pairing.pair(HELEN_AMARA);
  await expect(helen).toContainText('70');
  await expect(helen).toContainText('Helen Marsh');
  await page.getByRole('button', { name: `Why ${HELEN_AMARA}` }).click();
  await expect(page.getByRole('button', { name: `Why ${HELEN_AMARA}` })).toHaveAttribute('aria-expanded', 'true');
  await expect(pairing.why(HELEN_AMARA, 'scores').getByRole('listitem')).toHaveText([
    'Chemistry meeting30 / 30— both said yes',
    'Stated preferences0 / 25— neither listed the other',
    'Different on chosen characteristics15 / 15— Amara Nwosu is first in family to university, Helen Marsh is not',
    'Shared topics20 / 20— shared topics: Belonging, Assessment',
    'Availability overlap5 / 10— free at the same time: Wednesday afternoon',
  ]);
  // Tom Becker has not been trained: flagged already in the proposal.
  await expect(page.getByRole('row').filter({ hasText: 'Tom Becker' }).first()).toContainText('not trained yet');
  const unpaired = page.getByRole('table', { name: 'Not paired (1)' }).getByRole('row').nth(1);
  await expect(unpaired).toContainText('Priya Raman');
  await expect(unpaired).toContainText('No place left');
  await expect(unpaired).toContainText('There are 6 mentor places for 7 mentees, so not everyone can be paired.');
  await expectAccessible(page, 'pairing, proposal with an explanation open');
  await keepScreenshot(page, 'pairing-03-proposal');
});

test('a pair pinned and another forbidden from the proposal: out of date until proposed again, then both take effect', async ({ app: page, bridge }) => {
  const { pairing, open } = await openPairingOnCohort(page, bridge.registry, { settings: true });
  await open();
  await pairing.propose.click();
  await expect(page.getByRole('heading', { name: '6 pairs proposed' })).toBeFocused();
  await page.getByRole('button', { name: `Pin ${HELEN_AMARA}` }).click();
  await expect(pairing.pair(HELEN_AMARA)).toContainText('Pinned');
  await expect(page.getByRole('button', { name: `Unpin ${HELEN_AMARA}` })).toBeVisible();
  await page.getByRole('button', { name: 'Forbid David Okafor and Sofia Rossi' }).click();
  await expect(pairing.pair('David Okafor and Sofia Rossi')).toContainText('Forbidden');
  await expect(page.getByRole('button', { name: 'Allow David Okafor and Sofia Rossi again' })).toBeFocused();
  await expect(pairing.outOfDate).toBeVisible();
  await expect(page.getByRole('button', { name: /^Confirm these/ })).toHaveCount(0);
  await expectAccessible(page, 'pairing, out of date after a pin and a forbid');
  await keepScreenshot(page, 'pairing-04-out-of-date');
  await pairing.proposeAgain.first().click();
  await expect(pairing.outOfDate).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pin David Okafor and Sofia Rossi' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Forbid David Okafor and Sofia Rossi' })).toHaveCount(0);
  await expect(pairing.pair(HELEN_AMARA)).toContainText('Pinned');
  await expect(page.getByRole('button', { name: `Unpin ${HELEN_AMARA}` })).toBeVisible();
});

test('a conflict of interest: both people required, then recorded with its kind and note', async ({ app: page, bridge }) => {
  const { pairing, open } = await openPairingOnCohort(page, bridge.registry, { tab: 'constraints' });
  await open();
  await page.getByRole('button', { name: 'Add conflict of interest' }).click();
  await expect(page.getByText('Choose the member of staff')).toBeVisible();
  await choose(page, 'Member of staff', 'Simon Clarke');
  await choose(page, 'Student', 'Kwame Mensah');
  await page.getByLabel('The member of staff…').selectOption('supervises');
  await page.getByRole('textbox', { name: 'Note' }).fill('Dissertation supervisor');
  await page.getByRole('button', { name: 'Add conflict of interest' }).click();
  await expect(new Frame(page).notice('Conflict of interest recorded: Simon Clarke and Kwame Mensah will never be paired.')).toBeVisible();
  await expect(pairing.conflicts.getByRole('row').nth(1)).toHaveText(/Simon Clarke\s*Kwame Mensah\s*supervises the student\s*Dissertation supervisor/);
});

test('pinned and forbidden pairs: listed, lifted, and any pair pinned or forbidden here unless a conflict forbids it', async ({ app: page, bridge }) => {
  const { cohort, pairing, open } = await openPairingOnCohort(page, bridge.registry, { tab: 'constraints' });
  await seedPinAndForbid(bridge.registry, cohort);
  await ok(bridge.registry, 'matching.addConflict', { pilotId: cohort.pilotId, menteeId: cohort.id('Simon Clarke'), mentorId: cohort.id('Kwame Mensah'), kind: 'supervises', note: 'Dissertation supervisor' });
  const frame = new Frame(page);
  await open();
  // The pin and the forbidden pair are listed, and can be lifted here.
  await expect(pairing.rules.getByRole('row')).toHaveText(['Mentee (staff)Mentor (student)RuleActions', /^Helen MarshAmara NwosuPinned/, /^David OkaforSofia RossiForbidden/]);
  await page.getByRole('button', { name: 'Allow David Okafor and Sofia Rossi again' }).click();
  await expect(frame.notice('David Okafor and Sofia Rossi may be proposed again.')).toBeVisible();
  await expect(pairing.rules.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('button', { name: `Unpin ${HELEN_AMARA}` })).toBeFocused();

  // Any pair can be pinned or forbidden here, also one the proposal did not make.
  const addRule = pairing.addRule;
  await addRule.getByRole('button', { name: 'Pin this pair' }).click();
  await expect(addRule.getByText('Choose the mentee (member of staff)')).toBeVisible();
  await expect(addRule.getByText('Choose the mentor (student)')).toBeVisible();
  await expect(addRule.getByRole('combobox', { name: 'Mentee (staff)' })).toBeFocused();
  await choose(page, 'Mentee (staff)', 'Simon Clarke');
  await choose(page, 'Mentor (student)', 'Kwame Mensah');
  await addRule.getByRole('button', { name: 'Pin this pair' }).click();
  await expect(addRule.getByRole('alert')).toHaveText('A conflict of interest is recorded between Simon Clarke and Kwame Mensah: they are never paired, so a pin could not be kept.');
  await expectAccessible(page, 'pairing, pin or forbid any pair, refused');
  await keepScreenshot(page, 'pairing-05a-rule-form-refused');
  await choose(page, 'Mentee (staff)', 'Priya Raman');
  await choose(page, 'Mentor (student)', 'Lena Fischer');
  await addRule.getByRole('button', { name: 'Pin this pair' }).click();
  await expect(frame.notice('Priya Raman and Lena Fischer pinned: kept in every proposal. Propose again to see the effect.')).toBeVisible();
  await expect(pairing.rules.getByRole('row')).toHaveText(['Mentee (staff)Mentor (student)RuleActions', /^Helen MarshAmara NwosuPinned/, /^Priya RamanLena FischerPinned/]);
  await expect(addRule.getByRole('combobox', { name: 'Mentee (staff)' })).toHaveValue('');
  await expect(addRule.getByRole('combobox', { name: 'Mentor (student)' })).toHaveValue('');
  await choose(page, 'Mentee (staff)', 'Olivia Grant');
  await choose(page, 'Mentor (student)', 'Jamal Ahmed');
  await addRule.getByRole('button', { name: 'Forbid this pair' }).click();
  await expect(frame.notice('Olivia Grant and Jamal Ahmed forbidden: never proposed. Propose again to see the effect.')).toBeVisible();
  await expect(pairing.rules.getByRole('row')).toHaveCount(4);
  await expectAccessible(page, 'pairing, pin or forbid any pair');
  await keepScreenshot(page, 'pairing-05b-rule-form');
});

test('stated preferences ranked and reordered, who listed whom, and a capacity checked then saved', async ({ app: page, bridge }) => {
  const { pairing, open } = await openPairingOnCohort(page, bridge.registry, { tab: 'constraints' });
  const frame = new Frame(page);
  await open();
  await choose(page, 'Whose preferences', 'Margaret Lee');
  await expect(page.getByRole('heading', { name: 'Margaret Lee’s preferred mentors, best first' })).toBeVisible();
  await choose(page, 'Add a preferred mentor (student)', 'Lena Fischer');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(frame.notice('Lena Fischer added as Margaret Lee’s 1st choice.')).toBeVisible();
  await choose(page, 'Add a preferred mentor (student)', 'Jamal Ahmed');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  const ranked = page.getByRole('list', { name: 'Margaret Lee’s preferred mentors, best first' });
  await expect(ranked.getByRole('listitem')).toHaveText([/Lena Fischer/, /Jamal Ahmed/]);
  await page.getByRole('button', { name: 'Move Jamal Ahmed up' }).click();
  await expect(ranked.getByRole('listitem')).toHaveText([/Jamal Ahmed/, /Lena Fischer/]);
  await expect(page.getByRole('button', { name: 'Move Jamal Ahmed down' })).toBeFocused();
  const listedRow = (name: string) => pairing.whoListedWhom.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  await expect(listedRow('Margaret Lee')).toContainText('1. Jamal Ahmed, 2. Lena Fischer');
  await expect(listedRow('Lena Fischer')).toContainText('Margaret Lee (2nd)');

  const capacity = page.getByRole('spinbutton', { name: 'Capacity of Robert Hughes' });
  await capacity.fill('7');
  await capacity.press('Enter');
  await expect(pairing.capacities.getByText('A whole number from 1 to 5')).toBeVisible();
  await capacity.fill('2');
  await capacity.press('Enter');
  await expect(frame.notice('Robert Hughes now takes up to 2 partners.')).toBeVisible();
  await expect(pairing.capacities.getByRole('row').filter({ hasText: 'Robert Hughes' })).toContainText('0 of 2');
  await expectAccessible(page, 'pairing, constraints');
  await keepScreenshot(page, 'pairing-05-constraints');
});

test('constraints changed after a proposal make it out of date; proposed again, they take effect', async ({ app: page, bridge }) => {
  const { cohort, pairing, open } = await openPairingOnCohort(page, bridge.registry, { settings: true });
  await seedPinAndForbid(bridge.registry, cohort);
  await ok(bridge.registry, 'matching.addConflict', { pilotId: cohort.pilotId, menteeId: cohort.id('Simon Clarke'), mentorId: cohort.id('Kwame Mensah'), kind: 'supervises', note: '' });
  await ok(bridge.registry, 'matching.setRule', { pilotId: cohort.pilotId, menteeId: cohort.id('Olivia Grant'), mentorId: cohort.id('Jamal Ahmed'), rule: 'forbid' });
  await open();
  await pairing.propose.click();
  await expect(page.getByRole('heading', { name: /pairs? proposed$/ })).toBeFocused();

  await pairing.tab('Conflicts, preferences, capacities').click();
  await choose(page, 'Mentee (staff)', 'Priya Raman');
  await choose(page, 'Mentor (student)', 'Lena Fischer');
  await pairing.addRule.getByRole('button', { name: 'Pin this pair' }).click();
  await expect(new Frame(page).notice(/^Priya Raman and Lena Fischer pinned/)).toBeVisible();

  // Back to the proposal: out of date; proposed again, the conflict keeps Simon and Kwame apart.
  await pairing.tab('Propose pairs').click();
  await expect(pairing.outOfDate).toBeVisible();
  await pairing.proposeAgain.first().click();
  await expect(pairing.outOfDate).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pin Simon Clarke and Kwame Mensah' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Unpin ${HELEN_AMARA}` })).toBeVisible();
  await expect(pairing.pair('Priya Raman and Lena Fischer')).toContainText('Pinned');
  await expect(page.getByRole('button', { name: 'Why Olivia Grant and Jamal Ahmed' })).toHaveCount(0);
});

test('confirming pairs: one chosen pair first (the rest are proposed again), then every remaining one', async ({ app: page, bridge }) => {
  const { cohort, pairing, open } = await openPairingOnCohort(page, bridge.registry, { settings: true });
  await ok(bridge.registry, 'matching.setRule', { pilotId: cohort.pilotId, mentorId: cohort.id('Amara Nwosu'), menteeId: cohort.id('Helen Marsh'), rule: 'pin' });
  const frame = new Frame(page);
  await open();
  await pairing.propose.click();
  await expect(page.getByRole('heading', { name: /pairs? proposed$/ })).toBeFocused();

  await page.getByRole('checkbox', { name: `Select ${HELEN_AMARA}` }).check();
  await page.getByRole('button', { name: 'Confirm 1 selected pair' }).click();
  const confirmOne = page.getByRole('alertdialog', { name: 'Confirm 1 pair?' });
  await expect(confirmOne.getByRole('listitem')).toHaveText([`${HELEN_AMARA} (score 70)`]);
  await confirmOne.getByRole('button', { name: 'Confirm 1 pair' }).click();
  await expect(frame.notice('1 pair confirmed. Both people in each pair are now Paired.')).toBeVisible();
  await expect(pairing.tab('Confirmed pairs (1)')).toBeVisible();
  await expect(page.getByRole('heading', { name: /pairs? proposed$/ })).toBeFocused();
  await expect(page.getByRole('button', { name: `Why ${HELEN_AMARA}` })).toHaveCount(0);
  // The confirmed pin is cleared, so no "pin not kept" warning follows.
  await expect(page.getByText(/was not kept/)).toHaveCount(0);
  const rows = await pairing.proposedCount();
  expect(rows).toBeGreaterThan(3);
  await page.getByRole('button', { name: `Confirm these ${rows} pairs` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Confirm ${rows} pairs?` });
  await expect(confirm.getByRole('listitem')).toHaveCount(rows);
  await expectAccessible(page, 'pairing, confirm dialog');
  await keepScreenshot(page, 'pairing-06-confirm-dialog');
  await confirm.getByRole('button', { name: `Confirm ${rows} pairs` }).click();
  await expect(frame.notice(`${rows} pairs confirmed. Both people in each pair are now Paired.`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/pilots/${cohort.pilotId}/pairing/confirmed$`));
  await expect(page.getByRole('heading', { name: `${rows + 1} current pairs` })).toBeFocused();
  await expect(pairing.tab(`Confirmed pairs (${rows + 1})`)).toBeVisible();
});

test('confirmed pairs: who is not trained yet, why each scored what it did, and both people now Paired', async ({ app: page, bridge }) => {
  const { cohort, pairing, open } = await openPairingOnCohort(page, bridge.registry, { settings: true, tab: 'confirmed' });
  await seedAllProposedConfirmed(bridge.registry, cohort);
  await open();
  // Untrained people are flagged; Helen has not been trained, Amara has.
  const helenPair = pairing.confirmedPair('Helen Marsh');
  await expect(helenPair).toContainText('Not trained Helen Marsh');
  await expect(helenPair).not.toContainText('Not trained Amara Nwosu');
  await expect(pairing.confirmedPair('David Okafor')).toContainText('Both trained');
  await expect(page.getByText(/^\d pairs with someone not trained yet/)).toBeVisible();
  await page.getByRole('button', { name: `Why ${HELEN_AMARA}` }).click();
  await expect(pairing.why(HELEN_AMARA, 'scored')).toHaveAccessibleName(`Why ${HELEN_AMARA} scored 70 when confirmed`);
  await expect(pairing.why(HELEN_AMARA, 'scored')).toContainText('Chemistry meeting30 / 30— both said yes');
  await expectAccessible(page, 'pairing, confirmed pairs');
  await keepScreenshot(page, 'pairing-07-confirmed');

  // Both people are now Paired.
  await pairing.tab('Conflicts, preferences, capacities').click();
  await expect(pairing.capacities.getByRole('row').filter({ hasText: 'Helen Marsh' })).toContainText('Paired');
  await expect(pairing.capacities.getByRole('row').filter({ hasText: 'Amara Nwosu' })).toContainText('Paired');
  await expect(pairing.capacities.getByRole('row').filter({ hasText: 'Helen Marsh' })).toContainText('1 of 1');
});

test('ending a pair: a reason is required, kept, and shown with the ended pairs', async ({ app: page, bridge }) => {
  const { cohort, pairing, open } = await openPairingOnCohort(page, bridge.registry, { settings: true, tab: 'confirmed' });
  const pairs = await seedAllProposedConfirmed(bridge.registry, cohort);
  await open();
  await expect(page.getByRole('heading', { name: `${pairs} current pairs` })).toBeVisible();
  await page.getByRole('button', { name: `End pair of ${HELEN_AMARA}` }).click();
  const end = page.getByRole('dialog', { name: `End the pair of ${HELEN_AMARA}?` });
  await expect(end.getByRole('textbox', { name: 'Why is this pair ending?' })).toBeFocused();
  await end.getByRole('button', { name: 'End pair' }).click();
  await expect(end.getByText('Reason is required')).toBeVisible();
  await expectAccessible(page, 'pairing, end pair dialog');
  await keepScreenshot(page, 'pairing-08-end-pair-dialog');
  await end.getByRole('textbox', { name: 'Why is this pair ending?' }).fill('Helen moves to another campus in January.');
  await end.getByRole('button', { name: 'End pair' }).click();
  await expect(end).toBeHidden();
  await expect(new Frame(page).notice(`Pair of ${HELEN_AMARA} ended. Both return to their stage before pairing.`)).toBeVisible();
  const helenPair = pairing.confirmedPair('Helen Marsh');
  await expect(helenPair).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `${pairs - 1} current pairs` })).toBeVisible();
  await page.getByLabel('Show ended pairs').check();
  await expect(helenPair).toContainText('Reason: Helen moves to another campus in January.');
  await expect(helenPair).toContainText('Ended');
  await expectAccessible(page, 'pairing, with ended pairs');
  await keepScreenshot(page, 'pairing-09-ended');
});
