import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { consentToTakePart, pairingNeedsConsentOnly } from '../helpers/pairs';
import type { HandlerRegistry } from '../../electron/core';
import { DEFAULT_MATCHING_SETTINGS } from '../../shared/matching/contract';
import { runCli } from '../../electron/core/cli/run';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

type Role = 'mentor' | 'mentee';
async function setUp(registry: HandlerRegistry) {
  const { id: pilotId } = await newPilot(registry);
  const people: Record<string, number> = {};
  const add = async (name: string, role: Role, department: string, extra: object = {}) => {
    people[name] = (await ok(registry, 'participants.create', { pilotId, participant: { name, email: `${name.toLowerCase()}@example.ac.uk`, role, department, ...extra } })).id;
  };
  await add('Amara', 'mentor', 'Law', { topics: ['Belonging', 'Careers'], availability: ['mon-am', 'wed-pm'], characteristics: ['International'] });
  await add('Bilal', 'mentor', 'History', { topics: ['Assessment'], availability: ['tue-am'] });
  await add('Chen', 'mentor', 'Computing', { topics: ['Belonging'], availability: ['mon-am'] });
  await add('Helen', 'mentee', 'Registry', { topics: ['Belonging'], availability: ['mon-am'] });
  await add('Ian', 'mentee', 'Law', { topics: ['Careers'], availability: ['wed-pm'] });
  await add('Jo', 'mentee', 'History', { topics: ['Assessment'], availability: ['tue-am'] });
  // Everyone consented; this scheme pairs without chemistry meetings or training first (the pool rule has its own tests).
  await consentToTakePart(registry, pilotId, Object.values(people));
  await pairingNeedsConsentOnly(registry, pilotId);
  return { pilotId, people };
}

