import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { focusGroupsContract } from '../../../shared/focus-groups/contract';
import type { ReadDb } from '../db/query';
import { getPilot } from '../pilots';
import { formatDate } from '../../../shared/dates';
import { outsidePilotWarning, requireConfirmation } from '../confirmation';
import * as repo from './repository';

/** Focus groups shape the plan, so they may come up to about six months before the pilot starts. */
const FOCUS_GROUP_LEAD_IN_DAYS = 183;
/** A session dated outside the pilot (and its lead-in) is usually a typo (1900, 2099): it asks for confirmation. */
const checkDate = (db: ReadDb, pilotId: number, heldOn: string, confirmed: readonly string[]) =>
  requireConfirmation([outsidePilotWarning(heldOn, getPilot(db, pilotId), `The session date (${formatDate(heldOn)})`, FOCUS_GROUP_LEAD_IN_DAYS)], confirmed);

export const focusGroupHandlers: FeatureHandlers<keyof typeof focusGroupsContract> = {
  'focusGroups.list': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: (_input, { db, pilotId }) => repo.focusGroupsOfPilot(db, pilotId),
  },
  'focusGroups.get': {
    kind: 'query',
    scope: pilotScope.of('id', repo.focusGroupPilot),
    run: ({ id }, { db }) => repo.getFocusGroup(db, id),
  },
  'focusGroups.findings': {
    kind: 'query',
    scope: pilotScope.of('focusGroupId', repo.focusGroupPilot),
    run: (input, { db }) => repo.findingsPage(db, input),
  },
  'focusGroups.create': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ focusGroup, confirmed }, { db, pilotId }) => {
      checkDate(db, pilotId, focusGroup.heldOn, confirmed);
      return repo.insertFocusGroup(db, pilotId, focusGroup);
    },
    audit: (_input, g) => ({ action: 'focusGroups.create', entityType: 'focus_group', entityId: g.id }),
  },
  'focusGroups.update': {
    kind: 'command',
    scope: pilotScope.of('id', repo.focusGroupPilot),
    run: ({ id, focusGroup, confirmed }, { db, pilotId }) => {
      checkDate(db, pilotId, focusGroup.heldOn, confirmed);
      return repo.updateFocusGroup(db, id, focusGroup);
    },
    audit: (input) => ({ action: 'focusGroups.update', entityType: 'focus_group', entityId: input.id }),
  },
  'focusGroups.delete': {
    kind: 'command',
    scope: pilotScope.of('id', repo.focusGroupPilot),
    run: ({ id }, { db }) => {
      repo.deleteFocusGroup(db, id);
      return null;
    },
    audit: (input) => ({ action: 'focusGroups.delete', entityType: 'focus_group', entityId: input.id }),
  },
  'findings.create': {
    kind: 'command',
    scope: pilotScope.of('focusGroupId', repo.focusGroupPilot),
    run: ({ focusGroupId, finding }, { db }) => repo.insertFinding(db, focusGroupId, finding),
    audit: (_input, f) => ({ action: 'findings.create', entityType: 'finding', entityId: f.id }),
  },
  'findings.update': {
    kind: 'command',
    scope: pilotScope.of('id', repo.findingPilot),
    run: ({ id, finding }, { db }) => repo.updateFinding(db, id, finding),
    audit: (input) => ({ action: 'findings.update', entityType: 'finding', entityId: input.id }),
  },
  'findings.delete': {
    kind: 'command',
    scope: pilotScope.of('id', repo.findingPilot),
    run: ({ id }, { db }) => {
      repo.deleteFinding(db, id);
      return null;
    },
    audit: (input) => ({ action: 'findings.delete', entityType: 'finding', entityId: input.id }),
  },
};
