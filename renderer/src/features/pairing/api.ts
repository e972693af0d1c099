import { call } from '../../api';
import { useChannel, useCommand } from '../../queries';

/** The pairing stage's reads and writes. Each write refreshes what the contract says it changes. */

export const useMatchingState = (pilotId: number) => useChannel('matching.state', { pilotId });
export const usePairs = (pilotId: number, includeEnded = false) => useChannel('pairs.list', { pilotId, includeEnded });
/** A proposal saves nothing, so it is asked for when wanted rather than cached. */
export const proposePairs = (pilotId: number) => call('matching.propose', { pilotId });

export const useSaveSettings = () => useCommand('matching.setSettings');
export const useSetRule = () => useCommand('matching.setRule');
export const useAddConflict = () => useCommand('matching.addConflict');
export const useRemoveConflict = () => useCommand('matching.removeConflict');
export const useSavePreferences = () => useCommand('matching.setPreferences');
export const useSaveCapacity = () => useCommand('matching.setCapacity');
export const useConfirmPairs = () => useCommand('matching.confirm');
export const useEndPair = () => useCommand('pairs.unpair');
