import { useChannel, useCommand } from '../../queries';
import type { ChannelInput } from '../../../../shared/contract';

/** Closing interviews' reads and writes. Each write refreshes what the contract says it changes. */
export const useInterviewPage = (input: ChannelInput<'interviews.list'>) => useChannel('interviews.list', input, { keepPrevious: true });
export const useInterviewers = () => useChannel('interviews.interviewers', {});
export const useGuides = (pilotId: number) => useChannel('interviews.guides', { pilotId });
export const useInterview = (interviewId: number) => useChannel('interviews.detail', { interviewId });
export const useMyInterviews = () => useChannel('interviews.mine', {});
/** People with consent to take part, to schedule; the register filters by status, the main process checks consent. */
export const usePeopleToInterview = (pilotId: number) => useChannel('participants.list', { pilotId });

export const useAddInterviewer = () => useCommand('interviews.addInterviewer');
export const useRemoveInterviewer = () => useCommand('interviews.removeInterviewer');
export const useChangeMyPassphrase = () => useCommand('interviews.changeMyPassphrase');
export const useStartGuide = () => useCommand('interviews.startGuide');
export const useSaveGuide = () => useCommand('interviews.saveGuide');
export const useSchedule = () => useCommand('interviews.schedule');
export const useCancelInterview = () => useCommand('interviews.cancel');
export const useCheckConsent = () => useCommand('interviews.checkConsent');
export const useSaveNotes = () => useCommand('interviews.saveNotes');
export const useMarkDone = () => useCommand('interviews.markDone');
