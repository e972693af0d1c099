import type { HandlerRegistry } from '../registry/registry';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';

/** Calls a channel through the registry, so demo data passes the same validation and audit as real use. */
export async function call<C extends Channel>(registry: HandlerRegistry, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await registry.call(channel, input, 'demo');
  if (!result.ok) throw new Error(`demo: ${channel} failed: ${result.error.message}`);
  return result.value;
}
