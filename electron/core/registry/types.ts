import type { Channel, ChannelOutput } from '../../../shared/contract';
import type { Contract } from '../../../shared/contract';
import type { z } from 'zod';
import type { Db } from '../db/types';
import type { VaultSession } from '../session';
import type { AuditEvent } from '../audit/audit';
import type { Host } from '../host';

export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export interface HandlerContext {
  session: VaultSession;
  /** The open database; throws VAULT_LOCKED when the vault is locked. */
  readonly db: Db;
  /** Who is acting, for the audit trail: 'coordinator' in the app, 'cli' from the command line. */
  actor: string;
  now: () => Date;
  /** Dialogs and other things only the running shell can do. */
  host: Host;
  /** Appends an audit entry now (for actions, which manage their own writes). */
  audit: (event: AuditEvent) => void;
}

/** Reads only. */
export interface QueryHandler<C extends Channel> {
  kind: 'query';
  run: (input: ParsedInput<C>, ctx: HandlerContext) => ChannelOutput<C>;
}

/** Writes: runs inside one transaction together with its audit entries, so both land or neither. */
export interface CommandHandler<C extends Channel> {
  kind: 'command';
  run: (input: ParsedInput<C>, ctx: HandlerContext) => ChannelOutput<C>;
  audit: (input: ParsedInput<C>, output: ChannelOutput<C>) => AuditEvent | AuditEvent[];
}

/** Asynchronous work (vault lifecycle, file export) that manages its own transactions and audit entries. */
export interface ActionHandler<C extends Channel> {
  kind: 'action';
  run: (input: ParsedInput<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;
}

export type Handler<C extends Channel> = QueryHandler<C> | CommandHandler<C> | ActionHandler<C>;
export type HandlerMap = { [C in Channel]: Handler<C> };
/** A feature's handlers, merged into the full map in handlers.ts. */
export type FeatureHandlers<Cs extends Channel> = { [C in Cs]: Handler<C> };
