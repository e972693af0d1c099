import { useQuery } from '@tanstack/react-query';
import { call, type ApiError } from '../../api';
import type { Dashboard } from '../../../../shared/dashboard/contract';

/**
 * The dashboard reads every stage, so no single write's `invalidates` covers it: it is read afresh
 * each time the page is shown instead of waiting for a namespace to go stale.
 */
export const useDashboard = (pilotId: number) =>
  useQuery<Dashboard, ApiError>({
    queryKey: ['dashboard.get', { pilotId }],
    queryFn: () => call('dashboard.get', { pilotId }),
    staleTime: 0,
    refetchOnMount: 'always',
  });
