import { useChannel, useCommand } from '../../queries';

/** The pilots' reads and writes. Each write refreshes what the contract says it changes. */
export const usePilots = (includeArchived: boolean) => useChannel('pilots.list', { includeArchived });
export const usePilot = (id: number) => useChannel('pilots.get', { id });
export const useCreatePilot = () => useCommand('pilots.create');
export const useUpdatePilot = () => useCommand('pilots.update');
export const useArchivePilot = () => useCommand('pilots.archive');
export const useRestorePilot = () => useCommand('pilots.restore');
