import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, isoDay, tabTo, PASSPHRASE } from './fixtures';
import { Frame } from './pages/frame';
import { LogEditor } from './pages/logs';
import { ConcernScreen, RaiseConcernDialog, SafeguardingScreen } from './pages/safeguarding';
import { seedMeetingsPilot, seedPairs } from './worlds/meetings';
import { fillDate } from './pages/dates';

test.describe.configure({ mode: 'parallel' });

const noStages = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

/** Pair A's first meeting held a week ago, Amara Nwosu's log for it submitted, and a three-step support protocol in the plan. */
async function seedLogWithProtocol(registry: HandlerRegistry) {
  const pilotId = await seedMeetingsPilot(registry);
  const world = await seedPairs(registry, pilotId);
  const meeting = world.a[0]!;
  await seed(registry, 'meetings.markHeld', { id: meeting.id, heldOn: isoDay(-7), actualDurationMin: 60 });
  await seed(registry, 'logs.submit', {
    meetingId: meeting.id,
    authorId: world.amara.id,
    stages: { ...noStages, description: 'We talked about commuting. I said I have been struggling to sleep since starting a second job.' },
  });
  await seed(registry, 'plan.setSupport', {
    pilotId,
    support: { contacts: [], escalationSteps: ['Listen, and explain the limits of confidentiality', 'Agree the next step with the person', 'If someone is at immediate risk, call Security'] },
  });
  return { pilotId, meeting, ...world };
}

