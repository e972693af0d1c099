import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, currentAcademicYear, goTo, tabTo } from './fixtures';
import { Frame } from './pages/frame';
import { PlanScreen } from './pages/plan';
import { fillDate } from './pages/dates';

// Each test has its own vault and bridge, so they can run side by side.
test.describe.configure({ mode: 'parallel' });

/** A pilot with three themes and four people in its register. */
async function seedVoices(page: Page, registry: HandlerRegistry) {
  await createVault(page);
  const pilot = await seed(registry, 'pilots.create', { name: 'Voices 2026/27', purpose: 'Students mentor senior leaders on belonging.', ...currentAcademicYear() });
  const pilotId = pilot.id;
  const themes: Record<string, number> = {};
  for (const title of ['Identity', 'Belonging', 'Being heard']) themes[title] = (await seed(registry, 'themes.create', { pilotId, theme: { title } })).id;
  const people: Record<string, number> = {};
  for (const [name, role, department] of [
    ['Adaeze Okafor', 'mentor', 'Law'],
    ['Bartek Nowak', 'mentee', 'Registry'],
    ['Chen Wei', 'mentor', 'Engineering'],
    ['Dana Adeyemi', 'mentee', 'Library'],
  ] as const) {
    people[name] = (await seed(registry, 'participants.create', { pilotId, participant: { name, email: `${name.split(' ')[0]!.toLowerCase()}@uni.example`, role, department } })).id;
  }
  return { pilotId, theme: (title: string) => themes[title]!, person: (name: string) => people[name]! };
}
type Voices = Awaited<ReturnType<typeof seedVoices>>;

const staffSession = 'Staff want to hear how it feels to be the only one like you in a lecture theatre.';
const committees = 'Committees are where staff meet students, and students rarely speak there.';
const guests = 'Students feel like guests in spaces staff take for granted.';

/** The staff session of 8 October (head counts) with its two findings. */
async function seedStaffSession(registry: HandlerRegistry, { pilotId, theme }: Voices) {
  const group = await seed(registry, 'focusGroups.create', {
    pilotId,
    focusGroup: { heldOn: '2026-10-08', audience: 'staff', facilitator: 'Dr Example Facilitator', attendance: { mode: 'counts', staff: 7, students: 0 }, notes: 'Senior staff said they rarely hear from students outside formal committees.' },
  });
  await seed(registry, 'findings.create', { focusGroupId: group.id, finding: { text: staffSession, themeIds: [theme('Identity'), theme('Being heard')] } });
  await seed(registry, 'findings.create', { focusGroupId: group.id, finding: { text: committees, themeIds: [theme('Being heard')] } });
  return group;
}

/** The mixed session of 15 October, three people named, with one finding. */
async function seedMixedSession(registry: HandlerRegistry, { pilotId, theme, person }: Voices) {
  const group = await seed(registry, 'focusGroups.create', {
    pilotId,
    focusGroup: { heldOn: '2026-10-15', audience: 'mixed', attendance: { mode: 'named', participantIds: ['Adaeze Okafor', 'Bartek Nowak', 'Chen Wei'].map(person) } },
  });
  await seed(registry, 'findings.create', { focusGroupId: group.id, finding: { text: guests, themeIds: [theme('Belonging')] } });
  return group;
}

const findings = (page: Page) => page.getByRole('list', { name: 'Findings of this session' }).getByRole('listitem');
const attendance = (page: Page) => page.getByRole('region', { name: 'Attendance' });

