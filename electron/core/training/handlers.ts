import type { FeatureHandlers } from '../registry/types';
import type { trainingContract } from '../../../shared/training/contract';
import { assertPilotExists, assertPilotWritable } from '../pilots/guard';
import { todayFor } from '../settings/handlers';
import { deleteTraining, getTraining, insertTraining, listTraining, updateTraining } from './repository';

export const trainingHandlers: FeatureHandlers<keyof typeof trainingContract> = {
  'training.list': {
    kind: 'query',
    run: ({ pilotId }, { db }) => {
      assertPilotExists(db, pilotId);
      return listTraining(db, pilotId);
    },
  },
  'training.create': {
    kind: 'command',
    run: ({ pilotId, session }, { db, now }) => {
      assertPilotWritable(db, pilotId);
      return insertTraining(db, pilotId, session, todayFor(db, now()), now().toISOString());
    },
    audit: (_input, s) => ({ action: 'training.create', entityType: 'training_session', entityId: s.id }),
  },
  'training.update': {
    kind: 'command',
    run: ({ id, session }, { db, now }) => {
      assertPilotWritable(db, getTraining(db, id).pilotId);
      return updateTraining(db, id, session, todayFor(db, now()), now().toISOString());
    },
    audit: (input) => ({ action: 'training.update', entityType: 'training_session', entityId: input.id }),
  },
  'training.delete': {
    kind: 'command',
    run: ({ id }, { db, now }) => {
      assertPilotWritable(db, getTraining(db, id).pilotId);
      deleteTraining(db, id, todayFor(db, now()), now().toISOString());
      return null;
    },
    audit: (input) => ({ action: 'training.delete', entityType: 'training_session', entityId: input.id }),
  },
};
