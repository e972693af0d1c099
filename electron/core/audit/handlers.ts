import type { FeatureHandlers } from '../registry/types';
import { noPilot } from '../registry/scope';
import type { auditContract } from '../../../shared/audit/contract';
import { listAudit, pageAudit, verifyAudit } from './audit';

export const auditHandlers: FeatureHandlers<keyof typeof auditContract> = {
  'audit.page': {
    kind: 'query',
    scope: noPilot,
    run: (input, { db }) => pageAudit(db, input),
  },
  'audit.list': {
    kind: 'query',
    scope: noPilot,
    run: ({ limit, beforeSeq }, { db }) => listAudit(db, limit, beforeSeq),
  },
  'audit.verify': {
    kind: 'query',
    scope: noPilot,
    run: ({ anchor }, { db }) => verifyAudit(db, anchor),
  },
};
