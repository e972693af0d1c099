/**
 * Participants for other features: who a person is, their pilot, the pair checks, and the one way
 * to change a status (lifecycle.ts). Other features never write the participants tables themselves.
 */
export {
  person,
  people,
  participantPilot,
  countInPilot,
  countHoldingCharacteristic,
  renameCharacteristics,
  setPairingCapacity,
  availabilityOf,
  setRepairingNote,
  pairingFacts,
  type PersonRef,
} from './repository';
export { assertPairPeople } from './roles';
export { transition, statusOf, stageSetByRecords, stageBeforePairing, preparationStages } from './lifecycle';
export { pairingBlock, type PairingBlock, type PairingGate } from './eligibility-for-pairing';
export { stageCounts, consentMissingWithData, recruitmentByRole } from './counts';
export { NOT_CORRECTED as CONSENT_NOT_CORRECTED, currentConsent } from './consent';
export { ERASED_NAME, erasureSubject, otherNamesInPilot, participantsToErase, countParticipantRecords, eraseParticipantRecord, deleteErasedParticipantsOfPilot, redactNamesInParticipants } from './erasure';
export { researchPeople, type ResearchPerson } from './research-rows';
export { getParticipant } from './repository';
