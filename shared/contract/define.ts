import type { z } from 'zod';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One sentence for `cli channels` and for readers of the contract. */
  summary: string;
}

/** Identity helper that keeps each channel's literal schema types. */
export const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> => spec;
