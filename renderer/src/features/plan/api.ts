import { useChannel, useCommand } from '../../queries';

/** The plan's reads and writes. Each write refreshes what the contract says it changes. */
export const usePilot = (pilotId: number) => useChannel('pilots.get', { id: pilotId });
export const usePlan = (pilotId: number) => useChannel('plan.get', { pilotId });

export const useSaveEligibility = () => useCommand('plan.setEligibility');
export const useSaveMeetingPlan = () => useCommand('plan.setMeetingPlan');
export const useSaveSupport = () => useCommand('plan.setSupport');
export const useSaveGovernance = () => useCommand('plan.setGovernance');

export const useAddTheme = () => useCommand('themes.create');
export const useUpdateTheme = () => useCommand('themes.update');
export const useMoveTheme = () => useCommand('themes.move');
export const useDeleteTheme = () => useCommand('themes.delete');

export const useAddMilestone = () => useCommand('milestones.create');
export const useUpdateMilestone = () => useCommand('milestones.update');
export const useDeleteMilestone = () => useCommand('milestones.delete');
export const useAddStandardTimeline = () => useCommand('milestones.applyTemplate');

export const useAddConsentForm = () => useCommand('consentForms.create');
export const useUpdateConsentForm = () => useCommand('consentForms.update');
