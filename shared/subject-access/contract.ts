import { z } from 'zod';
import { channel } from '../contract/define';
import { entityId } from '../contract/common';

/**
 * Subject access (stage 14): everything the vault holds about one person, as a readable HTML page and
 * as JSON, written to a folder the coordinator picks. What is left out, and why, is said in both.
 */

/** One kind of data in the document, with how many records of it there are. */
export const subjectAccessSectionSchema = z.object({ kind: z.string(), records: z.number().int() });

export const subjectAccessContract = {
  'subjectAccess.export': channel({
    summary: 'Everything held about one person (record, consent and status history, pairs, meetings, their own logs, survey answers, closing-interview notes) as HTML and JSON, written to a folder the coordinator picks, with an audit entry; their partner’s logs and safeguarding records are left out, and the document says so.',
    invalidates: ['audit'],
    input: z.object({ participantId: entityId }).strict(),
    output: z.object({ folder: z.string(), files: z.array(z.string()), sections: z.array(subjectAccessSectionSchema), leftOut: z.array(z.string()) }),
  }),
} as const;
