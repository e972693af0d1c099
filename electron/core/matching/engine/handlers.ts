import type { FeatureHandlers } from '../../registry/types';
import type { matchingContract } from '../../../../shared/matching/contract';
import type { Db } from '../../db/types';
import { AppError } from '../../errors';
import { assertPilotExists, assertPilotWritable } from '../../pilots/guard';
import { advanceTo, person } from '../../participants/roles';
import { participantPilot } from '../../participants/repository';
import { evaluatePair } from './scoring';
import { propose } from './propose';
import * as repo from './repository';
import { pairKey } from './types';
import { cancelRemaining, generateMeetings } from '../../meetings/repository';
import { todayFor } from '../../settings/handlers';

/** Confirms pairs after checking, against the vault as it is now, that each is still allowed and has room. */
function confirmPairs(db: Db, pilotId: number, wanted: { mentorId: number; menteeId: number }[], today: string, now: string) {
  const input = repo.loadPairingInput(db, pilotId);
  const people = new Map([...input.mentors, ...input.mentees].map((p) => [p.id, { ...p }]));
  const problems: string[] = [];
  const ids: number[] = [];
  const seen = new Set<string>();
  for (const { mentorId, menteeId } of wanted) {
    const mentor = people.get(mentorId);
    const mentee = people.get(menteeId);
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
    advanceTo(db, mentorId, 'paired', ['interested', 'chemistry', 'trained'], now, `Paired with ${mentee.name}`);
    advanceTo(db, menteeId, 'paired', ['interested', 'chemistry', 'trained'], now, `Paired with ${mentor.name}`);
  }
  // All or nothing: the transaction around this command rolls back the pairs already inserted.
  if (problems.length > 0) throw new AppError('INVALID_INPUT', `No pair was confirmed. ${problems.join(' ')}`, problems.map((message) => ({ path: ['pairs'], message })));
  return repo.getPairs(db, ids, today);
}

/** Ending a pair returns each person to their stage before pairing, unless they still have another partner. */
function unpair(db: Db, id: number, reason: string, today: string, now: string) {
  const { pair, row } = repo.endPair(db, id, reason, today, now);
  cancelRemaining(db, id, reason, now);
  for (const [personId, before] of [
    [row.mentor_id, row.mentor_status_before],
    [row.mentee_id, row.mentee_status_before],
  ] as const) {
    const who = person(db, personId);
    const stillPaired = db.prepare('SELECT 1 FROM pairs WHERE ended_at IS NULL AND (mentor_id = ? OR mentee_id = ?)').get(personId, personId);
    if (who.status === 'paired' && !stillPaired) {
      db.prepare('UPDATE participants SET status = ?, updated_at = ? WHERE id = ?').run(before, now, personId);
      db.prepare('INSERT INTO participant_status_history (participant_id, from_status, to_status, reason, at) VALUES (?, ?, ?, ?, ?)').run(personId, 'paired', before, `Pair ended: ${reason}`, now);
    }
  }
  return pair;
}

export const matchingHandlers: FeatureHandlers<keyof typeof matchingContract> = {
  'matching.state': {
    kind: 'query',
    run: ({ pilotId }, { db, now }) => {
      assertPilotExists(db, pilotId);
      return repo.getState(db, pilotId, todayFor(db, now()));
    },
  },
  'matching.setSettings': {
    kind: 'command',
    run: ({ pilotId, settings }, { db }) => {
      assertPilotWritable(db, pilotId);
      return repo.setSettings(db, pilotId, settings);
    },
    audit: (input) => ({ action: 'matching.setSettings', entityType: 'pilot', entityId: input.pilotId }),
  },
  'matching.addConflict': {
    kind: 'command',
    run: ({ pilotId, mentorId, menteeId, kind, note }, { db }) => {
      assertPilotWritable(db, pilotId);
      return repo.addConflict(db, pilotId, mentorId, menteeId, kind, note);
    },
    audit: (_input, c) => ({ action: 'matching.addConflict', entityType: 'conflict_of_interest', entityId: c.id }),
  },
  'matching.removeConflict': {
    kind: 'command',
    run: ({ id }, { db }) => {
      assertPilotWritable(db, repo.conflictPilot(db, id));
      db.prepare('DELETE FROM conflicts_of_interest WHERE id = ?').run(id);
      return null;
    },
    audit: (input) => ({ action: 'matching.removeConflict', entityType: 'conflict_of_interest', entityId: input.id }),
  },
  'matching.setRule': {
    kind: 'command',
    run: ({ pilotId, mentorId, menteeId, rule }, { db }) => {
      assertPilotWritable(db, pilotId);
      return repo.setRule(db, pilotId, mentorId, menteeId, rule);
    },
    audit: (input) => ({ action: `matching.setRule.${input.rule ?? 'clear'}`, entityType: 'pair', entityId: `${input.mentorId}:${input.menteeId}` }),
  },
  'matching.setPreferences': {
    kind: 'command',
    run: ({ participantId, preferredIds }, { db }) => {
      assertPilotWritable(db, participantPilot(db, participantId));
      return repo.setPreferences(db, participantId, preferredIds);
    },
    audit: (input) => ({ action: 'matching.setPreferences', entityType: 'participant', entityId: input.participantId }),
  },
  'matching.setCapacity': {
    kind: 'command',
    run: ({ participantId, capacity }, { db }) => {
      assertPilotWritable(db, participantPilot(db, participantId));
      return repo.setCapacity(db, participantId, capacity);
    },
    audit: (input) => ({ action: 'matching.setCapacity', entityType: 'participant', entityId: input.participantId }),
  },
  'matching.propose': {
    kind: 'query',
    run: ({ pilotId }, { db }) => {
      assertPilotExists(db, pilotId);
      return propose(repo.loadPairingInput(db, pilotId));
    },
  },
  'matching.confirm': {
    kind: 'command',
    run: ({ pilotId, pairs }, { db, now }) => {
      assertPilotWritable(db, pilotId);
      return confirmPairs(db, pilotId, pairs, todayFor(db, now()), now().toISOString());
    },
    audit: (_input, pairs) => pairs.map((p) => ({ action: 'matching.confirm', entityType: 'pair', entityId: p.id })),
  },
  'pairs.list': {
    kind: 'query',
    run: ({ pilotId, includeEnded }, { db, now }) => {
      assertPilotExists(db, pilotId);
      return repo.listPairs(db, pilotId, includeEnded, todayFor(db, now()));
    },
  },
  'pairs.unpair': {
    kind: 'command',
    run: ({ id, reason }, { db, now }) => {
      assertPilotWritable(db, repo.pairPilot(db, id));
      return unpair(db, id, reason, todayFor(db, now()), now().toISOString());
    },
    audit: (input) => ({ action: 'pairs.unpair', entityType: 'pair', entityId: input.id }),
  },
};
