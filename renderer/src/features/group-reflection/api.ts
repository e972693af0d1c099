import { useChannel, useCommand } from '../../queries';

/** Group reflection's reads and writes. Each write refreshes what the contract says it changes. */
export const useGroupReflections = (pilotId: number) => useChannel('groupReflections.list', { pilotId });
export const useGroupReflection = (id: number) => useChannel('groupReflections.get', { id });
/** The plan's themes, which findings are linked to. */
export const usePlan = (pilotId: number) => useChannel('plan.get', { pilotId });
/** The register, for named attendance. */
export const useRegister = (pilotId: number) => useChannel('participants.list', { pilotId, sortBy: 'name' });

export const useRecordReflection = () => useCommand('groupReflections.create');
export const useUpdateReflection = () => useCommand('groupReflections.update');
/** Saved as typed: the caller marks lists stale itself, without refetching under the typist. */
export const useSaveReflectionNotes = () => useCommand('groupReflections.saveNotes', { refresh: false });
export const useDeleteReflection = (options?: { refresh?: boolean }) => useCommand('groupReflections.delete', options);
export const useAddReflectionFinding = () => useCommand('groupReflections.addFinding');
export const useDeleteReflectionFinding = () => useCommand('groupReflections.deleteFinding');
