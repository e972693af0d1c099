import type { z } from 'zod';

/**
 * Who may call a channel, by the key they unlocked the vault with. Every key today is the
 * coordinator's and opens everything; an interviewer's key opens the interview database only.
 */
export const roles = ['coordinator', 'interviewer'] as const;
export type Role = (typeof roles)[number];

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One sentence for `cli channels` and for readers of the contract. */
  summary: string;
  /** The roles that may call this channel; the coordinator alone when not given. */
  access?: readonly Role[];
  /**
   * Commands and actions: the namespaces whose queries this call makes stale, which the window
   * refreshes once it succeeds (renderer/src/queries.ts). Queries declare nothing.
   */
  invalidates?: readonly QueryNamespace[];
  /**
   * Restricted records (the safeguarding register): the registry answers only while the passphrase
   * was given again recently (a step-up, held by the session and dropped on lock), and refuses
   * with STEP_UP_REQUIRED before reading the input otherwise.
   */
  stepUp?: boolean;
}

/**
 * The namespaces the window reads through queries (the part of a channel's name before the dot).
 * Only these can go stale, so only these can be named in `invalidates`.
 */
export const queryNamespaces = ['vault', 'settings', 'audit', 'pilots', 'plan', 'focusGroups', 'participants', 'chemistry', 'training', 'matching', 'pairs', 'meetings', 'logs', 'safeguarding', 'surveys', 'dashboard', 'reports', 'researchExport', 'interviews', 'erasure', 'transcripts', 'codebook', 'coding', 'groupReflections', 'recordings', 'qdpx'] as const;
export type QueryNamespace = (typeof queryNamespaces)[number];

/** The roles that may call a channel (see `access`). */
export const accessOf = (spec: Pick<ChannelSpec, 'access'>): readonly Role[] => spec.access ?? ['coordinator'];

/** Identity helper that keeps each channel's literal schema types. */
export const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> => spec;
