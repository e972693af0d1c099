import type { FeatureHandlers } from '../registry/types';
import type { chemistryContract } from '../../../shared/chemistry/contract';
import { assertPilotExists, assertPilotWritable } from '../pilots/guard';
import { todayFor } from '../settings/handlers';
import { deleteChemistry, getChemistry, insertChemistry, listChemistry, updateChemistry } from './repository';

export const chemistryHandlers: FeatureHandlers<keyof typeof chemistryContract> = {
  'chemistry.list': {
    kind: 'query',
    run: ({ pilotId }, { db }) => {
      assertPilotExists(db, pilotId);
      return listChemistry(db, pilotId);
    },
  },
  'chemistry.create': {
    kind: 'command',
    run: ({ pilotId, meeting }, { db, now }) => {
      assertPilotWritable(db, pilotId);
      return insertChemistry(db, pilotId, meeting, todayFor(db, now()), now().toISOString());
    },
    audit: (_input, m) => ({ action: 'chemistry.create', entityType: 'chemistry_meeting', entityId: m.id }),
  },
  'chemistry.update': {
    kind: 'command',
    run: ({ id, meeting }, { db, now }) => {
      assertPilotWritable(db, getChemistry(db, id).pilotId);
      return updateChemistry(db, id, meeting, todayFor(db, now()), now().toISOString());
    },
    audit: (input) => ({ action: 'chemistry.update', entityType: 'chemistry_meeting', entityId: input.id }),
  },
  'chemistry.delete': {
    kind: 'command',
    run: ({ id }, { db, now }) => {
      assertPilotWritable(db, getChemistry(db, id).pilotId);
      deleteChemistry(db, id, todayFor(db, now()), now().toISOString());
      return null;
    },
    audit: (input) => ({ action: 'chemistry.delete', entityType: 'chemistry_meeting', entityId: input.id }),
  },
};
