import { useChannel } from '../../queries';

/** The dashboard sums up every stage; every write marks it stale (`refreshAfter` in queries.ts). */
export const useDashboard = (pilotId: number) => useChannel('dashboard.get', { pilotId });

/** The retention countdown (erasure's own query): shown as a card, leading to the erasure flow at expiry. */
export const useRetention = (pilotId: number) => useChannel('erasure.retention', { pilotId });
