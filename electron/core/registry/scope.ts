/**
 * Which pilot a call belongs to, declared on each handler instead of looked up by hand in each one.
 * The registry resolves it before `run`: a record that does not exist is NOT_FOUND (named, e.g.
 * "Meeting 7 does not exist."), its pilot must exist, and a command may not change an archived
 * pilot unless it says so. The handler then reads `ctx.pilotId`.
 */
import type { ReadDb } from '../db/query';
import { meetingPilot } from '../meetings';
import { pairPilot } from '../matching';
import { participantPilot } from '../participants';

export interface PilotScope<I> {
  readonly kind: 'pilot';
  /** The pilot of the input's record; throws NOT_FOUND naming the record when it does not exist. */
  readonly pilotOf: (db: ReadDb, input: I) => number;
}

/** Vault, settings, the audit trail and the list of pilots belong to no single pilot. */
export interface NoPilot {
  readonly kind: 'none';
}

export type Scope<I> = PilotScope<I> | NoPilot;

/** Whether a call may change an archived pilot. Commands refuse by default; queries and actions only read it. */
export type ArchivedPilots = 'refuse' | 'allow';

export const noPilot: NoPilot = { kind: 'none' };

type IdField<K extends string> = { readonly [P in K]: number };

/** A record's pilot, by the record's id (throws NOT_FOUND when there is no such record). */
export type PilotLookup = (db: ReadDb, id: number) => number;

const of = <K extends string>(key: K, lookup: PilotLookup): PilotScope<IdField<K>> => ({ kind: 'pilot', pilotOf: (db, input) => lookup(db, input[key]) });

export const pilotScope = {
  /** The input names the pilot itself, e.g. `{ pilotId }`. */
  fromInput: <K extends string>(key: K): PilotScope<IdField<K>> => ({ kind: 'pilot', pilotOf: (_db, input) => input[key] }),
  /** The input names a record of a pilot; `lookup` (from the record's feature) finds the pilot. */
  of,
  /** Anything else, e.g. an input that names either a pilot or a pair. */
  resolvedBy: <I>(pilotOf: (db: ReadDb, input: I) => number): PilotScope<I> => ({ kind: 'pilot', pilotOf }),
  ofMeeting: <K extends string>(key: K) => of(key, (db, id) => meetingPilot(db, id)),
  ofPair: <K extends string>(key: K) => of(key, (db, id) => pairPilot(db, id)),
  ofParticipant: <K extends string>(key: K) => of(key, (db, id) => participantPilot(db, id)),
};
