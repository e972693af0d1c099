import { useChannel, useCommand } from '../../queries';
import type { ParticipantQuery } from '../../../../shared/participants/contract';

/** The register's reads and writes. Each write refreshes what the contract says it changes. */

/** The previous rows stay on screen while a new search or filter loads. */
export const useParticipantList = (query: ParticipantQuery) => useChannel('participants.list', query, { keepPrevious: true });
export const useParticipant = (id: number) => useChannel('participants.get', { id });
/** The plan's eligibility categories and consent form versions. */
export const usePlan = (pilotId: number) => useChannel('plan.get', { pilotId });

export const useAddParticipant = () => useCommand('participants.create');
export const useUpdateParticipant = () => useCommand('participants.update');
export const useMoveParticipant = () => useCommand('participants.transition');
export const useRecordConsent = () => useCommand('consent.record');
export const useWithdrawConsent = () => useCommand('consent.withdraw');
/** A consent record entered by mistake, corrected by a new record (the earlier one is kept, marked corrected). */
export const useCorrectConsent = () => useCommand('consent.correct');
/** What withdrawing a person (or their consent to take part) will change, with the fingerprint the command checks. */
export const useWithdrawalPreview = (id: number) => useChannel('participants.previewWithdrawal', { id });
/** Everything the later stages recorded about one person (their page's sections). */
export const useProfile = (id: number) => useChannel('participants.profile', { id });
/** The pilot's departments with their head counts (suggestions, and the merge dialog). */
export const useDepartments = (pilotId: number) => useChannel('participants.departments', { pilotId });
export const useMergeDepartments = () => useCommand('participants.mergeDepartments');