test('a concern raised from a reflective log, followed through the protocol, referred, followed up and closed', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, meeting, amara } = await seedLogWithProtocol(bridge.registry);
  const frame = new Frame(page);

  // From Amara's log: "Raise a concern" asks for the passphrase again, then pre-fills the link.
  const log = new LogEditor(page);
  await log.open(pilotId, meeting.id, amara.id);
  await expect(log.heading('Amara Nwosu')).toBeVisible();
  await page.getByRole('button', { name: 'Raise a concern' }).click();
  const raise = new RaiseConcernDialog(page);
  await expect(raise.stepUp.passphrase).toBeFocused();
  await raise.stepUp.give('not my passphrase', 'Continue');
  await expect(raise.dialog.getByText('That passphrase is not correct')).toBeVisible();
  await expectAccessible(page, 'raise a concern: passphrase asked again');
  await keepScreenshot(page, 'safeguarding-01-step-up-in-dialog');
  await raise.stepUp.give(PASSPHRASE, 'Continue');
  await expect(raise.whatWasSaid).toBeFocused();
  await expect(raise.dialog.getByText(/Amara Nwosu’s reflective log for meeting 1 \(Identity\)/)).toBeVisible();
  await expect(raise.about).toHaveValue('Amara Nwosu');
  await expect(raise.raisedVia).toHaveValue('log');
  await expect(raise.raisedBy).toHaveValue('participant');
  // Category and risk are the coordinator's judgement: nothing is assumed.
  await raise.raise.click();
  await expect(raise.dialog.getByText('What was said is required')).toBeVisible();
  await expect(raise.dialog.getByText('Choose a category')).toBeVisible();
  await expect(raise.dialog.getByText('Choose the risk level')).toBeVisible();
  await raise.whatWasSaid.fill('Amara wrote that she has been struggling to sleep since starting a second job, and asked whether there is someone she could talk to.');
  await raise.category.selectOption({ label: 'Wellbeing' });
  await raise.risk.selectOption({ label: 'Medium' });
  await expectAccessible(page, 'raise a concern: the form');
  await keepScreenshot(page, 'safeguarding-02-raise-from-log');
  await raise.raise.click();

  // The new concern's page: the protocol's steps copied on, nothing done yet.
  const concern = new ConcernScreen(page);
  await expect(concern.heading('Concern 1: Wellbeing')).toBeVisible();
  await expect(frame.notice('Concern 1 raised. It is in the safeguarding register.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Amara Nwosu’s reflective log for meeting 1/ })).toBeVisible();
  await expect(concern.steps.getByRole('listitem')).toHaveCount(3);
  await expect(concern.steps.getByRole('heading')).toHaveText('Protocol steps (0 of 3 done)');

  // Following the protocol: two steps done with notes, the third did not apply.
  await concern.recordStep(1, 'Talked after she sent the log; explained what I would have to pass on.');
  await concern.recordStep(2, 'Agreed together to contact the wellbeing service.');
  await concern.recordStep(3, 'Not needed: nobody was at immediate risk.', { done: false });
  await expect(concern.steps.getByRole('heading')).toHaveText('Protocol steps (2 of 3 done)');
  await expect(concern.steps.getByRole('listitem').nth(2)).toContainText('Not done');
  await expect(concern.steps.getByRole('listitem').nth(2)).toContainText('Not needed: nobody was at immediate risk.');

  // A referral to one of the plan's services, then its outcome.
  await concern.referrals.getByRole('button', { name: 'Add a referral' }).click();
  const referral = concern.dialog('Add a referral');
  await referral.getByLabel('Service').selectOption('Wellbeing service');
  await referral.getByLabel('Note').fill('With her agreement.');
  await referral.getByRole('button', { name: 'Add referral' }).click();
  await expect(referral).toBeHidden();
  await concern.referrals.getByRole('button', { name: 'Record the outcome of the referral to Wellbeing service' }).click();
  const outcome = concern.dialog('Referral to Wellbeing service');
  await outcome.getByLabel('Outcome', { exact: true }).fill('Two appointments offered; she has taken the first.');
  await fillDate(outcome, 'Outcome on', isoDay(0));
  await outcome.getByRole('button', { name: 'Save referral' }).click();
  await expect(outcome).toBeHidden();
  await expect(concern.referrals.getByRole('row', { name: /Wellbeing service/ })).toContainText('Two appointments offered');

  // A follow-up: it must be done (or removed) before the concern can close.
  await concern.followUps.getByRole('button', { name: 'Add a follow-up' }).click();
  const followUp = concern.dialog('Add a follow-up');
  await followUp.getByLabel('What to follow up').fill('Check in after her first appointment');
  await followUp.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(followUp).toBeHidden();
  await page.getByRole('button', { name: 'Close concern' }).first().click();
  const closing = concern.dialog('Close concern 1');
  await expect(closing.getByText('1 follow-up still to do.', { exact: false })).toBeVisible();
  await closing.getByLabel('Outcome').fill('Support in place through the wellbeing service.');
  await closing.getByRole('button', { name: 'Close concern' }).click();
  await expect(closing.getByText(/A follow-up is still to do/)).toBeVisible();
  await closing.getByRole('button', { name: 'Cancel' }).click();
  await concern.followUps.getByRole('button', { name: /^Mark done: follow-up of / }).click();
  const done = concern.dialog('Mark the follow-up done');
  await done.getByLabel('Note').fill('Sleeping better; happy to carry on in the scheme.');
  await done.getByRole('button', { name: 'Mark done' }).click();
  await expect(done).toBeHidden();
  await expect(concern.followUps).toContainText(/Done \d/);
  await expectAccessible(page, 'a concern being followed up');
  await keepScreenshot(page, 'safeguarding-03-concern-followed-up');

  // Closed with its outcome; the history tells the story.
  await page.getByRole('button', { name: 'Close concern' }).first().click();
  await closing.getByLabel('Outcome').fill('Support in place through the wellbeing service. No further action; she is continuing in the scheme.');
  await closing.getByRole('button', { name: 'Close concern' }).click();
  await expect(frame.notice('Concern 1 closed.')).toBeVisible();
  await expect(concern.outcome).toContainText('No further action; she is continuing in the scheme.');
  await expect(page.getByRole('button', { name: 'Reopen' }).first()).toBeVisible();
  await expect(concern.history.getByRole('listitem').first()).toContainText('Closed on');
  await expect(concern.history.getByRole('listitem').last()).toContainText('Raised: Wellbeing, medium risk');
  await expectAccessible(page, 'a closed concern');
  await keepScreenshot(page, 'safeguarding-04-concern-closed');

  // The register: nothing open now; the closed concern under "Closed".
  await page.getByRole('link', { name: 'Safeguarding concerns' }).click();
  const register = new SafeguardingScreen(page);
  await expect(register.heading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No open concerns' })).toBeVisible();
  await register.filters.getByLabel('Status').selectOption('closed');
  await expect(register.row(1)).toContainText('Amara Nwosu');
  await expect(register.row(1)).toContainText('Wellbeing');
  await expect(register.row(1)).toContainText('2 of 3 done');
  await expectAccessible(page, 'the register, closed concerns');
  await keepScreenshot(page, 'safeguarding-05-register');

  // Closing the register asks for the passphrase again next time; the counts stay, without a word of the concern.
  await register.closeRegister.click();
  await expect(register.stepUp.passphrase).toBeVisible();
  await expect(page.getByText('0 open concerns')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('wellbeing service');
  await expectAccessible(page, 'the register, closed');
  await keepScreenshot(page, 'safeguarding-06-register-closed');
});

test('opened by keyboard alone; a register that closes while in use hides the screen, and nothing typed is lost', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, meeting } = await seedLogWithProtocol(bridge.registry);
  bridge.registry.grantStepUpInProcess();
  await seed(bridge.registry, 'safeguarding.raise', {
    source: { kind: 'meeting', meetingId: meeting.id },
    details: { raisedOn: isoDay(-1), raisedVia: 'meeting', raisedBy: 'partner', aboutParticipantId: null, aboutOther: 'A visiting lecturer', category: 'conduct', risk: 'low', whatWasSaid: 'A remark in a seminar.' },
  });
  bridge.session.stepUp.drop();

  const register = new SafeguardingScreen(page);
  await register.open(pilotId);
  await expect(register.heading).toBeVisible();
  await expect(page.getByText('1 open concern')).toBeVisible();
  await expect(register.register).toHaveCount(0);
  // By keyboard alone: the passphrase, then the concern from the list.
  await tabTo(page, register.stepUp.passphrase);
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(register.row(1)).toContainText('A visiting lecturer');
  await tabTo(page, register.row(1).getByRole('link', { name: 'Concern 1' }));
  await page.keyboard.press('Enter');
  const concern = new ConcernScreen(page);
  await expect(concern.heading('Concern 1: Conduct')).toBeFocused();

  // Writing a step while the register closes (as after five idle minutes): the save is refused…
  await concern.steps.getByRole('button', { name: 'Add a step' }).click();
  const adding = concern.dialog('Add a step');
  await adding.getByLabel('Step').fill('Spoke to the head of department');
  bridge.session.stepUp.drop();
  await adding.getByRole('button', { name: 'Add step' }).click();
  // …the dialog asks for the passphrase, with the page and what was typed hidden underneath…
  await expect(adding.getByText('The register closed. Enter your passphrase to carry on')).toBeVisible();
  await expect(adding.getByLabel('Step')).toBeHidden();
  await expect(page.getByText('A remark in a seminar.')).toBeHidden();
  await expectAccessible(page, 'register closed while a dialog was open');
  await keepScreenshot(page, 'safeguarding-07-closed-in-dialog');
  await adding.getByLabel('Passphrase').fill(PASSPHRASE);
  await adding.getByRole('button', { name: 'Continue' }).click();
  // …and what was typed is still there, saved with one more press.
  await expect(adding.getByLabel('Step')).toHaveValue('Spoke to the head of department');
  await adding.getByRole('button', { name: 'Add step' }).click();
  await expect(adding).toBeHidden();
  await expect(concern.steps.getByRole('listitem').last()).toContainText('Spoke to the head of department');

  // Closed while only the page is open: the page is covered until the passphrase is given again.
  bridge.session.stepUp.drop();
  await concern.steps.getByRole('button', { name: 'Record step 1' }).click();
  await concern.dialog('Step 1').getByRole('button', { name: 'Save step' }).click();
  await expect(concern.dialog('Step 1').getByText('The register closed.', { exact: false })).toBeVisible();
  await concern.dialog('Step 1').getByRole('button', { name: 'Cancel' }).click();
  const cover = page.getByRole('dialog', { name: 'The register closed' });
  await expect(cover).toBeVisible();
  await expect(cover.getByLabel('Passphrase')).toBeFocused();
  await expectAccessible(page, 'register closed while in use');
  await keepScreenshot(page, 'safeguarding-08-closed-while-in-use');
  await cover.getByLabel('Passphrase').fill(PASSPHRASE);
  await cover.getByRole('button', { name: 'Continue' }).click();
  await expect(cover).toBeHidden();
  await expect(concern.heading('Concern 1: Conduct')).toBeVisible();
});

