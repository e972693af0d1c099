import { useChannel, useCommand } from '../../../queries';
import type { ChannelInput } from '../../../../../shared/contract';

/** The codebook and coded excerpts (coordinator only). */
export const useCodebook = (pilotId: number) => useChannel('codebook.list', { pilotId });
export const useExcerpts = (interviewId: number, enabled = true) => useChannel('coding.excerpts', { interviewId }, { enabled });
export const useCodePage = (input: ChannelInput<'coding.byCode'>) => useChannel('coding.byCode', input, { keepPrevious: true });

export const useStartFromThemes = () => useCommand('codebook.startFromThemes');
export const useCreateCode = () => useCommand('codebook.create');
export const useUpdateCode = () => useCommand('codebook.update');
export const useMergeCodes = () => useCommand('codebook.merge');
export const useRemoveCode = () => useCommand('codebook.remove');
export const useApplyCoding = () => useCommand('coding.apply');
export const useUpdateExcerpt = () => useCommand('coding.updateExcerpt');
export const useRemoveExcerpt = () => useCommand('coding.removeExcerpt');
