// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import { contract } from '../../../shared/contract';
import { useCommand } from '../queries';

/** The window's api, answering every call with success: only what the hook refreshes matters here. */
function stubApi() {
  const ok = vi.fn(async () => ({ ok: true as const, value: null }));
  const handler: ProxyHandler<object> = { get: () => new Proxy({}, { get: () => ok }) };
  Object.assign(window, { api: new Proxy({}, handler) });
  return ok;
}

/** A cache holding one answer for each channel, as screens that read them would leave it. */
function filledCache() {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const key of ['meetings.list', 'logs.owed', 'pairs.list', 'participants.list', 'pilots.list', 'plan.get', 'audit.list']) client.setQueryData([key, {}], 'answer');
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const stale = () => client.getQueryCache().getAll().filter((q) => q.isStale()).map((q) => String(q.queryKey[0])).sort();
  return { wrapper, stale };
}

afterEach(cleanup);

describe('useCommand', () => {
  it('refreshes the namespaces the contract says the write invalidates, and the audit trail, nothing else', async () => {
    stubApi();
    const { wrapper, stale } = filledCache();
    const { result } = renderHook(() => useCommand('logs.markNotProvided'), { wrapper });
    await act(() => result.current.mutateAsync({ meetingId: 1, authorId: 2, reason: 'On leave' }));
    expect(contract['logs.markNotProvided'].invalidates).toEqual(['meetings', 'logs', 'participants', 'pairs']);
    expect(stale()).toEqual(['audit.list', 'logs.owed', 'meetings.list', 'pairs.list', 'participants.list']);
  });

  it('leaves the refresh to the caller when asked (a screen whose record was deleted leaves first)', async () => {
    stubApi();
    const { wrapper, stale } = filledCache();
    const { result } = renderHook(() => useCommand('pilots.archive', { refresh: false }), { wrapper });
    await act(() => result.current.mutateAsync({ id: 1 }));
    expect(stale()).toEqual([]);
  });

  it('refreshes nothing when the write fails', async () => {
    const api = stubApi();
    api.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no such pilot.' } } as never);
    const { wrapper, stale } = filledCache();
    const { result } = renderHook(() => useCommand('pilots.archive'), { wrapper });
    await act(() => expect(result.current.mutateAsync({ id: 1 })).rejects.toThrow('There is no such pilot.'));
    expect(stale()).toEqual([]);
  });
});
