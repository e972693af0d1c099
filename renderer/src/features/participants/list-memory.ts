import { participantsPath } from '../../app/paths';

/**
 * The list's filters and sort as they were last left, per pilot, so "All participants" on a
 * person's page returns to the same view. Memory only: a lock reloads the page and clears it.
 */
export const lastListSearch = new Map<number, string>();
export const listPath = (pilotId: number) => `${participantsPath(pilotId)}${lastListSearch.get(pilotId) ?? ''}`;
