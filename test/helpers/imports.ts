import type { HandlerRegistry } from '../../electron/core';
import { expectOk } from './vault';

/** A chosen file as the window sends it. */
export const fileOf = (content: string | Buffer, name = 'responses.csv') => ({ name, base64: Buffer.from(content).toString('base64') });

/** Stages a file as the import screens do (imports.stage) and returns its id. */
export async function stage(registry: HandlerRegistry, content: string | Buffer, name?: string): Promise<string> {
  return expectOk(await registry.call('imports.stage', { file: fileOf(content, name) })).stagedId;
}

/** Stages a CSV and imports it with the given mapping: for setting up what a test is not about. */
export async function importPeople(registry: HandlerRegistry, pilotId: number, csv: string, mapping: Record<string, string>): Promise<number> {
  const stagedId = await stage(registry, csv, 'seed.csv');
  const result = await registry.call('participants.import', { pilotId, stagedId, mapping: mapping as never });
  return expectOk(result).imported;
}
