import { z } from 'zod';
import { channel } from '../contract/define';
import { entityId, requiredText } from '../contract/common';

export const departmentSchema = z.object({ name: z.string(), people: z.number().int() });
export type Department = z.infer<typeof departmentSchema>;

/**
 * A pilot's departments are the ones its people are registered with: suggested while typing, and
 * merged when two spellings mean one department ("Law" and "School of Law"), so that "never pair
 * within the same department" compares like with like.
 */
export const departmentsContract = {
  'participants.departments': channel({
    summary: 'The departments of a pilot’s people, with how many people each, in name order.',
    input: z.object({ pilotId: entityId }).strict(),
    output: z.array(departmentSchema),
  }),
  'participants.mergeDepartments': channel({
    summary: 'Merge departments that mean the same: everyone registered with one of `from` moves to `into` (one audit entry per person moved).',
    invalidates: ['participants', 'matching', 'pairs'],
    input: z
      .object({
        pilotId: entityId,
        from: z.array(requiredText('Department', 200)).min(1, 'Choose the departments to merge').max(50),
        into: requiredText('Department', 200),
      })
      .strict(),
    output: z.object({ moved: z.number().int() }),
  }),
} as const;
