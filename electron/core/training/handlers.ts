import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { trainingContract } from '../../../shared/training/contract';
import { deleteTraining, insertTraining, listTraining, trainingPilot, updateTraining } from './repository';

export const trainingHandlers: FeatureHandlers<keyof typeof trainingContract> = {
  'training.list': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: (_input, { db, pilotId }) => listTraining(db, pilotId),
  },
  'training.create': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ session }, { db, now, today, pilotId }) => insertTraining(db, pilotId, session, today(), now().toISOString()),
    audit: (_input, s) => ({ action: 'training.create', entityType: 'training_session', entityId: s.id }),
  },
  'training.update': {
    kind: 'command',
    scope: pilotScope.of('id', trainingPilot),
    run: ({ id, session }, { db, now, today }) => updateTraining(db, id, session, today(), now().toISOString()),
    audit: (input) => ({ action: 'training.update', entityType: 'training_session', entityId: input.id }),
  },
  'training.delete': {
    kind: 'command',
    scope: pilotScope.of('id', trainingPilot),
    run: ({ id }, { db, now, today }) => {
      deleteTraining(db, id, today(), now().toISOString());
      return null;
    },
    audit: (input) => ({ action: 'training.delete', entityType: 'training_session', entityId: input.id }),
  },
};