test('a focus group with head counts: a blank or negative count refused, then recorded', async ({ app: page, bridge }) => {
  const { pilotId } = await seedVoices(page, bridge.registry);
  await goTo(page, `/pilots/${pilotId}/plan`);
  await new Frame(page).navigation.getByRole('link', { name: 'Focus groups' }).click();
  await expect(page.getByRole('heading', { name: 'Focus groups', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No focus groups yet' })).toBeVisible();
  await expectAccessible(page, 'focus groups, empty');
  await keepScreenshot(page, 'focus-groups-01-empty');

  // A session with head counts; a blank count is refused first.
  await page.getByRole('button', { name: 'Record the first focus group' }).click();
  await expect(page.getByRole('heading', { name: 'Record a focus group', level: 1 })).toBeVisible();
  await fillDate(page, 'Date', '2026-10-08');
  await page.getByLabel('Audience').selectOption('staff');
  await page.getByLabel('Facilitator').fill('Dr Example Facilitator');
  await expect(page.getByLabel('Head counts (names were not taken)')).toBeChecked();
  await page.getByLabel('Staff', { exact: true }).fill('');
  await page.getByLabel('Students', { exact: true }).fill('-1');
  await page.getByRole('button', { name: 'Record focus group' }).click();
  await expect(page.getByText('Enter a number')).toBeVisible();
  await expect(page.getByText('Cannot be negative')).toBeVisible();
  await page.getByLabel('Staff', { exact: true }).fill('7');
  await page.getByLabel('Students', { exact: true }).fill('0');
  await page.getByLabel('Notes').fill('Senior staff said they rarely hear from students outside formal committees.');
  await expectAccessible(page, 'focus group form, counts');
  await keepScreenshot(page, 'focus-groups-02-form-counts');
  // A typo in the year: asked first, nothing saved; correcting the date takes the question away.
  await fillDate(page, 'Date', '2099-10-08');
  await page.getByRole('button', { name: 'Record focus group' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please check before saving.' })).toContainText('The session date (8 Oct 2099) is after the pilot ends');
  await expect(page.getByRole('button', { name: 'Record focus group anyway' })).toBeVisible();
  await expectAccessible(page, 'focus group form, date to confirm');
  await keepScreenshot(page, 'focus-groups-02b-confirm-date');
  await fillDate(page, 'Date', '2026-10-08');
  await expect(page.getByText('Please check before saving.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Record focus group' }).click();

  await expect(page.getByRole('heading', { name: 'Focus group, 8 Oct 2026', level: 1 })).toBeVisible();
  await expect(new Frame(page).notice('Focus group of 8 Oct 2026 recorded. Add its findings next.')).toBeVisible();
  await expect(attendance(page)).toContainText('7 staff and 0 students: 7 people in all');
  await expect(page.getByText('Staff, facilitated by Dr Example Facilitator.')).toBeVisible();
});

test('findings, each linked to the themes it informed: required, added, edited, deleted after a question', async ({ app: page, bridge }) => {
  const voices = await seedVoices(page, bridge.registry);
  const group = await seed(bridge.registry, 'focusGroups.create', { pilotId: voices.pilotId, focusGroup: { heldOn: '2026-10-08', audience: 'staff', attendance: { mode: 'counts', staff: 7, students: 0 } } });
  const frame = new Frame(page);
  await goTo(page, `/pilots/${voices.pilotId}/focus-groups/${group.id}`);
  const addFinding = page.getByRole('form', { name: 'Add a finding' });
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  await expect(addFinding.getByText('Finding is required')).toBeVisible();
  await addFinding.getByLabel('Finding').fill(staffSession);
  await addFinding.getByLabel('Identity').check();
  await addFinding.getByLabel('Being heard').check();
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  await expect(frame.notice('Finding added and linked to Identity, Being heard.')).toBeVisible();
  await expect(addFinding.getByLabel('Finding')).toHaveValue('');
  await addFinding.getByLabel('Finding').fill(committees);
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  await expect(findings(page)).toHaveCount(2);
  await expect(findings(page).nth(0)).toContainText('Informs: IdentityBeing heard');
  await expect(findings(page).nth(1)).toContainText('Not linked to a theme yet.');

  await page.getByRole('button', { name: 'Edit finding 2' }).click();
  await expect(page.getByRole('textbox', { name: 'Finding' }).first()).toBeFocused();
  await page.getByRole('form', { name: 'Edit finding 2' }).getByLabel('Being heard').check();
  await page.getByRole('button', { name: 'Save finding' }).click();
  await expect(findings(page).nth(1)).toContainText('Informs: Being heard');
  await expect(page.getByRole('button', { name: 'Edit finding 2' })).toBeFocused();
  await expectAccessible(page, 'focus group with findings');
  await keepScreenshot(page, 'focus-groups-03-detail');

  // Delete a finding, with confirmation.
  await addFinding.getByLabel('Finding').fill('A finding recorded by mistake.');
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  await expect(findings(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete finding 3' }).click();
  const findingDialog = page.getByRole('alertdialog', { name: 'Delete finding 3?' });
  await expect(findingDialog).toContainText('“A finding recorded by mistake.”');
  await expectAccessible(page, 'delete finding dialog');
  await keepScreenshot(page, 'focus-groups-04-delete-finding-dialog');
  await findingDialog.getByRole('button', { name: 'Delete finding' }).click();
  await expect(findings(page)).toHaveCount(2);
});

test('a focus group with named people searched in the register; one more named by editing it', async ({ app: page, bridge }) => {
  const voices = await seedVoices(page, bridge.registry);
  await seedStaffSession(bridge.registry, voices);
  await goTo(page, `/pilots/${voices.pilotId}/focus-groups`);
  await page.getByRole('button', { name: 'Record a focus group' }).click();
  await fillDate(page, 'Date', '2026-10-15');
  await page.getByLabel('Audience').selectOption('mixed');
  await page.getByLabel('Named people from the register').check();
  await expect(page.getByText('Nobody chosen yet.')).toBeVisible();
  await page.getByLabel('Search the register').fill('ad');
  const register = page.getByRole('list', { name: 'People in the register' });
  await expect(register.getByRole('checkbox')).toHaveCount(2);
  await register.getByLabel(/Adaeze Okafor/).check();
  await page.getByLabel('Search the register').fill('registry');
  await register.getByLabel(/Bartek Nowak/).check();
  await page.getByLabel('Search the register').fill('nobody like this');
  await expect(page.getByText('Nobody in the register matches “nobody like this”.')).toBeVisible();
  await page.getByLabel('Search the register').fill('');
  await expect(register.getByRole('checkbox')).toHaveCount(4);
  await expect(page.getByText('Chosen (2): Adaeze Okafor, Bartek Nowak.')).toBeVisible();
  await expectAccessible(page, 'focus group form, named');
  await keepScreenshot(page, 'focus-groups-05-form-named');
  await page.getByRole('button', { name: 'Record focus group' }).click();
  await expect(page.getByRole('heading', { name: 'Focus group, 15 Oct 2026', level: 1 })).toBeVisible();
  await expect(attendance(page).getByRole('listitem')).toHaveText(['Adaeze Okafor', 'Bartek Nowak']);
  const addFinding = page.getByRole('form', { name: 'Add a finding' });
  await addFinding.getByLabel('Finding').fill(guests);
  await addFinding.getByLabel('Belonging').check();
  await addFinding.getByRole('button', { name: 'Add finding' }).click();
  await expect(findings(page)).toHaveCount(1);

  // Edit the session: one more attendee.
  await page.getByRole('button', { name: 'Edit session' }).click();
  await expect(page.getByLabel('Named people from the register')).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Edit the focus group of 15 Oct 2026', level: 1 })).toBeVisible();
  await page.getByRole('list', { name: 'People in the register' }).getByLabel(/Chen Wei/).check();
  await expectAccessible(page, 'edit focus group');
  await keepScreenshot(page, 'focus-groups-06-edit');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(attendance(page).getByRole('listitem')).toHaveText(['Adaeze Okafor', 'Bartek Nowak', 'Chen Wei']);
});

test('the focus groups list: most recent first, with attendance and findings', async ({ app: page, bridge }) => {
  const voices = await seedVoices(page, bridge.registry);
  await seedStaffSession(bridge.registry, voices);
  await seedMixedSession(bridge.registry, voices);
  await goTo(page, `/pilots/${voices.pilotId}/focus-groups`);
  const rows = page.getByRole('table', { name: 'Focus groups, most recent first' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('15 Oct 2026');
  await expect(rows.nth(1)).toContainText('Staff and students');
  await expect(rows.nth(1)).toContainText('3 people named: Adaeze Okafor, Bartek Nowak and Chen Wei');
  await expect(rows.nth(1)).toContainText('1 finding');
  await expect(rows.nth(2)).toContainText('7 staff, 0 students');
  await expect(rows.nth(2)).toContainText('2 findings');
  await expectAccessible(page, 'focus groups list');
  await keepScreenshot(page, 'focus-groups-07-list');
});

test('the plan shows each finding under the themes it informed; deleting a session takes its findings off them', async ({ app: page, bridge }) => {
  const voices = await seedVoices(page, bridge.registry);
  await seedStaffSession(bridge.registry, voices);
  await seedMixedSession(bridge.registry, voices);
  const plan = new PlanScreen(page);
  await plan.open(voices.pilotId, 'themes');
  await expect(plan.themeFindings('Identity')).toHaveText([`${staffSession} (focus group of 8 Oct 2026)`]);
  await expect(plan.themeFindings('Belonging')).toHaveText([`${guests} (focus group of 15 Oct 2026)`]);
  await expect(plan.themeFindings('Being heard')).toHaveCount(2);
  await expectAccessible(page, 'plan with findings under themes');
  await keepScreenshot(page, 'plan-08-themes-with-findings');

  // From a finding to its session; deleting the session (confirmed) takes its findings off the themes.
  await plan.theme('Belonging').getByRole('link', { name: 'focus group of 15 Oct 2026' }).click();
  await expect(page.getByRole('heading', { name: 'Focus group, 15 Oct 2026', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Delete session' }).click();
  const sessionDialog = page.getByRole('alertdialog', { name: 'Delete the focus group of 15 Oct 2026?' });
  await expect(sessionDialog).toContainText('Its finding is deleted with it and disappears from the themes it informed.');
  await expectAccessible(page, 'delete focus group dialog');
  await keepScreenshot(page, 'focus-groups-08-delete-dialog');
  await sessionDialog.getByRole('button', { name: 'Delete focus group' }).click();
  await expect(page.getByRole('heading', { name: 'Focus groups', level: 1 })).toBeVisible();
  await expect(new Frame(page).notice('Focus group of 15 Oct 2026 deleted.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Focus groups, most recent first' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: 'Plan and timeline' }).click();
  await plan.part('Themes').click();
  await expect(plan.theme('Belonging')).toContainText('None linked yet.');
});

test('by keyboard alone: a focus group recorded from the sidebar, and a finding linked to a theme', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilot = await seed(bridge.registry, 'pilots.create', { name: 'Keyboard pilot', ...currentAcademicYear() });
  await seed(bridge.registry, 'themes.create', { pilotId: pilot.id, theme: { title: 'Being heard', description: 'Whose voice counts.', iceBreakers: ['Who listens to you?', 'Who should ask you?'] } });
  const plan = new PlanScreen(page);
  await plan.open(pilot.id);
  await expect(plan.heading).toBeFocused();

  // To the focus groups through the sidebar, by keyboard.
  await tabTo(page, new Frame(page).navigation.getByRole('link', { name: 'Focus groups' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Focus groups', level: 1 })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Record the first focus group' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Record a focus group', level: 1 })).toBeFocused();
  await tabTo(page, page.getByLabel('Facilitator'));
  await page.keyboard.type('Sam');
  await tabTo(page, page.getByLabel('Students', { exact: true }));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Focus group, /, level: 1 })).toBeFocused();
  await expect(attendance(page)).toContainText('0 staff and 9 students');

  await tabTo(page, page.getByRole('textbox', { name: 'Finding', exact: true }));
  await page.keyboard.type('Students are rarely asked first.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Being heard' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Being heard' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Add finding' }));
  await page.keyboard.press('Enter');
  await expect(new Frame(page).notice('Finding added and linked to Being heard.')).toBeVisible();
  await expect(findings(page)).toContainText(['Students are rarely asked first.Informs: Being heard']);
  await expectAccessible(page, 'focus group after keyboard entry');
});
