import { useQuery } from '@tanstack/react-query';
import { call, type ApiError } from '../../api';
import type { SponsorReport } from '../../../../shared/reports/contract';

/** Read afresh each time the page is shown: the report sums up every stage. */
export const useSponsorReport = (pilotId: number) =>
  useQuery<SponsorReport, ApiError>({ queryKey: ['reports.sponsor', { pilotId }], queryFn: () => call('reports.sponsor', { pilotId }), staleTime: 0, refetchOnMount: 'always' });

export const exportSponsorPdf = (pilotId: number) => call('reports.exportSponsorPdf', { pilotId });
