import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
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
 * Reads a channel; the cache key is the channel and its input, so invalidating a feature's prefix refreshes its screens.
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

/** Writes through a channel and refreshes every query of the listed feature namespaces (e.g. 'pilots'). */
export function useCommand<C extends Channel>(channel: C, invalidates: string[] = [channel.split('.')[0]!]) {
  const client = useQueryClient();
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () =>
      Promise.all(
        invalidates.map((namespace) =>
          client.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith(`${namespace}.`) }),
        ),
      ),
  });
}
