import { contract, fail, isChannel, ok, toFieldIssues, describeIssues, type Channel, type ChannelInput, type ChannelOutput, type Envelope } from '../../../shared/contract';
import { AppError, fromDatabaseError } from '../errors';
import { appendAudit } from '../audit/audit';
import { readOnlyError, type VaultSession } from '../session';
import { noExportHost, type Host } from '../host';
import type { Handler, HandlerContext, HandlerMap } from './types';

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

  async invoke(channelName: string, rawInput: unknown, actor = 'coordinator'): Promise<Envelope<unknown>> {
    if (!isChannel(channelName)) return fail('UNKNOWN_CHANNEL', `There is no channel named "${channelName}".`);
    const channel: Channel = channelName;
    const spec = contract[channel];
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
    if (damage && (handler.kind === 'command' || (handler.kind === 'action' && !VAULT_LIFECYCLE.has(channel)))) throw readOnlyError(damage);
    const ctx = this.context(actor);
    const checkOutput = (value: unknown) => {
      const result = contract[channel].output.safeParse(value);
      if (!result.success) throw new OutputMismatch(channel, describeIssues(toFieldIssues(result.error)));
      return result.data;
    };
    switch (handler.kind) {
      case 'query':
        return readOnly(this.session, channel, () => checkOutput(handler.run(input as never, ctx)));
      case 'command': {
        const db = ctx.db;
        return db
          .transaction(() => {
            const value = checkOutput(handler.run(input as never, ctx));
            const events = handler.audit(input as never, value as never);
            for (const event of Array.isArray(events) ? events : [events]) ctx.audit(event);
            return value;
          })
          .immediate();
      }
      case 'action':
        return checkOutput(await handler.run(input as never, ctx));
    }
  }

  private context(actor: string): HandlerContext {
    const session = this.session;
    const now = this.now;
    return {
      session,
      actor,
      now,
      host: this.options.host ?? noExportHost,
      get db() {
        return session.db;
      },
      audit: (event) => appendAudit(session.db, actor, now().toISOString(), event),
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
