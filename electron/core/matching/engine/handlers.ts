import type { CommandContext, FeatureHandlers } from '../../registry/types';
import { pilotScope } from '../../registry/scope';
import type { matchingContract } from '../../../../shared/matching/contract';
import type { WriteDb } from '../../db/query';
import { AppError } from '../../errors';
import { person, preparationStages, setRepairingNote, statusOf, transition } from '../../participants';
import { generateMeetings } from '../../meetings';
import { endPairWithReason } from './end-pair';
import { evaluatePair } from './scoring';
import { propose } from './propose';
import * as repo from './repository';
import { pairKey } from './types';

const forPilot = pilotScope.fromInput('pilotId');

/** A pin has done its job once its pair is confirmed; left in place it would only warn "not kept". */
const pinClearedEvent = (mentorId: number, menteeId: number) => ({ action: 'matching.setRule.clear', entityType: 'pair', entityId: `${mentorId}:${menteeId}` });

/**
 * Confirms pairs after checking, against the vault as it is now, that each is still allowed and has
 * room; each gets its meetings, each person not yet paired becomes paired, and the pair's pin goes.
 */
function confirmPairs(ctx: CommandContext, wanted: { mentorId: number; menteeId: number }[]) {
  const { db, pilotId } = ctx;
  const now = ctx.now().toISOString();
  const input = repo.loadPairingInput(db, pilotId);
  const people = new Map([...input.mentors, ...input.mentees].map((p) => [p.id, { ...p }]));
  const outOfPool = new Map(input.excluded.map((x) => [x.id, x]));
  const problems: string[] = [];
  const ids: number[] = [];
  const seen = new Set<string>();
  for (const { mentorId, menteeId } of wanted) {
    const mentor = people.get(mentorId);
    const mentee = people.get(menteeId);
    const out = [outOfPool.get(mentorId), outOfPool.get(menteeId)].filter((x) => x !== undefined);
    if (out.length > 0) {
      // Whatever the screen sends: nobody outside the pool is paired.
      problems.push(`${out.map((x) => `${x.name} cannot be paired: ${x.block.words.toLowerCase()}.`).join(' ')}`);
      continue;
    }
    if (!mentor || !mentee || mentor.role !== 'mentor' || mentee.role !== 'mentee') {
      problems.push(`${person(db, mentorId).name} and ${person(db, menteeId).name} cannot be paired: both must be in this pilot, still taking part, one mentor and one mentee.`);
      continue;
    }
    const key = pairKey(mentorId, menteeId);
    if (seen.has(key)) continue;
    seen.add(key);
    const e = evaluatePair(input, mentor, mentee);
    if (e.forbiddenBy) {
      problems.push(`${mentee.name} – ${mentor.name}: ${e.forbiddenDetail}.`);
      continue;
    }
    if (mentor.freeCapacity < 1 || mentee.freeCapacity < 1) {
      problems.push(`${mentee.name} – ${mentor.name}: ${mentor.freeCapacity < 1 ? mentor.name : mentee.name} has no free place left.`);
      continue;
    }
    mentor.freeCapacity -= 1;
    mentee.freeCapacity -= 1;
    const pairId = repo.insertPair(db, pilotId, mentorId, menteeId, e.score, e.explanation, now);
    generateMeetings(db, pairId, now);
    ids.push(pairId);
    markPaired(db, mentorId, mentee.name, now);
    markPaired(db, menteeId, mentor.name, now);
    if (repo.clearPin(db, mentorId, menteeId)) ctx.audit(pinClearedEvent(mentorId, menteeId));
  }
  // All or nothing: the transaction around this command rolls back the pairs already inserted.
  if (problems.length > 0) throw new AppError('INVALID_INPUT', `No pair was confirmed. ${problems.join(' ')}`, problems.map((message) => ({ path: ['pairs'], message })));
  return repo.getPairs(db, ids, ctx.today());
}

/** Someone still preparing becomes paired; someone already paired (capacity above one) stays as they are. A re-pairing flag has done its job. */
function markPaired(db: WriteDb, participantId: number, partnerName: string, now: string): void {
  if (preparationStages.includes(statusOf(db, participantId).status)) transition(db, participantId, 'paired', 'paired', now, `Paired with ${partnerName}`);
  setRepairingNote(db, participantId, null);
}

export const matchingHandlers: FeatureHandlers<keyof typeof matchingContract> = {
  'matching.state': {
    kind: 'query',
    scope: forPilot,
    run: (_input, { db, today, pilotId }) => repo.getState(db, pilotId, today()),
  },
  'matching.setSettings': {
    kind: 'command',
    scope: forPilot,
    run: ({ settings }, { db, pilotId }) => repo.setSettings(db, pilotId, settings),
    audit: (input) => ({ action: 'matching.setSettings', entityType: 'pilot', entityId: input.pilotId }),
  },
  'matching.addConflict': {
    kind: 'command',
    scope: forPilot,
    run: ({ mentorId, menteeId, kind, note }, { db, pilotId }) => repo.addConflict(db, pilotId, mentorId, menteeId, kind, note),
    audit: (_input, c) => ({ action: 'matching.addConflict', entityType: 'conflict_of_interest', entityId: c.id }),
  },
  'matching.removeConflict': {
    kind: 'command',
    scope: pilotScope.of('id', repo.conflictPilot),
    run: ({ id }, { db }) => {
      repo.removeConflict(db, id);
      return null;
    },
    audit: (input) => ({ action: 'matching.removeConflict', entityType: 'conflict_of_interest', entityId: input.id }),
  },
  'matching.setRule': {
    kind: 'command',
    scope: forPilot,
    run: ({ mentorId, menteeId, rule }, { db, pilotId }) => repo.setRule(db, pilotId, mentorId, menteeId, rule),
    audit: (input) => ({ action: `matching.setRule.${input.rule ?? 'clear'}`, entityType: 'pair', entityId: `${input.mentorId}:${input.menteeId}` }),
  },
  'matching.setPreferences': {
    kind: 'command',
    scope: pilotScope.ofParticipant('participantId'),
    run: ({ participantId, preferredIds }, { db }) => repo.setPreferences(db, participantId, preferredIds),
    audit: (input) => ({ action: 'matching.setPreferences', entityType: 'participant', entityId: input.participantId }),
  },
  'matching.setCapacity': {
    kind: 'command',
    scope: pilotScope.ofParticipant('participantId'),
    run: ({ participantId, capacity }, { db }) => repo.setCapacity(db, participantId, capacity),
    audit: (input) => ({ action: 'matching.setCapacity', entityType: 'participant', entityId: input.participantId }),
  },
  'matching.propose': {
    kind: 'query',
    scope: forPilot,
    run: (_input, { db, pilotId }) => propose(repo.loadPairingInput(db, pilotId)),
  },
  'matching.confirm': {
    kind: 'command',
    scope: forPilot,
    run: ({ pairs }, ctx) => confirmPairs(ctx, pairs),
    audit: (_input, pairs) => pairs.map((p) => ({ action: 'matching.confirm', entityType: 'pair', entityId: p.id })),
  },
  'pairs.list': {
    kind: 'query',
    scope: forPilot,
    run: ({ includeEnded }, { db, today, pilotId }) => repo.listPairs(db, pilotId, includeEnded, today()),
  },
  'pairs.unpair': {
    kind: 'command',
    scope: pilotScope.ofPair('id'),
    run: ({ id, reason }, { db, now, today }) => endPairWithReason(db, id, reason, today(), now().toISOString()),
    audit: (input) => ({ action: 'pairs.unpair', entityType: 'pair', entityId: input.id }),
  },
};
