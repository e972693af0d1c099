import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { chemistryContract } from '../../../shared/chemistry/contract';
import { chemistryPilot, deleteChemistry, insertChemistry, listChemistry, updateChemistry } from './repository';

export const chemistryHandlers: FeatureHandlers<keyof typeof chemistryContract> = {
  'chemistry.list': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: (input, { db }) => listChemistry(db, input),
  },
  'chemistry.create': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ meeting }, { db, now, today, pilotId }) => insertChemistry(db, pilotId, meeting, today(), now().toISOString()),
    audit: (_input, m) => ({ action: 'chemistry.create', entityType: 'chemistry_meeting', entityId: m.id }),
  },
  'chemistry.update': {
    kind: 'command',
    scope: pilotScope.of('id', chemistryPilot),
    run: ({ id, meeting }, { db, now, today }) => updateChemistry(db, id, meeting, today(), now().toISOString()),
    audit: (input) => ({ action: 'chemistry.update', entityType: 'chemistry_meeting', entityId: input.id }),
  },
  'chemistry.delete': {
    kind: 'command',
    scope: pilotScope.of('id', chemistryPilot),
    run: ({ id }, { db, now, today }) => {
      deleteChemistry(db, id, today(), now().toISOString());
      return null;
    },
    audit: (input) => ({ action: 'chemistry.delete', entityType: 'chemistry_meeting', entityId: input.id }),
  },
};
