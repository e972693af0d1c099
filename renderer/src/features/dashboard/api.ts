import { useChannel } from '../../queries';

/** The dashboard sums up every stage; every write marks it stale (`refreshAfter` in queries.ts). */
export const useDashboard = (pilotId: number) => useChannel('dashboard.get', { pilotId });
