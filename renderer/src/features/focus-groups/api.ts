import { useChannel, useCommand } from '../../queries';
import type { ChannelInput } from '../../../../shared/contract';

/** The focus groups' reads and writes. Each write refreshes what the contract says it changes. */
export const useFocusGroups = (pilotId: number) => useChannel('focusGroups.list', { pilotId });
export const useFocusGroup = (id: number) => useChannel('focusGroups.get', { id });
/** The plan's themes, which findings are linked to. */
export const usePlan = (pilotId: number) => useChannel('plan.get', { pilotId });
/** The register, for named attendance. */
export const usePilotRegister = (pilotId: number) => useChannel('participants.list', { pilotId });

export const useRecordFocusGroup = () => useCommand('focusGroups.create');
export const useUpdateFocusGroup = () => useCommand('focusGroups.update');
/** `refresh: false` where the screen shows the session being deleted: it leaves first, then refreshes (refreshAfter). */
export const useDeleteFocusGroup = (options?: { refresh?: boolean }) => useCommand('focusGroups.delete', options);

export const useAddFinding = () => useCommand('findings.create');
export const useUpdateFinding = () => useCommand('findings.update');
export const useDeleteFinding = () => useCommand('findings.delete');
/** One page of a session's findings, by theme and words. */
export const useFindingsPage = (input: ChannelInput<'focusGroups.findings'>) => useChannel('focusGroups.findings', input, { keepPrevious: true });
