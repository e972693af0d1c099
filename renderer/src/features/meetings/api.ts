import { call } from '../../api';
import { useChannel, useCommand } from '../../queries';
import type { ChannelInput } from '../../../../shared/contract';
import type { MeetingListKind } from '../../../../shared/meetings/contract';

/** The meetings stage's reads and writes. Each write refreshes what the contract says it changes. */

export const useMeetingsOverview = (pilotId: number) => useChannel('meetings.overview', { pilotId });
/** One page of a list; the previous page stays on screen while the next loads. */
export const useMeetingList = (pilotId: number, kind: MeetingListKind, offset: number, limit: number) => useChannel('meetings.list', { pilotId, kind, offset, limit }, { keepPrevious: true });
export const usePairProgress = (pilotId: number, offset: number, limit: number) => useChannel('meetings.pairProgress', { pilotId, offset, limit }, { keepPrevious: true });
export const usePairMeetings = (pairId: number) => useChannel('meetings.forPair', { pairId });

export const useMarkHeld = () => useCommand('meetings.markHeld');
export const useReschedule = () => useCommand('meetings.reschedule');
export const useCancelMeeting = () => useCommand('meetings.cancel');
export const useRestoreMeeting = () => useCommand('meetings.restore');
export const useUndoHeld = () => useCommand('meetings.undoHeld');
export const useApplyShift = () => useCommand('meetings.applyShift');

/** Saves nothing: what a schedule change would do. */
export const previewShift = (input: ChannelInput<'meetings.previewShift'>) => call('meetings.previewShift', input);
/** Writes a pair's calendar file into a folder the coordinator picks. */
export const exportPairCalendar = (pairId: number) => call('meetings.exportIcs', { pairId });
