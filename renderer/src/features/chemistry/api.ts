import { useChannel, useCommand } from '../../queries';

/** The chemistry stage's reads and writes. Each write refreshes what the contract says it changes. */
export const useChemistryMeetings = (pilotId: number) => useChannel('chemistry.list', { pilotId });
export const useRecordChemistry = () => useCommand('chemistry.create');
export const useUpdateChemistry = () => useCommand('chemistry.update');
export const useDeleteChemistry = () => useCommand('chemistry.delete');
