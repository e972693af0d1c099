/**
 * The safeguarding register for other features: what a participant's erasure asks about and, only
 * once the coordinator has confirmed it, removes. Nothing else leaves this feature — concerns never
 * go into another channel's output, a search, a report or an export.
 */
export { countConcernsAbout, eraseConcernsAbout } from './repository';
/** Counts only, for the pilot dashboard (open concerns, overdue follow-ups): never text or names. */
export { summarise as concernCounts } from './repository';
export { unlinkConcernsFromLogsOf, redactNamesInConcerns, peopleWithConcerns, countConcernsAboutPeopleOf } from './erasure';
