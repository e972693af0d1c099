import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import { AppError } from '../errors';
import type { departmentsContract } from '../../../shared/participants/departments-contract';
import { listDepartments, moveToDepartment, peopleInDepartments } from './departments';

export const departmentHandlers: FeatureHandlers<keyof typeof departmentsContract> = {
  'participants.departments': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId }, { db }) => listDepartments(db, pilotId),
  },
  'participants.mergeDepartments': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId, from, into }, ctx) => {
      const ids = peopleInDepartments(ctx.db, pilotId, from, into);
      if (ids.length === 0) throw new AppError('INVALID_INPUT', `Nobody in this pilot is registered with ${from.map((d) => `“${d}”`).join(' or ')}, so nothing was merged.`);
      moveToDepartment(ctx.db, ids, into, ctx.now().toISOString());
      // The same trail entry as the same change made on each person's page.
      for (const id of ids) ctx.audit({ action: 'participants.update', entityType: 'participant', entityId: id });
      return { moved: ids.length };
    },
    audit: (input, result) => ({ action: `participants.mergeDepartments(${result.moved})`, entityType: 'pilot', entityId: input.pilotId }),
  },
};
