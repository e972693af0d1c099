import { accessOf, contract, fail, isChannel, ok, toFieldIssues, describeIssues, type Channel, type ChannelInput, type ChannelOutput, type Envelope, type Role } from '../../../shared/contract';
import { AppError, fromDatabaseError } from '../errors';
import { appendAudit } from '../audit';
import { assertPilotOpen } from '../pilots';
import { todayFor } from '../settings';
import { asReadDb, asWriteDb, transaction } from '../db/query';
import { readOnlyError, type VaultSession } from '../session';
import { noExportHost, type Host } from '../host';
import type { ActionContext, CommandContext, Handler, HandlerMap, QueryContext } from './types';

export interface RegistryOptions {
  now?: () => Date;
  /** Called on every call, for the idle auto-lock. */
  onActivity?: () => void;
  /** Export folders and dialogs (default: exports are refused). */
  host?: Host;
  /** Where unexpected errors are reported (never with input content). */
  logError?: (channel: string, error: unknown) => void;
}

/**
 * One registry serves every transport. It parses the input with the channel's schema, runs the
 * handler (writes in a transaction with their audit entries), checks the output, and always
 * answers with an envelope: nothing is thrown across the boundary.
 */
export class HandlerRegistry {
  private readonly now: () => Date;

  constructor(
    private readonly session: VaultSession,
    private readonly handlers: HandlerMap,
    private readonly options: RegistryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Typed entry for in-process callers (CLI, demo); transports use `invoke` with untrusted input. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>, actor?: string): Promise<Envelope<ChannelOutput<C>>> {
    return this.invoke(channel, input, actor) as Promise<Envelope<ChannelOutput<C>>>;
  }

  /**
   * Opens the safeguarding register for in-process code acting for a coordinator who has just given
   * the passphrase (the demo, filling the vault the command line unlocked). No transport reaches it:
   * the window's way is the safeguarding.stepUp channel.
   */
  grantStepUpInProcess(): void {
    this.session.requireUnlocked();
    this.session.stepUp.grant(this.now());
  }