test('the plan keeps the services to refer to and how long closed concerns are kept; the register says so', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId } = await seedLogWithProtocol(bridge.registry);
  await page.evaluate((hash) => (window.location.hash = hash), `#/pilots/${pilotId}/plan?section=safeguarding`);
  const section = page.getByRole('form', { name: 'Safeguarding' });
  await expect(section.getByRole('group', { name: 'Service 1' }).getByRole('textbox', { name: 'Service', exact: true })).toHaveValue('Wellbeing service');
  await section.getByRole('group', { name: 'Service 1' }).getByLabel('How to reach them').fill('wellbeing@example.ac.uk');
  await section.getByLabel('Keep closed concerns for (months)').fill('0');
  await section.getByRole('button', { name: 'Save safeguarding settings' }).click();
  await expect(section.getByText('Keep concerns for at least 1 month')).toBeVisible();
  await section.getByLabel('Keep closed concerns for (months)').fill('72');
  await section.getByRole('button', { name: 'Save safeguarding settings' }).click();
  await expect(new Frame(page).notice('Safeguarding settings saved.')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'plan: safeguarding section');
  await keepScreenshot(page, 'safeguarding-09-plan');
  await page.getByRole('region', { name: 'Safeguarding' }).screenshot({ path: 'test/artifacts/screens/safeguarding-10-plan-section.png' });

  const register = new SafeguardingScreen(page);
  await register.open(pilotId);
  await register.stepUp.give();
  await expect(page.getByText(/Closed concerns are kept for 72 months after closure/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No open concerns' })).toBeVisible();
});
