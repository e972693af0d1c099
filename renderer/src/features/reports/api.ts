import { call } from '../../api';
import { useChannel } from '../../queries';

/** The report sums up every stage; every write marks it stale (`refreshAfter` in queries.ts). */
export const useSponsorReport = (pilotId: number) => useChannel('reports.sponsor', { pilotId });

export const exportSponsorPdf = (pilotId: number) => call('reports.exportSponsorPdf', { pilotId });
