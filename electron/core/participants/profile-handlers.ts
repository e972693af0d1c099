import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { participantProfileContract } from '../../../shared/participants/profile-contract';
import { personProfile } from './profile';

export const participantProfileHandlers: FeatureHandlers<keyof typeof participantProfileContract> = {
  'participants.profile': {
    kind: 'query',
    scope: pilotScope.ofParticipant('id'),
    run: ({ id }, { db, today }) => personProfile(db, id, today()),
  },
};
