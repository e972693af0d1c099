import { call } from '../../api';
import { useChannel, useCommand } from '../../queries';
import type { ChannelInput } from '../../../../shared/contract';
import type { SearchOrder } from '../../../../shared/logs/contract';

/** The reflective logs' reads and writes. Each write refreshes what the contract says it changes. */

/** One page of the logs still owed; the previous page stays on screen while the next loads. */
export const useOwedLogs = (query: ChannelInput<'logs.owedPage'>, { enabled }: { enabled?: boolean } = {}) => useChannel('logs.owedPage', query, { enabled, keepPrevious: true });
export const useLog = (meetingId: number, authorId: number) => useChannel('logs.get', { meetingId, authorId });
/** One page of hits; the previous page stays on screen while the next loads. */
export const useLogSearch = (pilotId: number, query: string, order: SearchOrder, offset: number, limit: number) =>
  useChannel('logs.search', { pilotId, query, order, offset, limit }, { enabled: query.trim().length > 0, keepPrevious: true });
export const usePilotRegister = (pilotId: number) => useChannel('participants.list', { pilotId, sortBy: 'name' });

export const useMarkNotProvided = () => useCommand('logs.markNotProvided');
/** Saved as you type (useAutosave), so called directly: the editor refreshes what it makes stale. */
export const saveDraft = (input: ChannelInput<'logs.saveDraft'>) => call('logs.saveDraft', input);
export const submitLog = (input: ChannelInput<'logs.submit'>) => call('logs.submit', input);
/** Writes a person's log book (PDF) into a folder the coordinator picks. */
export const exportLogBook = (participantId: number) => call('logs.exportLogBook', { participantId });
