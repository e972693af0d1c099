import type { Channel, ChannelOutput } from '../../../shared/contract';
import type { Contract } from '../../../shared/contract';
import type { z } from 'zod';
import type { ReadDb, WriteDb } from '../db/query';
import type { VaultSession } from '../session';
import type { AuditEvent } from '../audit';
import type { Host } from '../host';
import type { ArchivedPilots, Scope } from './scope';

export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

/** What every handler gets from the registry. */
export interface BaseContext {
  session: VaultSession;
  /** Who is acting, for the audit trail: 'coordinator' in the app, 'cli' from the command line. */
  actor: string;
  now: () => Date;
  /** Today's date (YYYY-MM-DD) where the scheme runs: in the time zone chosen in Settings. */
  today: () => string;
  /** The pilot the handler's scope resolved (throws for a handler that declared none). */
  readonly pilotId: number;
  /** Dialogs and other things only the running shell can do. */
  host: Host;
}

export interface QueryContext extends BaseContext {
  /** The open database, read-only; throws VAULT_LOCKED when the vault is locked. */
  readonly db: ReadDb;
}

export interface CommandContext extends BaseContext {
  /** The open database, inside the command's transaction. */
  readonly db: WriteDb;
  /** Appends an audit entry inside the same transaction (for records the command changes besides its own). */
  audit: (event: AuditEvent) => void;
}

/** Actions manage their own transactions and audit entries. */
export interface ActionContext extends BaseContext {
  readonly db: WriteDb;
  /** Appends an audit entry now. */
  audit: (event: AuditEvent) => void;
}

/** Rules every handler declares rather than repeats; the registry enforces them before `run`. */
interface Declared<C extends Channel> {
  /** Which pilot the input belongs to (see scope.ts), or `noPilot`. */
  scope: Scope<ParsedInput<C>>;
  /** Whether the call may change an archived pilot: commands default to 'refuse', queries and actions to 'allow'. */
  archived?: ArchivedPilots;
}

/** Reads only: runs with the connection in query_only mode. */
export interface QueryHandler<C extends Channel> extends Declared<C> {
  kind: 'query';
  run: (input: ParsedInput<C>, ctx: QueryContext) => ChannelOutput<C>;
}

/**
 * Reads restricted records (a safeguarding concern): runs read-only like a query, then appends its
 * audit entries, in one transaction — a read that could not be recorded is not answered.
 */
export interface AuditedQueryHandler<C extends Channel> extends Declared<C> {
  kind: 'audited-query';
  run: (input: ParsedInput<C>, ctx: QueryContext) => ChannelOutput<C>;
  audit: (input: ParsedInput<C>, output: ChannelOutput<C>) => AuditEvent | AuditEvent[];
}

/** Writes: runs inside one transaction together with its audit entries, so both land or neither. */
export interface CommandHandler<C extends Channel> extends Declared<C> {
  kind: 'command';
  run: (input: ParsedInput<C>, ctx: CommandContext) => ChannelOutput<C>;
  audit: (input: ParsedInput<C>, output: ChannelOutput<C>) => AuditEvent | AuditEvent[];
}

/** Asynchronous work (vault lifecycle, file export) that manages its own transactions and audit entries. */
export interface ActionHandler<C extends Channel> extends Declared<C> {
  kind: 'action';
  run: (input: ParsedInput<C>, ctx: ActionContext) => Promise<ChannelOutput<C>>;
}

export type Handler<C extends Channel> = QueryHandler<C> | AuditedQueryHandler<C> | CommandHandler<C> | ActionHandler<C>;
export type HandlerMap = { [C in Channel]: Handler<C> };
/** A feature's handlers, merged into the full map in handlers.ts. */
export type FeatureHandlers<Cs extends Channel> = { [C in Cs]: Handler<C> };
