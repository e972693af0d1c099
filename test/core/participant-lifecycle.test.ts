import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { consentToTakePart, movableClock, pairingNeedsConsentOnly } from '../helpers/pairs';
import type { HandlerRegistry } from '../../electron/core';
import { transition } from '../../electron/core/participants';
import { asWriteDb } from '../../electron/core/db/query';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const BOTH_TOPICS = ['Confidentiality and its limits', 'The disclosure protocol'];

/** Each change of a person's history as `from→to (cause)`, oldest first. */
async function historyOf(registry: HandlerRegistry, id: number): Promise<string[]> {
  return (await ok(registry, 'participants.get', { id })).statusHistory.map((h) => `${h.from ?? '∅'}→${h.to} (${h.cause})`);
}

describe('participant lifecycle: every status change has one owner and keeps its cause', () => {
  it('chemistry, training added and removed, a pair confirmed and ended, a first meeting held, and withdrawals, each with its cause', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    await ok(registry, 'settings.update', { timeZone: 'Europe/London' });
    const { id: pilotId } = await newPilot(registry);
    await ok(registry, 'themes.create', { pilotId, theme: { title: 'Belonging' } });
    let n = 0;
    const add = (name: string, role: 'mentor' | 'mentee') =>
      ok(registry, 'participants.create', { pilotId, participant: { name, email: `${name.toLowerCase()}@example.ac.uk`, role, department: `Department ${++n}`, availability: ['wed-pm'] } });
    const amara = await add('Amara', 'mentor');
    const helen = await add('Helen', 'mentee');
    const bilal = await add('Bilal', 'mentor');
    const cora = await add('Cora', 'mentor');
    const ian = await add('Ian', 'mentee');
    const dev = await add('Dev', 'mentee');

    // Chemistry, then training: Amara and Helen are trained by what was recorded.
    await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: amara.id, menteeId: helen.id, mentorWillingness: 'yes', menteeWillingness: 'yes' } });
    const session = await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-10-28', audience: 'both', topics: BOTH_TOPICS, attendeeIds: [amara.id, helen.id, bilal.id] } });
    // Bilal's attendance was a mistake: the stage it gave him is taken back.
    await ok(registry, 'training.update', { id: session.id, session: { heldOn: '2026-10-28', audience: 'both', topics: BOTH_TOPICS, attendeeIds: [amara.id, helen.id] } });

    // A chemistry meeting recorded and deleted; then Ian moved on by hand.
    const met = await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-21', mentorId: cora.id, menteeId: ian.id } });
    await ok(registry, 'chemistry.delete', { id: met.id });
    await ok(registry, 'participants.transition', { id: ian.id, to: 'chemistry' });

    // Confirmed pairs (people who consented, in a scheme that pairs after consent alone); one is ended again.
    await consentToTakePart(registry, pilotId, [amara.id, helen.id, cora.id, ian.id]);
    await pairingNeedsConsentOnly(registry, pilotId);
    await ok(registry, 'matching.setRule', { pilotId, mentorId: amara.id, menteeId: helen.id, rule: 'pin' });
    const [first, second] = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: amara.id, menteeId: helen.id }, { mentorId: cora.id, menteeId: ian.id }] });
    await ok(registry, 'pairs.unpair', { id: second!.id, reason: 'Ian changed jobs' });

    // The first meeting held makes both people of the pair active.
    clock.set('2026-11-12T09:00:00Z');
    const [meeting] = (await ok(registry, 'meetings.forPair', { pairId: first!.id })).meetings;
    await ok(registry, 'meetings.markHeld', { id: meeting!.id, heldOn: meeting!.date, actualDurationMin: 60 });

    // Withdrawals: by hand on the Status panel, and with consent.
    await ok(registry, 'participants.transition', { id: cora.id, to: 'withdrawn', reason: 'Graduated early' });
    const form = (await ok(registry, 'plan.get', { pilotId })).consentForms[0]!;
    const choices = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: true };
    const consent = await ok(registry, 'consent.record', { participantId: dev.id, formId: form.id, givenOn: '2026-10-03', choices });
    await ok(registry, 'consent.withdraw', { id: consent.id, withdrawnOn: '2026-11-10', reason: 'No longer wishes to take part' });

    const pairFirst = ['interested→chemistry (chemistry)', 'chemistry→trained (training-complete)', 'trained→paired (paired)', 'paired→active (meeting-held)'];
    expect(await historyOf(registry, amara.id)).toEqual(['∅→interested (registered)', ...pairFirst]);
    expect(await historyOf(registry, helen.id)).toEqual(['∅→interested (registered)', ...pairFirst]);
    expect(await historyOf(registry, bilal.id)).toEqual(['∅→interested (registered)', 'interested→trained (training-complete)', 'trained→interested (training-removed)']);
    expect(await historyOf(registry, cora.id)).toEqual([
      '∅→interested (registered)',
      'interested→chemistry (chemistry)',
      'chemistry→interested (chemistry-removed)',
      'interested→paired (paired)',
      'paired→interested (unpaired)',
      'interested→withdrawn (withdrawn)',
    ]);
    expect(await historyOf(registry, ian.id)).toEqual([
      '∅→interested (registered)',
      'interested→chemistry (chemistry)',
      'chemistry→interested (chemistry-removed)',
      'interested→chemistry (manual)',
      'chemistry→paired (paired)',
      'paired→chemistry (unpaired)',
    ]);
    expect(await historyOf(registry, dev.id)).toEqual(['∅→interested (registered)', 'interested→withdrawn (consent-withdrawn)']);
    expect((await ok(registry, 'participants.get', { id: dev.id })).statusHistory.at(-1)?.reason).toBe('Consent withdrawn: No longer wishes to take part');
  });

  it('takes back only a stage a record set: a stage set by hand stays, whatever words it was given', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const eve = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Eve', email: 'eve@example.ac.uk', role: 'mentor' } });
    const finn = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Finn', email: 'finn@example.ac.uk', role: 'mentor' } });
    // Eve was trained elsewhere; the coordinator happened to write the same words training writes.
    await ok(registry, 'participants.transition', { id: eve.id, to: 'trained', reason: 'Attended training' });
    const session = await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-10-28', audience: 'mentors', topics: BOTH_TOPICS, attendeeIds: [eve.id, finn.id] } });
    await ok(registry, 'training.delete', { id: session.id });

    expect((await ok(registry, 'participants.get', { id: eve.id })).status).toBe('trained');
    expect(await historyOf(registry, eve.id)).toEqual(['∅→interested (registered)', 'interested→trained (manual)']);
    expect(await historyOf(registry, finn.id)).toEqual(['∅→interested (registered)', 'interested→trained (training-complete)', 'trained→interested (training-removed)']);
  });

  it('confirming a pair clears its pin in the same command, with its own trail entry; other pins stay', async () => {
    const { registry, session } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const add = (name: string, role: 'mentor' | 'mentee', department: string) => ok(registry, 'participants.create', { pilotId, participant: { name, email: `${name.toLowerCase()}@example.ac.uk`, role, department } });
    const amara = await add('Amara', 'mentor', 'Law');
    const bilal = await add('Bilal', 'mentor', 'History');
    const helen = await add('Helen', 'mentee', 'Registry');
    const ian = await add('Ian', 'mentee', 'Estates');
    await consentToTakePart(registry, pilotId, [amara.id, bilal.id, helen.id, ian.id]);
    await pairingNeedsConsentOnly(registry, pilotId);
    await ok(registry, 'matching.setRule', { pilotId, mentorId: amara.id, menteeId: helen.id, rule: 'pin' });
    await ok(registry, 'matching.setRule', { pilotId, mentorId: bilal.id, menteeId: ian.id, rule: 'pin' });
    const auditBefore = (await ok(registry, 'audit.list', { limit: 1 }))[0]!.seq;

    await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: amara.id, menteeId: helen.id }] });

    expect((await ok(registry, 'matching.state', { pilotId })).rules).toEqual([{ mentorId: bilal.id, menteeId: ian.id, rule: 'pin' }]);
    const added = (await ok(registry, 'audit.list', { limit: 10 })).filter((e) => e.seq > auditBefore).map((e) => `${e.action} ${e.entityId}`);
    expect(added).toEqual(expect.arrayContaining([`matching.setRule.clear ${amara.id}:${helen.id}`, expect.stringMatching(/^matching\.confirm \d+$/)]));
    expect(added).toHaveLength(2);
    // A refused confirmation leaves the pin where it was.
    await ok(registry, 'matching.setRule', { pilotId, mentorId: amara.id, menteeId: ian.id, rule: 'forbid' });
    const refused = expectError(await registry.call('matching.confirm', { pilotId, pairs: [{ mentorId: bilal.id, menteeId: ian.id }, { mentorId: amara.id, menteeId: ian.id }] }), 'INVALID_INPUT');
    expect(refused.message).toMatch(/^No pair was confirmed/);
    expect(session.db.prepare("SELECT count(*) AS n FROM pair_rules WHERE rule = 'pin'").get()).toEqual({ n: 1 });
  });

  it('refuses a step its cause does not allow, writing nothing', async () => {
    const { registry, session } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const { id } = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Gita', email: 'gita@example.ac.uk', role: 'mentee' } });
    const db = asWriteDb(session.db);
    const at = '2026-11-02T09:00:00.000Z';
    // A first meeting held moves only "paired" on; pairing starts only before it; training only moves forward.
    expect(() => transition(db, id, 'active', 'meeting-held', at)).toThrow(/Gita is interested; from there they can move to: Chemistry meeting, Trained, Withdrawn/);
    expect(() => transition(db, id, 'paired', 'manual', at)).toThrow(/Paired is set by confirming a pair/);
    expect(() => transition(db, id, 'interested', 'training-removed', at)).toThrow();
    expect(() => transition(db, id, 'withdrawn', 'withdrawn', at, '  ')).toThrow(/Say why the person is withdrawing/);
    expect(await historyOf(registry, id)).toEqual(['∅→interested (registered)']);
  });
});
