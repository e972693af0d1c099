import type { VaultSession } from '../session';
import type { ResearchExportProgress } from '../../../shared/research-export/contract';

/**
 * How far the export being written has got, per vault session, for the screen's progress bar: the
 * export yields between batches of name replacement, so the screen's progress query (polled while
 * the export runs) is answered meanwhile. Kept in memory only; nothing of it is content.
 */
const current = new WeakMap<VaultSession, ResearchExportProgress>();
const IDLE: ResearchExportProgress = { running: false, step: '', done: 0, total: 0 };

export const progressOf = (session: VaultSession): ResearchExportProgress => current.get(session) ?? IDLE;

export function reportProgress(session: VaultSession, step: string, done: number, total: number): void {
  current.set(session, { running: true, step, done, total });
}

export function finishProgress(session: VaultSession): void {
  current.delete(session);
}
