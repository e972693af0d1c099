import type { FeatureHandlers, HandlerContext } from '../registry/types';
import type { participantsContract, ParticipantStatus } from '../../../shared/participants/contract';
import { assertPilotExists, assertPilotWritable } from '../pilots/guard';
import * as repo from './repository';
import { getConsent, recordConsent, withdrawConsent } from './consent';
import { previewImport, runImport } from './import/service';
import { todayFor } from '../settings/handlers';

const nowIso = (now: () => Date) => now().toISOString();
const today = (ctx: HandlerContext) => todayFor(ctx.db, ctx.now());
const fileBytes = (file: { base64: string }) => Buffer.from(file.base64, 'base64');
/** The trail entry of a status change, however it was made. */
const transitionEvent = (id: number, to: ParticipantStatus) => ({ action: `participants.transition.${to}`, entityType: 'participant', entityId: id });

export const participantHandlers: FeatureHandlers<keyof typeof participantsContract> = {
  'participants.list': {
    kind: 'query',
    run: (query, { db }) => {
      assertPilotExists(db, query.pilotId);
      return repo.listParticipants(db, query);
    },
  },
  'participants.get': { kind: 'query', run: ({ id }, { db }) => repo.getParticipant(db, id) },
  'participants.create': {
    kind: 'command',
    run: ({ pilotId, participant }, { db, now }) => {
      assertPilotWritable(db, pilotId);
      return repo.createParticipant(db, pilotId, participant, nowIso(now));
    },
    audit: (_input, p) => ({ action: 'participants.create', entityType: 'participant', entityId: p.id }),
  },
  'participants.update': {
    kind: 'command',
    run: ({ id, participant }, { db, now }) => {
      assertPilotWritable(db, repo.participantPilot(db, id));
      return repo.updateParticipant(db, id, participant, nowIso(now));
    },
    audit: (input) => ({ action: 'participants.update', entityType: 'participant', entityId: input.id }),
  },
  'participants.transition': {
    kind: 'command',
    run: ({ id, to, reason }, { db, now }) => {
      assertPilotWritable(db, repo.participantPilot(db, id));
      return repo.transitionParticipant(db, id, to, reason, nowIso(now));
    },
    audit: (input) => transitionEvent(input.id, input.to),
  },
  'participants.importPreview': {
    kind: 'query',
    run: ({ pilotId, file, mapping }, { db }) => {
      assertPilotExists(db, pilotId);
      return previewImport(db, pilotId, fileBytes(file), mapping);
    },
  },
  'participants.import': {
    kind: 'command',
    run: ({ pilotId, file, mapping }, { db, now }) => {
      assertPilotWritable(db, pilotId);
      return runImport(db, pilotId, fileBytes(file), mapping, nowIso(now));
    },
    audit: (input, result) => ({ action: `participants.import(${result.imported})`, entityType: 'pilot', entityId: input.pilotId }),
  },
  'consent.record': {
    kind: 'command',
    run: ({ participantId, formId, givenOn, choices }, ctx) => {
      assertPilotWritable(ctx.db, repo.participantPilot(ctx.db, participantId));
      return recordConsent(ctx.db, participantId, formId, givenOn, choices, nowIso(ctx.now), today(ctx));
    },
    audit: (_input, record) => ({ action: 'consent.record', entityType: 'consent_record', entityId: record.id }),
  },
  'consent.withdraw': {
    kind: 'command',
    run: ({ id, withdrawnOn, reason, withdrawParticipant }, ctx) => {
      const { db } = ctx;
      const participantId = getConsent(db, id).participantId;
      assertPilotWritable(db, repo.participantPilot(db, participantId));
      const record = withdrawConsent(db, id, withdrawnOn, reason, nowIso(ctx.now), today(ctx));
      const person = repo.getParticipant(db, participantId);
      if (withdrawParticipant && person.status !== 'withdrawn' && person.status !== 'completed') {
        repo.transitionParticipant(db, participantId, 'withdrawn', `Consent withdrawn: ${reason}`, nowIso(ctx.now));
        // The same trail entry as a withdrawal from the Status panel, in the same transaction.
        ctx.audit(transitionEvent(participantId, 'withdrawn'));
      }
      return record;
    },
    audit: (input) => ({ action: 'consent.withdraw', entityType: 'consent_record', entityId: input.id }),
  },
};
