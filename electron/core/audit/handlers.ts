import type { FeatureHandlers } from '../registry/types';
import type { auditContract } from '../../../shared/audit/contract';
import { listAudit, verifyAudit } from './audit';

export const auditHandlers: FeatureHandlers<keyof typeof auditContract> = {
  'audit.list': {
    kind: 'query',
    run: ({ limit, beforeSeq }, { db }) => listAudit(db, limit, beforeSeq),
  },
  'audit.verify': {
    kind: 'query',
    run: ({ anchor }, { db }) => verifyAudit(db, anchor),
  },
};
