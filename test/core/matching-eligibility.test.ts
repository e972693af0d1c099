import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { readyForPairing } from '../helpers/pairs';
import type { HandlerRegistry } from '../../electron/core';
import { DEFAULT_MEETING_PLAN } from '../../shared/plan/contract';
import { DEFAULT_MATCHING_SETTINGS } from '../../shared/matching/contract';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const choices = (takePart: boolean) => ({ takePart, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: false });

/**
 * Mentees in every situation the pool rule knows, and one mentor per mentee so that nobody is left
 * out for want of a partner: Ready (consented, met at chemistry), Declined, Imported (no consent at
 * all), Early (consented, still interested), Gone (consent withdrawn, still registered).
 */
async function cohort(registry: HandlerRegistry) {
  const { id: pilotId } = await newPilot(registry);
  const form = await ok(registry, 'consentForms.create', { pilotId, form: { version: '1', datedOn: '2026-09-01', text: 'Taking part' } });
  const add = async (name: string, role: 'mentor' | 'mentee', department: string) =>
    (await ok(registry, 'participants.create', { pilotId, participant: { name, email: `${name.toLowerCase()}@example.ac.uk`, role, department } })).id;
  const mentors = [await add('Amara', 'mentor', 'Law'), await add('Bilal', 'mentor', 'History'), await add('Chen', 'mentor', 'Computing'), await add('Dara', 'mentor', 'Music'), await add('Eli', 'mentor', 'Physics')];
  await readyForPairing(registry, pilotId, mentors);
  const p = {
    ready: await add('Ready', 'mentee', 'Registry'),
    declined: await add('Declined', 'mentee', 'Estates'),
    imported: await add('Imported', 'mentee', 'Finance'),
    early: await add('Early', 'mentee', 'Library'),
    gone: await add('Gone', 'mentee', 'Careers'),
  };
  await readyForPairing(registry, pilotId, [p.ready, p.gone]);
  await ok(registry, 'consent.record', { participantId: p.declined, formId: form.id, givenOn: '2026-09-10', choices: choices(false) });
  await ok(registry, 'participants.transition', { id: p.declined, to: 'chemistry' });
  await ok(registry, 'consent.record', { participantId: p.early, formId: form.id, givenOn: '2026-09-10', choices: choices(true) });
  const [goneConsent] = (await ok(registry, 'participants.get', { id: p.gone })).consents;
  await ok(registry, 'consent.withdraw', { id: goneConsent!.id, withdrawnOn: '2026-09-20', reason: 'Changed their mind', withdrawParticipant: false });
  // Nothing scores yet (no topics, no chemistry answers): pair everyone who may be paired.
  await ok(registry, 'matching.setSettings', { pilotId, settings: { ...DEFAULT_MATCHING_SETTINGS, mode: 'most-paired' } });
  return { pilotId, mentors, p };
}

describe('consent and stage gate pairing', () => {
  it('only people who consented and met at chemistry are proposed; everyone else is "Not paired" with the real reason', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, p } = await cohort(registry);
    const proposal = await ok(registry, 'matching.propose', { pilotId });
    expect(proposal.pairs.map((x) => x.menteeName)).toEqual(['Ready']);
    const reasons = Object.fromEntries(proposal.unpaired.filter((u) => u.role === 'mentee').map((u) => [u.name, [u.reason, u.detail]]));
    expect(reasons).toEqual({
      Declined: ['no-consent', 'No consent to take part (declined on the form): Declined cannot be paired until that changes.'],
      Imported: ['no-consent', 'No consent to take part: Imported cannot be paired until that changes.'],
      Early: ['not-met-at-chemistry', 'Not yet met at chemistry: Early cannot be paired until that changes.'],
      Gone: ['consent-withdrawn', 'Consent withdrawn: Gone cannot be paired until that changes.'],
    });
    // The pairing screen lists them with the same reason.
    const candidates = (await ok(registry, 'matching.state', { pilotId })).candidates;
    expect(candidates.find((c) => c.id === p.imported)?.notInPool).toBe('No consent to take part');
    expect(candidates.find((c) => c.id === p.ready)?.notInPool).toBeNull();
  });

  it('refuses to pin or confirm a pair with someone outside the pool, naming them and why, and writes nothing', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, mentors, p } = await cohort(registry);
    const before = (await ok(registry, 'audit.verify', {})).entries;
    for (const [id, why] of [
      [p.declined, 'Declined cannot be pinned: no consent to take part (declined on the form).'],
      [p.imported, 'Imported cannot be pinned: no consent to take part.'],
      [p.early, 'Early cannot be pinned: not yet met at chemistry.'],
      [p.gone, 'Gone cannot be pinned: consent withdrawn.'],
    ] as const) {
      expect(expectError(await registry.invoke('matching.setRule', { pilotId, mentorId: mentors[0]!, menteeId: id, rule: 'pin' }), 'INVALID_INPUT').message).toBe(why);
    }
    const refused = expectError(
      await registry.invoke('matching.confirm', { pilotId, pairs: [{ mentorId: mentors[0]!, menteeId: p.ready }, { mentorId: mentors[1]!, menteeId: p.early }] }),
      'INVALID_INPUT',
    );
    expect(refused.message).toBe('No pair was confirmed. Early cannot be paired: not yet met at chemistry.');
    expect(await ok(registry, 'pairs.list', { pilotId })).toEqual([]);
    expect((await ok(registry, 'participants.get', { id: p.ready })).status).toBe('chemistry');
    expect((await ok(registry, 'matching.state', { pilotId })).rules).toEqual([]);
    expect((await ok(registry, 'audit.verify', {})).entries).toBe(before);
    // Forbidding a pair with them is harmless, and allowed.
    await ok(registry, 'matching.setRule', { pilotId, mentorId: mentors[0]!, menteeId: p.early, rule: 'forbid' });
  });

  it('follows the plan: training before pairing, or a scheme without chemistry meetings', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, mentors, p } = await cohort(registry);
    await ok(registry, 'plan.setMeetingPlan', { pilotId, meetingPlan: { ...DEFAULT_MEETING_PLAN, trainingBeforePairing: true } });
    let proposal = await ok(registry, 'matching.propose', { pilotId });
    expect(proposal.pairs).toEqual([]);
    expect(proposal.unpaired.find((u) => u.name === 'Ready')).toMatchObject({ reason: 'not-trained' });
    for (const id of [p.ready, ...mentors]) await ok(registry, 'participants.transition', { id, to: 'trained' });
    expect((await ok(registry, 'matching.propose', { pilotId })).pairs.map((x) => x.menteeName)).toEqual(['Ready']);

    await ok(registry, 'plan.setMeetingPlan', { pilotId, meetingPlan: { ...DEFAULT_MEETING_PLAN, chemistryBeforePairing: false } });
    proposal = await ok(registry, 'matching.propose', { pilotId });
    expect(proposal.pairs.map((x) => x.menteeName).sort()).toEqual(['Early', 'Ready']);
    expect((await ok(registry, 'plan.get', { pilotId })).meetingPlan).toMatchObject({ chemistryBeforePairing: false, trainingBeforePairing: false });
  });
});
