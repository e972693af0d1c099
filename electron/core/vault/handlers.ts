import type { ActionContext, FeatureHandlers } from '../registry/types';
import { noPilot } from '../registry/scope';
import { transaction } from '../db/query';
import { interviewerBySlot, refreshPeople } from '../interviews';
import type { SessionIdentity } from '../../../shared/vault/contract';
import type { vaultContract } from '../../../shared/vault/contract';

/** The audit entry of a vault-level action, as a callback so a key change can append it inside its own transaction. */
const recordVault = (ctx: ActionContext, action: string) => () => ctx.audit({ action, entityType: 'vault', entityId: ctx.session.vaultId });

export const vaultHandlers: FeatureHandlers<keyof typeof vaultContract> = {
  'vault.status': {
    kind: 'action',
    scope: noPilot,
    run: async (_input, ctx) => {
      const { session } = ctx;
      if (!session.isUnlocked) {
        const state = session.state();
        return state === 'incomplete' ? { state, incomplete: session.incompleteVault() } : { state };
      }
      const damage = session.damage;
      const damaged = damage ? { damaged: damage } : {};
      const slot = session.interviewerSlot;
      if (slot) {
        const me = interviewerBySlot(ctx.db, slot);
        const identity: SessionIdentity = { role: 'interviewer', ...(me ? { interviewerId: me.id, interviewerName: me.name } : {}) };
        return { state: 'unlocked', identity, ...damaged };
      }
      try {
        return { state: 'unlocked', recoveryKeyConfirmed: session.recoveryKeyConfirmed(), ...damaged };
      } catch {
        // The key file became unreadable while open: the data is still reachable, so do not block the
        // app over a reminder; any key change will report the problem itself.
        return { state: 'unlocked', ...damaged };
      }
    },
  },
  'vault.clearIncomplete': {
    kind: 'action',
    scope: noPilot,
    // No vault is open, so there is no audit trail to write to; the dated folder is the record.
    run: async (_input, { session, now }) => ({ movedTo: session.setAsideIncomplete(now()) }),
  },
  'vault.create': {
    kind: 'action',
    scope: noPilot,
    run: async ({ passphrase }, ctx) => {
      const recoveryKey = await ctx.session.create(passphrase);
      recordVault(ctx, 'vault.create')();
      return { recoveryKey, folder: ctx.session.dir };
    },
  },
  'vault.unlock': {
    kind: 'action',
    scope: noPilot,
    run: async (input, ctx) => {
      await ctx.session.unlock(input);
      // The coordinator's register is the source of names and consents: interviewers see them as of now.
      if (ctx.session.role === 'coordinator' && !ctx.session.damage) transaction(ctx.db, () => refreshPeople(ctx.db, ctx.now().toISOString()));
      return null;
    },
  },
  'vault.lock': {
    kind: 'action',
    scope: noPilot,
    run: async (_input, { session }) => {
      session.lock('user');
      return null;
    },
  },
  'vault.changePassphrase': {
    kind: 'action',
    scope: noPilot,
    run: async ({ current, next }, ctx) => {
      // Unlocked only: the change is recorded in the audit trail, in the same transaction.
      await ctx.session.changePassphrase(current, next, recordVault(ctx, 'vault.changePassphrase'));
      return null;
    },
  },
  'vault.confirmRecoveryKey': {
    kind: 'action',
    scope: noPilot,
    run: async (_input, ctx) => {
      ctx.session.confirmRecoveryKey(ctx.now().toISOString(), recordVault(ctx, 'vault.confirmRecoveryKey'));
      return null;
    },
  },
  'vault.replaceRecoveryKey': {
    kind: 'action',
    scope: noPilot,
    run: async ({ passphrase }, ctx) => {
      const recoveryKey = await ctx.session.replaceRecoveryKey(passphrase, recordVault(ctx, 'vault.replaceRecoveryKey'));
      return { recoveryKey };
    },
  },
  'vault.revealKey': {
    kind: 'action',
    scope: noPilot,
    run: async ({ passphrase }, ctx) => {
      ctx.session.requireUnlocked(); // the showing is audited, so the vault must be open
      const key = await ctx.session.revealKey(passphrase);
      // The key leaves only once its showing is on record (ctx.db throws if the vault locked meanwhile).
      transaction(ctx.db, () => recordVault(ctx, 'vault.revealKey')());
      return { key };
    },
  },
};