describe('pairing', () => {
  it('proposes an optimal set under the hard rules, explaining every pair and every unpaired person', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, people: p } = await setUp(registry);
    await ok(registry, 'matching.setSettings', { pilotId, settings: { ...DEFAULT_MATCHING_SETTINGS, differenceCharacteristics: ['international'] } });
    // Chemistry: Chen–Helen both yes; Amara–Helen: Helen said no.
    await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: p.Chen!, menteeId: p.Helen!, mentorWillingness: 'yes', menteeWillingness: 'yes' } });
    await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-20', mentorId: p.Amara!, menteeId: p.Helen!, mentorWillingness: 'yes', menteeWillingness: 'no' } });
    // Jo teaches Bilal.
    await ok(registry, 'matching.addConflict', { pilotId, mentorId: p.Bilal!, menteeId: p.Jo!, kind: 'teaches', note: 'HIS2001' });
    await ok(registry, 'matching.setPreferences', { participantId: p.Ian!, preferredIds: [p.Chen!, p.Bilal!] });

    const proposal = await ok(registry, 'matching.propose', { pilotId });
    const pairs = proposal.pairs.map((x) => `${x.menteeName}–${x.mentorName}`);
    expect(pairs).not.toContain('Helen–Amara'); // a "no" after chemistry
    expect(pairs).not.toContain('Jo–Bilal'); // conflict of interest
    expect(pairs).not.toContain('Ian–Amara'); // same department (Law)
    expect(pairs).toContain('Helen–Chen');
    for (const pair of proposal.pairs) {
      expect(pair.score).toBeCloseTo(pair.explanation.reduce((s, e) => s + e.points, 0), 5);
      for (const e of pair.explanation) {
        expect(e.points).toBeLessThanOrEqual(e.max);
        expect(e.detail.length).toBeGreaterThan(0);
      }
    }
    const helenChen = proposal.pairs.find((x) => x.menteeName === 'Helen')!;
    expect(helenChen.explanation.find((e) => e.criterion === 'chemistry')).toEqual({ criterion: 'chemistry', points: 40, max: 40, detail: 'both said yes' });
    expect(helenChen.explanation.find((e) => e.criterion === 'availability')!.detail).toBe('free at the same time: Monday morning');
    expect(helenChen.explanation.find((e) => e.criterion === 'difference')!.detail).toBe('alike on International');

    // Jo: Bilal is a conflict, Amara and Chen are allowed → Jo is paired or has a reason.
    const everyone = new Set([...proposal.pairs.flatMap((x) => [x.menteeId, x.mentorId]), ...proposal.unpaired.map((u) => u.participantId)]);
    expect(everyone.size).toBe(6);
    expect(await ok(registry, 'matching.propose', { pilotId })).toEqual(proposal);
  });

  it('keeps pins, drops pins that a hard rule forbids with a warning, never proposes forbidden pairs', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, people: p } = await setUp(registry);
    await ok(registry, 'matching.setRule', { pilotId, mentorId: p.Bilal!, menteeId: p.Helen!, rule: 'pin' });
    await ok(registry, 'matching.setRule', { pilotId, mentorId: p.Chen!, menteeId: p.Ian!, rule: 'forbid' });
    await ok(registry, 'matching.setRule', { pilotId, mentorId: p.Amara!, menteeId: p.Ian!, rule: 'pin' }); // same department: cannot be kept
    const proposal = await ok(registry, 'matching.propose', { pilotId });
    expect(proposal.pairs.find((x) => x.menteeName === 'Helen')).toMatchObject({ mentorName: 'Bilal', pinned: true });
    expect(proposal.pairs.some((x) => x.menteeName === 'Ian' && x.mentorName === 'Chen')).toBe(false);
    expect(proposal.warnings).toEqual(['The pin Ian – Amara was not kept: both in Law, and the scheme pairs across departments.']);
    const state = await ok(registry, 'matching.state', { pilotId });
    expect(state.rules).toHaveLength(3);
    await ok(registry, 'matching.setRule', { pilotId, mentorId: p.Amara!, menteeId: p.Ian!, rule: null });
    expect((await ok(registry, 'matching.state', { pilotId })).rules).toHaveLength(2);
  });

  it('gives each unpaired person the reason: no allowed partner, or not enough places (counted after pins)', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, people: p } = await setUp(registry);
    const add = async (name: string) => (await ok(registry, 'participants.create', { pilotId, participant: { name, email: `${name}@example.ac.uk`, role: 'mentee', department: 'Estates' } })).id;
    await consentToTakePart(registry, pilotId, [await add('kay'), await add('lee')]);
    await ok(registry, 'matching.setSettings', { pilotId, settings: { ...DEFAULT_MATCHING_SETTINGS, mode: 'most-paired' } });
    for (const mentor of ['Amara', 'Bilal', 'Chen']) await ok(registry, 'matching.addConflict', { pilotId, mentorId: p[mentor]!, menteeId: p.Jo!, kind: 'assesses' });
    const proposal = await ok(registry, 'matching.propose', { pilotId });
    expect(proposal.pairs).toHaveLength(3);
    const jo = proposal.unpaired.find((u) => u.name === 'Jo')!;
    expect(jo).toMatchObject({ reason: 'no-allowed-partner', role: 'mentee' });
    expect(jo.detail).toBe('No mentor may be paired with Jo: a conflict of interest (3).');
    // Jo can be paired with nobody, so the others compete: 3 mentor places for 4 mentees.
    const others = proposal.unpaired.filter((u) => u.name !== 'Jo');
    expect(others).toHaveLength(1);
    expect(others[0]!.reason).toBe('capacity');
    expect(others[0]!.detail).toMatch(/^There are 3 mentor places for 4 mentees, so not everyone can be paired\. /);

    // A pin takes a place before the rest is solved; the numbers say so.
    await ok(registry, 'matching.setRule', { pilotId, mentorId: p.Chen!, menteeId: p.Helen!, rule: 'pin' });
    const pinned = await ok(registry, 'matching.propose', { pilotId });
    const left = pinned.unpaired.find((u) => u.role === 'mentee' && u.name !== 'Jo')!;
    expect(left.reason).toBe('capacity');
    expect(left.detail).toMatch(/^After pins, 2 mentor places are left for 3 mentees, so not everyone can be paired\. /);
  });

  it('confirms pairs (both move to paired), flags the untrained, and unpairs with a reason, restoring their stage', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, people: p } = await setUp(registry);
    await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-11-05', audience: 'mentors', topics: ['Confidentiality and its limits', 'The disclosure protocol'], attendeeIds: [p.Chen!] } });
    const confirmed = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: p.Chen!, menteeId: p.Helen! }] });
    expect(confirmed[0]).toMatchObject({ mentorName: 'Chen', menteeName: 'Helen', untrained: [{ id: p.Helen!, name: 'Helen', missing: ['Confidentiality and its limits', 'The disclosure protocol'] }] });
    expect((await ok(registry, 'participants.get', { id: p.Chen! })).status).toBe('paired');
    expect((await ok(registry, 'participants.get', { id: p.Helen! })).statusHistory.at(-1)).toMatchObject({ from: 'interested', to: 'paired', reason: 'Paired with Chen' });

    const again = await ok(registry, 'matching.propose', { pilotId });
    expect(again.pairs.some((x) => x.mentorName === 'Chen' || x.menteeName === 'Helen')).toBe(false);
    expectError(await registry.invoke('matching.confirm', { pilotId, pairs: [{ mentorId: p.Chen!, menteeId: p.Ian! }] }), 'INVALID_INPUT');
    const bad = expectError(await registry.invoke('matching.confirm', { pilotId, pairs: [{ mentorId: p.Bilal!, menteeId: p.Jo! }, { mentorId: p.Amara!, menteeId: p.Ian! }] }), 'INVALID_INPUT');
    expect(bad.message).toMatch(/No pair was confirmed/);
    expect(await ok(registry, 'pairs.list', { pilotId })).toHaveLength(1);

    expectError(await registry.invoke('pairs.unpair', { id: confirmed[0]!.id, reason: '' }), 'INVALID_INPUT');
    const ended = await ok(registry, 'pairs.unpair', { id: confirmed[0]!.id, reason: 'Helen moved to another campus' });
    expect(ended).toMatchObject({ endReason: 'Helen moved to another campus', untrained: [] });
    expect(ended.endedAt).not.toBeNull();
    expect((await ok(registry, 'participants.get', { id: p.Chen! })).status).toBe('trained');
    expect((await ok(registry, 'participants.get', { id: p.Helen! })).statusHistory.at(-1)).toMatchObject({ from: 'paired', to: 'interested', reason: 'Pair ended: Helen moved to another campus' });
    expect(await ok(registry, 'pairs.list', { pilotId })).toHaveLength(0);
    expect(await ok(registry, 'pairs.list', { pilotId, includeEnded: true })).toHaveLength(1);
    expectError(await registry.invoke('pairs.unpair', { id: confirmed[0]!.id, reason: 'twice' }), 'INVALID_TRANSITION');
    const audit = await ok(registry, 'audit.list', { limit: 20 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['matching.confirm', 'pairs.unpair']));
  });

  it('stable mode leaves no blocking pair; capacities above one are respected without pairing two people twice', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, people: p } = await setUp(registry);
    await ok(registry, 'matching.setSettings', { pilotId, settings: { ...DEFAULT_MATCHING_SETTINGS, mode: 'stable', allowSameDepartment: true } });
    expect((await ok(registry, 'matching.propose', { pilotId })).blockingPairs).toBe(0);

    await ok(registry, 'matching.setCapacity', { participantId: p.Amara!, capacity: 2 });
    await ok(registry, 'matching.setCapacity', { participantId: p.Helen!, capacity: 2 });
    expectError(await registry.invoke('matching.setCapacity', { participantId: p.Helen!, capacity: 9 }), 'INVALID_INPUT');
    await ok(registry, 'matching.setSettings', { pilotId, settings: { ...DEFAULT_MATCHING_SETTINGS, mode: 'most-paired', allowSameDepartment: true } });
    const proposal = await ok(registry, 'matching.propose', { pilotId });
    const keys = proposal.pairs.map((x) => `${x.mentorId}:${x.menteeId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(proposal.pairs.filter((x) => x.mentorId === p.Amara!).length).toBeLessThanOrEqual(2);
    expect(proposal.pairs).toHaveLength(4); // 4 mentor places, 4 mentee places
  });

  it('validates settings against the pilot', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId } = await setUp(registry);
    expectError(await registry.invoke('matching.setSettings', { pilotId, settings: { ...DEFAULT_MATCHING_SETTINGS, differenceCharacteristics: ['Left-handed'] } }), 'INVALID_INPUT');
    expectError(await registry.invoke('matching.setSettings', { pilotId, settings: { ...DEFAULT_MATCHING_SETTINGS, weights: { ...DEFAULT_MATCHING_SETTINGS.weights, topics: -1 } } }), 'INVALID_INPUT');
    expect((await ok(registry, 'matching.state', { pilotId })).settings).toEqual(DEFAULT_MATCHING_SETTINGS);
  });
});

describe('command line solve', () => {
  const solve = async (args: string[], stdin = '{"costs":[[1,2],[2,1]]}') => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['solve', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin, env: {} });
    return { code, stdout, stderr };
  };

  it('refuses anything on the command line besides the command, with a usage message and nothing solved', async () => {
    expect(await solve([])).toEqual({ code: 0, stdout: '{"assignment":[0,1],"total":2}\n', stderr: '' });
    for (const args of [['extra'], ['--vault', 'x'], ['extra', '--pilot', '3']]) {
      const result = await solve(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^solve takes no arguments \(got .+\)\. Use: npm run -s cli -- solve < problem\.json\n$/);
    }
    expect((await solve(['extra'])).stderr).toContain('(got extra)');
    expect((await solve(['--vault', 'x'])).stderr).toContain('(got --vault)');
  });
});
