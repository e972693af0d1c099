import type { FeatureHandlers } from '../registry/types';
import type { pilotsContract } from '../../../shared/pilots/contract';
import { getPilot, insertPilot, listPilots, setArchived, updatePilot } from './repository';

const pilotEvent = (action: string) => (_input: unknown, pilot: { id: number }) => ({ action, entityType: 'pilot', entityId: pilot.id });

export const pilotHandlers: FeatureHandlers<keyof typeof pilotsContract> = {
  'pilots.list': {
    kind: 'query',
    run: ({ includeArchived }, { db }) => listPilots(db, includeArchived),
  },
  'pilots.get': {
    kind: 'query',
    run: ({ id }, { db }) => getPilot(db, id),
  },
  'pilots.create': {
    kind: 'command',
    run: (draft, { db, now }) => insertPilot(db, draft, now().toISOString()),
    audit: pilotEvent('pilots.create'),
  },
  'pilots.update': {
    kind: 'command',
    run: ({ id, changes }, { db, now }) => updatePilot(db, id, changes, now().toISOString()),
    audit: pilotEvent('pilots.update'),
  },
  'pilots.archive': {
    kind: 'command',
    run: ({ id }, { db, now }) => setArchived(db, id, true, now().toISOString()),
    audit: pilotEvent('pilots.archive'),
  },
  'pilots.restore': {
    kind: 'command',
    run: ({ id }, { db, now }) => setArchived(db, id, false, now().toISOString()),
    audit: pilotEvent('pilots.restore'),
  },
};