  async invoke(channelName: string, rawInput: unknown, actor = 'coordinator'): Promise<Envelope<unknown>> {
    if (!isChannel(channelName)) return fail('UNKNOWN_CHANNEL', `There is no channel named "${channelName}".`);
    const channel: Channel = channelName;
    const spec = contract[channel];
    // Whose key opened the vault decides which channels answer at all, before the input is even read.
    const role = this.session.role;
    if (!accessOf(spec).includes(role)) return this.toFailure(channel, forbidden(role, accessOf(spec)));
    // An interviewer acts as themselves whatever the transport says: the trail names which interviewer.
    const interviewerSlot = this.session.interviewerSlot;
    if (interviewerSlot) actor = `interviewer:${interviewerSlot}`;
    // Restricted records need the passphrase given again recently; refused before the input is read.
    if (spec.stepUp) {
      try {
        this.session.requireUnlocked();
        this.session.stepUp.use(this.now());
      } catch (error) {
        return this.toFailure(channel, error);
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      return fail('INVALID_INPUT', `Some values are not valid: ${describeIssues(issues)}`, issues);
    }
    try {
      this.options.onActivity?.();
      const value = await this.run(channel, parsed.data, actor);
      return ok(value);
    } catch (error) {
      return this.toFailure(channel, error);
    }
  }

  private async run(channel: Channel, input: unknown, actor: string): Promise<unknown> {
    const handler = this.handlers[channel] as Handler<Channel>;
    // A damaged vault is open read-only: refuse every write up front with the reason, before any work.
    const damage = this.session.damage;
    if (damage && (handler.kind === 'command' || handler.kind === 'audited-query' || (handler.kind === 'action' && !VAULT_LIFECYCLE.has(channel)))) throw readOnlyError(damage);
    const scope: ResolvedScope = {};
    const ctx = this.context(actor, scope);
    const checkOutput = (value: unknown) => {
      const result = contract[channel].output.safeParse(value);
      if (!result.success) throw new OutputMismatch(channel, describeIssues(toFieldIssues(result.error)));
      return result.data;
    };
    // The pilot is resolved and checked in the same transaction (or read) as the work, so what was checked still holds.
    const withScope = () => {
      scope.pilotId = this.pilotOf(handler, input);
    };
    switch (handler.kind) {
      case 'query':
        return readOnly(this.session, channel, () => {
          withScope();
          return checkOutput(handler.run(input as never, ctx as QueryContext));
        });
      case 'audited-query':
        // The read itself still runs under query_only; only its audit entry is written, in the same transaction.
        return transaction(ctx.db, () => {
          const value = readOnly(this.session, channel, () => {
            withScope();
            return checkOutput(handler.run(input as never, ctx as QueryContext));
          });
          const events = handler.audit(input as never, value as never);
          for (const event of Array.isArray(events) ? events : [events]) ctx.audit(event);
          return value;
        });
      case 'command':
        return transaction(ctx.db, () => {
          withScope();
          const value = checkOutput(handler.run(input as never, ctx as CommandContext));
          const events = handler.audit(input as never, value as never);
          for (const event of Array.isArray(events) ? events : [events]) ctx.audit(event);
          return value;
        });
      case 'action':
        withScope();
        return checkOutput(await handler.run(input as never, ctx as ActionContext));
    }
  }

  /**
   * The pilot of a handler's declared scope: its record must exist (NOT_FOUND), so must its pilot,
   * and a call that may not change an archived pilot is refused on one. Undefined for `noPilot`.
   */
  private pilotOf(handler: Handler<Channel>, input: unknown): number | undefined {
    if (handler.scope.kind === 'none') return undefined;
    const db = asReadDb(this.session.db);
    const pilotId = handler.scope.pilotOf(db, input as never);
    assertPilotOpen(db, pilotId, handler.archived ?? (handler.kind === 'command' ? 'refuse' : 'allow'));
    return pilotId;
  }

  private context(actor: string, scope: ResolvedScope): CommandContext {
    const session = this.session;
    const now = this.now;
    return {
      session,
      actor,
      now,
      host: this.options.host ?? noExportHost,
      get db() {
        return asWriteDb(session.db);
      },
      today: () => todayFor(asReadDb(session.db), now()),
      get pilotId(): number {
        if (scope.pilotId === undefined) throw new Error('This handler declared no pilot scope, so it has no ctx.pilotId');
        return scope.pilotId;
      },
      audit: (event) => appendAudit(asWriteDb(session.db), actor, now().toISOString(), event),
    };
  }

  private toFailure(channel: Channel, error: unknown): Envelope<never> {
    if (error instanceof AppError) return fail(error.code, error.message, error.issues);
    // SQLite's own refusal on the read-only connection, should a write get past the check above.
    const damage = this.session.damage;
    if (damage && String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_READONLY')) {
      const refused = readOnlyError(damage);
      return fail(refused.code, refused.message);
    }
    const mapped = fromDatabaseError(error);
    if (mapped) return fail(mapped.code, mapped.message);
    this.options.logError?.(channel, error);
    return fail('INTERNAL', 'Something went wrong inside Reciprocal, and nothing was changed. If it happens again, note what you did and report it.');
  }
}

/**
 * The actions that never write to the vault database, so they stay open to a damaged, read-only
 * vault. Every other action (key changes, exports) writes at least an audit entry and is refused,
 * and so is any action added later unless it is listed here.
 */
const VAULT_LIFECYCLE: ReadonlySet<Channel> = new Set<Channel>(['vault.status', 'vault.unlock', 'vault.lock', 'vault.create', 'vault.clearIncomplete']);

/**
 * Runs a query with the connection in `query_only` mode, so a query handler cannot write even by
 * mistake: SQLite refuses the statement, and the registry reports it as a bug (INTERNAL).
 * Queries are synchronous, so no other call runs on the connection before the mode is switched
 * back. Nothing else sets it but the connection of a damaged vault, which keeps it on; otherwise
 * back means OFF (no need to read it first on every query).
 */
function readOnly<T>(session: VaultSession, channel: Channel, run: () => T): T {
  if (!session.isUnlocked) return run(); // a query that needs the database throws VAULT_LOCKED itself
  const db = session.db;
  db.pragma('query_only=ON');
  try {
    return run();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_READONLY') throw new QueryTriedToWrite(channel, error);
    throw error;
  } finally {
    if (db.open && !session.damage) db.pragma('query_only=OFF'); // a damaged vault's connection stays query-only
  }
}

/** What the registry resolved from a handler's scope before running it. */
interface ResolvedScope {
  pilotId?: number;
}

const roleWords: Record<Role, string> = { coordinator: 'the coordinator', interviewer: 'an interviewer' };

/** A channel the key that opened the vault does not cover: said plainly, nothing done. */
function forbidden(role: Role, allowed: readonly Role[]): AppError {
  return new AppError('FORBIDDEN', `This is only for ${allowed.map((r) => roleWords[r]).join(' or ')}, and the vault was opened with ${roleWords[role]}’s key. Nothing was changed.`);
}

class QueryTriedToWrite extends Error {
  constructor(channel: string, cause: unknown) {
    super(`Query handler for ${channel} tried to write to the database`, { cause });
  }
}

class OutputMismatch extends Error {
  constructor(channel: string, detail: string) {
    super(`Handler for ${channel} returned output that does not match the contract: ${detail}`);
  }
}

/** Default error log: the channel and the error's message and stack, never the input. */
export const logToStderr = (channel: string, error: unknown) => {
  console.error(`[reciprocal] ${channel} failed:`, error instanceof Error ? error.stack ?? error.message : error);
};
