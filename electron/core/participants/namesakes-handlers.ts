import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { namesakesContract } from '../../../shared/participants/namesakes-contract';
import { namesakeNotes } from './namesakes';

export const namesakeHandlers: FeatureHandlers<keyof typeof namesakesContract> = {
  'participants.namesakes': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId }, { db }) => namesakeNotes(db, pilotId),
  },
};
