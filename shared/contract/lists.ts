import { z } from 'zod';
import { entityId } from './common';

/**
 * The pieces every paged, searchable list shares: the search box, the page window a screen asks
 * for, the page it gets back, and the two named sides of a pair that most of those rows show.
 * One definition each, so every list reads its input and words its errors the same way.
 */

/** What the coordinator typed in a list's search box: trimmed, empty when nothing. */
export const searchText = z.string().trim().max(200, 'Search must be at most 200 characters').default('');

/** Which rows of a list a screen asks for: from `offset`, at most `maxLimit` at a time. */
export function pageWindow({ defaultLimit, maxLimit, maxOffset = 1_000_000 }: { defaultLimit: number; maxLimit: number; maxOffset?: number }) {
  return {
    offset: z.number().int().min(0).max(maxOffset).default(0),
    limit: z.number().int().min(1).max(maxLimit).default(defaultLimit),
  };
}

/** One page of a list: how many rows match in all, where the page starts, and its rows. Extend it with totals of its own. */
export const pageOf = <Row extends z.ZodType>(row: Row) =>
  z.object({
    total: z.number().int(),
    offset: z.number().int(),
    rows: z.array(row),
  });

/** A pair's two people as a row shows them: mentor and mentee, each with id and name. */
export const pairSides = {
  mentorId: entityId,
  mentorName: z.string(),
  menteeId: entityId,
  menteeName: z.string(),
};
