import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type ApiError } from '../../api';
import { useChannel, useCommand } from '../../queries';
import { useRecheckStepUp, useRestrictedChannel } from '../../app/step-up';
import type { ChannelInput } from '../../../../shared/contract';
import type { Concern, ConcernFilters, safeguardingContract } from '../../../../shared/safeguarding/contract';

/**
 * The register's reads and writes. Reads of concerns are restricted (and audited in the main
 * process); a write answers with the concern as it now is, which goes straight into the cache, so
 * a change does not cost a second, audited read of the same concern.
 */

export const useRegister = (filters: ConcernFilters) => useRestrictedChannel('safeguarding.list', filters, { keepPrevious: true });
export const useConcern = (id: number) => useRestrictedChannel('safeguarding.get', { id });
export const useConcernSummary = (pilotId: number) => useChannel('safeguarding.summary', { pilotId });
export const usePlan = (pilotId: number) => useChannel('plan.get', { pilotId });
export const useCloseRegister = () => useCommand('safeguarding.endStepUp');

/** The channels that change a concern and answer with it. */
type ConcernChange = Exclude<Extract<keyof typeof safeguardingContract, `safeguarding.${string}`>, 'safeguarding.stepUp' | 'safeguarding.stepUpStatus' | 'safeguarding.endStepUp' | 'safeguarding.summary' | 'safeguarding.prefill' | 'safeguarding.list' | 'safeguarding.get'>;

export function useConcernChange<C extends ConcernChange>(channel: C) {
  const client = useQueryClient();
  const recheck = useRecheckStepUp();
  return useMutation<Concern, ApiError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input) as Promise<Concern>,
    onSuccess: (concern) => {
      client.setQueryData(['safeguarding.get', { id: concern.id }], concern);
      return client.invalidateQueries({
        predicate: (query) => {
          const [name, input] = query.queryKey as [string, { id?: number }];
          if (name === 'safeguarding.get' && input.id === concern.id) return false;
          return name.startsWith('safeguarding.') || name.startsWith('audit.');
        },
      });
    },
    onError: recheck,
  });
}
