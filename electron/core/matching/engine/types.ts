import type { Willingness } from '../../../../shared/chemistry/contract';
import type { Explanation, MatchingSettings } from '../../../../shared/matching/contract';
import type { PairingBlock } from '../../participants';

/** A person who can be paired, with what the criteria look at. */
export interface Person {
  id: number;
  name: string;
  role: 'mentor' | 'mentee';
  department: string;
  characteristics: string[];
  topics: string[];
  availability: string[];
  /** Partners still free: capacity minus current confirmed pairs. */
  freeCapacity: number;
  /** Ranked preferred partners (ids of the other role), best first. */
  preferences: number[];
}

export interface ChemistryAnswer {
  happened: boolean;
  mentor: Willingness | null;
  mentee: Willingness | null;
}

/** Everything known about the cohort that decides who may be paired with whom, and how well. */
export interface PairingInput {
  settings: MatchingSettings;
  mentors: Person[];
  mentees: Person[];
  /** People still taking part who may not be paired now (no consent, not at the stage the plan requires), with why. */
  excluded: Excluded[];
  /** key `${mentorId}:${menteeId}` */
  chemistry: Map<string, ChemistryAnswer>;
  conflicts: Map<string, string>;
  rules: Map<string, 'pin' | 'forbid'>;
  /** Pairs already confirmed and current: never proposed again. */
  current: Set<string>;
}

export interface Excluded {
  id: number;
  name: string;
  role: 'mentor' | 'mentee';
  block: PairingBlock;
}

export const pairKey = (mentorId: number, menteeId: number) => `${mentorId}:${menteeId}`;

/** Why a pair may never be made, in words. */
export type HardRule = 'chemistry-no' | 'conflict' | 'forbidden' | 'same-department' | 'no-shared-availability' | 'already-paired';

export interface PairEvaluation {
  forbiddenBy: HardRule | null;
  /** In words, for the coordinator (present when forbidden). */
  forbiddenDetail: string;
  score: number;
  explanation: Explanation[];
}

/** Every mentee against every mentor of the input (mentee-major), evaluated once. */
export interface Cohort {
  mentees: Person[];
  mentors: Person[];
  /** A pair's full evaluation, explanation included, computed when asked: kept for every cell it would not fit in memory for thousands of people. */
  evaluation: (cell: number) => PairEvaluation;
  scores: Float64Array;
  /** 1 = no hard rule forbids the pair. */
  allowed: Uint8Array;
  /** How much mentee i wants mentor j, and how much mentor j wants mentee i (both mentee-major). */
  menteePrefs: Float64Array;
  mentorPrefs: Float64Array;
}
