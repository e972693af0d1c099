import { useChannel, useCommand } from '../../queries';

/** The training stage's reads and writes. Each write refreshes what the contract says it changes. */
export const useTrainingSessions = (pilotId: number) => useChannel('training.list', { pilotId });
/** The current pairs, each with whoever in it is not trained yet. */
export const useConfirmedPairs = (pilotId: number) => useChannel('pairs.list', { pilotId });
export const useRecordTraining = () => useCommand('training.create');
export const useUpdateTraining = () => useCommand('training.update');
export const useDeleteTraining = () => useCommand('training.delete');
