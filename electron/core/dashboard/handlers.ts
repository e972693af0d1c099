import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { dashboardContract } from '../../../shared/dashboard/contract';
import { pilotDashboard } from './dashboard';

export const dashboardHandlers: FeatureHandlers<keyof typeof dashboardContract> = {
  'dashboard.get': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId }, { db, today }) => pilotDashboard(db, pilotId, today()),
  },
};
