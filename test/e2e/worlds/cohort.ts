import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../../electron/core';
import { createVault } from '../fixtures';
import { PairingScreen } from '../pages/pairing';
import { ok } from '../../helpers/pilot';

const staff = [
  ['Helen Marsh', 'Registry', ['Belonging', 'Assessment'], ['wed-pm', 'fri-am'], []],
  ['David Okafor', 'Law School', ['Careers'], ['mon-am'], ['First in family to university']],
  ['Priya Raman', 'Engineering', ['Belonging', 'Wellbeing'], ['tue-pm'], []],
  ['Simon Clarke', 'Estates', ['Sustainability'], ['thu-am'], []],
  ['Margaret Lee', 'Library', ['Digital skills'], ['wed-am'], ['Disabled']],
  ['Robert Hughes', 'Finance', ['Careers', 'Belonging'], ['fri-pm'], []],
  ['Olivia Grant', 'Registry', [], [], []],
] as const;
const students = [
  ['Amara Nwosu', 'Law School', ['Belonging', 'Assessment'], ['wed-pm', 'mon-am'], ['First in family to university']],
  ['Tom Becker', 'Engineering', ['Belonging', 'Wellbeing'], ['tue-pm'], []],
  ['Sofia Rossi', 'History', ['Careers'], ['mon-am'], []],
  ['Kwame Mensah', 'Geography', ['Sustainability'], ['thu-am'], ['First in family to university']],
  ['Lena Fischer', 'Computing', ['Digital skills'], ['wed-am'], []],
  ['Jamal Ahmed', 'Economics', ['Careers', 'Belonging'], ['fri-pm'], ['Disabled']],
] as const;

/**
 * A pilot with 7 members of staff (mentees) and 6 students (mentors) with departments, topics and
 * availability. Under the default settings Helen Marsh and Amara Nwosu share topics and a free
 * afternoon, David Okafor and Sofia Rossi share Careers and Monday mornings; Priya Raman's only
 * match, Tom Becker, is in her own department.
 */
export async function seedCohort(registry: HandlerRegistry) {
  const pilot = await ok(registry, 'pilots.create', { name: 'Belonging 2026/27', startDate: '2026-10-01', endDate: '2027-06-30', status: 'running' });
  const pilotId = pilot.id;
  await ok(registry, 'plan.setEligibility', { pilotId, categories: ['First in family to university', 'Disabled', 'Care experienced'] });
  const ids: Record<string, number> = {};
  for (const [role, list] of [
    ['mentee', staff],
    ['mentor', students],
  ] as const) {
    for (const [name, department, topics, availability, characteristics] of list) {
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.ac.uk`;
      const p = await ok(registry, 'participants.create', {
        pilotId,
        participant: { name, email, role, department, topics: [...topics], availability: [...availability], characteristics: [...characteristics] },
      });
      ids[name] = p.id;
    }
  }
  const id = (name: string) => ids[name]!;
  // Everyone consented to take part; this scheme pairs without waiting for chemistry meetings (the pool rule has its own path, withdrawal.e2e.ts).
  const form = await ok(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: '2026-09-01', text: 'Consent form (test).' } });
  const choices = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: true };
  for (const participantId of Object.values(ids)) await ok(registry, 'consent.record', { participantId, formId: form.id, givenOn: '2026-09-10', choices });
  const { meetingPlan } = await ok(registry, 'plan.get', { pilotId });
  await ok(registry, 'plan.setMeetingPlan', { pilotId, meetingPlan: { ...meetingPlan, chemistryBeforePairing: false } });
  return { pilotId, id };
}
export type Cohort = Awaited<ReturnType<typeof seedCohort>>;

const REQUIRED = ['Confidentiality and its limits', 'The disclosure protocol'];

/**
 * Everyone but Tom Becker among the students, and David Okafor and Simon Clarke among staff, are
 * trained (both required topics, at sessions already held). Priya Raman attended only the first.
 */
export async function seedTraining(registry: HandlerRegistry, { pilotId, id }: Cohort) {
  await ok(registry, 'training.create', {
    pilotId,
    session: { heldOn: '2026-10-05', audience: 'mentors', topics: REQUIRED, attendeeIds: ['Amara Nwosu', 'Sofia Rossi', 'Kwame Mensah', 'Lena Fischer', 'Jamal Ahmed'].map(id) },
  });
  await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-10-06', audience: 'mentees', topics: ['Confidentiality and its limits'], attendeeIds: ['David Okafor', 'Simon Clarke', 'Priya Raman'].map(id) } });
  await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-10-13', audience: 'mentees', topics: ['The disclosure protocol'], attendeeIds: ['David Okafor', 'Simon Clarke'].map(id) } });
}

/** Helen Marsh and Amara Nwosu met for a chemistry meeting, and both would like to work together. */
export async function seedBothSaidYes(registry: HandlerRegistry, { pilotId, id }: Cohort) {
  await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-10', mentorId: id('Amara Nwosu'), menteeId: id('Helen Marsh'), happened: true, mentorWillingness: 'yes', menteeWillingness: 'yes' } });
}

/** The cohort trained, the one chemistry meeting held: what every pairing path starts from. */
export async function seedReadyToPair(registry: HandlerRegistry) {
  const cohort = await seedCohort(registry);
  await seedTraining(registry, cohort);
  await seedBothSaidYes(registry, cohort);
  return cohort;
}

/**
 * The settings the settings tab saves in its path: most people paired, chemistry 30 and shared
 * topics 20 of 100 points, and pairs should differ on being first in family to university.
 */
export async function seedSettings(registry: HandlerRegistry, { pilotId }: Cohort) {
  const { settings } = await ok(registry, 'matching.state', { pilotId });
  await ok(registry, 'matching.setSettings', {
    pilotId,
    settings: { ...settings, mode: 'most-paired', weights: { ...settings.weights, chemistry: 30, topics: 20, availability: 10 }, differenceCharacteristics: ['First in family to university'] },
  });
}

/** Every pair a proposal makes under the current settings and rules, confirmed; returns how many. */
export async function seedAllProposedConfirmed(registry: HandlerRegistry, { pilotId }: Cohort) {
  const proposal = await ok(registry, 'matching.propose', { pilotId });
  await ok(registry, 'matching.confirm', { pilotId, pairs: proposal.pairs.map(({ mentorId, menteeId }) => ({ mentorId, menteeId })) });
  return proposal.pairs.length;
}

/**
 * What most pairing paths start from: a vault with the cohort ready to pair (and, when `settings`,
 * the settings the settings tab saves), the app open on the pairing stage (or one of its tabs).
 */
export async function openPairingOnCohort(page: Page, registry: HandlerRegistry, { settings = false, tab }: { settings?: boolean; tab?: 'settings' | 'constraints' | 'confirmed' } = {}) {
  await createVault(page);
  const cohort = await seedReadyToPair(registry);
  if (settings) await seedSettings(registry, cohort);
  const pairing = new PairingScreen(page);
  return { cohort, pairing, open: () => pairing.open(cohort.pilotId, tab) };
}
