import { z } from 'zod';
import { channel } from '../contract/define';
import { entityId } from '../contract/common';

export const namesakeNoteSchema = z.object({ id: entityId, note: z.string() });
export type NamesakeNote = z.infer<typeof namesakeNoteSchema>;

/**
 * The people of a pilot who share a name with someone else in it, each with the note that tells
 * them apart (shared/participants/disambiguate.ts). One pilot-wide answer, so a person carries the
 * same note on every screen, list and page, even when their namesake is on another page.
 */
export const namesakesContract = {
  'participants.namesakes': channel({
    summary: 'The people of a pilot whose name another person in it shares, each with the note (department and role, or email) that tells them apart.',
    input: z.object({ pilotId: entityId }).strict(),
    output: z.array(namesakeNoteSchema),
  }),
} as const;
