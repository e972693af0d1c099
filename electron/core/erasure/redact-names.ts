/** A name replaced with "[removed]" in every feature's free text of one pilot, each through its own module. */
import type { WriteDb } from '../db/query';
import { namePartsOf, namePattern } from '../../../shared/erasure/redact';
import { redactNamesInLogs } from '../logs';
import { redactNamesInChemistry } from '../chemistry';
import { redactNamesInTraining } from '../training';
import { redactNamesInPairs } from '../matching';
import { redactNamesInMeetings } from '../meetings';
import { redactNamesInSurveys } from '../surveys';
import { redactNamesInFocusGroups } from '../focus-groups';
import { redactNamesInGroupReflections } from '../group-reflection';
import { redactNamesInConcerns } from '../safeguarding';
import { redactNamesInParticipants } from '../participants';

/**
 * How many times a name was replaced, in all the pilot's free text. `otherNames` are the people who
 * stay: a first name or surname one of them shares is not replaced on its own (only as part of the
 * full name), or erasing one Amara would strip every other Amara of her name.
 */
export function redactNamesInPilot(db: WriteDb, pilotId: number, names: readonly string[], otherNames: readonly string[] = []): number {
  const pattern = namePattern(names, namePartsOf(otherNames));
  if (!pattern) return 0;
  return [redactNamesInLogs, redactNamesInChemistry, redactNamesInTraining, redactNamesInPairs, redactNamesInMeetings, redactNamesInSurveys, redactNamesInFocusGroups, redactNamesInGroupReflections, redactNamesInConcerns, redactNamesInParticipants].reduce(
    (sum, redactIn) => sum + redactIn(db, pilotId, pattern),
    0,
  );
}
