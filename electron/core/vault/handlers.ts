import type { FeatureHandlers } from '../registry/types';
import type { vaultContract } from '../../../shared/vault/contract';
import { appendAudit } from '../audit/audit';

export const vaultHandlers: FeatureHandlers<keyof typeof vaultContract> = {
  'vault.status': {
    kind: 'action',
    run: async (_input, { session }) => ({ state: session.state() }),
  },
  'vault.create': {
    kind: 'action',
    run: async ({ passphrase }, ctx) => {
      const recoveryKey = await ctx.session.create(passphrase);
      ctx.audit({ action: 'vault.create', entityType: 'vault', entityId: ctx.session.vaultId });
      return { recoveryKey };
    },
  },
  'vault.unlock': {
    kind: 'action',
    run: async (input, { session }) => {
      await session.unlock(input);
      return null;
    },
  },
  'vault.lock': {
    kind: 'action',
    run: async (_input, { session }) => {
      session.lock('user');
      return null;
    },
  },
  'vault.changePassphrase': {
    kind: 'action',
    run: async ({ current, next }, ctx) => {
      const db = ctx.db; // must be unlocked: the change is recorded in the audit trail
      await ctx.session.changePassphrase(current, next);
      appendAudit(db, ctx.actor, ctx.now().toISOString(), { action: 'vault.changePassphrase', entityType: 'vault', entityId: ctx.session.vaultId });
      return null;
    },
  },
  'vault.revealKey': {
    kind: 'action',
    run: async ({ passphrase }, ctx) => {
      const db = ctx.db;
      const key = await ctx.session.revealKey(passphrase);
      appendAudit(db, ctx.actor, ctx.now().toISOString(), { action: 'vault.revealKey', entityType: 'vault', entityId: ctx.session.vaultId });
      return { key };
    },
  },
};
