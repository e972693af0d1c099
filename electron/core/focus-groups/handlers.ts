import type { FeatureHandlers } from '../registry/types';
import type { focusGroupsContract } from '../../../shared/focus-groups/contract';
import { assertPilotExists, assertPilotWritable } from '../pilots/guard';
import * as repo from './repository';

export const focusGroupHandlers: FeatureHandlers<keyof typeof focusGroupsContract> = {
  'focusGroups.list': {
    kind: 'query',
    run: ({ pilotId }, { db }) => {
      assertPilotExists(db, pilotId);
      return repo.listFocusGroups(db, pilotId);
    },
  },
  'focusGroups.get': { kind: 'query', run: ({ id }, { db }) => repo.getFocusGroup(db, id) },
  'focusGroups.create': {
    kind: 'command',
    run: ({ pilotId, focusGroup }, { db }) => {
      assertPilotWritable(db, pilotId);
      return repo.insertFocusGroup(db, pilotId, focusGroup);
    },
    audit: (_input, g) => ({ action: 'focusGroups.create', entityType: 'focus_group', entityId: g.id }),
  },
  'focusGroups.update': {
    kind: 'command',
    run: ({ id, focusGroup }, { db }) => {
      assertPilotWritable(db, repo.getFocusGroup(db, id).pilotId);
      return repo.updateFocusGroup(db, id, focusGroup);
    },
    audit: (input) => ({ action: 'focusGroups.update', entityType: 'focus_group', entityId: input.id }),
  },
  'focusGroups.delete': {
    kind: 'command',
    run: ({ id }, { db }) => {
      assertPilotWritable(db, repo.getFocusGroup(db, id).pilotId);
      db.prepare('DELETE FROM focus_groups WHERE id = ?').run(id);
      return null;
    },
    audit: (input) => ({ action: 'focusGroups.delete', entityType: 'focus_group', entityId: input.id }),
  },
  'findings.create': {
    kind: 'command',
    run: ({ focusGroupId, finding }, { db }) => {
      assertPilotWritable(db, repo.getFocusGroup(db, focusGroupId).pilotId);
      return repo.insertFinding(db, focusGroupId, finding);
    },
    audit: (_input, f) => ({ action: 'findings.create', entityType: 'finding', entityId: f.id }),
  },
  'findings.update': {
    kind: 'command',
    run: ({ id, finding }, { db }) => {
      assertPilotWritable(db, repo.findingFocusGroup(db, id).pilotId);
      return repo.updateFinding(db, id, finding);
    },
    audit: (input) => ({ action: 'findings.update', entityType: 'finding', entityId: input.id }),
  },
  'findings.delete': {
    kind: 'command',
    run: ({ id }, { db }) => {
      assertPilotWritable(db, repo.findingFocusGroup(db, id).pilotId);
      db.prepare('DELETE FROM findings WHERE id = ?').run(id);
      return null;
    },
    audit: (input) => ({ action: 'findings.delete', entityType: 'finding', entityId: input.id }),
  },
};
