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
