import type { CommandContext, FeatureHandlers } from '../registry/types';
import { noPilot, pilotScope } from '../registry/scope';
import type { safeguardingContract, ConcernDetails } from '../../../shared/safeguarding/contract';
import type { AuditEvent } from '../audit';
import { AppError } from '../errors';
import { transaction, type ReadDb } from '../db/query';
import { countInPilot } from '../participants';
import { getSupportProtocol } from '../plan';
import * as repo from './repository';
import * as response from './response-repository';
import { linkOfSource, prefill, sourcePilot } from './link-repository';

const concernEvent = (action: string) => (_input: unknown, concern: { id: number }): AuditEvent => ({ action, entityType: 'concern', entityId: concern.id });
const ofConcern = <K extends 'id' | 'concernId'>(key: K) => pilotScope.of(key, repo.concernPilot);
const owned = (lookup: (db: ReadDb, id: number) => response.Owner) => pilotScope.of('id', (db, id) => lookup(db, id).pilotId);

/** The person a concern is about must be one of the pilot's people, and it cannot be raised on a day still to come. */
function checkDetails(db: ReadDb, pilotId: number, details: ConcernDetails, today: string): void {
  if (details.aboutParticipantId !== null && countInPilot(db, pilotId, [details.aboutParticipantId]) === 0) {
    const message = 'Choose someone who takes part in this pilot, or describe the person instead.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['details', 'aboutParticipantId'], message }]);
  }
  if (details.raisedOn > today) {
    const message = 'A concern cannot be raised on a day still to come.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['details', 'raisedOn'], message }]);
  }
}

/** Changes to a concern's steps, referrals and follow-ups: only while it is open; answers with the whole concern. */
function changeOpenConcern(ctx: CommandContext, concernId: number, change: (at: string) => void) {
  repo.assertOpen(ctx.db, concernId);
  change(ctx.now().toISOString());
  return repo.getConcern(ctx.db, concernId, ctx.today());
}

