import { expectOk } from './vault';
import type { HandlerRegistry } from '../../electron/core';
import type { Pilot } from '../../shared/pilots/contract';
import type { ChannelInput, ChannelOutput, Channel } from '../../shared/contract';

/** Calls a channel and returns its value, failing the test with the error otherwise. */
export async function ok<C extends Channel>(registry: HandlerRegistry, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  return expectOk(await registry.call(channel, input));
}

export async function newPilot(registry: HandlerRegistry, name = 'Belonging 2026/27'): Promise<Pilot> {
  return ok(registry, 'pilots.create', { name, startDate: '2026-10-01', endDate: '2027-06-30' });
}

export const person = (n: number, role: 'mentor' | 'mentee' = n % 2 ? 'mentor' : 'mentee') => ({
  name: `Person ${n}`,
  email: `person${n}@example.ac.uk`,
  role,
});
