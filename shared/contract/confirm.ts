import { z } from 'zod';
import type { FieldIssue } from './envelope';

/**
 * Soft rules: things that are usually a mistake but may be right (a meeting on a Saturday, a
 * focus group after the pilot ended). A command that has them takes `confirmed: [codes]`; when a
 * warning applies and its code is not in `confirmed`, the command changes nothing and answers
 * CONFIRMATION_NEEDED with one issue per warning that applies, at `['confirmed', code]`. The screen
 * shows the messages and, if the coordinator agrees, sends the same input again with those codes.
 * Hard rules (a date in the future for something that happened) never go through this.
 */
export interface Warning<W extends string = string> {
  code: W;
  message: string;
}

/** The `confirmed` field of a command input: the warnings the coordinator has acknowledged. */
export const confirmations = <const W extends string>(codes: readonly [W, ...W[]]) =>
  z.array(z.enum(codes)).max(codes.length, 'Each warning is confirmed once').default([]);

export const CONFIRMATION_FIELD = 'confirmed';

/** The issues of a CONFIRMATION_NEEDED answer, one per warning that applies. */
export function warningIssues(open: readonly Warning[]): FieldIssue[] {
  return open.map((w) => ({ path: [CONFIRMATION_FIELD, w.code], message: w.message }));
}

/** The warnings a CONFIRMATION_NEEDED answer asks to confirm (empty for any other answer). */
export function warningsOf(error: { code: string; issues?: readonly FieldIssue[] } | undefined | null): Warning[] {
  if (!error || error.code !== 'CONFIRMATION_NEEDED') return [];
  return (error.issues ?? []).filter((i) => i.path[0] === CONFIRMATION_FIELD && i.path.length === 2).map((i) => ({ code: String(i.path[1]), message: i.message }));
}
