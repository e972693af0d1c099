import type { HandlerRegistry } from '../registry/registry';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { seededRandom } from '../util/random';

export interface DemoOptions {
  seed: number;
  participants: number;
}

export interface DemoSummary {
  pilots: number;
}

/** Calls a channel through the registry, so demo data passes the same validation and audit as real use. */
export async function call<C extends Channel>(registry: HandlerRegistry, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await registry.call(channel, input, 'demo');
  if (!result.ok) throw new Error(`demo: ${channel} failed: ${result.error.message}`);
  return result.value;
}

/**
 * Fills an unlocked vault with an obviously synthetic pilot (every name carries "(demo)"),
 * the same for the same seed. Each feature adds its part here as it lands.
 */
export async function fillDemo(registry: HandlerRegistry, options: DemoOptions): Promise<DemoSummary> {
  const random = seededRandom(options.seed);
  const year = 2026;
  const themes = ['belonging', 'voice', 'assessment', 'international'] as const;
  const focus = themes[Math.floor(random() * themes.length)]!;
  const purposes: Record<(typeof themes)[number], string> = {
    belonging: 'Under-represented students mentor senior leaders so that the university understands what belonging means to them.',
    voice: 'Students who rarely reach committees tell senior staff how decisions land in their daily lives.',
    assessment: 'Mature and widening-participation students show staff how assessment and feedback are experienced.',
    international: 'International students mentor senior staff on what the label "international student" means to them.',
  };

  const previous = await call(registry, 'pilots.create', {
    name: `Reverse mentoring pilot ${year - 1}/${String(year).slice(2)} (demo)`,
    purpose: 'First round: 8 student–staff pairs, four fortnightly meetings each.',
    startDate: `${year - 1}-10-01`,
    endDate: `${year}-06-30`,
    status: 'completed',
  });
  await call(registry, 'pilots.archive', { id: previous.id });
  await call(registry, 'pilots.create', {
    name: `Reverse mentoring scheme ${year}/${String(year + 1).slice(2)} (demo)`,
    purpose: purposes[focus],
    startDate: `${year}-10-01`,
    endDate: `${year + 1}-06-30`,
    status: 'recruiting',
  });
  return { pilots: 2 };
}