export const safeguardingHandlers: FeatureHandlers<keyof typeof safeguardingContract> = {
  'safeguarding.stepUp': {
    kind: 'action',
    scope: noPilot,
    run: async ({ passphrase }, ctx) => {
      const db = ctx.db; // VAULT_LOCKED now if the vault is locked
      try {
        await ctx.session.confirmPassphrase(passphrase);
      } catch (error) {
        if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
          throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not correct, so the safeguarding register stays closed. Check Caps Lock and try again.', [
            { path: ['passphrase'], message: 'That passphrase is not correct' },
          ]);
        }
        throw error;
      }
      const now = ctx.now();
      // Recorded with the grant: a step-up that could not be audited is not given.
      transaction(db, () => {
        ctx.audit({ action: 'safeguarding.stepUp' });
        ctx.session.stepUp.grant(now);
      });
      return { open: true, expiresAt: ctx.session.stepUp.expiresAt(now)!.toISOString() };
    },
  },
  'safeguarding.stepUpStatus': {
    kind: 'query',
    scope: noPilot,
    run: (_input, { session, now }) => {
      const expiresAt = session.isUnlocked ? session.stepUp.expiresAt(now()) : undefined;
      return { open: expiresAt !== undefined, expiresAt: expiresAt?.toISOString() ?? null };
    },
  },
  'safeguarding.endStepUp': {
    kind: 'action',
    scope: noPilot,
    run: async (_input, { session }) => {
      session.stepUp.drop();
      return null;
    },
  },
  'safeguarding.summary': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: (_input, { db, pilotId, today }) => repo.summarise(db, pilotId, today()),
  },
  'safeguarding.prefill': {
    kind: 'query',
    scope: pilotScope.resolvedBy((db, { source }) => sourcePilot(db, source)),
    run: ({ source }, { db, pilotId }) => prefill(db, source, pilotId),
  },
  'safeguarding.list': {
    kind: 'audited-query',
    scope: pilotScope.fromInput('pilotId'),
    run: (filters, { db, pilotId, today }) => repo.listConcerns(db, pilotId, filters, today()),
    audit: ({ pilotId }) => ({ action: 'safeguarding.list', entityType: 'pilot', entityId: pilotId }),
  },
  'safeguarding.get': {
    kind: 'audited-query',
    scope: ofConcern('id'),
    run: ({ id }, { db, today }) => repo.getConcern(db, id, today()),
    audit: concernEvent('safeguarding.get'),
  },
  'safeguarding.raise': {
    kind: 'command',
    scope: pilotScope.resolvedBy((db, { source }) => sourcePilot(db, source)),
    run: ({ source, details }, ctx) => {
      checkDetails(ctx.db, ctx.pilotId, details, ctx.today());
      const at = ctx.now().toISOString();
      const id = repo.insertConcern(ctx.db, ctx.pilotId, details, linkOfSource(ctx.db, source), at);
      response.addProtocolSteps(ctx.db, id, getSupportProtocol(ctx.db, ctx.pilotId).escalationSteps, at);
      return repo.getConcern(ctx.db, id, ctx.today());
    },
    audit: concernEvent('safeguarding.raise'),
  },
  'safeguarding.update': {
    kind: 'command',
    scope: ofConcern('id'),
    run: ({ id, details }, ctx) => {
      checkDetails(ctx.db, ctx.pilotId, details, ctx.today());
      return changeOpenConcern(ctx, id, (at) => repo.updateConcern(ctx.db, id, details, at));
    },
    audit: concernEvent('safeguarding.update'),
  },
  'safeguarding.recordStep': {
    kind: 'command',
    scope: owned(response.stepOwner),
    run: ({ id, doneOn, note }, ctx) => changeOpenConcern(ctx, response.stepOwner(ctx.db, id).concernId, (at) => response.recordStep(ctx.db, id, doneOn, note, ctx.today(), at)),
    audit: concernEvent('safeguarding.recordStep'),
  },
  'safeguarding.addStep': {
    kind: 'command',
    scope: ofConcern('concernId'),
    run: ({ concernId, text }, ctx) => changeOpenConcern(ctx, concernId, (at) => response.addStep(ctx.db, concernId, text, at)),
    audit: concernEvent('safeguarding.addStep'),
  },
  'safeguarding.addProtocolSteps': {
    kind: 'command',
    scope: ofConcern('concernId'),
    run: ({ concernId }, ctx) =>
      changeOpenConcern(ctx, concernId, (at) => {
        const protocol = getSupportProtocol(ctx.db, ctx.pilotId).escalationSteps;
        if (protocol.length === 0) throw new AppError('INVALID_TRANSITION', 'The support protocol has no escalation steps yet. Add them in the plan (Support protocol) first.');
        if (response.addProtocolSteps(ctx.db, concernId, protocol, at) === 0) throw new AppError('INVALID_TRANSITION', 'Every step of the support protocol is on this concern already.');
      }),
    audit: concernEvent('safeguarding.addProtocolSteps'),
  },
  'safeguarding.addReferral': {
    kind: 'command',
    scope: ofConcern('concernId'),
    run: ({ concernId, referral }, ctx) => changeOpenConcern(ctx, concernId, (at) => response.addReferral(ctx.db, concernId, referral, ctx.today(), at)),
    audit: concernEvent('safeguarding.addReferral'),
  },
  'safeguarding.updateReferral': {
    kind: 'command',
    scope: owned(response.referralOwner),
    run: ({ id, referral }, ctx) => changeOpenConcern(ctx, response.referralOwner(ctx.db, id).concernId, (at) => void response.updateReferral(ctx.db, id, referral, ctx.today(), at)),
    audit: concernEvent('safeguarding.updateReferral'),
  },
  'safeguarding.removeReferral': {
    kind: 'command',
    scope: owned(response.referralOwner),
    run: ({ id }, ctx) => changeOpenConcern(ctx, response.referralOwner(ctx.db, id).concernId, (at) => void response.removeReferral(ctx.db, id, at)),
    audit: concernEvent('safeguarding.removeReferral'),
  },
  'safeguarding.addFollowUp': {
    kind: 'command',
    scope: ofConcern('concernId'),
    run: ({ concernId, followUp }, ctx) => changeOpenConcern(ctx, concernId, (at) => response.addFollowUp(ctx.db, concernId, followUp, ctx.today(), at)),
    audit: concernEvent('safeguarding.addFollowUp'),
  },
  'safeguarding.updateFollowUp': {
    kind: 'command',
    scope: owned(response.followUpOwner),
    run: ({ id, followUp }, ctx) => changeOpenConcern(ctx, response.followUpOwner(ctx.db, id).concernId, (at) => void response.updateFollowUp(ctx.db, id, followUp, ctx.today(), at)),
    audit: concernEvent('safeguarding.updateFollowUp'),
  },
  'safeguarding.removeFollowUp': {
    kind: 'command',
    scope: owned(response.followUpOwner),
    run: ({ id }, ctx) => changeOpenConcern(ctx, response.followUpOwner(ctx.db, id).concernId, (at) => void response.removeFollowUp(ctx.db, id, at)),
    audit: concernEvent('safeguarding.removeFollowUp'),
  },
  'safeguarding.close': {
    kind: 'command',
    scope: ofConcern('id'),
    run: ({ id, closedOn, outcome }, ctx) => {
      if (closedOn > ctx.today()) {
        const message = 'A concern cannot be closed on a day still to come.';
        throw new AppError('INVALID_INPUT', message, [{ path: ['closedOn'], message }]);
      }
      repo.closeConcern(ctx.db, id, closedOn, outcome, ctx.now().toISOString());
      return repo.getConcern(ctx.db, id, ctx.today());
    },
    audit: concernEvent('safeguarding.close'),
  },
  'safeguarding.reopen': {
    kind: 'command',
    scope: ofConcern('id'),
    run: ({ id, reason }, ctx) => {
      repo.reopenConcern(ctx.db, id, reason, ctx.now().toISOString());
      return repo.getConcern(ctx.db, id, ctx.today());
    },
    audit: concernEvent('safeguarding.reopen'),
  },
};
