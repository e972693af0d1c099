import { useChannel, useCommand } from '../../queries';
import type { ChannelInput } from '../../../../shared/contract';

/** The surveys' reads and writes. Each write refreshes what the contract says it changes. */

export const useSurveysOverview = (pilotId: number) => useChannel('surveys.overview', { pilotId });
export const useInstrument = (instrumentId: number | undefined) => useChannel('surveys.instrument', { instrumentId: instrumentId ?? 0 }, { enabled: instrumentId !== undefined });
export const useRespondents = (input: ChannelInput<'surveys.respondents'> | undefined) =>
  useChannel('surveys.respondents', input ?? { waveId: 0 }, { enabled: input !== undefined, keepPrevious: true });
export const useResponse = (waveId: number, participantId: number) => useChannel('surveys.response', { waveId, participantId });
export const useAnalysis = (input: ChannelInput<'surveys.analysis'>) => useChannel('surveys.analysis', input, { keepPrevious: true });
export const useFreeText = (input: ChannelInput<'surveys.freeText'> | undefined) => useChannel('surveys.freeText', input ?? { waveId: 0 }, { enabled: input !== undefined, keepPrevious: true });

export const useCreateInstrument = () => useCommand('surveys.createInstrument');
export const useRenameInstrument = () => useCommand('surveys.renameInstrument');
export const useAddItem = () => useCommand('surveys.addItem');
export const useUpdateItem = () => useCommand('surveys.updateItem');
export const useRemoveItem = () => useCommand('surveys.removeItem');
export const useMoveItem = () => useCommand('surveys.moveItem');
export const useDeleteInstrument = () => useCommand('surveys.deleteInstrument');
export const useCreateWave = () => useCommand('surveys.createWave');
export const useUpdateWave = () => useCommand('surveys.updateWave');
export const useDeleteWave = () => useCommand('surveys.deleteWave');
export const useSaveResponse = () => useCommand('surveys.saveResponse');
export const useDeleteResponse = () => useCommand('surveys.deleteResponse');
export const useSetThreshold = () => useCommand('surveys.setThreshold');
export const useImportResponses = () => useCommand('surveys.import', { refresh: false });

