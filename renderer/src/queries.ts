import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import { call, type ApiError } from './api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Data lives on this laptop: refetch on focus is noise, and a failed local call will fail again.
      refetchOnWindowFocus: false,
      retry: false,
      staleTime: 5_000,
    },
  },
});

/**
 * Reads a channel; the cache key is the channel and its input, so a write can refresh every query of a namespace.
 * `keepPrevious` keeps the last answer on screen while one for a new input loads (the next page, a new search), so a
 * table and the buttons that page it do not disappear under the keyboard focus.
 */
export function useChannel<C extends Channel>(channel: C, input: ChannelInput<C>, { enabled, keepPrevious = false }: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: [channel, input],
    queryFn: () => call(channel, input),
    enabled,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}

/**
 * Marks stale every query of the namespaces a write declares in the contract (`invalidates`), and
 * those every write touches: the audit trail, which every write adds to, and the dashboard and the
 * sponsor report, which sum up every stage. `refetch: 'none'` only marks them, for a write that
 * repeats while someone types (a draft saved as they go): the screens refetch when next shown.
 */
const staleAfterEveryWrite = ['audit', 'dashboard', 'reports'] as const;
export function refreshAfter(client: QueryClient, channel: Channel, { refetch = 'active' }: { refetch?: 'active' | 'none' } = {}): Promise<void> {
  const stale = new Set<string>([...(contract[channel].invalidates ?? []), ...staleAfterEveryWrite]);
  return client.invalidateQueries({ predicate: (query) => stale.has(String(query.queryKey[0]).split('.')[0]!), refetchType: refetch });
}

/**
 * Writes through a channel, then refreshes what the contract says it makes stale. `refresh: false`
 * leaves that to the caller: a screen whose own record was deleted leaves first, so the record's query
 * is not fetched again only to fail.
 */
export function useCommand<C extends Channel>(channel: C, { refresh = true }: { refresh?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => (refresh ? refreshAfter(client, channel) : undefined),
  });
}
