import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { participantsContract, ParticipantStatus } from '../../../shared/participants/contract';
import * as repo from './repository';
import { consentPilot, getConsent, recordConsent, withdrawConsent } from './consent';
import { transition } from './lifecycle';
import { assertPreviewUnchanged, previewWithdrawal, withdrawWithCascade } from '../withdrawal';
import { correctConsent } from './consent-correction';
import { importEoi, previewEoi } from './import/service';
import { stagedFiles } from '../imports';
import { refreshPersonCopy } from '../interviews';
import { assertNotErased } from './erasure';

/** The trail entry of a status change, however it was made. */
const transitionEvent = (id: number, to: ParticipantStatus) => ({ action: `participants.transition.${to}`, entityType: 'participant', entityId: id });

export const participantHandlers: FeatureHandlers<keyof typeof participantsContract> = {
  'participants.list': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: (query, { db }) => repo.listParticipants(db, query),
  },
  'participants.get': {
    kind: 'query',
    scope: pilotScope.ofParticipant('id'),
    run: ({ id }, { db }) => repo.getParticipant(db, id),
  },
  'participants.create': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ participant }, { db, now, pilotId }) => repo.createParticipant(db, pilotId, participant, now().toISOString()),
    audit: (_input, p) => ({ action: 'participants.create', entityType: 'participant', entityId: p.id }),
  },
  'participants.update': {
    kind: 'command',
    scope: pilotScope.ofParticipant('id'),
    run: ({ id, participant }, { db, now }) => {
      assertNotErased(db, id);
      return repo.updateParticipant(db, id, participant, now().toISOString());
    },
    audit: (input) => ({ action: 'participants.update', entityType: 'participant', entityId: input.id }),
  },
  'participants.transition': {
    kind: 'command',
    scope: pilotScope.ofParticipant('id'),
    run: ({ id, to, reason, previewFingerprint }, ctx) => {
      if (to === 'withdrawn') withdrawWithCascade(ctx, { participantId: id, reason: reason ?? '', note: reason ?? '', cause: 'withdrawn', fingerprint: previewFingerprint });
      else transition(ctx.db, id, to, 'manual', ctx.now().toISOString(), reason);
      return repo.getParticipant(ctx.db, id);
    },
    // A withdrawal writes its own trail entries with the pairs and logs it changes.
    audit: (input) => (input.to === 'withdrawn' ? [] : transitionEvent(input.id, input.to)),
  },
  'participants.previewWithdrawal': {
    kind: 'query',
    scope: pilotScope.ofParticipant('id'),
    run: ({ id }, { db }) => previewWithdrawal(db, id),
  },
  'participants.importPreview': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ stagedId, mapping }, { db, pilotId, session }) => previewEoi(db, pilotId, stagedFiles(session).get(stagedId), mapping),
  },
  'participants.import': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ stagedId, mapping, updates }, ctx) => {
      const { result, updatedIds } = importEoi(ctx.db, ctx.pilotId, stagedFiles(ctx.session).get(stagedId), mapping, updates, ctx.now().toISOString());
      // Each confirmed change leaves the same trail entry as the same change made on the person's page.
      for (const id of updatedIds) ctx.audit({ action: 'participants.update', entityType: 'participant', entityId: id });
      return result;
    },
    audit: (input, result) => ({ action: `participants.import(${result.imported})`, entityType: 'pilot', entityId: input.pilotId }),
  },
  'consent.record': {
    kind: 'command',
    scope: pilotScope.ofParticipant('participantId'),
    run: ({ participantId, formId, givenOn, choices }, { db, now, today }) => {
      assertNotErased(db, participantId);
      const record = recordConsent(db, participantId, formId, givenOn, choices, now().toISOString(), today());
      refreshPersonCopy(db, participantId, now().toISOString());
      return record;
    },
    audit: (_input, record) => ({ action: 'consent.record', entityType: 'consent_record', entityId: record.id }),
  },
  'consent.withdraw': {
    kind: 'command',
    scope: pilotScope.of('id', consentPilot),
    run: ({ id, withdrawnOn, reason, withdrawParticipant, previewFingerprint }, ctx) => {
      const { db } = ctx;
      const participantId = getConsent(db, id).participantId;
      // The preview was of the situation before this withdrawal: checked before anything changes.
      assertPreviewUnchanged(db, participantId, previewFingerprint);
      const record = withdrawConsent(db, id, withdrawnOn, reason, ctx.now().toISOString(), ctx.today());
      const person = repo.pairingFacts(db, participantId);
      const stillIn = person.status !== 'withdrawn' && person.status !== 'completed';
      // Consent to take part withdrawn (their latest record): the same cascade as a withdrawal, with or without the status change.
      if (stillIn && (withdrawParticipant || person.consent === 'withdrawn')) {
        withdrawWithCascade(ctx, { participantId, reason, note: `Consent withdrawn: ${reason}`, cause: withdrawParticipant ? 'consent-withdrawn' : null, fingerprint: undefined });
      }
      refreshPersonCopy(db, participantId, ctx.now().toISOString());
      return record;
    },
    audit: (input) => ({ action: 'consent.withdraw', entityType: 'consent_record', entityId: input.id }),
  },
  'consent.correct': {
    kind: 'command',
    scope: pilotScope.of('id', consentPilot),
    run: (input, ctx) => {
      const record = correctConsent(ctx, input);
      refreshPersonCopy(ctx.db, record.participantId, ctx.now().toISOString());
      return record;
    },
    audit: (_input, record) => ({ action: 'consent.correct', entityType: 'consent_record', entityId: record.id }),
  },
};
