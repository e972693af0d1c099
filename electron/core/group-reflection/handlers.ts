import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { groupReflectionContract } from '../../../shared/group-reflection/contract';
import type { ReadDb } from '../db/query';
import { getPilot } from '../pilots';
import { formatDate } from '../../../shared/dates';
import { outsidePilotWarning, requireConfirmation } from '../confirmation';
import * as repo from './repository';

/** A reflection dated outside the pilot is usually a typo (1900, 2099): it asks for confirmation. */
const checkDate = (db: ReadDb, pilotId: number, heldOn: string, confirmed: readonly string[]) =>
  requireConfirmation([outsidePilotWarning(heldOn, getPilot(db, pilotId), `The event date (${formatDate(heldOn)})`)], confirmed);

export const groupReflectionHandlers: FeatureHandlers<keyof typeof groupReflectionContract> = {
  'groupReflections.list': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: (_input, { db, pilotId }) => repo.eventsOfPilot(db, pilotId),
  },
  'groupReflections.ofPerson': {
    kind: 'query',
    scope: pilotScope.ofParticipant('participantId'),
    run: ({ participantId }, { db }) => repo.reflectionsOfPerson(db, participantId),
  },
  'groupReflections.get': {
    kind: 'query',
    scope: pilotScope.of('id', repo.eventPilot),
    run: ({ id }, { db }) => ({ ...repo.getEvent(db, id), findings: repo.findingsOfEvent(db, id) }),
  },
  'groupReflections.create': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ event, confirmed }, { db, pilotId }) => {
      checkDate(db, pilotId, event.heldOn, confirmed);
      return repo.insertEvent(db, pilotId, event);
    },
    audit: (_input, event) => ({ action: 'groupReflections.create', entityType: 'group_reflection', entityId: event.id }),
  },
  'groupReflections.update': {
    kind: 'command',
    scope: pilotScope.of('id', repo.eventPilot),
    run: ({ id, event, confirmed }, { db, pilotId }) => {
      checkDate(db, pilotId, event.heldOn, confirmed);
      return repo.updateEvent(db, id, event);
    },
    audit: (input) => ({ action: 'groupReflections.update', entityType: 'group_reflection', entityId: input.id }),
  },
  'groupReflections.saveNotes': {
    kind: 'command',
    scope: pilotScope.of('id', repo.eventPilot),
    run: ({ id, notes }, { db }) => {
      repo.saveNotes(db, id, notes);
      return null;
    },
    audit: (input) => ({ action: 'groupReflections.saveNotes', entityType: 'group_reflection', entityId: input.id }),
  },
  'groupReflections.delete': {
    kind: 'command',
    scope: pilotScope.of('id', repo.eventPilot),
    run: ({ id }, { db }) => {
      repo.deleteEvent(db, id);
      return null;
    },
    audit: (input) => ({ action: 'groupReflections.delete', entityType: 'group_reflection', entityId: input.id }),
  },
  'groupReflections.addFinding': {
    kind: 'command',
    scope: pilotScope.of('groupReflectionId', repo.eventPilot),
    run: ({ groupReflectionId, finding }, { db }) => repo.insertFinding(db, groupReflectionId, finding),
    audit: (_input, finding) => ({ action: 'groupReflections.addFinding', entityType: 'group_reflection_finding', entityId: finding.id }),
  },
  'groupReflections.updateFinding': {
    kind: 'command',
    scope: pilotScope.of('id', repo.findingPilot),
    run: ({ id, finding }, { db }) => repo.updateFinding(db, id, finding),
    audit: (input) => ({ action: 'groupReflections.updateFinding', entityType: 'group_reflection_finding', entityId: input.id }),
  },
  'groupReflections.deleteFinding': {
    kind: 'command',
    scope: pilotScope.of('id', repo.findingPilot),
    run: ({ id }, { db }) => {
      repo.deleteFinding(db, id);
      return null;
    },
    audit: (input) => ({ action: 'groupReflections.deleteFinding', entityType: 'group_reflection_finding', entityId: input.id }),
  },
};
