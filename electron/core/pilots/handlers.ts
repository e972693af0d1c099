import type { FeatureHandlers } from '../registry/types';
import { noPilot, pilotScope } from '../registry/scope';
import type { pilotsContract } from '../../../shared/pilots/contract';
import { getPilot, insertPilot, listPilots, setArchived, updatePilot } from './repository';

const pilotEvent = (action: string) => (_input: unknown, pilot: { id: number }) => ({ action, entityType: 'pilot', entityId: pilot.id });

export const pilotHandlers: FeatureHandlers<keyof typeof pilotsContract> = {
  'pilots.list': {
    kind: 'query',
    scope: noPilot,
    run: ({ includeArchived }, { db }) => listPilots(db, includeArchived),
  },
  'pilots.get': {
    kind: 'query',
    scope: pilotScope.fromInput('id'),
    run: (_input, { db, pilotId }) => getPilot(db, pilotId),
  },
  'pilots.create': {
    kind: 'command',
    scope: noPilot,
    run: (draft, { db, now }) => insertPilot(db, draft, now().toISOString()),
    audit: pilotEvent('pilots.create'),
  },
  'pilots.update': {
    kind: 'command',
    scope: pilotScope.fromInput('id'),
    run: ({ changes }, { db, now, pilotId }) => updatePilot(db, pilotId, changes, now().toISOString()),
    audit: pilotEvent('pilots.update'),
  },
  'pilots.archive': {
    kind: 'command',
    scope: pilotScope.fromInput('id'),
    archived: 'allow',
    run: (_input, { db, now, pilotId }) => setArchived(db, pilotId, true, now().toISOString()),
    audit: pilotEvent('pilots.archive'),
  },
  'pilots.restore': {
    kind: 'command',
    scope: pilotScope.fromInput('id'),
    archived: 'allow',
    run: (_input, { db, now, pilotId }) => setArchived(db, pilotId, false, now().toISOString()),
    audit: pilotEvent('pilots.restore'),
  },
};
