import { useChannel, useCommand } from '../../queries';

/** The chemistry stage's reads and writes. Each write refreshes what the contract says it changes. */
import type { ChannelInput } from '../../../../shared/contract';

/** One page of chemistry meetings; the previous page stays on screen while the next loads. */
export const useChemistryMeetings = (query: ChannelInput<'chemistry.list'>) => useChannel('chemistry.list', query, { keepPrevious: true });
export const useRecordChemistry = () => useCommand('chemistry.create');
export const useUpdateChemistry = () => useCommand('chemistry.update');
export const useDeleteChemistry = () => useCommand('chemistry.delete');
