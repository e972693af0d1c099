/** Pilots (a scheme or round) for other features: the pilot's own record, and the registry's check before a call. */
export { getPilot } from './repository';
export { assertPilotOpen } from './guard';
