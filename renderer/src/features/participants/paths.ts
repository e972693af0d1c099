/** Where the participant screens of a pilot live: the list, "new", "import", a person, or their edit form. */
export const participantsPath = (pilotId: number, rest: string | number = '') => `/pilots/${pilotId}/participants${rest === '' ? '' : `/${rest}`}`;

/**
 * Namespaces to refresh after a change to a person or their consent: other stages list people
 * (focus-group attendees, chemistry, training, pairing) and the plan counts consent records.
 */
export const PEOPLE_NAMESPACES = ['participants', 'plan', 'focusGroups', 'chemistry', 'training', 'matching', 'pairs'];

/**
 * The list's filters and sort as they were last left, per pilot, so "All participants" on a
 * person's page returns to the same view. Memory only: a lock reloads the page and clears it.
 */
export const lastListSearch = new Map<number, string>();
export const listPath = (pilotId: number) => `${participantsPath(pilotId)}${lastListSearch.get(pilotId) ?? ''}`;
